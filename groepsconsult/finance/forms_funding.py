"""Forms of the funding pages; choices are limited to the user's region."""

from django import forms
from django.utils.translation import gettext_lazy as _

from groepsconsult.finance.models import (
    Domain,
    FundRoute,
    Grant,
    PartnerContact,
    SustainabilityItem,
)
from groepsconsult.regions.selectors import neighbourhood_list, organisation_list

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class GrantForm(forms.ModelForm):
    class Meta:
        model = Grant
        fields = [
            "title",
            "party",
            "funder",
            "domain",
            "amount",
            "spent",
            "conditions",
            "starts_on",
            "ends_on",
            "warn_months",
            "neighbourhood",
        ]
        widgets = {
            "starts_on": DATE,
            "ends_on": DATE,
            "conditions": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, region, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["neighbourhood"].queryset = neighbourhood_list(region=region)
        self.fields["warn_months"].help_text = _(
            "A warning shows this many months before the end date (default 3, an assumption)."
        )

    def clean(self):
        data = super().clean()
        starts, ends = data.get("starts_on"), data.get("ends_on")
        if starts and ends and ends < starts:
            self.add_error("ends_on", _("The end date cannot be before the start date."))
        return data


class FundRouteForm(forms.ModelForm):
    link = forms.URLField(label=_("link"), required=False, assume_scheme="https")

    class Meta:
        model = FundRoute
        fields = [
            "name",
            "kind",
            "status",
            "conditions",
            "deadline",
            "warn_weeks",
            "contact",
            "link",
            "source",
        ]
        widgets = {"deadline": DATE, "conditions": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["warn_weeks"].help_text = _(
            "A warning shows this many weeks before the deadline (default 6, an assumption)."
        )
        self.fields["contact"].help_text = _("An organisation, desk or general address.")


class SustainabilityItemForm(forms.ModelForm):
    class Meta:
        model = SustainabilityItem
        fields = ["group", "question", "status", "evidence", "owner", "position"]
        widgets = {"evidence": forms.Textarea(attrs={"rows": 3})}


class PartnerContactForm(forms.ModelForm):
    class Meta:
        model = PartnerContact
        fields = ["organisation", "role", "name", "successor", "phone", "email", "review_on"]
        widgets = {"review_on": DATE}

    def __init__(self, *args, region, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisation_list(region=region)


class GrantFilterForm(forms.Form):
    """GET filters of the grant list; a bad value is dropped, never a 500."""

    domain = forms.ChoiceField(
        label=_("Domain"), required=False, choices=[("", _("All"))] + Domain.choices
    )
    current = forms.ChoiceField(
        label=_("Period"),
        required=False,
        choices=[("", _("All")), ("yes", _("Not ended")), ("no", _("Ended"))],
    )

    def filters(self):
        self.is_valid()
        data = self.cleaned_data
        current = {"yes": True, "no": False}.get(data.get("current") or "")
        return {"domain": data.get("domain") or None, "current": current}


class FundRouteFilterForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=[("", _("All"))] + FundRoute.Status.choices
    )
    kind = forms.ChoiceField(
        label=_("Kind"), required=False, choices=[("", _("All"))] + FundRoute.Kind.choices
    )

    def filters(self):
        self.is_valid()
        return {k: self.cleaned_data.get(k) or None for k in ("status", "kind")}


class ChecklistFilterForm(forms.Form):
    group = forms.ChoiceField(
        label=_("Group"),
        required=False,
        choices=[("", _("All"))] + SustainabilityItem.Group.choices,
    )

    def filters(self):
        self.is_valid()
        return {"group": self.cleaned_data.get("group") or None}
