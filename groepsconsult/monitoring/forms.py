"""The dashboard filters: period, neighbourhood, age band, sex, language, recruitment channel,
audience of the session (mixed, women only, men only)."""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from groepsconsult.consultations.models import Consultation
from groepsconsult.monitoring.aggregates import Filters
from groepsconsult.monitoring.models import Target
from groepsconsult.participants.models import Participant
from groepsconsult.regions.selectors import neighbourhood_list
from groepsconsult.registrations.models import Registration

AGE_BANDS = {
    "": (None, None),
    "18-39": (18, 39),
    "40-54": (40, 54),
    "55-69": (55, 69),
    "70+": (70, None),
}


class DashboardFilterForm(forms.Form):
    start = forms.DateField(
        label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    end = forms.DateField(
        label=_("Until"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    neighbourhood = forms.ModelChoiceField(
        label=_("Neighbourhood"), queryset=None, required=False, empty_label=_("All")
    )
    age_band = forms.ChoiceField(
        label=_("Age"), required=False, choices=[(k, k or _("All")) for k in AGE_BANDS]
    )
    sex = forms.ChoiceField(
        label=_("Sex"), required=False, choices=[("", _("All")), *Participant.Sex.choices]
    )
    language = forms.ChoiceField(
        label=_("Language"),
        required=False,
        choices=[("", _("All")), *settings.PARTICIPANT_LANGUAGES],
    )
    channel = forms.ChoiceField(
        label=_("Recruitment channel"),
        required=False,
        choices=[("", _("All")), *Registration.Channel.choices],
    )
    audience = forms.ChoiceField(
        label=_("Audience of the session"),
        required=False,
        choices=[("", _("All")), *Consultation.Audience.choices],
    )

    def __init__(self, *args, region, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["neighbourhood"].queryset = neighbourhood_list(region=region)

    def clean(self):
        data = super().clean()
        if data.get("start") and data.get("end") and data["start"] > data["end"]:
            self.add_error("end", _("The end of the period is before its start."))
        return data

    def filters(self) -> Filters:
        if not self.is_bound or not self.is_valid():
            return Filters()
        data = self.cleaned_data
        age_min, age_max = AGE_BANDS[data.get("age_band") or ""]
        return Filters(
            start=data.get("start"),
            end=data.get("end"),
            neighbourhood=data.get("neighbourhood"),
            sex=data.get("sex", ""),
            language=data.get("language", ""),
            channel=data.get("channel", ""),
            audience=data.get("audience", ""),
            age_min=age_min,
            age_max=age_max,
        )


class TargetForm(forms.ModelForm):
    class Meta:
        model = Target
        fields = ["year", "indicator", "value", "note"]

    def __init__(self, *args, region, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.region = region

    def validate_unique(self):
        """Check one target per indicator and year here, so it is a message on the field."""
        try:
            self.instance.validate_constraints()
        except ValidationError as exc:
            self._update_errors(exc)
