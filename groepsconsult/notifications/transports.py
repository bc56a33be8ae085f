"""Pluggable transports for e-mail and SMS, in the style of healthchecks' integrations.

A transport takes an `OutgoingMessage` and either returns a provider reference or raises
`TransportError` with a technical reason (never the message text or the number).

Settings (read with getattr so the defaults need no settings change; see docs/notifications.md):
- e-mail uses Django's mail: EMAIL_BACKEND (console by default, SMTP in production), EMAIL_*.
- GC_SMS_TRANSPORT: "log" (default: append to an outbox file) or "messagebird".
- GC_SMS_OUTBOX: file the log transport appends to (default var/sms-outbox.txt).
- GC_SMS_ORIGINATOR: sender name shown on the phone (max 11 characters, default "Groepscons").
- GC_MESSAGEBIRD_ACCESS_KEY: live access key for the MessageBird adapter.
"""

import json
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.core.mail import EmailMessage
from django.utils import timezone


class TransportError(Exception):
    """Sending failed; the message says why in technical terms, without personal data."""


@dataclass(frozen=True)
class OutgoingMessage:
    to: str  # e-mail address or phone number in E.164 (+31612345678)
    body: str
    subject: str = ""
    # E-mail only: (file name, content, MIME type), e.g. the session's calendar file.
    attachments: tuple = ()


class Transport:
    channel = ""

    def send(self, message: OutgoingMessage) -> str:
        raise NotImplementedError


class EmailTransport(Transport):
    """Django's mail: the console backend by default, SMTP through EMAIL_BACKEND in production."""

    channel = "email"

    def send(self, message):
        email = EmailMessage(subject=message.subject, body=message.body, to=[message.to])
        for attachment in message.attachments:
            email.attach(*attachment)
        try:
            sent = email.send(fail_silently=False)
        except OSError as exc:  # smtplib errors are OSErrors too
            raise TransportError(f"e-mail: {exc.__class__.__name__}") from exc
        if not sent:
            raise TransportError("e-mail: backend accepted nothing")
        return ""


class SmsTransport(Transport):
    """Interface for SMS providers: send one text to one number in E.164."""

    channel = "sms"


class LogSmsTransport(SmsTransport):
    """Writes each SMS to an outbox file instead of sending it: for development and demos.

    The outbox holds phone numbers and texts, so it lives under var/ (not served, not committed).
    """

    def send(self, message):
        path = Path(
            getattr(settings, "GC_SMS_OUTBOX", Path(settings.BASE_DIR) / "var" / "sms-outbox.txt")
        )
        path.parent.mkdir(parents=True, exist_ok=True)
        stamp = timezone.now().isoformat(timespec="seconds")
        with path.open("a", encoding="utf-8") as outbox:
            outbox.write(f"--- {stamp} to {message.to}\n{message.body}\n")
        return f"outbox:{stamp}"


class MessageBirdSmsTransport(SmsTransport):
    """MessageBird (Bird) REST API, `POST https://rest.messagebird.com/messages`.

    Authorisation header `AccessKey <GC_MESSAGEBIRD_ACCESS_KEY>`; form fields `recipients`,
    `originator` and `body`; a 201 answer carries the message `id`. Not called in tests.
    """

    url = "https://rest.messagebird.com/messages"
    timeout = 10

    def send(self, message):
        key = getattr(settings, "GC_MESSAGEBIRD_ACCESS_KEY", "")
        if not key:
            raise TransportError("messagebird: GC_MESSAGEBIRD_ACCESS_KEY is not set")
        data = urllib.parse.urlencode(
            {
                "recipients": message.to.lstrip("+"),
                "originator": getattr(settings, "GC_SMS_ORIGINATOR", "Groepscons")[:11],
                "body": message.body,
            }
        ).encode()
        request = urllib.request.Request(  # noqa: S310 (fixed https URL)
            self.url, data=data, headers={"Authorization": f"AccessKey {key}"}, method="POST"
        )
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:  # noqa: S310
                return str(json.load(response).get("id", ""))[:100]
        except urllib.error.HTTPError as exc:
            raise TransportError(f"messagebird: HTTP {exc.code}") from exc
        except (urllib.error.URLError, OSError, ValueError) as exc:
            raise TransportError(f"messagebird: {exc.__class__.__name__}") from exc


SMS_TRANSPORTS = {"log": LogSmsTransport, "messagebird": MessageBirdSmsTransport}


def sms_transport() -> SmsTransport:
    name = getattr(settings, "GC_SMS_TRANSPORT", "log")
    try:
        return SMS_TRANSPORTS[name]()
    except KeyError:
        raise TransportError(f"unknown GC_SMS_TRANSPORT {name!r}") from None


def email_transport() -> EmailTransport:
    return EmailTransport()
