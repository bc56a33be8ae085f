from django import forms
from django.utils.translation import gettext_lazy as _

from groepsconsult.core.versioning import VersionedFormMixin
from groepsconsult.offers.models import LANGUAGE_CHOICES, NeighbourhoodOffer
from groepsconsult.regions.models import Neighbourhood, Organisation


class OfferForm(VersionedFormMixin, forms.ModelForm):
    """Create or edit an offer; every choice is limited to the user's region."""

    languages = forms.MultipleChoiceField(
        label=_("Languages"),
        choices=LANGUAGE_CHOICES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Languages the offer is given in (or with an interpreter)."),
    )

    class Meta:
        model = NeighbourhoodOffer
        fields = [
            "name",
            "organisation",
            "kind",
            "description",
            "target_group",
            "neighbourhoods",
            "languages",
            "women_only",
            "is_free",
            "cost",
            "capacity",
            "waiting_weeks",
            "contact_name",
            "contact_phone",
            "contact_email",
            "successor_name",
            "successor_phone",
            "successor_email",
            "how_to_refer",
            "response_days",
            "is_active",
        ]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 3}),
            "how_to_refer": forms.Textarea(attrs={"rows": 3}),
            "neighbourhoods": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args, region, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = Organisation.objects.in_region(region)
        self.fields["neighbourhoods"].queryset = Neighbourhood.objects.in_region(region)
        if self.instance.pk:
            self.initial["languages"] = self.instance.language_codes
        self.fields["response_days"].required = False  # empty keeps the default

    def clean_response_days(self):
        value = self.cleaned_data["response_days"]
        return (
            NeighbourhoodOffer._meta.get_field("response_days").default if value is None else value
        )

    def clean_languages(self):
        return ",".join(self.cleaned_data["languages"])

    def save_offer(self):
        """The unsaved offer and the chosen neighbourhoods; the service saves both."""
        return self.save(commit=False), list(self.cleaned_data["neighbourhoods"])


class OfferFilterForm(forms.Form):
    """The list filters (GET): no personal data, so the query string is fine."""

    q = forms.CharField(label=_("Search"), required=False, max_length=100)
    neighbourhood = forms.TypedChoiceField(label=_("Neighbourhood"), required=False)
    kind = forms.ChoiceField(
        label=_("Kind"), required=False, choices=[("", _("All"))] + NeighbourhoodOffer.Kind.choices
    )
    language = forms.ChoiceField(
        label=_("Language"), required=False, choices=[("", _("All"))] + LANGUAGE_CHOICES
    )
    women_only = forms.TypedChoiceField(
        label=_("Who it is for"),
        required=False,
        choices=[("", _("All")), ("yes", _("Women only")), ("no", _("Open to everyone"))],
        coerce=lambda v: {"yes": True, "no": False}.get(v),
        empty_value=None,
    )
    stale = forms.BooleanField(label=_("Only offers that need confirming"), required=False)

    def __init__(self, *args, region, **kwargs):
        super().__init__(*args, **kwargs)
        hoods = Neighbourhood.objects.in_region(region).values_list("public_id", "name")
        self.fields["neighbourhood"].choices = [("", _("All"))] + [
            (str(pk), name) for pk, name in hoods
        ]

    def filters(self):
        """Cleaned filters for the selector; bad values are dropped rather than failing."""
        self.is_valid()  # fills cleaned_data with the valid fields only
        data = self.cleaned_data
        return {
            "q": (data.get("q") or "").strip(),
            "neighbourhood": data.get("neighbourhood") or None,
            "kind": data.get("kind") or None,
            "language": data.get("language") or None,
            "women_only": data.get("women_only"),
            "stale": bool(data.get("stale")),
        }
