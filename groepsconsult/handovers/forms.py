from django import forms
from django.utils.translation import gettext_lazy as _

from groepsconsult.handovers.models import Handover


class HandoverProposeForm(forms.Form):
    offer = forms.ModelChoiceField(label=_("Offer"), queryset=None, empty_label=None)
    handed_over_by = forms.CharField(
        label=_("Who does the hand-over"),
        max_length=150,
        help_text=_("A professional, or in a community session someone from the community."),
    )
    note = forms.CharField(
        label=_("Note for the receiver"),
        max_length=500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("No medical details: the receiver sees this note."),
    )
    request_now = forms.BooleanField(
        label=_("Send the request to the offer now"),
        required=False,
        help_text=_("Leave unticked to keep it as a proposal for the team."),
    )

    def __init__(self, *args, offers, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["offer"].queryset = offers


class HandoverAdvanceForm(forms.Form):
    to_status = forms.ChoiceField(label=_("Next step"))
    reason = forms.CharField(
        label=_("Reason"),
        max_length=300,
        required=False,
        help_text=_("Needed when declining, stopping or when there was no contact."),
    )
    first_appointment_on = forms.DateField(
        label=_("First appointment on"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    note = forms.CharField(label=_("Note"), max_length=300, required=False)

    def __init__(self, *args, steps, **kwargs):
        super().__init__(*args, **kwargs)
        labels = dict(Handover.Status.choices)
        self.fields["to_status"].choices = [(s, labels[s]) for s in steps]


class SignalResolveForm(forms.Form):
    resolution = forms.CharField(
        label=_("What was decided"),
        max_length=300,
        help_text=_("For example: new hand-over to the walking group, or GP informed."),
    )
