"""Browser journey: a GP file with two bad rows is refused with both reasons and nothing saved;
the corrected file imports; the coordinator works the call list with one click per call."""

import pytest
from playwright.sync_api import expect

from groepsconsult.participants.models import CallListEntry, ImportBatch, Participant
from tests.browser_support import log_in_with_session
from tests.factories.backbone import make_consultation, make_organisation, make_region, make_user
from tests.factories.consultations import future
from tests.factories.gp_import import gp_csv, gp_rows, importer_role

pytestmark = pytest.mark.browser


def _upload(page, live_app, practice, data, *, session=False):
    page.goto(f"{live_app.url}/participants/import/")
    page.get_by_label("Huisartsenpraktijk").select_option(label=practice.name)
    if session:
        page.get_by_label("Bedoeld voor groepsconsult (optioneel)").select_option(index=1)
    page.get_by_label("Selectiebestand (CSV of Excel .xlsx)").set_input_files(
        {"name": "selectie.csv", "mimeType": "text/csv", "buffer": data}
    )
    page.get_by_role("button", name="Controleer het bestand").click()


def test_refused_file_then_fixed_file_then_call_list(page, live_app):
    region = make_region(name="Den Haag", slug="den-haag")
    practice = make_organisation(region, kind="gp_practice", name="Huisartsen Moerwijk")
    log_in_with_session(page, live_app.url, make_user(importer_role(), region))

    rows = gp_rows(12)
    rows[2]["Geboortedatum"] = "31-02-1960"
    rows[6]["Telefoon"] = "=cmd|' /C calc'!A0"
    _upload(page, live_app, practice, gp_csv(rows))

    summary = page.locator(".error-summary")
    expect(summary).to_contain_text("Het bestand is geweigerd: 2 rijen kloppen niet.")
    expect(summary).to_contain_text("Rij 4: geboortedatum '31-02-1960' bestaat niet")
    expect(summary).to_contain_text("Rij 8: telefoon '=cmd|")
    assert (ImportBatch.objects.count(), Participant.objects.count()) == (0, 0)

    session = make_consultation(region, status="open", starts_at=future())
    _upload(page, live_app, practice, gp_csv(gp_rows(12)), session=True)
    expect(page.get_by_role("heading", level=1)).to_contain_text("Controle van selectie.csv")
    assert Participant.objects.count() == 0
    page.get_by_role("button", name="Importeer alle 12 deelnemers").click()

    expect(page.get_by_role("heading", level=1)).to_contain_text("Bellijst")
    expect(page.locator(".messages")).to_contain_text("12 deelnemers geïmporteerd")
    assert Participant.objects.filter(region=region, gp_practice=practice).count() == 12

    first = page.locator("table.call-list tbody tr").first
    first.get_by_label("Notitie").fill("komt met haar zus")
    first.get_by_role("button", name="Aangemeld").click()
    expect(page.locator("table.call-list tbody tr").first.locator(".badge")).to_contain_text(
        "Aangemeld"
    )
    entry = CallListEntry.objects.order_by("id").first()
    assert (entry.outcome, entry.note) == ("registered", "komt met haar zus")
    # "Aangemeld" gave the person a place in the intended session (the registration service).
    assert entry.participant.registrations.get().consultation == session

    page.get_by_role("link", name="Aangemeld 1").click()
    expect(page.locator("table.call-list tbody tr")).to_have_count(1)
