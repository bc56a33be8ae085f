"""Follow-up calls 6 weeks to 3 months after the first session: one row per attempt, with the
outcome and a short structured talk. The worklist is computed from sessions, consent and these
attempts (no separate list to keep in sync)."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from groepsconsult.core.models import PublicModel, RegionScopedQuerySet


class FollowUpAttempt(PublicModel):
    class Outcome(models.TextChoices):
        REACHED = "reached", _("Reached")
        NO_ANSWER = "no_answer", _("No answer")
        WRONG_NUMBER = "wrong_number", _("Wrong number")
        DECLINED = "declined", _("Does not want to talk")
        MOVED_AWAY = "moved_away", _("Moved away")

    class Progress(models.TextChoices):
        NOT_STARTED = "not_started", _("Not started yet")
        SOME = "some", _("Some steps taken")
        ACHIEVED = "achieved", _("Goal reached")

    region = models.ForeignKey("regions.Region", on_delete=models.PROTECT, related_name="+")
    participant = models.ForeignKey(
        "participants.Participant", on_delete=models.CASCADE, related_name="follow_up_attempts"
    )
    consultation = models.ForeignKey(
        "consultations.Consultation", on_delete=models.PROTECT, related_name="+"
    )
    outcome = models.CharField(_("outcome"), max_length=16, choices=Outcome.choices)
    retry_on = models.DateField(_("try again on"), null=True, blank=True)
    how_was_it = models.CharField(_("how was the session"), max_length=300, blank=True)
    steps_taken = models.CharField(_("steps taken"), max_length=300, blank=True)
    goal_progress = models.CharField(
        _("goal progress"), max_length=16, choices=Progress.choices, blank=True
    )
    needs_help = models.BooleanField(_("needs more help"), default=False)
    note = models.CharField(_("note"), max_length=300, blank=True)
    called_at = models.DateTimeField(_("called at"))
    called_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    objects = RegionScopedQuerySet.as_manager()

    class Meta:
        ordering = ["called_at", "id"]
        indexes = [models.Index(fields=["region", "consultation", "participant"])]
        constraints = [
            models.CheckConstraint(
                condition=~Q(outcome="no_answer") | Q(retry_on__isnull=False),
                name="followupattempt_no_answer_has_retry",
            ),
            models.CheckConstraint(
                condition=Q(outcome="reached") | (Q(goal_progress="") & Q(needs_help=False)),
                name="followupattempt_talk_only_when_reached",
            ),
        ]

    def __str__(self):
        return f"{self.called_at:%Y-%m-%d} {self.get_outcome_display()}"


# Outcomes after which nobody calls again.
FINAL_OUTCOMES = frozenset({"reached", "wrong_number", "declined", "moved_away"})


class SessionDebrief(PublicModel):
    """The team's short debrief after a session: were participants well informed, what to change."""

    class Informed(models.TextChoices):
        YES = "yes", _("Yes")
        PARTLY = "partly", _("Partly")
        NO = "no", _("No")

    consultation = models.OneToOneField(
        "consultations.Consultation", on_delete=models.CASCADE, related_name="debrief"
    )
    well_informed = models.CharField(
        _("were participants well informed?"), max_length=8, choices=Informed.choices
    )
    went_well = models.TextField(_("what went well"), max_length=1000, blank=True)
    to_change = models.TextField(_("what to change next time"), max_length=1000, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    def __str__(self):
        return f"{self.consultation}: {self.get_well_informed_display()}"


class Story(PublicModel):
    """A participant's own words about their experience, for the funder report.

    Recorded only with the consent "share my story anonymously in reports"; the report reads
    stories through `followups.selectors.story_report_list`, which checks that consent in the
    query, so a withdrawal takes the story out of every later report. Never shown with a name.
    """

    region = models.ForeignKey("regions.Region", on_delete=models.PROTECT, related_name="+")
    participant = models.ForeignKey(
        "participants.Participant", on_delete=models.CASCADE, related_name="stories"
    )
    text = models.TextField(
        _("quote"),
        max_length=1000,
        help_text=_(
            "In the participant's own words. Leave out names, places and anything else by "
            "which someone could be recognised."
        ),
    )
    recorded_on = models.DateField(_("recorded on"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    objects = RegionScopedQuerySet.as_manager()

    class Meta:
        ordering = ["-recorded_on", "-id"]
        verbose_name_plural = _("stories")

    def __str__(self):
        return f"{self.recorded_on:%Y-%m-%d}"
