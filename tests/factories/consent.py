"""Consent factories. Texts are (re)created here because browser tests flush the data migration's rows."""

import datetime as dt
from importlib import import_module

from groepsconsult.audit.services import Actor
from groepsconsult.consent.models import ConsentText
from groepsconsult.consent.services import consent_record, consent_withdraw

_initial = import_module("groepsconsult.consent.migrations.0002_initial_texts")


def ensure_consent_texts():
    return {
        purpose: ConsentText.objects.get_or_create(
            purpose=purpose,
            version=_initial.VERSION,
            defaults={"valid_from": _initial.VALID_FROM, **texts},
        )[0]
        for purpose, texts in _initial.TEXTS.items()
    }


def make_consent_text(purpose, version, valid_from=None, **kw):
    return ConsentText.objects.create(
        purpose=purpose,
        version=version,
        valid_from=valid_from or dt.date(2026, 6, 1),
        text_nl=kw.pop("text_nl", f"Tekst {version}"),
        text_en=kw.pop("text_en", f"Text {version}"),
        **kw,
    )


def actor(user):
    return Actor.for_user(user, role="coordinator", region_slug="alpha")


def give(participant, purpose, user, *, given=True, how="paper"):
    ensure_consent_texts()
    return consent_record(
        participant=participant, purpose=purpose, given=given, how=how, by=actor(user)
    )


def withdraw(consent, user, reason="Wil niet meer"):
    return consent_withdraw(consent=consent, reason=reason, by=actor(user))


def make_region_objects(region, *, participant):
    """One consent row in `region`, for the cross-region URL walk (tests/test_url_walk.py)."""
    from tests.factories.backbone import make_user

    return give(participant, "share_with_gp", make_user("coordinator", region))
