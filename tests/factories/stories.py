"""Story factories: the consent text (browser tests flush the data migration's rows) and a
story through the service."""

from importlib import import_module

from groepsconsult.audit.services import Actor
from groepsconsult.consent.models import ConsentText
from groepsconsult.followups.services import story_record
from tests.factories.consent import give

_texts = import_module("groepsconsult.consent.migrations.0006_share_story_text")


def ensure_story_consent_text():
    return ConsentText.objects.get_or_create(
        purpose="share_story",
        version=_texts.VERSION,
        defaults={"valid_from": _texts.VALID_FROM, **_texts.TEXTS},
    )[0]


def consent_to_story(participant, user, *, given=True):
    ensure_story_consent_text()
    return give(participant, "share_story", user, given=given)


def make_story(participant, user, text="Ik wandel nu elke week met de groep.", **kw):
    consent_to_story(participant, user)
    by = Actor.for_user(user, role="coordinator", region_slug=participant.region.slug)
    return story_record(participant=participant, text=text, by=by, **kw)
