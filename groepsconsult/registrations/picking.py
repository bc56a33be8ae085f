"""Pick a session, then a participant by day number: shared by the welfare-table pages
(questionnaires) and the individual talk (goals), which both start from the same two steps.
Owned here because a day number belongs to a registration (ADR 0006)."""

from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext as _

from groepsconsult.consultations.selectors import (
    consultation_get_for_user,
    consultation_session_choices,
)
from groepsconsult.core.http import uuid_or_none
from groepsconsult.registrations.forms import PickForm
from groepsconsult.registrations.selectors import registration_find_by_day_number


@dataclass
class Pick:
    sessions: Any  # consultations.selectors.SessionChoices
    consultation: Any
    form: PickForm
    registration: Any = None  # set when a valid day number was posted

    def context(self):
        return {
            "session_options": self.sessions.options(selected=self.consultation),
            "consultation": self.consultation,
            "form": self.form,
        }


def pick_registration(request) -> Pick:
    """Session from ?consultation= (GET or POST), then a posted day number; 404 outside the region."""
    membership = request.membership
    consultation = None
    chosen = uuid_or_none(request.GET.get("consultation") or request.POST.get("consultation"))
    if chosen:
        consultation = consultation_get_for_user(membership=membership, public_id=chosen)
    pick = Pick(
        sessions=consultation_session_choices(region=membership.region),
        consultation=consultation,
        form=PickForm(request.POST or None),
    )
    if request.method == "POST" and consultation and pick.form.is_valid():
        pick.registration = registration_find_by_day_number(
            membership=membership,
            consultation=consultation,
            day_number=pick.form.cleaned_data["day_number"],
        )
        if pick.registration is None:
            pick.form.add_error("day_number", _("Nobody has this number in this session."))
    return pick
