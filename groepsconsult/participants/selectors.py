"""The only way to read participants. Scoped to the user's region and role, and logged.

Later features add their own consent-gated readers on top of `participant_visible_queryset`;
nothing else may query Participant.objects for display.
"""

import re

from django.db.models import Q
from django.shortcuts import get_object_or_404

from groepsconsult.accounts.permissions import Role
from groepsconsult.audit.models import AccessEvent
from groepsconsult.audit.services import access_log_write
from groepsconsult.consent.models import ConsentPurpose
from groepsconsult.consent.selectors import consent_current_exists
from groepsconsult.core.http import PAGE_SIZE
from groepsconsult.core.pagination import CappedPaginator
from groepsconsult.core.text import fold_name
from groepsconsult.participants.gp_import.cleaning import normalise_phone
from groepsconsult.participants.models import Participant, ParticipantBackground
from groepsconsult.participants.search import name_contains_q

POSTCODE_TERM = re.compile(r"[1-9][0-9]{3}[A-Za-z]{2}")
NAME_ORDER = ("family_name", "given_name", "pk")


def participant_visible_queryset(*, membership):
    """Participants this membership may see at all: its region; a GP practice only its own
    patients who consent to sharing with their GP; a health champion only those who consent
    to be contacted by one."""
    return Participant.objects.filter(participant_visible_q(membership=membership))


def participant_visible_q(*, membership, via=""):
    """The rule of `participant_visible_queryset` as a filter on the participant at `via`
    ("" on participants, "participant__" on registrations), so readers of rows that point at a
    participant join it instead of listing every visible participant in an IN (...)."""
    q = Q(**{f"{via}region": membership.region})
    # Consent is enforced here, in the query, so every list and record built on this rule
    # follows a withdrawal at once (the filter is an EXISTS: one query, however many rows).
    ref = f"{via}pk"
    if membership.role == Role.GP_PRACTICE:
        q &= Q(**{f"{via}gp_practice_id": membership.organisation_id})
        q &= Q(consent_current_exists(ConsentPurpose.SHARE_WITH_GP, participant_ref=ref))
    elif membership.role == Role.HEALTH_CHAMPION:
        q &= Q(
            consent_current_exists(ConsentPurpose.CONTACT_BY_HEALTH_CHAMPION, participant_ref=ref)
        )
    return q


def participant_search(queryset, q, *, via=""):
    """Each term must match a name (folded: "kilic" finds "Kılıç") or be the postcode;
    `via` ("participant__") searches rows that point at a participant."""
    for term in q.split()[:4]:
        name = name_contains_q(fold_name(term), via=via)
        # Only a term shaped like a postcode also tries the postcode: a plain name filter is
        # one the trigram index answers (pg_trgm, or FTS5 on SQLite: participants.search).
        if POSTCODE_TERM.fullmatch(term):
            name |= Q(**{f"{via}postcode__iexact": term})
        queryset = queryset.filter(name)
    return queryset


def participant_page_for_user(*, membership, by, page_number=1, q="", neighbourhood=None, purpose):
    """One page of participants (fixed query count), with one LIST access event per row."""
    qs = participant_visible_queryset(membership=membership)
    if neighbourhood:
        qs = qs.filter(neighbourhood__public_id=neighbourhood)
    if q:
        qs = participant_search(qs, q)
    # Count and sort ids only, then fetch the page's 25 rows with their joins: a common name
    # matches thousands in a large region, and sorting those as whole joined rows was most of
    # the search page (the ids sort from the narrow participant_sort_by_id_idx). The id breaks
    # ties between equal names, so a person cannot appear on two pages.
    ids = qs.order_by(*NAME_ORDER).values_list("pk", flat=True)
    page = CappedPaginator(ids, PAGE_SIZE).get_page(page_number)
    page.object_list = list(
        participant_visible_queryset(membership=membership)
        .filter(pk__in=page.object_list)
        .select_related("neighbourhood", "gp_practice")
        .order_by(*NAME_ORDER)
    )
    access_log_write(
        by=by,
        action=AccessEvent.Action.LIST,
        subject_type="participant",
        participant_ids=[p.public_id for p in page],
        purpose=purpose,
        detail=f"page {page.number}" + (" (search)" if q else ""),
    )
    return page


def participant_get_for_user(*, membership, by, public_id, purpose, action=AccessEvent.Action.VIEW):
    """One participant, or 404 outside what the membership may see; the read is logged."""
    participant = get_object_or_404(
        participant_visible_queryset(membership=membership).select_related(
            "neighbourhood", "gp_practice", "region"
        ),
        public_id=public_id,
    )
    access_log_write(
        by=by,
        action=action,
        subject_type="participant",
        subject_ids=[participant.public_id],
        participant_ids=[participant.public_id],
        purpose=purpose,
    )
    return participant


def participant_match_list(*, membership, by, family_name, date_of_birth, phone="", purpose):
    """People who may be the same person as the one being registered ("Bedoelt u ...?").

    Same date of birth, and the same family name (folded: "Kilic" matches "Kılıç") or the same
    phone number. At most five; the names shown are logged as one LIST event.
    """
    matches = _same_person(
        participant_visible_queryset(membership=membership),
        family_name=family_name,
        date_of_birth=date_of_birth,
        phone=phone,
    )
    if matches:
        access_log_write(
            by=by,
            action=AccessEvent.Action.LIST,
            subject_type="participant",
            subject_ids=[p.public_id for p in matches],
            participant_ids=[p.public_id for p in matches],
            purpose=purpose,
            detail="possible duplicates of a new registration",
        )
    return matches


def participant_background_get(*, participant):
    """The participant's optional background answers, or an unsaved empty set of them."""
    found = ParticipantBackground.objects.filter(participant=participant).first()
    return found or ParticipantBackground(participant=participant)


def _same_person(queryset, *, family_name, date_of_birth, phone, limit=5):
    """The matching rule: same date of birth, and same (folded) family name or same phone."""
    family = fold_name(family_name)
    wanted_phone = normalise_phone(phone) if phone else ""
    candidates = queryset.filter(date_of_birth=date_of_birth)
    return [
        person
        for person in candidates.order_by("family_name", "given_name")[:50]
        if (family and family in person.search_name)
        or (wanted_phone and normalise_phone(person.phone) == wanted_phone)
    ][:limit]


def participant_same_person_in_region(*, region, family_name, date_of_birth, phone=""):
    """Who in the whole region may be this person (the rule of `participant_match_list`), for a
    writer that must not make a second record but may not show the candidates (a GP practice
    referring a patient): the caller shows no names from it and logs what it links."""
    return _same_person(
        Participant.objects.in_region(region),
        family_name=family_name,
        date_of_birth=date_of_birth,
        phone=phone,
    )


def participant_same_person(*, region, given_name, family_name, date_of_birth, phone="", email=""):
    """The one participant of the region who is certainly this person, or None.

    For routes where nobody can be asked "Bedoelt u ...?" (the public sign-up): the same full
    name (folded, so "Ayse Kilic" is "Ayşe Kılıç"), the same date of birth, and the same phone
    number or e-mail address. Anything less is a new record; two candidates are too.
    The caller must not show anything of the record it returns.
    """
    folded = fold_name(f"{given_name} {family_name}")
    wanted_phone = normalise_phone(phone) if phone else ""
    wanted_email = email.strip().casefold()
    candidates = [
        person
        for person in Participant.objects.in_region(region).filter(
            date_of_birth=date_of_birth, search_name=folded, anonymised_at__isnull=True
        )[:5]
        if (wanted_phone and person.phone and normalise_phone(person.phone) == wanted_phone)
        or (wanted_email and person.email.strip().casefold() == wanted_email)
    ]
    return candidates[0] if len(candidates) == 1 else None
