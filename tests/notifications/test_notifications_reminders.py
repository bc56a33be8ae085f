"""send_reminders: the time window, idempotency, opt-outs, channel, language and the ledger."""

import datetime as dt
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from groepsconsult.audit.models import AccessEvent
from groepsconsult.audit.services import Actor
from groepsconsult.notifications.messages import mobile_number
from groepsconsult.notifications.models import ContactPreference, OutboundMessage
from groepsconsult.notifications.services import reminders_send_due
from groepsconsult.notifications.transports import SmsTransport, TransportError
from tests.factories.backbone import make_consultation, make_participant
from tests.factories.offers import make_registration

pytestmark = pytest.mark.django_db
TODAY = dt.date(2026, 12, 8)
BY = Actor.system("send_reminders")


@pytest.fixture(autouse=True)
def outbox_file(settings, tmp_path):
    settings.GC_SMS_TRANSPORT = "log"
    settings.GC_SMS_OUTBOX = tmp_path / "sms.txt"
    return settings.GC_SMS_OUTBOX


def at(day, hour=10, minute=0):
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour, minute)))


def session(region, day=TODAY + dt.timedelta(days=2), hour=10, **kw):
    return make_consultation(region, starts_at=at(day, hour), status=kw.pop("status", "open"), **kw)


def registered(consultation, **participant_fields):
    participant = make_participant(consultation.region, **participant_fields)
    return make_registration(consultation, participant)


def sms_lines(path):
    return path.read_text(encoding="utf-8") if path.exists() else ""


def test_mobile_number_recognises_dutch_mobiles_only():
    assert mobile_number("06 1234 5678") == "+31612345678"
    assert mobile_number("+31 6 12345678") == "+31612345678"
    assert mobile_number("0698765432") == "+31698765432"  # a block the metadata may not know
    assert mobile_number("0661234567") == ""  # pager
    assert mobile_number("+32 470 12 34 56") == "+32470123456"  # Belgian mobile
    assert mobile_number("070 123 4567") == ""
    assert mobile_number("nonsense") == ""


def test_only_sessions_exactly_two_days_ahead_get_a_reminder(region_a, outbox_file):
    early = registered(session(region_a, hour=0))
    late = registered(session(region_a, hour=23))
    tomorrow = registered(session(region_a, day=TODAY + dt.timedelta(days=1)))
    in_three = registered(session(region_a, day=TODAY + dt.timedelta(days=3)))
    counts = reminders_send_due(today=TODAY, by=BY)
    assert counts["sent_sms"] == 2
    reminded = set(OutboundMessage.objects.values_list("registration_id", flat=True))
    assert reminded == {early.pk, late.pk}
    assert tomorrow.pk not in reminded and in_three.pk not in reminded


def test_only_open_or_full_sessions_and_registered_people(region_a):
    ok = registered(session(region_a, status="full"))
    registered(session(region_a, status="draft"))
    registered(session(region_a, status="cancelled"))
    cancelled = registered(session(region_a))
    cancelled.status = "cancelled"
    cancelled.save()
    reminders_send_due(today=TODAY, by=BY)
    assert list(OutboundMessage.objects.values_list("registration_id", flat=True)) == [ok.pk]


def test_running_twice_sends_once(region_a, outbox_file):
    registered(session(region_a))
    first = reminders_send_due(today=TODAY, by=BY)
    second = reminders_send_due(today=TODAY, by=BY)
    assert first["sent_sms"] == 1 and sum(second.values()) == 0
    assert sms_lines(outbox_file).count("--- ") == 1
    message = OutboundMessage.objects.get()
    assert (message.status, message.attempts, message.channel) == ("sent", 1, "sms")


def test_sms_opt_out_falls_back_to_email_and_both_opt_outs_send_nothing(region_a, outbox_file):
    s = session(region_a)
    to_email = registered(s, email="a@example.org")
    nothing = registered(s, email="b@example.org")
    ContactPreference.objects.create(
        participant=to_email.participant, sms_opt_out=True, changed_by="x"
    )
    ContactPreference.objects.create(
        participant=nothing.participant, sms_opt_out=True, email_opt_out=True, changed_by="x"
    )
    counts = reminders_send_due(today=TODAY, by=BY)
    assert (counts["sent_email"], counts["opted_out"], counts["sent_sms"]) == (1, 1, 0)
    assert [m.to for m in mail.outbox] == [["a@example.org"]]
    assert sms_lines(outbox_file) == ""
    assert OutboundMessage.objects.get(registration=nothing).status == "opted_out"


def test_landline_without_email_is_recorded_as_no_contact(region_a):
    reg = registered(session(region_a), phone="070 123 4567")
    assert reminders_send_due(today=TODAY, by=BY)["no_contact"] == 1
    assert OutboundMessage.objects.get(registration=reg).status == "no_contact"


def test_opt_out_lifted_later_is_reminded_on_the_next_run(region_a):
    reg = registered(session(region_a))
    pref = ContactPreference.objects.create(
        participant=reg.participant, sms_opt_out=True, changed_by="x"
    )
    reminders_send_due(today=TODAY, by=BY)
    pref.sms_opt_out = False
    pref.save()
    assert reminders_send_due(today=TODAY, by=BY)["sent_sms"] == 1


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("nl", "Herinnering: het groepsconsult is op donderdag 10 december om 10:00 uur"),
        ("en", "Reminder: the group consultation is on Thursday 10 December at 10:00"),
        ("tr", "Hatırlatma: grup görüşmesi"),
        ("ar", "تذكير"),
    ],
)
def test_sms_is_in_the_participants_language_without_name(
    region_a, outbox_file, language, expected
):
    reg = registered(session(region_a), preferred_language=language)
    reminders_send_due(today=TODAY, by=BY)
    text = sms_lines(outbox_file)
    assert expected in text
    assert reg.participant.family_name not in text and reg.participant.given_name not in text
    assert reg.consultation.location.name in text
    assert OutboundMessage.objects.get().language == language


def test_email_reminder_in_plain_dutch(region_a):
    registered(session(region_a), phone="", email="x@example.org")
    reminders_send_due(today=TODAY, by=BY)
    (email,) = mail.outbox
    assert email.subject == "Herinnering: groepsconsult op 10 december"
    assert "over 2 dagen" in email.body and "Tot dan!" in email.body


class BrokenSms(SmsTransport):
    def send(self, message):
        raise TransportError("test: HTTP 500")


def test_failures_are_recorded_and_retried_up_to_the_limit(region_a):
    reg = registered(session(region_a))
    broken = {"sms": BrokenSms(), "email": None}
    for _ in range(OutboundMessage.MAX_ATTEMPTS + 1):
        reminders_send_due(today=TODAY, by=BY, transports=broken)
    message = OutboundMessage.objects.get(registration=reg)
    assert (message.status, message.attempts) == ("failed", OutboundMessage.MAX_ATTEMPTS)
    assert message.error == "test: HTTP 500"


def test_pending_is_never_resent(region_a, outbox_file):
    reg = registered(session(region_a))
    OutboundMessage.objects.create(
        registration=reg, kind="reminder", channel="sms", status="pending", attempts=1
    )
    assert sum(reminders_send_due(today=TODAY, by=BY).values()) == 0
    assert sms_lines(outbox_file) == ""


def test_reading_and_sending_write_the_access_log(region_a):
    reg = registered(session(region_a))
    reminders_send_due(today=TODAY, by=BY)
    events = AccessEvent.objects.filter(participant_id=reg.participant.public_id)
    assert events.filter(action="view", purpose="reminder", username="send_reminders").exists()
    # Stamped with the region, so the region's privacy officer finds them.
    assert set(events.values_list("region_slug", flat=True)) == {region_a.slug}
    assert events.filter(action="change", subject_type="outboundmessage").exists()


def test_command_prints_counts_only_and_is_idempotent(region_a, region_b, outbox_file):
    regs = [registered(session(region_a)), registered(session(region_b), phone="", email="e@x.nl")]
    out = StringIO()
    call_command("send_reminders", "--today", TODAY.isoformat(), stdout=out)
    text = out.getvalue()
    assert "1 by SMS, 1 by e-mail, 0 failed" in text
    for reg in regs:
        assert reg.participant.family_name not in text
        assert reg.participant.phone not in text or not reg.participant.phone
    again = StringIO()
    call_command("send_reminders", "--today", TODAY.isoformat(), stdout=again)
    assert "0 by SMS, 0 by e-mail" in again.getvalue()
    assert len(mail.outbox) == 1 and sms_lines(outbox_file).count("--- ") == 1


def test_command_refuses_an_unknown_sms_transport(settings):
    from django.core.management.base import CommandError

    settings.GC_SMS_TRANSPORT = "pigeon"
    with pytest.raises(CommandError, match="pigeon"):
        call_command("send_reminders", stdout=StringIO())


def test_messagebird_without_key_fails_cleanly_without_network(region_a, settings):
    settings.GC_SMS_TRANSPORT = "messagebird"
    settings.GC_MESSAGEBIRD_ACCESS_KEY = ""
    reg = registered(session(region_a))
    assert reminders_send_due(today=TODAY, by=BY)["failed"] == 1
    message = OutboundMessage.objects.get(registration=reg)
    assert message.error == "messagebird: GC_MESSAGEBIRD_ACCESS_KEY is not set"
