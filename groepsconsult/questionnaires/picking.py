"""Pick a session, then a participant by day number: shared by the welfare-table pages
(questionnaires) and the individual talk (goals), which both start from the same two steps."""

from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext as _

from groepsconsult.core.http import uuid_or_none
from groepsconsult.questionnaires import selectors
from groepsconsult.questionnaires.forms import PickForm


@dataclass
class Pick:
    consultations: Any
    consultation: Any
    form: PickForm
    registration: Any = None  # set when a valid day number was posted

    def context(self):
        return {
            "consultations": self.consultations,
            "consultation": self.consultation,
            "form": self.form,
        }


def pick_registration(request) -> Pick:
    """Session from ?consultation= (GET or POST), then a posted day number; 404 outside the region."""
    membership = request.membership
    consultation = None
    chosen = uuid_or_none(request.GET.get("consultation") or request.POST.get("consultation"))
    if chosen:
        consultation = selectors.consultation_get_for_questionnaires(
            membership=membership, public_id=chosen
        )
    pick = Pick(
        consultations=selectors.consultation_list_for_questionnaires(region=membership.region)[:30],
        consultation=consultation,
        form=PickForm(request.POST or None),
    )
    if request.method == "POST" and consultation and pick.form.is_valid():
        pick.registration = selectors.registration_find_by_day_number(
            membership=membership,
            consultation=consultation,
            day_number=pick.form.cleaned_data["day_number"],
        )
        if pick.registration is None:
            pick.form.add_error("day_number", _("Nobody has this number in this session."))
    return pick
