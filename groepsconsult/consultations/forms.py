"""Forms of the consultations app. Choices are limited to the user's region (RegionScopedForm)."""

import datetime as dt

from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from groepsconsult.consultations.models import (
    Consultation,
    RosterAssignment,
    RosterStation,
    RunSheetBlock,
    StationKind,
)
from groepsconsult.consultations.selectors import session_label
from groepsconsult.core.languages import SPOKEN_LANGUAGES
from groepsconsult.core.versioning import VersionedFormMixin
from groepsconsult.regions.models import Location, Neighbourhood, Professional


def _starts_at_field(**kw):
    return forms.SplitDateTimeField(
        label=_("Date and start time"),
        widget=forms.SplitDateTimeWidget(
            # Each input needs its own accessible name: the field's <label> names only the first.
            date_attrs={"type": "date", "aria-label": _("Date")},
            time_attrs={"type": "time", "aria-label": _("Start time")},
            date_format="%Y-%m-%d",
            time_format="%H:%M",
        ),
        **kw,
    )


class SessionChoiceField(forms.ModelChoiceField):
    """A session picker: give it `consultation_session_choices(...).sessions` as queryset."""

    def __init__(self, **kwargs):
        super().__init__(queryset=Consultation.objects.none(), to_field_name="public_id", **kwargs)

    def label_from_instance(self, obj):
        return session_label(obj)


class LocationChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.neighbourhood.name} · {obj.name}"


def _location_field(region, **kw):
    return LocationChoiceField(
        label=_("Location"),
        queryset=Location.objects.in_region(region)
        .select_related("neighbourhood")
        .order_by("neighbourhood__name", "name"),
        help_text=_("The neighbourhood follows from the location."),
        **kw,
    )


class ConsultationForm(VersionedFormMixin, forms.ModelForm):
    starts_at = _starts_at_field()
    languages = forms.MultipleChoiceField(
        label=_("Languages"),
        choices=Consultation.LANGUAGES,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    room = forms.ChoiceField(label=_("Room"), required=False)

    class Meta:
        model = Consultation
        fields = [
            "title",
            "kind",
            "theme",
            "starts_at",
            "duration_minutes",
            "location",
            "room",
            "capacity",
            "audience",
            "languages",
            "interpreter_needed",
            "interpreter_language",
            "notes",
        ]
        widgets = {"notes": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, region, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["title"].help_text = _(
            "Leave empty for “Group consultation <neighbourhood>, <weekday day month>”."
        )
        self.fields["location"] = _location_field(region)
        locations = list(self.fields["location"].queryset)
        # Rooms grouped per location; the model's clean() checks the room is at the chosen one.
        self.fields["room"].choices = [("", "---------")] + [
            (loc.name, [(room, room) for room in loc.room_list]) for loc in locations if loc.rooms
        ]
        self.fields["room"].widget.attrs["data-rooms-for"] = "id_location"
        # Field-level copies of the model's CheckConstraints, so the message sits at the field.
        self.fields["capacity"].validators.append(MinValueValidator(1))
        self.fields["capacity"].widget.attrs["min"] = 1
        self.fields["duration_minutes"].validators += [
            MinValueValidator(30),
            MaxValueValidator(480),
        ]
        self.fields["duration_minutes"].widget.attrs.update(min=30, max=480, step=15)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("interpreter_needed") and not cleaned.get("interpreter_language"):
            self.add_error("interpreter_language", _("Choose the interpreter's language."))
        if not cleaned.get("interpreter_needed"):
            cleaned["interpreter_language"] = ""
        return cleaned

    def _post_clean(self):
        # The neighbourhood is not a form field: it follows from the chosen location.
        location = self.cleaned_data.get("location")
        if location is not None:
            self.instance.neighbourhood = location.neighbourhood
        super()._post_clean()

    def service_fields(self):
        data = {name: self.cleaned_data[name] for name in self.Meta.fields}
        data["neighbourhood"] = data["location"].neighbourhood
        return data


class CopyForm(forms.Form):
    starts_at = _starts_at_field()
    with_roster = forms.BooleanField(
        label=_("Copy the team (roster)"), required=False, initial=True
    )
    with_runsheet = forms.BooleanField(
        label=_("Copy the adapted run sheet"), required=False, initial=True
    )

    def __init__(self, *args, region, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["location"] = _location_field(region, required=False)
        self.fields["location"].help_text = _(
            "Leave empty for the same location. Choose another to copy the whole set-up to a "
            "new neighbourhood."
        )
        self.order_fields(["starts_at", "location", "with_roster", "with_runsheet"])


class StationForm(forms.ModelForm):
    class Meta:
        model = RosterStation
        fields = ["kind", "name"]

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("kind") == StationKind.THEMED and not cleaned.get("name", "").strip():
            self.add_error("name", _("A themed table needs a name."))
        return cleaned

    def validate_unique(self):
        pass  # the service validates against the session's tables (the form has no session)


class ProfessionalChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.name} ({obj.get_discipline_display()})"


class AssignmentForm(forms.Form):
    # Rendered as the team picker (consultations/_picker.html): radios with badges.
    professional = ProfessionalChoiceField(
        label=_("Professional"), queryset=Professional.objects, to_field_name="public_id"
    )
    role = forms.ChoiceField(label=_("Place"), choices=RosterAssignment.Role.choices)
    station = forms.ModelChoiceField(
        label=pgettext_lazy("roster", "Table"),
        queryset=RosterStation.objects.none(),
        required=False,
    )

    def __init__(self, *args, consultation, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["professional"].queryset = (
            Professional.objects.in_region(consultation.region_id)
            .filter(is_active=True)
            .order_by("name")
        )
        self.fields["station"].queryset = RosterStation.objects.filter(consultation=consultation)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("role") == RosterAssignment.Role.STATION and not cleaned.get("station"):
            self.add_error("station", _("Choose the table for this professional."))
        return cleaned


class PickerFilterForm(forms.Form):
    """The team picker's filters, read from GET. Invalid values are ignored, never a 500."""

    q = forms.CharField(label=_("Search by name"), required=False, max_length=100)
    discipline = forms.ChoiceField(
        label=_("Discipline"),
        required=False,
        choices=[("", _("All"))] + Professional.Discipline.choices,
    )
    language = forms.ChoiceField(
        label=_("Speaks"), required=False, choices=[("", _("Any language"))] + SPOKEN_LANGUAGES
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, auto_id="picker-%s", **kwargs)

    def filters(self):
        data = self.cleaned_data if self.is_valid() else {}
        return {key: data.get(key, "").strip() for key in ("q", "discipline", "language")}


class BlockForm(forms.ModelForm):
    class Meta:
        model = RunSheetBlock
        fields = ["title", "minutes", "who", "notes"]
        widgets = {"notes": forms.Textarea(attrs={"rows": 2})}

    def validate_constraints(self, exclude=None):
        pass  # the owner (session or template) is set by the service, which validates fully


class FilterForm(forms.Form):
    """The list's filters, read from GET. Invalid values are ignored, never a 500."""

    when = forms.ChoiceField(
        label=_("When"),
        required=False,
        choices=[("upcoming", _("Upcoming")), ("past", _("Past")), ("all", _("All"))],
    )
    neighbourhood = forms.ModelChoiceField(
        label=_("Neighbourhood"),
        queryset=Neighbourhood.objects.none(),
        to_field_name="public_id",
        required=False,
        empty_label=_("All"),
    )
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=[("", _("All"))] + Consultation.Status.choices
    )
    month = forms.DateField(
        label=_("Month"),
        required=False,
        input_formats=["%Y-%m"],
        widget=forms.DateInput(attrs={"type": "month"}, format="%Y-%m"),
    )

    def __init__(self, *args, region, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["neighbourhood"].queryset = Neighbourhood.objects.in_region(region)

    def clean_month(self):
        month = self.cleaned_data.get("month")
        if month and not 2000 <= month.year <= 2100:
            raise forms.ValidationError(_("Choose a month between 2000 and 2100."))
        return month

    def filters(self):
        data = self.cleaned_data if self.is_valid() else {}
        when = data.get("when") or ("" if data.get("month") else "upcoming")
        hood = data.get("neighbourhood")
        return {
            "when": "" if when == "all" else when,
            "neighbourhood": hood.public_id if hood else None,
            "status": data.get("status", ""),
            "month": data.get("month"),
        }


def parse_month(value, today):
    """A YYYY-MM string to the first day of that month; today's month when absent or bad."""
    try:
        year, month = (int(part) for part in (value or "").split("-"))
        if 2000 <= year <= 2100:
            return dt.date(year, month, 1)
    except ValueError:
        pass
    return today.replace(day=1)
