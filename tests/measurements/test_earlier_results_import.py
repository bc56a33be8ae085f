"""The earlier-results import through the real command, services and database: people matched or
created, the past session recreated, values stored with their original date, all or nothing."""

import datetime as dt
from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from groepsconsult.audit.models import AccessEvent
from groepsconsult.audit.services import Actor
from groepsconsult.consultations.models import Consultation
from groepsconsult.measurements.models import Measurement
from groepsconsult.measurements.services import Entry, measurements_record
from groepsconsult.participants.models import Participant
from groepsconsult.registrations.models import Registration
from groepsconsult.trajectories.models import Trajectory
from tests.factories.backbone import (
    make_consultation,
    make_location,
    make_neighbourhood,
    make_participant,
)
from tests.factories.documents import make_registration
from tests.factories.gp_import import gp_csv, gp_xlsx

DAY = timezone.localdate() - dt.timedelta(days=200)


@pytest.fixture
def place(region_a):
    hood = make_neighbourhood(region_a, name="Transvaal", cbs_code="BU05182900")
    return make_location(region_a, neighbourhood=hood)


def row(n, **overrides):
    values = {
        "Naam": f"Testpersoon{n}, Fatma",
        "Geboortedatum": f"{1 + n % 28:02d}-03-{1950 + n}",
        "Geslacht": "V",
        "Sessiedatum": DAY.strftime("%d-%m-%Y"),
        "Wijk": "Transvaal",
        "Systolisch": "142",
        "Diastolisch": "88",
        "Gewicht (kg)": "82,4",
        "Lengte": "164",
        "Buikomvang": "96",
    }
    values.update(overrides)
    return values


def run(tmp_path, data, *args, name="eerder.csv"):
    path = tmp_path / name
    path.write_bytes(data)
    out, err = StringIO(), StringIO()
    try:
        call_command(
            "import_earlier_results", str(path), "--region", "alpha", *args, stdout=out, stderr=err
        )
    except CommandError as exc:
        return None, err.getvalue() + str(exc)
    return out.getvalue(), err.getvalue()


def snapshot():
    return tuple(
        model.objects.count()
        for model in (Participant, Consultation, Registration, Trajectory, Measurement, AccessEvent)
    )


def test_csv_import_creates_people_past_session_trajectory_and_dated_values(tmp_path, place):
    out, _err = run(
        tmp_path, gp_csv([row(1, Glucose="", Nuchter=""), row(2, Glucose="6,1", Nuchter="ja")])
    )
    assert "deelnemers gevonden: 0, aangemaakt: 2" in out and "sessies aangemaakt: 1" in out
    session = Consultation.objects.get(imported=True)
    assert session.status == "held" and session.location == place
    assert timezone.localdate(session.starts_at) == DAY and session.starts_at < timezone.now()
    person = Participant.objects.get(family_name="Testpersoon2")
    assert person.neighbourhood == place.neighbourhood and person.sex == "female"
    trajectory = person.trajectories.get()
    assert trajectory.status == "baseline_done" and trajectory.baseline_consultation == session
    registration = Registration.objects.get(participant=person)
    assert registration.attendance == "present" and registration.channel == "earlier_import"
    current = {
        m.measure: m for m in Measurement.objects.current().filter(registration=registration)
    }
    assert current["systolic"].value == Decimal("142") and current["systolic"].colour == "red"
    assert current["bmi"].value == Decimal("30.6")  # computed as at the station
    assert current["glucose"].fasting is True and current["glucose"].colour
    assert {timezone.localdate(m.measured_at) for m in current.values()} == {DAY}


def test_xlsx_import_reads_real_dates_and_numbers(tmp_path, place):
    born = dt.datetime(1961, 7, 4)
    data = gp_xlsx(
        [row(1)],
        values={
            0: {
                "Geboortedatum": born,
                "Sessiedatum": dt.datetime.combine(DAY, dt.time()),
                "Gewicht (kg)": 82.4,
            }
        },
    )
    out, _err = run(tmp_path, data, name="eerder.xlsx")
    assert "aangemaakt: 1" in out
    person = Participant.objects.get()
    assert person.date_of_birth == born.date()
    assert Measurement.objects.current().get(measure="weight").value == Decimal("82.4")


def test_an_existing_participant_is_matched_by_folded_name_and_birth_date(
    tmp_path, place, region_a
):
    known = make_participant(
        region_a, given_name="Fatma", family_name="Kılıç", date_of_birth=dt.date(1965, 2, 1)
    )
    out, _err = run(tmp_path, gp_csv([row(1, Naam="Fatma Kilic", Geboortedatum="01-02-1965")]))
    assert "deelnemers gevonden: 1, aangemaakt: 0" in out
    assert Participant.objects.count() == 1
    assert Registration.objects.get().participant == known
    assert AccessEvent.objects.filter(
        participant_id=known.public_id, action="list", detail__contains="earlier results import"
    ).exists()


def test_every_bad_row_is_listed_with_its_field_and_nothing_is_written(tmp_path, place):
    before = snapshot()
    rows = [
        row(1),
        row(2, Naam='=HYPERLINK("http://x")'),
        row(3, Geboortedatum="31-02-1960", **{"Gewicht (kg)": "820"}),
        row(4, Sessiedatum="01-01-2099", Wijk="Nergens"),
        row(5, Systolisch="", Glucose="abc"),
        row(6, Glucose="6,0"),
    ]
    out, err = run(tmp_path, gp_csv(rows, header=[*row(1), "Glucose", "Nuchter"]))
    assert out is None and "niets opgeslagen" in err
    for expected in (
        "Rij 3: naam",
        "Rij 4: geboortedatum '31-02-1960' bestaat niet",
        "Rij 4: Gewicht: 820 kg",
        "Rij 5: sessiedatum '01-01-2099'",
        "Rij 5: wijk 'Nergens'",
        "Rij 6: Glucose (vingerprik) 'abc' is geen getal",
        "Rij 7: nuchter",
    ):
        assert expected in err, expected
    assert snapshot() == before


@pytest.mark.parametrize(
    ("data", "name", "message"),
    [
        (b"PK\x03\x04 not really a zip", "eerder.xlsx", "beschadigd"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64, "eerder.xls", ".xls"),
        ("Naam;Geboortedatum\n".encode("utf-16"), "eerder.csv", "CSV UTF-8"),
        (b"", "eerder.csv", "leeg"),
        (b"Naam;Geboortedatum;Sessiedatum\nA B;01-01-1960;01-01-2026\n", "eerder.csv", "ontbreken"),
    ],
)
def test_hostile_or_unusable_files_are_refused_whole(tmp_path, place, data, name, message):
    before = snapshot()
    out, err = run(tmp_path, data, name=name)
    assert out is None and message in err
    assert snapshot() == before


def test_a_formula_in_an_excel_cell_is_refused_never_evaluated(tmp_path, place):
    out, err = run(tmp_path, gp_xlsx([row(1, **{"Gewicht (kg)": "=1+1"})]), name="eerder.xlsx")
    assert out is None and "formule" in err and Measurement.objects.count() == 0


def test_a_second_import_of_the_same_file_creates_no_duplicates(tmp_path, place):
    data = gp_csv([row(1), row(2)])
    run(tmp_path, data)
    counts = snapshot()[:5]
    out, _err = run(tmp_path, data)
    assert "deelnemers gevonden: 2, aangemaakt: 0" in out
    assert "sessies aangemaakt: 0, hergebruikt: 1" in out and "metingen opgeslagen: 0" in out
    assert snapshot()[:5] == counts


def test_a_changed_value_on_re_import_is_a_bad_row_not_an_overwrite(tmp_path, place):
    run(tmp_path, gp_csv([row(1), row(2)]))
    changed = row(2)
    changed["Gewicht (kg)"] = "80"
    out, err = run(tmp_path, gp_csv([row(1), changed]))
    assert out is None and "Rij 3: Gewicht" in err and "82.4" in err
    assert Measurement.objects.current().get(
        measure="weight", registration__participant__family_name="Testpersoon2"
    ).value == Decimal("82.4")


def test_dry_run_reports_the_counts_and_writes_nothing(tmp_path, place):
    before = snapshot()
    out, _err = run(tmp_path, gp_csv([row(1), row(2)]), "--dry-run")
    assert "aangemaakt: 2" in out and "Proefdraai" in out
    assert snapshot() == before


def test_a_returning_participant_sees_the_comparison_in_the_booklet(
    tmp_path, place, region_a, client_for
):
    run(tmp_path, gp_csv([row(1)]))
    person = Participant.objects.get()
    back = make_consultation(
        region_a,
        location=place,
        kind="return",
        status="held",
        starts_at=timezone.now() - dt.timedelta(days=2),
    )
    now = make_registration(back, person)
    values = {"systolic": Decimal(128), "diastolic": Decimal(80), "weight": Decimal("79.0")}
    measurements_record(registration=now, entry=Entry(values=values), by=Actor.system("test"))
    assert person.trajectories.get().status == "returned"
    html = client_for("professional").get(f"/documents/booklet/{now.public_id}/").content.decode()
    assert "Eerste keer" in html and "142/88" in html and "128/80" in html
    assert "82,4" in html and "79,0" in html


def test_the_imported_session_is_listed_as_past_and_marked_imported(tmp_path, place, client_for):
    run(tmp_path, gp_csv([row(1)]))
    session = Consultation.objects.get(imported=True)
    coordinator = client_for("coordinator")
    assert (
        "Geïmporteerd" in coordinator.get(f"/consultations/{session.public_id}/").content.decode()
    )
    upcoming = coordinator.get("/consultations/?when=upcoming").content.decode()
    past = coordinator.get("/consultations/?when=past").content.decode()
    assert str(session.public_id) not in upcoming and str(session.public_id) in past


def test_two_participants_with_the_name_and_birth_date_make_the_row_bad(tmp_path, place, region_a):
    for _twice in range(2):
        make_participant(
            region_a,
            given_name="Fatma",
            family_name="Testpersoon1",
            date_of_birth=dt.date(1951, 3, 2),
        )
    out, err = run(tmp_path, gp_csv([row(1)]))
    assert out is None and "Rij 2: 2 deelnemers hebben deze naam en geboortedatum" in err


def test_a_refusal_by_a_service_is_a_bad_row_not_a_crash(tmp_path, place):
    run(tmp_path, gp_csv([row(1)]))
    Registration.objects.update(status="cancelled")
    out, err = run(tmp_path, gp_csv([row(1)]))
    assert out is None and "Rij 2: " in err and "geannuleerd" in err
