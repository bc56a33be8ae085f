"""Services: atomic, duplicates, full sessions, audience, Dutch messages, day numbers."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.utils import timezone, translation

from groepsconsult.audit.models import AccessEvent
from groepsconsult.audit.services import Actor
from groepsconsult.consultations.models import Consultation
from groepsconsult.participants.models import Participant
from groepsconsult.registrations import services
from groepsconsult.registrations.models import Registration
from groepsconsult.trajectories.models import Trajectory
from tests.factories.backbone import make_participant, make_professional, make_user
from tests.factories.registrations import make_open_consultation, make_registration

BY = Actor.system("test")


def _new_person(**kw):
    return Participant(
        **{
            "given_name": "Ayse",
            "family_name": "Yilmaz",
            "date_of_birth": dt.date(1968, 3, 14),
            "sex": "female",
            "phone": "0612345678",
            **kw,
        }
    )


def test_self_registration_creates_participant_trajectory_and_registration(region_a):
    consultation = make_open_consultation(region_a)
    registration = services.registration_self_register(
        consultation=consultation, participant=_new_person()
    )
    assert registration.channel == Registration.Channel.SELF
    assert registration.participant.region == region_a
    assert Trajectory.objects.filter(participant=registration.participant).exists()
    events = AccessEvent.objects.filter(username="self-registration")
    assert set(events.values_list("subject_type", flat=True)) == {
        "participant",
        "trajectory",
        "registration",
    }


def test_self_registration_of_the_same_person_twice_keeps_one_row(region_a):
    consultation = make_open_consultation(region_a)
    first = services.registration_self_register(
        consultation=consultation, participant=_new_person()
    )
    again = services.registration_self_register(
        consultation=consultation, participant=_new_person(family_name=" yilmaz ")
    )
    assert again.pk == first.pk
    assert Registration.objects.filter(consultation=consultation).count() == 1
    assert Participant.objects.count() == 1


def test_full_session_refuses_and_saves_nothing(region_a):
    consultation = make_open_consultation(region_a, capacity=1)
    make_registration(consultation)
    before = Participant.objects.count()
    with translation.override("nl"), pytest.raises(ValidationError) as exc:
        services.registration_self_register(consultation=consultation, participant=_new_person())
    assert "vol" in exc.value.messages[0]
    assert Participant.objects.count() == before
    assert Registration.objects.filter(consultation=consultation).count() == 1


def test_cancelled_places_do_not_count_towards_full(region_a):
    consultation = make_open_consultation(region_a, capacity=1)
    make_registration(consultation, status=Registration.Status.CANCELLED)
    services.registration_self_register(consultation=consultation, participant=_new_person())


@pytest.mark.parametrize(
    ("audience", "sex", "fits"),
    [
        ("women", "male", False),
        ("women", "female", True),
        ("women", "other", True),
        ("men", "female", False),
        ("men", "male", True),
        ("mixed", "male", True),
    ],
)
def test_audience_is_respected(region_a, audience, sex, fits):
    consultation = make_open_consultation(region_a, audience=audience)
    if fits:
        services.registration_self_register(
            consultation=consultation, participant=_new_person(sex=sex)
        )
        return
    with translation.override("nl"), pytest.raises(ValidationError) as exc:
        services.registration_self_register(
            consultation=consultation, participant=_new_person(sex=sex)
        )
    assert "sex" in exc.value.message_dict
    assert "alleen voor" in exc.value.message_dict["sex"][0]
    assert not Participant.objects.exists()


def test_closed_or_past_session_refuses_self_registration(region_a):
    draft = make_open_consultation(region_a, status=Consultation.Status.DRAFT)
    past = make_open_consultation(region_a, days_ahead=-1)
    for consultation in (draft, past):
        with pytest.raises(ValidationError):
            services.registration_self_register(
                consultation=consultation, participant=_new_person()
            )
    assert not Participant.objects.exists()


def test_invalid_participant_is_refused_in_dutch_with_nothing_saved(region_a):
    consultation = make_open_consultation(region_a)
    with translation.override("nl"), pytest.raises(ValidationError) as exc:
        services.registration_self_register(
            consultation=consultation, participant=_new_person(postcode="12345")
        )
    assert exc.value.message_dict["postcode"] == ["Een postcode ziet eruit als 2525 AB."]
    assert not Registration.objects.exists()


def test_professional_referral_needs_a_reason(region_a):
    consultation = make_open_consultation(region_a)
    with translation.override("nl"), pytest.raises(ValidationError) as exc:
        services.registration_create(
            consultation=consultation,
            participant=make_participant(region_a),
            channel=Registration.Channel.PROFESSIONAL,
            by=BY,
        )
    assert exc.value.message_dict["referral_reason"] == ["Geef de reden van de verwijzing."]


def test_community_route_needs_the_key_person(region_a):
    consultation = make_open_consultation(region_a)
    with pytest.raises(ValidationError) as exc:
        services.registration_create(
            consultation=consultation,
            participant=make_participant(region_a),
            channel=Registration.Channel.COMMUNITY,
            by=BY,
        )
    assert "community_contact" in exc.value.message_dict


def test_professional_registers_an_existing_participant_and_a_cancelled_place_is_reused(
    region_a,
):
    consultation = make_open_consultation(region_a)
    participant = make_participant(region_a)
    prof = make_professional(region_a)
    old = make_registration(consultation, participant, status=Registration.Status.CANCELLED)
    registration = services.registration_create(
        consultation=consultation,
        participant=participant,
        channel=Registration.Channel.PROFESSIONAL,
        referred_by=prof,
        referral_reason="Hoge bloeddruk, wil bewegen",
        by=BY,
    )
    assert registration.pk == old.pk
    assert (registration.status, registration.referred_by) == ("registered", prof)
    with pytest.raises(ValidationError) as exc:
        services.registration_create(
            consultation=consultation,
            participant=participant,
            channel=Registration.Channel.COMMUNITY,
            community_contact="Moskee",
            by=BY,
        )
    assert exc.value.code == "duplicate"


def test_professional_registration_of_a_new_person_is_atomic(region_a):
    consultation = make_open_consultation(region_a, audience="men")
    with pytest.raises(ValidationError):
        services.registration_create(
            consultation=consultation,
            participant=_new_person(),
            channel=Registration.Channel.COMMUNITY,
            community_contact="Vrouwengroep buurthuis",
            by=BY,
        )
    assert not Participant.objects.exists()


def test_staff_may_not_register_for_a_held_session(region_a):
    consultation = make_open_consultation(region_a, status=Consultation.Status.HELD)
    with pytest.raises(ValidationError):
        services.registration_create(
            consultation=consultation,
            participant=make_participant(region_a),
            channel=Registration.Channel.COMMUNITY,
            community_contact="Sleutelpersoon Fatma",
            by=BY,
        )


def test_cancel_keeps_the_row_and_is_audited(region_a):
    registration = make_registration(make_open_consultation(region_a))
    services.registration_cancel(registration=registration, by=BY)
    registration.refresh_from_db()
    assert registration.status == Registration.Status.CANCELLED
    assert AccessEvent.objects.filter(
        action="change", subject_type="registration", subject_id=str(registration.public_id)
    ).exists()


def test_present_people_cannot_be_cancelled(region_a):
    registration = make_registration(
        make_open_consultation(region_a), attendance=Registration.Attendance.PRESENT
    )
    with pytest.raises(ValidationError):
        services.registration_cancel(registration=registration, by=BY)


def test_check_in_hands_out_consecutive_day_numbers_and_keeps_them(region_a):
    consultation = make_open_consultation(region_a)
    first, second = make_registration(consultation), make_registration(consultation)
    services.attendance_mark(registration=second, attendance="present", by=BY)
    services.attendance_mark(registration=first, attendance="present", by=BY)
    assert (second.day_number, first.day_number) == (1, 2)
    assert first.checked_in_at is not None
    services.attendance_mark(registration=first, attendance="absent", by=BY)
    first.refresh_from_db()
    assert (first.attendance, first.day_number, first.checked_in_at) == ("absent", 2, None)
    services.attendance_mark(registration=first, attendance="present", by=BY)
    assert first.day_number == 2  # the same number again: stations may already use it


def test_check_in_retries_when_another_host_takes_the_number_first(region_a):
    """Simulate the race: right after we read the highest number, another host's check-in
    takes the next one. Our save hits the unique constraint and takes the number after it."""
    consultation = make_open_consultation(region_a)
    ours = make_registration(consultation)
    theirs = make_registration(consultation)
    raced = []

    def other_host_checks_in(execute, sql, params, many, context):
        result = execute(sql, params, many, context)
        if not raced and sql.startswith("SELECT MAX(") and "day_number" in sql:
            raced.append(True)
            Registration.objects.filter(pk=theirs.pk).update(
                day_number=1, attendance="present", checked_in_at=timezone.now()
            )
        return result

    with connection.execute_wrapper(other_host_checks_in):
        services.attendance_mark(registration=ours, attendance="present", by=BY)
    theirs.refresh_from_db()
    ours.refresh_from_db()
    assert raced
    assert (theirs.day_number, ours.day_number) == (1, 2)


def test_walk_in_is_present_with_a_number(region_a):
    consultation = make_open_consultation(region_a)
    make_registration(consultation, attendance="present", day_number=1)
    registration = services.registration_walk_in(
        consultation=consultation, participant=_new_person(phone=""), by=BY
    )
    assert registration.channel == Registration.Channel.WALK_IN
    assert (registration.attendance, registration.day_number) == ("present", 2)


def test_walk_in_of_someone_already_on_the_list_is_refused(region_a):
    consultation = make_open_consultation(region_a)
    services.registration_self_register(consultation=consultation, participant=_new_person())
    with pytest.raises(ValidationError):
        services.registration_walk_in(consultation=consultation, participant=_new_person(), by=BY)
    assert Participant.objects.count() == 1


def test_attendance_cannot_be_recorded_for_a_cancelled_session(region_a):
    consultation = make_open_consultation(region_a, status=Consultation.Status.CANCELLED)
    registration = make_registration(consultation)
    with pytest.raises(ValidationError):
        services.attendance_mark(registration=registration, attendance="present", by=BY)


def test_registration_find_by_day_number_finds_only_active_places_of_the_session(region_a):
    from groepsconsult.registrations.selectors import registration_find_by_day_number

    membership = make_user("coordinator", region_a).memberships.get()
    consultation = make_open_consultation(region_a)
    present = make_registration(consultation, attendance="present", day_number=3)
    make_registration(consultation, status="cancelled", day_number=4)
    find = registration_find_by_day_number
    assert find(membership=membership, consultation=consultation, day_number=3) == present
    # Locating writes nothing: the page that shows the person logs the read.
    assert not AccessEvent.objects.filter(participant_id=present.participant.public_id).exists()
    assert find(membership=membership, consultation=consultation, day_number=4) is None
    other = make_open_consultation(region_a)
    assert find(membership=membership, consultation=other, day_number=3) is None


def test_finding_13_two_door_tablets_give_one_person_one_day_number(region_a):
    consultation = make_open_consultation(region_a)
    registration = make_registration(consultation)
    tablet_a = Registration.objects.get(pk=registration.pk)
    tablet_b = Registration.objects.get(pk=registration.pk)  # loaded before A's check-in
    services.attendance_mark(registration=tablet_a, attendance="present", by=BY)
    services.attendance_mark(registration=tablet_b, attendance="present", by=BY)
    registration.refresh_from_db()
    assert registration.day_number == tablet_a.day_number == tablet_b.day_number
