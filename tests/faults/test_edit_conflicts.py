"""Two people editing the same record: the second save gets a conflict message, not a silent
overwrite of the first (optimistic versioning, core.versioning)."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.db.models import Model
from django.utils import timezone

from groepsconsult.audit.purposes import Purpose
from groepsconsult.consultations.models import Consultation
from groepsconsult.core.versioning import STALE_MESSAGE
from groepsconsult.offers.models import NeighbourhoodOffer
from groepsconsult.participants.models import Participant
from tests.factories.backbone import make_consultation, make_participant
from tests.factories.offers import make_offer


def posted(form, **changes):
    """What a browser posts back for `form` as shown, with `changes` typed in."""
    data = {}
    for field in form:
        value = field.value()
        if isinstance(value, Model):
            value = value.pk
        elif isinstance(value, (dt.date, dt.datetime)):
            value = value.strftime(
                "%Y-%m-%dT%H:%M" if isinstance(value, dt.datetime) else "%Y-%m-%d"
            )
        elif isinstance(value, (list, tuple)):
            value = [v.pk if isinstance(v, Model) else v for v in value]
        elif isinstance(value, bool):
            value = "on" if value else ""
        if value is not None:
            data[field.name] = value
    return {**data, **changes}


def two_editors(client_for, url):
    """Both open the edit page; returns their clients and the forms they see."""
    first, second = client_for("coordinator"), client_for("coordinator")
    return first, posted_form(first, url), second, posted_form(second, url)


def posted_form(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response.context["form"]


def assert_conflict(response):
    assert response.status_code == 200
    assert str(STALE_MESSAGE) in [str(e) for e in response.context["form"].non_field_errors()]


def test_second_participant_edit_gets_a_conflict(client_for, region_a):
    participant = make_participant(region_a)
    url = f"/participants/{participant.public_id}/edit/"
    first, form_1, second, form_2 = two_editors(client_for, url)
    assert first.post(url, posted(form_1, phone="0612345678")).status_code == 302
    assert_conflict(second.post(url, posted(form_2, phone="0687654321")))
    participant.refresh_from_db()
    assert participant.phone == "0612345678" and participant.version == 2


def test_an_edit_after_reloading_is_saved(client_for, region_a):
    participant = make_participant(region_a)
    url = f"/participants/{participant.public_id}/edit/"
    first, form_1, second, _form = two_editors(client_for, url)
    assert first.post(url, posted(form_1, phone="0612345678")).status_code == 302
    fresh = posted_form(second, url)
    assert second.post(url, posted(fresh, email="a@example.org")).status_code == 302
    participant.refresh_from_db()
    assert (participant.phone, participant.email, participant.version) == (
        "0612345678",
        "a@example.org",
        3,
    )


def test_second_consultation_edit_gets_a_conflict(client_for, region_a):
    consultation = make_consultation(region_a, status="open")
    url = f"/consultations/{consultation.public_id}/edit/"
    first, form_1, second, form_2 = two_editors(client_for, url)
    when = timezone.localtime(consultation.starts_at)
    split = {"starts_at_0": when.strftime("%Y-%m-%d"), "starts_at_1": when.strftime("%H:%M")}
    saved = first.post(url, posted(form_1, theme="Diabetes", **split))
    assert saved.status_code == 302, saved.context["form"].errors
    assert_conflict(second.post(url, posted(form_2, theme="Hart", **split)))
    assert Consultation.objects.get(pk=consultation.pk).theme == "Diabetes"


def test_second_offer_edit_gets_a_conflict(client_for, region_a):
    offer = make_offer(region_a)
    url = f"/offers/{offer.public_id}/edit/"
    first, form_1, second, form_2 = two_editors(client_for, url)
    assert first.post(url, posted(form_1, name="Wandelclub")).status_code == 302
    assert_conflict(second.post(url, posted(form_2, name="Fietsclub")))
    assert NeighbourhoodOffer.objects.get(pk=offer.pk).name == "Wandelclub"


def test_service_refuses_a_stale_version(region_a):
    from groepsconsult.audit.services import Actor
    from groepsconsult.participants.services import participant_update

    by = Actor(user_id=None, username="t", role="coordinator", region_slug="alpha")
    participant = make_participant(region_a)
    stale = Participant.objects.get(pk=participant.pk)
    participant.phone = "0611111111"
    participant_update(participant=participant, by=by, purpose=Purpose.CARE, expected_version=1)
    stale.phone = "0622222222"
    with pytest.raises(ValidationError) as refused:
        participant_update(participant=stale, by=by, purpose=Purpose.CARE, expected_version=1)
    assert refused.value.code == "stale"
