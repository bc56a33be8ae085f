from django import forms

from groepsconsult.regions.models import Location, Neighbourhood, Organisation, Professional


class RegionScopedForm(forms.ModelForm):
    """Limits every foreign-key choice to the user's region, so no form can link across regions."""

    def __init__(self, *args, region, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            queryset = getattr(field, "queryset", None)
            if queryset is not None and hasattr(queryset.model, "region"):
                field.queryset = queryset.filter(region=region)


class NeighbourhoodForm(RegionScopedForm):
    class Meta:
        model = Neighbourhood
        fields = ["name", "cbs_code"]


class LocationForm(RegionScopedForm):
    class Meta:
        model = Location
        fields = ["name", "neighbourhood", "address", "postcode", "city", "rooms", "accessibility"]
        widgets = {
            "rooms": forms.Textarea(attrs={"rows": 3}),
            "accessibility": forms.Textarea(attrs={"rows": 3}),
        }


class OrganisationForm(RegionScopedForm):
    class Meta:
        model = Organisation
        fields = ["name", "kind", "agb_code", "neighbourhood", "email", "phone"]


class ProfessionalForm(RegionScopedForm):
    class Meta:
        model = Professional
        fields = [
            "name",
            "discipline",
            "organisation",
            "big_number",
            "vog_date",
            "email",
            "phone",
            "is_active",
        ]
        widgets = {"vog_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}
