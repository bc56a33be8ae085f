"""The run sheet prints: a real PDF from WeasyPrint with the blocks, their times and the team."""

import io

from django.urls import reverse
from pypdf import PdfReader

from groepsconsult.audit.services import Actor
from groepsconsult.consultations import services
from tests.factories.consultations import future, make_full_team, make_planned_consultation


def test_pdf_contains_the_block_titles_times_and_team(client_for, region_a):
    c = make_planned_consultation(region_a, title="Moerwijk vrouwen", starts_at=future(20, 10))
    services.runsheet_reset_from_template(consultation=c, by=Actor.system())
    make_full_team(c)
    response = client_for("host").get(reverse("consultations:runsheet-pdf", args=[c.public_id]))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(response.content)).pages)
    for title in ("Welkom en kennismaking", "Meetcircuit", "Uitslagen en plenaire uitleg"):
        assert title in text
    assert "10:00–10:10" in text or "10:00" in text
    assert "Moerwijk vrouwen" in text
    assert "Verantwoordelijk arts (BIG)" in text


def test_print_view_has_the_document_and_a_print_button(client_for, region_a):
    c = make_planned_consultation(region_a)
    services.runsheet_reset_from_template(consultation=c, by=Actor.system())
    page = (
        client_for("host")
        .get(reverse("consultations:runsheet-print", args=[c.public_id]))
        .content.decode()
    )
    assert "Meetcircuit" in page and "data-print" in page and "consultations_print.js" in page
