"""The printable QR-code flyer for one session (A4 or A5 PDF, plain language at B1 level).

The text is in Dutch first, then in each language the session is held in that the app has a
catalogue for (core.languages.PAGE_LANGUAGE_CODES: English, Turkish, Arabic), so a notice board
speaks to the people the session is for. It gives the region's phone number for people who
cannot scan, and never the room's size. The QR code points at the public sign-up page, built
from settings.SITE_URL so a printed flyer works outside the office network.
"""

import segno
from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from weasyprint import HTML

from groepsconsult.core.languages import PAGE_LANGUAGE_CODES, RTL_LANGUAGES
from groepsconsult.registrations.calendar_file import location_text, public_phone

PAPER_SIZES = ("A4", "A5")
FLYER_FIRST_LANGUAGE = "nl"  # the neighbourhood's notice boards: Dutch first, whatever the UI


def public_registration_url(consultation) -> str:
    path = reverse("registrations:public-session", args=[consultation.public_id])
    return settings.SITE_URL.rstrip("/") + path


def qr_data_uri(url: str) -> str:
    # A PNG (not SVG) so the code is one crisp image in the PDF at any printer's resolution.
    return segno.make(url, error="m").png_data_uri(scale=10, border=2)


def flyer_languages(consultation) -> list[str]:
    """Dutch, then the session's languages the app can write (in the catalogue's order)."""
    offered = set(consultation.languages or ())
    others = [c for c in PAGE_LANGUAGE_CODES if c in offered and c != FLYER_FIRST_LANGUAGE]
    return [FLYER_FIRST_LANGUAGE, *others]


def _block(language: str, context: dict) -> dict:
    with translation.override(language):
        html = render_to_string(
            "registrations/_flyer_block.html",
            {**context, "first": language == FLYER_FIRST_LANGUAGE},
        )
    return {"lang": language, "dir": "rtl" if language in RTL_LANGUAGES else "ltr", "html": html}


def flyer_pdf(*, consultation, paper: str = "A4") -> bytes:
    paper = paper if paper in PAPER_SIZES else "A4"
    url = public_registration_url(consultation)
    context = {
        "consultation": consultation,
        "url": url,
        "place": location_text(consultation),
        "phone": public_phone(consultation),
        "audience": getattr(consultation, "audience", "") or "mixed",
    }
    blocks = [_block(language, context) for language in flyer_languages(consultation)]
    with translation.override(FLYER_FIRST_LANGUAGE):
        html = render_to_string(
            "registrations/flyer.html",
            {**context, "blocks": blocks, "qr": qr_data_uri(url), "paper": paper},
        )
    return HTML(string=html, base_url=settings.SITE_URL).write_pdf()
