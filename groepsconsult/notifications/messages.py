"""The reminder texts: plain language (B1), in the participant's language, no names.

No name in the text because phones are shared in many households; the date, time and place
are what people need. Texts live in templates so translators see them in the catalogues.
"""

import phonenumbers
from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone, translation

from groepsconsult.notifications.transports import OutgoingMessage
from groepsconsult.registrations.calendar_file import consultation_ics, location_text, public_phone
from groepsconsult.registrations.tokens import cancel_url

REMINDER_LANGUAGES = {code for code, _name in settings.PARTICIPANT_LANGUAGES}


def mobile_number(phone: str) -> str:
    """The number in E.164 when it is a mobile number (Dutch by default), else ''."""
    if not phone:
        return ""
    try:
        number = phonenumbers.parse(phone, "NL")
    except phonenumbers.NumberParseException:
        return ""
    kind = phonenumbers.number_type(number)
    mobile = {
        phonenumbers.PhoneNumberType.MOBILE,
        phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE,
    }
    # Every Dutch mobile number is 06 + 8 digits; accept those even when the metadata does not
    # know the block yet, so nobody misses a reminder because of a library update.
    dutch_mobile = (
        number.country_code == 31
        and len(str(number.national_number)) == 9
        and str(number.national_number).startswith("6")
        and not str(number.national_number).startswith("66")  # 066: pagers, no SMS
    )
    if not dutch_mobile and not (phonenumbers.is_valid_number(number) and kind in mobile):
        return ""
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def reminder_language(participant) -> str:
    lang = participant.preferred_language
    return lang if lang in REMINDER_LANGUAGES else settings.LANGUAGE_CODE


def _context(consultation):
    location = consultation.location
    return {
        "starts": timezone.localtime(consultation.starts_at),
        "duration": consultation.duration_minutes,
        "place": location.name,
        "address": f"{location.address}, {location.city}",
    }


def reminder_message(*, registration, channel: str, to: str) -> tuple[OutgoingMessage, str]:
    """The reminder for one registration on `channel`, and the language it is written in."""
    language = reminder_language(registration.participant)
    context = _context(registration.consultation)
    with translation.override(language):
        body = render_to_string(f"notifications/reminder_{channel}.txt", context).strip()
        subject = ""
        if channel == "email":
            subject = render_to_string("notifications/reminder_subject.txt", context).strip()
    return OutgoingMessage(to=to, body=body, subject=subject), language


def confirmation_message(*, registration, channel: str, to: str, language: str) -> OutgoingMessage:
    """The sign-up confirmation: when and where, the cancel link and the number to call; by
    e-mail with the calendar file (its reminder included) attached. No name, like reminders."""
    consultation = registration.consultation
    context = {
        **_context(consultation),
        "place": location_text(consultation),
        "cancel_url": cancel_url(registration),
        "phone": public_phone(consultation),
    }
    with translation.override(language):
        body = render_to_string(f"notifications/confirmation_{channel}.txt", context).strip()
        if channel != "email":
            return OutgoingMessage(to=to, body=body)
        subject = render_to_string("notifications/confirmation_subject.txt", context).strip()
        ics = consultation_ics(consultation)
    return OutgoingMessage(
        to=to,
        body=body,
        subject=subject,
        attachments=(("groepsconsult.ics", ics, "text/calendar"),),
    )
