"""Station forms: large, keyboard-friendly inputs; messages tied to the field that is wrong.

Decimal commas are accepted everywhere (Dutch keyboards), so inputs are text with a decimal
keypad rather than type=number (which silently drops "12,4" in some browsers).
"""

from decimal import ROUND_HALF_UP, Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from groepsconsult.clinical import implausible_combinations
from groepsconsult.consultations.forms import SessionChoiceField
from groepsconsult.measurements.classify import is_plausible, plausible_message
from groepsconsult.measurements.models import Measure, Measurement, Station
from groepsconsult.measurements.services import Entry
from groepsconsult.measurements.stations import STATION_FIELDS, unit_for

MAX_UPLOAD_BYTES = 5 * 1024 * 1024
YES_NO = [("yes", _("Yes, fasted (8 hours or more)")), ("no", _("No, not fasted"))]


class DecimalCommaField(forms.DecimalField):
    def __init__(self, *, measure, **kwargs):
        self.measure = measure
        attrs = {"inputmode": "decimal", "autocomplete": "off", "class": "big-input"}
        super().__init__(
            max_digits=7,
            decimal_places=2,
            widget=forms.TextInput(attrs=attrs),
            error_messages={"invalid": _("Enter a number, for example 12,4.")},
            **kwargs,
        )

    def to_python(self, value):
        if isinstance(value, str):
            value = value.strip().replace(",", ".")
        return super().to_python(value)

    def validate(self, value):
        super().validate(value)
        if value is not None and not is_plausible(self.measure, value):
            raise forms.ValidationError(plausible_message(self.measure, value))


# Impossible combinations (clinical.combinations), said on the field that is probably wrong.
COMBINATION_MESSAGES = {
    "diastolic_not_below_systolic": _(
        "The lower pressure (diastolic) must be below the upper pressure (systolic). "
        "Check whether the two were swapped."
    ),
    "hdl_not_below_total": _("HDL is part of total cholesterol, so it must be lower. Check both."),
    "ldl_not_below_total": _("LDL is part of total cholesterol, so it must be lower. Check both."),
    "waist_looks_like_inches": _(
        "This waist looks like inches. Enter the waist in centimetres (1 inch = 2.54 cm)."
    ),
    "bmi_disagrees": _("This BMI does not match the weight and height. Check the three values."),
}


def refuse_impossible_combinations(form, values):
    """Add an error to each field whose value cannot go with the others (never saved)."""
    numbers = {m: float(v) for m, v in values.items() if v is not None and m not in form.errors}
    for field, code in implausible_combinations(numbers):
        form.add_error(field, COMBINATION_MESSAGES[code])


def _field(measure, *, label=None, required=False):
    label = label or f"{Measure(measure).label} ({unit_for(measure)})"
    return DecimalCommaField(measure=measure, label=label, required=required)


class StationSetupForm(forms.Form):
    consultation = SessionChoiceField(label=_("Session"))
    station = forms.ChoiceField(
        choices=Station.choices, label=_("Station"), widget=forms.RadioSelect
    )

    def __init__(self, *args, sessions, **kwargs):
        """`sessions`: consultations.selectors.consultation_session_choices(...)."""
        if sessions.today is not None and not kwargs.get("initial"):
            kwargs["initial"] = {"consultation": sessions.today.public_id}
        super().__init__(*args, **kwargs)
        self.fields["consultation"].queryset = sessions.sessions


class DayNumberForm(forms.Form):
    day_number = forms.IntegerField(
        label=_("Number for the day"),
        min_value=1,
        max_value=9999,
        widget=forms.TextInput(
            attrs={"inputmode": "numeric", "autocomplete": "off", "class": "huge-input"}
        ),
        error_messages={"invalid": _("Enter the number on the participant's badge.")},
    )


class NameSearchForm(forms.Form):
    q = forms.CharField(label=_("Name"), min_length=2, max_length=100)


class StationEntryForm(forms.Form):
    """The open measures of one station for one participant; `entry()` gives the service input."""

    client_token = forms.UUIDField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, station, taken=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.station = station
        self.measures = [f for f in STATION_FIELDS[station] if f.measure not in taken]
        if station == Station.CARE:
            self._care_fields(taken)
        else:
            for f in self.measures:
                self.fields[f.measure] = _field(f.measure)
        if Measure.GLUCOSE in self.fields:
            self.fields["fasting"] = forms.ChoiceField(
                label=_("Fasted?"), choices=YES_NO, widget=forms.RadioSelect, required=False
            )
        if self.measures:
            self.fields["device"] = forms.CharField(
                label=_("Device"), max_length=100, required=False
            )

    def _care_fields(self, taken):
        if Measure.SYSTOLIC not in taken and Measure.DIASTOLIC not in taken:
            self.fields["systolic"] = _field(Measure.SYSTOLIC, required=True)
            self.fields["diastolic"] = _field(Measure.DIASTOLIC, required=True)
            second = _("second reading (optional, averaged)")
            self.fields["systolic_2"] = _field(
                Measure.SYSTOLIC, label=f"{Measure.SYSTOLIC.label}, {second}"
            )
            self.fields["diastolic_2"] = _field(
                Measure.DIASTOLIC, label=f"{Measure.DIASTOLIC.label}, {second}"
            )
            self.fields["method"] = forms.ChoiceField(
                label=_("Who measured?"),
                choices=Measurement.Method.choices[:2],
                initial=Measurement.Method.SELF,
                widget=forms.RadioSelect,
            )
        if Measure.PULSE not in taken:
            self.fields["pulse"] = _field(Measure.PULSE)

    @property
    def has_inputs(self):
        return bool(self.measures)

    def clean(self):
        data = super().clean()
        if data.get("glucose") is not None and not data.get("fasting"):
            self.add_error("fasting", _("Say whether the participant has fasted."))
        s2, d2 = data.get("systolic_2"), data.get("diastolic_2")
        if "systolic_2" in self.fields and (s2 is None) != (d2 is None):
            missing = "systolic_2" if s2 is None else "diastolic_2"
            self.add_error(missing, _("Enter both halves of the second reading."))
        entered = [m.measure for m in self.measures if data.get(m.measure) is not None]
        refuse_impossible_combinations(self, {m: data.get(m) for m in entered})
        # The second reading is a pair of its own: the same rule applies to it.
        second = {"systolic": s2, "diastolic": d2}
        if s2 is not None and d2 is not None and implausible_combinations(second):
            self.add_error("diastolic_2", COMBINATION_MESSAGES["diastolic_not_below_systolic"])
        if not entered and not self.errors:
            raise forms.ValidationError(_("Enter at least one value."))
        return data

    def entry(self) -> Entry:
        data = self.cleaned_data
        values = {}
        for f in self.measures:
            value = data.get(f.measure)
            if value is not None:
                values[f.measure] = value
        for measure in (Measure.SYSTOLIC, Measure.DIASTOLIC):
            second = data.get(f"{measure}_2")
            if measure in values and second is not None:
                mean = (values[measure] + second) / 2
                values[measure] = mean.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
        fasting = {"yes": True, "no": False}.get(data.get("fasting") or "")
        return Entry(
            values=values,
            fasting=fasting if Measure.GLUCOSE in values else None,
            method=data.get("method") or Measurement.Method.PROFESSIONAL,
            device=data.get("device", ""),
        )


class CorrectionForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for the correction"),
        max_length=200,
        help_text=_("For example: typing error, measured again."),
    )

    def __init__(self, *args, measures, current, **kwargs):
        super().__init__(*args, **kwargs)
        for measure in measures:
            self.fields[measure] = _field(measure, required=True)
            if measure in current:
                self.initial[measure] = current[measure].value
        if Measure.GLUCOSE in measures:
            self.fields["fasting"] = forms.ChoiceField(
                label=_("Fasted?"), choices=YES_NO, widget=forms.RadioSelect
            )
            row = current.get(Measure.GLUCOSE)
            if row is not None and row.fasting is not None:
                self.initial["fasting"] = "yes" if row.fasting else "no"
        self.order_fields([*measures, "fasting", "reason"])
        self.measures = list(measures)

    def clean(self):
        data = super().clean()
        refuse_impossible_combinations(self, {m: data.get(m) for m in self.measures})
        return data

    def values(self):
        return {m: self.cleaned_data[m] for m in self.measures}

    def fasting(self):
        return {"yes": True, "no": False}.get(self.cleaned_data.get("fasting") or "")


class InBodyUploadForm(forms.Form):
    file = forms.FileField(
        label=_("LookinBody export (CSV or XLSX)"),
        help_text=_("Enter each participant's day number as ID on the InBody."),
    )
    device = forms.CharField(label=_("Device"), max_length=100, initial="InBody")

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if not upload.name.lower().endswith((".csv", ".txt", ".xlsx", ".xlsm")):
            raise forms.ValidationError(_("Upload a .csv or .xlsx file."))
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(_("The file is larger than 5 MB."))
        return upload


class EarlierResultsUploadForm(forms.Form):
    """The earlier-results file; without `confirm` the import is a dry run (nothing saved)."""

    file = forms.FileField(
        label=_("Earlier results file (CSV or Excel .xlsx)"),
        help_text=_(
            "Columns: name, date of birth, session date, neighbourhood and the measures "
            "(see the list below). At most 10 MB."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.txt,.tsv,.xlsx"}),
    )
    neighbourhood = forms.ModelChoiceField(
        label=_("Neighbourhood for rows without one (optional)"),
        queryset=None,
        to_field_name="public_id",
        required=False,
    )
    confirm = forms.BooleanField(
        label=_("Import now (without this tick the file is only checked)"), required=False
    )

    def __init__(self, *args, region, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["neighbourhood"].queryset = region.neighbourhoods.filter(
            locations__isnull=False
        ).distinct()
