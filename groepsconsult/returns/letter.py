"""The invitation's words: the letter (HTML, PDF with WeasyPrint) and the SMS/e-mail text.

Each letter is written in the participant's language when this app has a catalogue for it
(English is the source language), else in Dutch. Texts live in templates so translators see
them in the catalogues. SMS and e-mail carry no name: phones are shared in many households.
"""

from pathlib import Path

from django.template.loader import render_to_string
from django.utils import timezone, translation

from groepsconsult.notifications.transports import OutgoingMessage

_LOCALE = Path(__file__).resolve().parent / "locale"
LETTER_LANGUAGES = frozenset(
    {"nl", "en"} | {d.name for d in _LOCALE.iterdir() if (d / "LC_MESSAGES/django.mo").exists()}
)


def letter_language(participant) -> str:
    language = participant.preferred_language
    return language if language in LETTER_LANGUAGES else "nl"


def _context(invitation):
    consultation = invitation.consultation
    location = consultation.location
    return {
        "invitation": invitation,
        "participant": invitation.participant,
        "starts": timezone.localtime(consultation.starts_at),
        "ends": timezone.localtime(consultation.ends_at),
        "place": location.name,
        "address": f"{location.address}, {location.postcode} {location.city}",
        "phone": invitation.contact_phone,
    }


def letter_html(invitation) -> str:
    """One letter (an <article>), in its language."""
    with translation.override(invitation.language):
        return render_to_string("returns/_letter.html", _context(invitation))


def letters_pdf(invitations) -> bytes:
    """All letters in one PDF, each starting on a new page (print and post them)."""
    from weasyprint import HTML

    body = "".join(letter_html(i) for i in invitations)
    html = render_to_string("returns/letters_document.html", {"body": body})
    return HTML(string=html).write_pdf()


def invitation_message(*, invitation, channel: str, to: str) -> OutgoingMessage:
    context = _context(invitation)
    with translation.override(invitation.language):
        body = render_to_string(f"returns/invitation_{channel}.txt", context).strip()
        subject = ""
        if channel == "email":
            subject = render_to_string("returns/invitation_subject.txt", context).strip()
    return OutgoingMessage(to=to, body=body, subject=subject)
