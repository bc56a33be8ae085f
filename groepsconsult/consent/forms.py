"""Forms for recording and withdrawing consent. Messages are Dutch through the catalogue."""

from django import forms
from django.utils.translation import gettext_lazy as _

from groepsconsult.consent.models import Consent


class ConsentRecordForm(forms.Form):
    # The version that was read out; the service refuses it if a newer text came in between.
    version = forms.CharField(max_length=20, widget=forms.HiddenInput)
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=Consent.Decision.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose whether consent is given or refused.")},
    )
    how = forms.ChoiceField(
        label=_("Recorded how"),
        choices=Consent.How.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose whether this was on paper or digital.")},
    )

    def __init__(self, *args, purpose=None, **kwargs):
        # One form per purpose on the page: the prefix keeps their radio ids apart.
        super().__init__(*args, prefix=purpose, **kwargs)


class ConsentWithdrawForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for withdrawal"),
        max_length=200,
        error_messages={"required": _("Give a reason for the withdrawal.")},
        help_text=_("In the participant's words, briefly. No medical details."),
    )

    def __init__(self, *args, purpose=None, **kwargs):
        super().__init__(*args, prefix=f"withdraw-{purpose}", **kwargs)
