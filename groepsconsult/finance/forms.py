"""Forms of the money pages; choices are limited to the user's region."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from groepsconsult.finance.models import (
    Agreement,
    Assumption,
    BudgetLine,
    CostLine,
    SessionPreparation,
)
from groepsconsult.finance.selectors import hourly_rate_list
from groepsconsult.regions.selectors import neighbourhood_list


def clean_amount_or_hours(form, data, *, neither, both, no_hours):
    """A money line is an amount, or hours with an hourly rate (the models' constraint), with
    the message at the field that is missing."""
    amount, hours, rate = data.get("amount"), data.get("hours"), data.get("rate")
    if amount is None and hours is None:
        raise ValidationError(neither)
    if amount is not None and (hours is not None or rate is not None):
        raise ValidationError(both)
    if hours is not None and rate is None:
        form.add_error("rate", _("Choose the hourly rate the hours are valued at."))
    if rate is not None and hours is None:
        form.add_error("hours", no_hours)
    return data


class BudgetLineForm(forms.ModelForm):
    class Meta:
        model = BudgetLine
        fields = [
            "year",
            "neighbourhood",
            "party",
            "kind",
            "category",
            "description",
            "amount",
            "hours",
            "rate",
        ]

    def __init__(self, *args, region, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["neighbourhood"].queryset = neighbourhood_list(region=region)
        self.fields["rate"].queryset = hourly_rate_list(region=region)
        self.fields["amount"].help_text = _("For money. Leave empty for in-kind hours.")
        self.fields["hours"].help_text = _("For in-kind contributions, with an hourly rate.")

    def clean(self):
        return clean_amount_or_hours(
            self,
            super().clean(),
            neither=_("Enter an amount, or in-kind hours with an hourly rate."),
            both=_("Enter either an amount or in-kind hours, not both."),
            no_hours=_("Enter the number of in-kind hours."),
        )


class AssumptionForm(forms.ModelForm):
    class Meta:
        model = Assumption
        fields = ["label", "low", "base", "high", "unit", "price_year", "source", "certainty"]

    def clean(self):
        data = super().clean()
        low, base, high = data.get("low"), data.get("base"), data.get("high")
        if base is not None and low is not None and low > base:
            self.add_error("low", _("The low value cannot be above the base value."))
        if base is not None and high is not None and high < base:
            self.add_error("high", _("The high value cannot be below the base value."))
        if data.get("certainty") in ("V", "P") and not data.get("source"):
            self.add_error("source", _("Name the source, or mark the figure as to confirm."))
        return data


class AgreementForm(forms.ModelForm):
    class Meta:
        model = Agreement
        fields = ["title", "partners", "owner", "successor", "review_on", "status", "notes"]
        widgets = {"review_on": forms.DateInput(attrs={"type": "date"})}


class YearForm(forms.Form):
    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100, required=False)


class CostLineForm(forms.ModelForm):
    class Meta:
        model = CostLine
        fields = ["category", "party", "in_kind", "description", "amount", "hours", "rate"]

    def __init__(self, *args, region, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["rate"].queryset = hourly_rate_list(region=region)
        self.fields["amount"].help_text = _("Leave empty for hours valued at an hourly rate.")
        self.fields["hours"].help_text = _("With an hourly rate, instead of an amount.")

    def clean(self):
        return clean_amount_or_hours(
            self,
            super().clean(),
            neither=_("Enter an amount, or hours with an hourly rate."),
            both=_("Enter either an amount or hours, not both."),
            no_hours=_("Enter the number of hours."),
        )


class SessionPreparationForm(forms.ModelForm):
    class Meta:
        model = SessionPreparation
        fields = ["hours"]


class CostFilterForm(forms.Form):
    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100, required=False)
    neighbourhood = forms.ModelChoiceField(
        label=_("Neighbourhood"), queryset=None, required=False, to_field_name="public_id"
    )

    def __init__(self, *args, region, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["neighbourhood"].queryset = neighbourhood_list(region=region)
