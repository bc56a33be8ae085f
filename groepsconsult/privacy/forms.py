from django import forms
from django.utils.translation import gettext_lazy as _


class SubjectSearchForm(forms.Form):
    """Find a person by name and date of birth: the privacy officer has no participant list."""

    family_name = forms.CharField(label=_("Family name"), max_length=100)
    date_of_birth = forms.DateField(
        label=_("Date of birth"), widget=forms.DateInput(attrs={"type": "date"})
    )


class AnonymiseForm(forms.Form):
    confirm = forms.BooleanField(
        label=_("I have checked the request and the person's identity; remove the identity now"),
    )
