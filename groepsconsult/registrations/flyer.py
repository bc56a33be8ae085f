"""The printable QR-code flyer for one session (A4 or A5 PDF, plain Dutch at B1 level).

The QR code points at the public sign-up page, built from settings.SITE_URL so a printed flyer
works outside the office network.
"""

import segno
from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from weasyprint import HTML

from groepsconsult.registrations.calendar_file import location_text

PAPER_SIZES = ("A4", "A5")


def public_registration_url(consultation) -> str:
    path = reverse("registrations:public-session", args=[consultation.public_id])
    return settings.SITE_URL.rstrip("/") + path


def qr_data_uri(url: str) -> str:
    # A PNG (not SVG) so the code is one crisp image in the PDF at any printer's resolution.
    return segno.make(url, error="m").png_data_uri(scale=10, border=2)


def flyer_pdf(*, consultation, paper: str = "A4") -> bytes:
    paper = paper if paper in PAPER_SIZES else "A4"
    url = public_registration_url(consultation)
    # The flyer is for the neighbourhood's notice boards: always Dutch, whatever the UI language.
    with translation.override("nl"):
        html = render_to_string(
            "registrations/flyer.html",
            {
                "consultation": consultation,
                "url": url,
                "qr": qr_data_uri(url),
                "paper": paper,
                "place": location_text(consultation),
                "audience": getattr(consultation, "audience", "") or "mixed",
            },
        )
    return HTML(string=html, base_url=settings.SITE_URL).write_pdf()
