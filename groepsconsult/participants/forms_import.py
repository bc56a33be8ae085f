"""Forms of the GP import: the upload (practice, intended session, file) and a call outcome."""

from django import forms
from django.utils.translation import gettext_lazy as _

from groepsconsult.participants.gp_import import selectors
from groepsconsult.participants.gp_import.reading import MAX_FILE_BYTES
from groepsconsult.participants.models import CallListEntry

ACCEPTED_EXTENSIONS = (".csv", ".txt", ".tsv", ".xlsx")


class ConsultationChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.starts_at:%d-%m-%Y} · {obj}"


class GpFileUploadForm(forms.Form):
    gp_practice = forms.ModelChoiceField(
        label=_("GP practice"),
        queryset=None,
        to_field_name="public_id",
        help_text=_("The practice that made the selection. Its patients get this practice."),
    )
    consultation = ConsultationChoiceField(
        label=_("Intended session (optional)"),
        queryset=None,
        to_field_name="public_id",
        required=False,
        help_text=_("The session the invitees are meant for."),
    )
    file = forms.FileField(
        label=_("Selection file (CSV or Excel .xlsx)"),
        help_text=_(
            "Columns: name (or given and family name), date of birth, sex, phone, e-mail, "
            "postcode and selection reason (ICPC code, BMI or medication). At most 10 MB."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ",".join(ACCEPTED_EXTENSIONS)}),
    )

    def __init__(self, *args, region, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["gp_practice"].queryset = selectors.practice_choices(region=region)
        self.fields["consultation"].queryset = selectors.consultation_choices(region=region)

    def clean_file(self):
        upload = self.cleaned_data["file"]
        name = upload.name.lower()
        if name.endswith(".xls"):
            raise forms.ValidationError(
                _("This is an old Excel file (.xls). Save it as .xlsx or as CSV and try again.")
            )
        if not name.endswith(ACCEPTED_EXTENSIONS):
            raise forms.ValidationError(_("Upload a CSV file or an Excel file (.xlsx)."))
        if upload.size > MAX_FILE_BYTES:
            raise forms.ValidationError(
                _("The file is larger than %(mb)s MB. Split it into smaller files.")
                % {"mb": MAX_FILE_BYTES // (1024 * 1024)}
            )
        return upload


class CallOutcomeForm(forms.Form):
    outcome = forms.ChoiceField(label=_("Outcome"), choices=CallListEntry.Outcome.choices)
    note = forms.CharField(label=_("Note"), max_length=200, required=False)
