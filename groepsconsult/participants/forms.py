import uuid

from django import forms
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from groepsconsult.core.versioning import VersionedFormMixin
from groepsconsult.participants.models import (
    SILS_SOURCE_WORDING,
    Participant,
    ParticipantBackground,
)
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


class ParticipantCreateForm(ParticipantForm):
    """Adds a key made when the empty form is shown: submitting twice creates one participant."""

    submission = forms.UUIDField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["submission"].initial = uuid.uuid4()

    def save(self, commit=True):
        participant = super().save(commit=False)
        participant.public_id = self.cleaned_data.get("submission") or uuid.uuid4()
        if commit:
            participant.save()
        return participant


class ParticipantSearchForm(forms.Form):
    q = forms.CharField(label=_("Search by name or postcode"), required=False, max_length=100)


class ParticipantBackgroundForm(forms.ModelForm):
    """Three optional questions; every one may be left out or answered "prefer not to say"."""

    class Meta:
        model = ParticipantBackground
        fields = ["education", "help_reading", "self_rated_health"]
        widgets = dict.fromkeys(
            ("education", "help_reading", "self_rated_health"), forms.RadioSelect
        )
        help_texts = {
            "education": _("Count a diploma you finished, in the Netherlands or abroad."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.required = False
            field.choices = [c for c in field.choices if c[0] != ""]
        self.fields["help_reading"].help_text = sils_help_text()


def sils_help_text():
    """The SILS hint, the English source wording and that the Dutch rendering is unconfirmed."""
    return format_html(
        '{} {} <span lang="en">“{}”</span> {}',
        _("Think of leaflets, letters or the instructions with medicines."),
        _("Source wording (SILS, English):"),
        SILS_SOURCE_WORDING,
        _("The Dutch wording is our translation and still to be confirmed."),
    )
