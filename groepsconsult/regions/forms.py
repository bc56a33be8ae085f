from django import forms
from django.utils.translation import gettext_lazy as _

from groepsconsult.core.languages import SPOKEN_LANGUAGES
from groepsconsult.regions.models import Location, Neighbourhood, Organisation, Professional


class RegionScopedForm(forms.ModelForm):
    """Limits every foreign-key choice to the user's region, so no form can link across regions."""

    def __init__(self, *args, region, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            queryset = getattr(field, "queryset", None)
            if queryset is not None and hasattr(queryset.model, "region"):
                field.queryset = queryset.filter(region=region)


GEOJSON_AREA_TYPES = {"Polygon", "MultiPolygon"}


class NeighbourhoodForm(RegionScopedForm):
    class Meta:
        model = Neighbourhood
        fields = ["name", "cbs_code", "ses_quintile", "ses_year", "geometry"]
        widgets = {"geometry": forms.Textarea(attrs={"rows": 4, "spellcheck": "false"})}
        help_texts = {
            "geometry": _(
                "Optional: the area as GeoJSON (a Polygon or MultiPolygon, or a Feature with one), e.g. from the CBS neighbourhood map."
            )
        }

    def clean_geometry(self):
        """Accept a bare geometry or a Feature; keep only the geometry, so maps can rely on it."""
        value = self.cleaned_data.get("geometry")
        if value in (None, "", {}):
            return None
        geometry = (
            value.get("geometry")
            if isinstance(value, dict) and value.get("type") == "Feature"
            else value
        )
        if not isinstance(geometry, dict) or geometry.get("type") not in GEOJSON_AREA_TYPES:
            raise forms.ValidationError(
                _("This is not an area: give a GeoJSON Polygon or MultiPolygon.")
            )
        if not isinstance(geometry.get("coordinates"), list) or not geometry["coordinates"]:
            raise forms.ValidationError(_("The area has no coordinates."))
        return geometry


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
            "languages",
            "is_active",
        ]
        widgets = {"vog_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}

    languages = forms.MultipleChoiceField(
        label=_("Languages spoken"),
        choices=SPOKEN_LANGUAGES,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("Matched against the languages of the sessions this person is booked on."),
    )
