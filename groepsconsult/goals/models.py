"""The participant's personal goal: chosen by them, in their own words, on a lifestyle-wheel pillar."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from groepsconsult.core.models import PublicModel


class Pillar(models.TextChoices):
    """Leefstijlroer pillars (Vereniging Arts en Leefstijl), plus substance use (optional 7th)."""

    NUTRITION = "nutrition", _("Nutrition")
    EXERCISE = "exercise", _("Exercise")
    SLEEP = "sleep", _("Sleep")
    RELAXATION = "relaxation", _("Relaxation")
    MEANING = "meaning", _("Meaning")
    SOCIAL = "social", _("Social contact")
    SUBSTANCES = "substances", _("Smoking, alcohol and drugs")


class LearningStage(models.TextChoices):
    UNCONSCIOUS_INCOMPETENT = "ui", _("Not yet aware")
    CONSCIOUS_INCOMPETENT = "ci", _("Aware, not yet able")
    CONSCIOUS_COMPETENT = "cc", _("Able, with effort")
    UNCONSCIOUS_COMPETENT = "uc", _("Habit (role model)")


class Goal(PublicModel):
    """One version of a goal. An edit never changes a row: it adds a row pointing at the one it
    replaces (`previous`), so the history of what the participant chose stays readable."""

    trajectory = models.ForeignKey(
        "trajectories.Trajectory", on_delete=models.CASCADE, related_name="goals"
    )
    consultation = models.ForeignKey(
        "consultations.Consultation",
        on_delete=models.PROTECT,
        related_name="goals",
        null=True,
        blank=True,
        verbose_name=_("set at session"),
    )
    pillar = models.CharField(_("pillar"), max_length=16, choices=Pillar.choices)
    goal_text = models.TextField(_("goal, in the participant's own words"), max_length=500)
    first_step = models.CharField(_("first step"), max_length=300, blank=True)
    learning_stage = models.CharField(
        _("learning stage"), max_length=2, choices=LearningStage.choices, blank=True
    )
    professional = models.ForeignKey(
        "regions.Professional",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="goals",
        verbose_name=_("professional of the individual talk"),
    )

    previous = models.OneToOneField(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="next_version",
        verbose_name=_("replaces"),
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("recorded by"),
    )

    class Meta:
        ordering = ["-created_at", "-id"]
