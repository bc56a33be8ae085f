"""Forms for the public sign-up page, the professional's registration and the door.

Public labels are written in plain language (B1): short words, one question per field.
"""

import datetime as dt
import re

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from groepsconsult.participants.models import Participant
from groepsconsult.registrations.models import Registration

_PHONE = re.compile(r"^\+?[0-9][0-9 \-]{7,18}$")
_DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def _clean_date_of_birth(value):
    today = timezone.localdate()
    if value > today:
        raise ValidationError(_("A date of birth cannot be in the future."), code="future")
    if value < today - dt.timedelta(days=365 * 115):
        raise ValidationError(_("Please check the year of birth."), code="too_old")
    if value > today - dt.timedelta(days=365 * 16):
        raise ValidationError(
            _("These meetings are for people aged 16 and over."), code="too_young"
        )
    return value


def _clean_phone(value):
    value = (value or "").strip()
    if value and not _PHONE.match(value):
        raise ValidationError(
            _("Please write the phone number with digits only, for example 06 12345678."),
            code="phone",
        )
    return value


def _clean_postcode(value):
    """Accept 2525ab, 2525 AB, ' 2525 ab '; store the one written form, 2525 AB."""
    value = re.sub(r"\s+", "", value or "").upper()
    if not value:
        return value
    if not re.fullmatch(r"[1-9][0-9]{3}[A-Z]{2}", value):
        raise ValidationError(_("A Dutch postcode has 4 digits and 2 letters, like 2525 AB."))
    return f"{value[:4]} {value[4:]}"


# Plain words for residents (the model's labels are written for staff).
PUBLIC_SEX_CHOICES = [
    (Participant.Sex.FEMALE.value, _("Woman")),
    (Participant.Sex.MALE.value, _("Man")),
    (Participant.Sex.OTHER.value, _("Other, or I would rather not say")),
]


class PublicRegistrationForm(forms.ModelForm):
    """Sign up for one meeting. A honeypot field catches bots; real people never see it."""

    privacy = forms.BooleanField(
        label=_(
            "I have read the privacy statement and agree that my details are used to plan "
            "this meeting."
        ),
        error_messages={"required": _("Please tick the box to say you agree.")},
    )
    # Bots fill every field; this one is hidden with CSS and skipped by screen readers.
    website = forms.CharField(
        required=False,
        label=_("Leave this field empty"),
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    class Meta:
        model = Participant
        fields = [
            "given_name",
            "family_name",
            "date_of_birth",
            "sex",
            "phone",
            "email",
            "postcode",
            "preferred_language",
        ]
        labels = {
            "given_name": _("First name"),
            "family_name": _("Last name"),
            "date_of_birth": _("Date of birth"),
            "sex": _("Are you a woman or a man?"),
            "phone": _("Phone number"),
            "email": _("E-mail address"),
            "postcode": _("Postcode"),
            "preferred_language": _("Which language do you speak best?"),
        }
        help_texts = {
            "phone": _("Give a phone number or an e-mail address, or both."),
            "sex": _("Some meetings are only for women or only for men."),
            "postcode": _("For example 2525 AB."),
        }
        widgets = {
            "date_of_birth": _DATE_WIDGET,
            "phone": forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "given_name": forms.TextInput(attrs={"autocomplete": "given-name"}),
            "family_name": forms.TextInput(attrs={"autocomplete": "family-name"}),
            "postcode": forms.TextInput(attrs={"autocomplete": "postal-code"}),
            "sex": forms.RadioSelect,
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["postcode"].required = True
        self.fields["sex"].choices = PUBLIC_SEX_CHOICES
        self.fields["preferred_language"].choices = settings.PARTICIPANT_LANGUAGES

    def clean_date_of_birth(self):
        return _clean_date_of_birth(self.cleaned_data["date_of_birth"])

    def clean_phone(self):
        return _clean_phone(self.cleaned_data.get("phone"))

    def clean_postcode(self):
        return _clean_postcode(self.cleaned_data.get("postcode"))

    def clean(self):
        cleaned = super().clean()
        # Told together with any other mistakes (all errors at once), unless phone or e-mail
        # already carries its own error.
        reachable = cleaned.get("phone") or cleaned.get("email")
        if not reachable and not {"phone", "email"} & set(self.errors):
            self.add_error(
                "phone", _("Give a phone number or an e-mail address, so we can reach you.")
            )
        return cleaned

    @property
    def is_bot(self) -> bool:
        return bool(self.data.get("website"))


class ChannelForm(forms.Form):
    """How the person came in: the route is recorded for every registration."""

    STAFF_CHANNELS = [
        (Registration.Channel.PROFESSIONAL.value, Registration.Channel.PROFESSIONAL.label),
        (Registration.Channel.COMMUNITY.value, Registration.Channel.COMMUNITY.label),
    ]
    channel = forms.ChoiceField(label=_("Route"), choices=STAFF_CHANNELS)
    referred_by = forms.ModelChoiceField(
        label=_("Referred by"), queryset=None, required=False, empty_label=_("(nobody)")
    )
    referral_reason = forms.CharField(
        label=_("Reason for referral"),
        max_length=300,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Required for a referral by a professional."),
    )
    community_contact = forms.CharField(
        label=_("Key person or group"),
        max_length=150,
        required=False,
        help_text=_("Required for the community route."),
    )

    def __init__(self, *args, professionals, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["referred_by"].queryset = professionals

    def clean(self):
        cleaned = super().clean()
        channel = cleaned.get("channel")
        if channel == Registration.Channel.PROFESSIONAL and not cleaned.get("referral_reason"):
            self.add_error("referral_reason", _("Give the reason for the referral."))
        if channel == Registration.Channel.COMMUNITY and not cleaned.get("community_contact"):
            self.add_error(
                "community_contact", _("Name the key person or group that brought them.")
            )
        return cleaned


class ParticipantSearchForm(forms.Form):
    q = forms.CharField(label=_("Search by name or postcode"), max_length=100)


class PickParticipantForm(forms.Form):
    participant = forms.UUIDField(
        widget=forms.HiddenInput,
        error_messages={"required": _("Choose a participant from the search results.")},
    )


class WalkInForm(forms.ModelForm):
    """The fewest fields that make a participant: filled in under a minute at the door."""

    class Meta:
        model = Participant
        fields = [
            "given_name",
            "family_name",
            "date_of_birth",
            "sex",
            "phone",
            "preferred_language",
        ]
        widgets = {
            "date_of_birth": _DATE_WIDGET,
            "phone": forms.TextInput(attrs={"type": "tel"}),
            "sex": forms.RadioSelect,
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sex"].choices = Participant.Sex.choices
        # Asked at the door so consent and booklets come in the person's language; Dutch if
        # left alone.
        self.fields["preferred_language"].required = False
        self.fields["preferred_language"].initial = "nl"

    def clean_preferred_language(self):
        return self.cleaned_data.get("preferred_language") or "nl"

    def clean_date_of_birth(self):
        return _clean_date_of_birth(self.cleaned_data["date_of_birth"])

    def clean_phone(self):
        return _clean_phone(self.cleaned_data.get("phone"))


class AttendanceForm(forms.Form):
    attendance = forms.ChoiceField(choices=Registration.Attendance.choices)


class PickForm(forms.Form):
    """Pick a participant of the chosen session by their number for the day."""

    day_number = forms.IntegerField(
        label=_("Number for the day"),
        min_value=1,
        max_value=999,
        widget=forms.NumberInput(attrs={"inputmode": "numeric", "autofocus": True}),
    )


_WINDOW_WIDGET = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")


class SignupRemovalForm(forms.Form):
    """The window (and optionally one client address) of bogus public sign-ups."""

    since = forms.DateTimeField(label=_("Signed up from"), widget=_WINDOW_WIDGET)
    until = forms.DateTimeField(label=_("Signed up until"), widget=_WINDOW_WIDGET)
    ip_address = forms.GenericIPAddressField(
        label=_("Only from this client address"),
        required=False,
        help_text=_("Optional. The list above shows how many sign-ups came from each address."),
    )

    @classmethod
    def initial_window(cls):
        now = timezone.localtime().replace(second=0, microsecond=0)
        return {"since": now - dt.timedelta(hours=1), "until": now + dt.timedelta(minutes=1)}
