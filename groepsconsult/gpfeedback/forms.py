"""The practice's referral form: the patient's details, the reason and the session."""

from django import forms
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from groepsconsult.participants.models import Participant


class SessionChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        starts = timezone.localtime(obj.starts_at)
        where = obj.neighbourhood.name if obj.neighbourhood_id else ""
        return f"{date_format(starts, 'l j F Y')} · {starts:%H:%M} · {where}"


class ReferralForm(forms.ModelForm):
    consultation = SessionChoiceField(
        label=_("Session"), queryset=None, empty_label=_("Choose a session")
    )
    reason = forms.CharField(
        label=_("Reason for referral"),
        max_length=300,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("For example: raised blood pressure, wants to move more. Shown to the team."),
    )

    class Meta:
        model = Participant
        fields = ["given_name", "family_name", "date_of_birth", "sex", "phone", "email"]
        widgets = {"date_of_birth": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}

    def __init__(self, *args, sessions, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["consultation"].queryset = sessions
        self.fields["phone"].required = True
        self.order_fields(["consultation", *self.Meta.fields, "reason"])
