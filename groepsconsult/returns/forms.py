from django import forms
from django.utils.translation import gettext_lazy as _

from groepsconsult.returns.models import ReturnInvitation


class GenerateForm(forms.Form):
    """Which first sessions to invite from, and the phone number printed in the letters."""

    baselines = forms.MultipleChoiceField(
        label=_("First sessions"),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one first session.")},
    )
    contact_phone = forms.CharField(
        label=_("Phone number for questions"),
        max_length=20,
        help_text=_("Printed in the letter and the message: people call it to sign up or ask."),
    )

    def __init__(self, *args, sessions, **kwargs):
        super().__init__(*args, **kwargs)
        self.sessions = {str(s.public_id): s for s in sessions}
        self.fields["baselines"].choices = [(key, key) for key in self.sessions]

    def clean_contact_phone(self):
        phone = self.cleaned_data["contact_phone"].strip()
        if sum(ch.isdigit() for ch in phone) < 10 or not set(phone) <= set("0123456789 +-()"):
            raise forms.ValidationError(
                _("Give a phone number of at least 10 digits, for example 020 123 4567.")
            )
        return phone

    def chosen_sessions(self):
        return [self.sessions[key] for key in self.cleaned_data["baselines"]]


class NotComingForm(forms.Form):
    reason = forms.ChoiceField(
        label=_("Reason"),
        choices=[("", "---------"), *ReturnInvitation.NotComing.choices],
        error_messages={"required": _("Choose the reason.")},
    )
    note = forms.CharField(label=_("Explanation"), max_length=200, required=False)

    def clean(self):
        data = super().clean()
        if (
            data.get("reason") == ReturnInvitation.NotComing.OTHER
            and not data.get("note", "").strip()
        ):
            self.add_error("note", _("Explain the reason 'other'."))
        return data
