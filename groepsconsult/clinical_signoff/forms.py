from django import forms
from django.utils.translation import gettext_lazy as _


class ApproveForm(forms.Form):
    version = forms.CharField(widget=forms.HiddenInput, max_length=20)
    confirm = forms.BooleanField(
        label=_(
            "I have reviewed every rule, its thresholds and its source, and approve this "
            "rule-set version for my region as its responsible physician."
        ),
        error_messages={"required": _("Tick the box to confirm the approval.")},
    )
