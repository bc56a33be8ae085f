from django import forms
from django.utils.translation import gettext_lazy as _

from groepsconsult.core.versioning import VersionedFormMixin
from groepsconsult.participants.models import Participant
from groepsconsult.regions.forms import RegionScopedForm


class ParticipantForm(VersionedFormMixin, RegionScopedForm):
    class Meta:
        model = Participant
        fields = [
            "given_name",
            "family_name",
            "date_of_birth",
            "sex",
            "phone",
            "email",
            "postcode",
            "preferred_language",
            "neighbourhood",
            "gp_practice",
            "bsn",
        ]
        widgets = {"date_of_birth": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}
        help_texts = {"bsn": _("Optional. Never shown in lists.")}


class ParticipantSearchForm(forms.Form):
    q = forms.CharField(label=_("Search by name or postcode"), required=False, max_length=100)
