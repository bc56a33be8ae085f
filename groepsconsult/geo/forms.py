import datetime as dt

from django import forms
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from groepsconsult.geo.indicators import DEFAULT, INDICATORS
from groepsconsult.geo.models import ReferenceDataset
from groepsconsult.monitoring.forms import DashboardFilterForm


class MapForm(forms.Form):
    indicator = forms.ChoiceField(label=_("Figure"), required=False)
    reference = forms.ChoiceField(label=_("Compare with reference figure"), required=False)

    def __init__(self, *args, reference_choices=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["indicator"].choices = [(i.key, i.label) for i in INDICATORS.values()]
        self.fields["reference"].choices = [("", _("(none)")), *reference_choices]

    def chosen(self):
        """(indicator key, reference key): the defaults when nothing or something odd was asked."""
        if self.is_bound and self.is_valid():
            return self.cleaned_data["indicator"] or DEFAULT, self.cleaned_data["reference"]
        return DEFAULT, ""


class MapFilterForm(DashboardFilterForm):
    """The dashboard's filters on the map (the same form and `Filters`), without the
    neighbourhood: the map shows every neighbourhood side by side."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        del self.fields["neighbourhood"]

    def chosen(self):
        """["Sex: Female", ...]: the filters that narrowed the figures, printed with the map."""
        if not self.is_bound or not self.is_valid():
            return []
        lines = []
        for name, field in self.fields.items():
            value = self.cleaned_data.get(name)
            if value in (None, ""):
                continue
            if isinstance(value, dt.date):
                value = date_format(value)
            else:
                value = dict(field.choices).get(value, value)
            lines.append(f"{field.label}: {value}")
        return lines


class BoundaryUploadForm(forms.Form):
    file = forms.FileField(
        label=_("Boundaries (GeoJSON)"),
        help_text=_(
            "A FeatureCollection with a buurtcode (or BU_CODE) per feature, e.g. the CBS "
            "Wijk- en Buurtkaart, in WGS84 longitude/latitude."
        ),
    )
    create = forms.BooleanField(
        label=_("Add neighbourhoods the region does not have yet"), required=False
    )
    dry_run = forms.BooleanField(label=_("Only check the file; save nothing"), required=False)


class ReferenceDatasetForm(forms.ModelForm):
    source_url = forms.URLField(
        label=_("web address of the source"), required=False, assume_scheme="https"
    )
    file = forms.FileField(
        label=_("Figures (CSV)"),
        help_text=_(
            "Columns code, indicator, value. Code: a neighbourhood (BU…), district (WK…) or "
            "municipality (GM…) code, or NL. Use indicator target_population for the size of "
            "the target group per neighbourhood (reach on the map)."
        ),
    )

    class Meta:
        model = ReferenceDataset
        fields = ["name", "source", "source_url", "published_on", "permitted_purpose"]
        widgets = {"published_on": forms.DateInput(attrs={"type": "date"})}
