"""Forms of the research pages. The project's secret key is in no form."""

from django import forms
from django.utils.translation import gettext_lazy as _

from groepsconsult.regions.models import Region
from groepsconsult.research.models import DataSharingAgreement, ResearchProject
from groepsconsult.research.variables import GROUPS, MEASURES

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class ResearchProjectForm(forms.ModelForm):
    class Meta:
        model = ResearchProject
        fields = [
            "name",
            "slug",
            "recipient_organisation",
            "agreement_reference",
            "starts_on",
            "ends_on",
            "k_anonymity",
            "age_band_years",
            "other_regions",
        ]
        widgets = {
            "starts_on": DATE,
            "ends_on": DATE,
            "other_regions": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args, manageable_region_ids, **kwargs):
        """`other_regions` offers the regions where the user manages research too (and keeps
        those the project already covers), never the project's own region."""
        super().__init__(*args, **kwargs)
        current = (
            set(self.instance.other_regions.values_list("pk", flat=True))
            if self.instance.pk
            else set()
        )
        allowed = (set(manageable_region_ids) | current) - {self.instance.region_id}
        field = self.fields["other_regions"]
        field.queryset = Region.objects.filter(pk__in=allowed).order_by("name")
        field.required = False
        if not allowed:  # a user of one region: nothing to choose, no empty question
            del self.fields["other_regions"]


class DataSharingAgreementForm(forms.ModelForm):
    variables = forms.MultipleChoiceField(
        label=_("Variables"),
        choices=list(GROUPS.items()),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("Only for a pseudonymised dataset: what it may hold besides the measures."),
    )
    measures = forms.MultipleChoiceField(
        label=_("Measures"),
        choices=[(m.value, m.label) for m in MEASURES],
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    class Meta:
        model = DataSharingAgreement
        fields = [
            "project",
            "recipient_kind",
            "recipient_name",
            "level",
            "purpose",
            "variables",
            "measures",
            "reference",
            "valid_from",
            "valid_until",
        ]
        widgets = {"valid_from": DATE, "valid_until": DATE}

    def __init__(self, *args, region, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["project"].queryset = ResearchProject.objects.in_region(region)

    def clean(self):
        data = super().clean()
        if data.get("level") == DataSharingAgreement.Level.AGGREGATE and data.get("variables"):
            self.add_error(
                "variables", _("Aggregate figures carry no variables about persons: clear these.")
            )
        return data
