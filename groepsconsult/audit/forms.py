from django import forms
from django.utils.translation import gettext_lazy as _

from groepsconsult.audit.models import AccessEvent
from groepsconsult.audit.purposes import Purpose


def _purpose_choices():
    return [("", _("All"))] + sorted(Purpose.choices, key=lambda choice: str(choice[1]))


class AccessLogFilterForm(forms.Form):
    username = forms.CharField(label=_("User"), required=False, max_length=150)
    participant = forms.UUIDField(
        label=_("Participant id"),
        required=False,
        help_text=_("The id shown at the bottom of a participant's record."),
    )
    action = forms.ChoiceField(
        label=_("Action"), required=False, choices=[("", _("All"))] + AccessEvent.Action.choices
    )
    purpose = forms.ChoiceField(label=_("Purpose"), required=False, choices=_purpose_choices)
    date_from = forms.DateField(
        label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    date_to = forms.DateField(
        label=_("To"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def clean(self):
        cleaned = super().clean()
        if (
            cleaned.get("date_from")
            and cleaned.get("date_to")
            and cleaned["date_from"] > cleaned["date_to"]
        ):
            self.add_error("date_to", _("The end date is before the start date."))
        return cleaned
