"""A group consultation: one dated session in a neighbourhood (its registrations live in `registrations`)."""

from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from groepsconsult.core.formatting import date_cached
from groepsconsult.core.languages import SPOKEN_LANGUAGES
from groepsconsult.core.models import PublicModel, RegionScopedQuerySet
from groepsconsult.core.versioning import VersionedModel


class Consultation(VersionedModel, PublicModel):
    class Kind(models.TextChoices):
        FIRST = "first", _("First session")
        RETURN = "return", _("6-month return session")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        OPEN = "open", _("Open for registration")
        FULL = "full", _("Full")
        HELD = "held", _("Held")
        CANCELLED = "cancelled", _("Cancelled")

    class Audience(models.TextChoices):
        MIXED = "mixed", _("Mixed")
        WOMEN = "women", _("Women only")
        MEN = "men", _("Men only")

    # Languages a session can be held in (codes stored in `languages`); residents asked for
    # sessions in their own language, so these are the languages of the target neighbourhoods.
    LANGUAGES = SPOKEN_LANGUAGES  # one list with offers (core.languages)

    region = models.ForeignKey(
        "regions.Region", on_delete=models.PROTECT, related_name="consultations"
    )
    neighbourhood = models.ForeignKey(
        "regions.Neighbourhood",
        on_delete=models.PROTECT,
        related_name="consultations",
        verbose_name=_("neighbourhood"),
    )
    location = models.ForeignKey(
        "regions.Location",
        on_delete=models.PROTECT,
        related_name="consultations",
        verbose_name=_("location"),
    )
    title = models.CharField(_("title"), max_length=150, blank=True)
    starts_at = models.DateTimeField(_("starts at"))
    duration_minutes = models.PositiveSmallIntegerField(_("duration (minutes)"), default=90)
    capacity = models.PositiveSmallIntegerField(_("capacity"), default=15)
    kind = models.CharField(_("kind"), max_length=8, choices=Kind.choices, default=Kind.FIRST)
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.DRAFT
    )
    room = models.CharField(
        _("room"), max_length=150, blank=True, help_text=_("One of the rooms of the location.")
    )
    theme = models.CharField(
        _("theme"), max_length=150, blank=True, help_text=_("For example: diabetes, heart, stress.")
    )
    audience = models.CharField(
        _("audience"), max_length=8, choices=Audience.choices, default=Audience.MIXED
    )
    languages = models.JSONField(_("languages"), default=list, blank=True)
    interpreter_needed = models.BooleanField(_("interpreter needed"), default=False)
    interpreter_language = models.CharField(
        _("interpreter language"), max_length=8, blank=True, choices=LANGUAGES
    )
    notes = models.TextField(_("notes"), blank=True)
    # A session held before this software was used, recreated by the earlier-results import
    # (docs/earlier-results.md) to carry its results: held from the start, never planned.
    imported = models.BooleanField(_("imported earlier session"), default=False, editable=False)
    copied_from = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="copies",
        verbose_name=_("copied from"),
    )

    objects = RegionScopedQuerySet.as_manager()

    class Meta:
        ordering = ["starts_at"]
        indexes = [models.Index(fields=["region", "starts_at"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(capacity__gte=1), name="consultation_capacity_positive"
            ),
            models.CheckConstraint(
                condition=Q(duration_minutes__gte=30) & Q(duration_minutes__lte=480),
                name="consultation_duration_sane",
            ),
            # Paired fields: an interpreter is booked for a language, and only when needed.
            models.CheckConstraint(
                condition=(Q(interpreter_needed=True) & ~Q(interpreter_language=""))
                | (Q(interpreter_needed=False) & Q(interpreter_language="")),
                name="consultation_interpreter_has_language",
                violation_error_message=_("Choose the interpreter's language, or untick it."),
            ),
        ]

    def __str__(self):
        return self.title or self.default_title()

    def default_title(self):
        """ "Group consultation Transvaal, Wednesday 6 January" in the active language: the name a
        session has while the coordinator leaves its title empty (it follows a changed date)."""
        day = date_cached(timezone.localtime(self.starts_at), "l j F")  # = date_format, cached
        return _("Group consultation %(neighbourhood)s, %(day)s") % {
            "neighbourhood": self.neighbourhood.name,
            "day": day,
        }

    @property
    def status_colour(self):
        """Badge colour for the status (components/badge.html always shows the word too)."""
        return {"open": "green", "full": "orange", "cancelled": "red"}.get(self.status, "grey")

    @property
    def ends_at(self):
        return self.starts_at + timedelta(minutes=self.duration_minutes)

    def get_languages_display(self):
        names = dict(self.LANGUAGES)
        return ", ".join(str(names.get(code, code)) for code in self.languages)

    def clean(self):
        errors = {}
        codes = {code for code, _label in self.LANGUAGES}
        if not isinstance(self.languages, list) or not set(self.languages) <= codes:
            errors["languages"] = _("Choose languages from the list.")
        if self.room and self.location_id and self.room not in self.location.room_list:
            errors["room"] = _("Choose one of the rooms of this location.")
        if errors:
            raise ValidationError(errors)
