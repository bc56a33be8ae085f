"""Targets per region, year and indicator (issue 11): what the partners agreed to reach."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from groepsconsult.core.models import PublicModel, RegionScopedQuerySet


class Target(PublicModel):
    class Indicator(models.TextChoices):
        SESSIONS = "sessions", _("First sessions held")
        PER_SESSION = "per_session", _("Participants per first session (average)")
        REACHED = "reached", _("Participants who attended a first session")
        GP_PRACTICES = "gp_practices", _("GP practices referring participants")
        CALL_REACHED = "call_reached", _("Follow-up calls reached (%)")
        RETURNED = "returned", _("Came back after six months (%)")

    region = models.ForeignKey("regions.Region", on_delete=models.PROTECT, related_name="+")
    year = models.PositiveSmallIntegerField(
        _("year"), validators=[MinValueValidator(2020), MaxValueValidator(2100)]
    )
    indicator = models.CharField(_("indicator"), max_length=16, choices=Indicator.choices)
    value = models.DecimalField(
        _("target"),
        max_digits=7,
        decimal_places=1,
        validators=[MinValueValidator(0.1)],
        help_text=_("A number, or a percentage for the indicators marked (%)."),
    )
    note = models.CharField(_("note"), max_length=200, blank=True)

    objects = RegionScopedQuerySet.as_manager()

    class Meta:
        ordering = ["-year", "indicator"]
        constraints = [
            models.UniqueConstraint(
                fields=["region", "year", "indicator"],
                name="target_one_per_indicator_and_year",
                violation_error_message=_("This indicator already has a target for that year."),
            ),
            models.CheckConstraint(
                condition=~models.Q(indicator__in=["call_reached", "returned"])
                | models.Q(value__lte=100),
                name="target_percentage_at_most_100",
                violation_error_message=_("A percentage cannot be more than 100."),
            ),
        ]

    def __str__(self):
        return f"{self.get_indicator_display()} {self.year}: {self.value}"


class TrajectoryFact(models.Model):
    """One row per trajectory with a first session: every figure the dashboards count or filter
    on, denormalised so a dashboard is one GROUP BY over this table (docs/monitoring.md,
    "Pre-aggregates"). Written only by `services.facts_refresh`; never shown as a row."""

    trajectory = models.OneToOneField(
        "trajectories.Trajectory", on_delete=models.CASCADE, primary_key=True, related_name="+"
    )
    participant = models.ForeignKey(
        "participants.Participant", on_delete=models.CASCADE, related_name="+"
    )
    region = models.ForeignKey("regions.Region", on_delete=models.CASCADE, related_name="+")
    neighbourhood = models.ForeignKey(
        "regions.Neighbourhood", on_delete=models.SET_NULL, null=True, related_name="+"
    )
    baseline_at = models.DateTimeField()
    baseline_date = models.DateField()
    baseline_month = models.DateField()
    # False when the participant said no to anonymous monitoring: the row stays, never counted.
    counted = models.BooleanField(default=True)
    sex = models.CharField(max_length=8, blank=True)
    language = models.CharField(max_length=8, blank=True)
    age = models.PositiveSmallIntegerField(null=True)  # on the first session's date
    age_band = models.CharField(max_length=8, blank=True)
    channel = models.CharField(max_length=16, blank=True)  # of the first session's registration
    audience = models.CharField(max_length=8, blank=True)  # the first session's audience
    education = models.CharField(max_length=8, blank=True)
    help_reading = models.CharField(max_length=8, blank=True)
    self_rated_health = models.CharField(max_length=12, blank=True)
    ses_quintile = models.PositiveSmallIntegerField(null=True)
    status = models.CharField(max_length=16)
    follow_up_call_due = models.DateField(null=True)
    call_reached = models.BooleanField(default=False)
    handover_taken_up = models.BooleanField(default=False)
    stop_reason = models.CharField(max_length=200, blank=True)  # trimmed, lower case
    systolic_base = models.FloatField(null=True)
    systolic_return = models.FloatField(null=True)
    diastolic_base = models.FloatField(null=True)
    diastolic_return = models.FloatField(null=True)
    weight_base = models.FloatField(null=True)
    weight_return = models.FloatField(null=True)
    waist_base = models.FloatField(null=True)
    waist_return = models.FloatField(null=True)
    # The stored traffic-light colour of the current measurement (green / orange / red, blank
    # when none), for the colour moves: red or orange at baseline, better on return.
    systolic_base_colour = models.CharField(max_length=8, blank=True)
    systolic_return_colour = models.CharField(max_length=8, blank=True)
    diastolic_base_colour = models.CharField(max_length=8, blank=True)
    diastolic_return_colour = models.CharField(max_length=8, blank=True)
    weight_base_colour = models.CharField(max_length=8, blank=True)
    weight_return_colour = models.CharField(max_length=8, blank=True)
    waist_base_colour = models.CharField(max_length=8, blank=True)
    waist_return_colour = models.CharField(max_length=8, blank=True)
    refreshed_at = models.DateTimeField(auto_now=True)

    class Meta:
        indexes = [
            models.Index(fields=["region", "counted", "baseline_date"]),
            models.Index(fields=["neighbourhood", "counted"]),
            models.Index(fields=["region", "baseline_month", "neighbourhood"]),
            # The filters that narrow the facts (sex alone narrows too little to pay).
            models.Index(fields=["region", "counted", "channel"]),
            models.Index(fields=["region", "counted", "audience"]),
            models.Index(fields=["region", "counted", "language"]),
            models.Index(fields=["region", "counted", "age"]),
            models.Index(fields=["region", "counted", "status"]),  # the drop-out reasons
            # The rollup recomputes one first session's facts on every save (rollup.KEY).
            models.Index(fields=["region", "neighbourhood", "baseline_at"]),
        ]

    def __str__(self):
        return f"fact {self.trajectory_id}"


class HandoverFact(models.Model):
    """That the person of a trajectory has at least one hand-over in this state and domain: the
    hand-over table counts people, not hand-over rows."""

    fact = models.ForeignKey(TrajectoryFact, on_delete=models.CASCADE, related_name="handovers")
    status = models.CharField(max_length=20)
    domain = models.CharField(max_length=8)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["fact", "status", "domain"], name="handover_fact_once_per_state_domain"
            )
        ]

    def __str__(self):
        return f"{self.fact_id}: {self.status}/{self.domain}"


class PerSessionRow(models.Model):
    """A per-session pre-aggregate: its session and the session's columns copied, so that the
    dashboard's session filters are a WHERE on the table itself (`Filters.session_row_q`; the
    copy is `aggregates.session_columns`)."""

    consultation = models.ForeignKey(
        "consultations.Consultation", on_delete=models.CASCADE, related_name="+"
    )
    region = models.ForeignKey("regions.Region", on_delete=models.CASCADE, related_name="+")
    neighbourhood = models.ForeignKey(
        "regions.Neighbourhood", on_delete=models.SET_NULL, null=True, related_name="+"
    )
    audience = models.CharField(max_length=8, blank=True)
    day = models.DateField()  # local date of the session's start, for the period filter

    class Meta:
        abstract = True


class SessionFact(PerSessionRow):
    """Per session and recruitment channel: the places taken (registered, not cancelled) and
    present, of people who did not say no to anonymous monitoring. The reach chart and the
    attendance per kind of session sum these rows instead of reading every registration
    (docs/monitoring.md, "Pre-aggregates"). Written only by `session_facts.sessions_refresh`."""

    channel = models.CharField(max_length=16, blank=True)
    kind = models.CharField(max_length=16)
    starts_at = models.DateTimeField()
    cancelled = models.BooleanField(default=False)
    registered = models.PositiveIntegerField(default=0)
    present = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["consultation", "channel"], name="session_fact_once_per_channel"
            )
        ]
        indexes = [models.Index(fields=["region", "kind", "day"])]

    def __str__(self):
        return f"session {self.consultation_id} {self.channel}"


class FactRollup(models.Model):
    """The counted facts summed per first session: (region, neighbourhood, start, follow-up
    call due date) with the counts and sums the unfiltered dashboard shows. The key keeps the
    start and the call date exact, so "due" (six months after the start, a call date that has
    passed) is decided per row at read time, as on the facts. `<measure>_lost` counts the
    baselines without a return (lost once due). Recomputed per touched key from the facts in
    the same transaction (`rollup.rollup_refresh`); rebuilt by `rebuild_monitoring`."""

    MEASURES = ("systolic", "diastolic", "weight", "waist")

    region = models.ForeignKey("regions.Region", on_delete=models.CASCADE, related_name="+")
    neighbourhood = models.ForeignKey(
        "regions.Neighbourhood", on_delete=models.CASCADE, null=True, related_name="+"
    )
    baseline_at = models.DateTimeField()
    follow_up_call_due = models.DateField(null=True)
    people = models.PositiveIntegerField(default=0)
    attended = models.PositiveIntegerField(default=0)
    attended_reached = models.PositiveIntegerField(default=0)  # attended and the call reached
    returned = models.PositiveIntegerField(default=0)
    dropped_out = models.PositiveIntegerField(default=0)
    handover_taken_up = models.PositiveIntegerField(default=0)
    health_answered = models.PositiveIntegerField(default=0)
    health_good = models.PositiveIntegerField(default=0)
    systolic_n = models.PositiveIntegerField(default=0)
    systolic_sum_base = models.FloatField(default=0)
    systolic_sum_return = models.FloatField(default=0)
    systolic_sum_change = models.FloatField(default=0)
    systolic_sum_change_sq = models.FloatField(default=0)
    systolic_lost = models.PositiveIntegerField(default=0)
    systolic_based = models.PositiveIntegerField(default=0)
    systolic_colour_n = models.PositiveIntegerField(default=0)
    systolic_colour_better = models.PositiveIntegerField(default=0)
    diastolic_n = models.PositiveIntegerField(default=0)
    diastolic_sum_base = models.FloatField(default=0)
    diastolic_sum_return = models.FloatField(default=0)
    diastolic_sum_change = models.FloatField(default=0)
    diastolic_sum_change_sq = models.FloatField(default=0)
    diastolic_lost = models.PositiveIntegerField(default=0)
    diastolic_based = models.PositiveIntegerField(default=0)
    diastolic_colour_n = models.PositiveIntegerField(default=0)
    diastolic_colour_better = models.PositiveIntegerField(default=0)
    weight_n = models.PositiveIntegerField(default=0)
    weight_sum_base = models.FloatField(default=0)
    weight_sum_return = models.FloatField(default=0)
    weight_sum_change = models.FloatField(default=0)
    weight_sum_change_sq = models.FloatField(default=0)
    weight_lost = models.PositiveIntegerField(default=0)
    weight_based = models.PositiveIntegerField(default=0)
    weight_colour_n = models.PositiveIntegerField(default=0)
    weight_colour_better = models.PositiveIntegerField(default=0)
    waist_n = models.PositiveIntegerField(default=0)
    waist_sum_base = models.FloatField(default=0)
    waist_sum_return = models.FloatField(default=0)
    waist_sum_change = models.FloatField(default=0)
    waist_sum_change_sq = models.FloatField(default=0)
    waist_lost = models.PositiveIntegerField(default=0)
    waist_based = models.PositiveIntegerField(default=0)
    waist_colour_n = models.PositiveIntegerField(default=0)
    waist_colour_better = models.PositiveIntegerField(default=0)

    class Meta:
        indexes = [models.Index(fields=["region", "baseline_at"])]

    def __str__(self):
        return f"rollup {self.region_id} {self.baseline_at:%Y-%m-%d %H:%M}"


class EquityRollup(models.Model):
    """The counted facts summed per region, first-session day and follow-up call date, for
    each group of each equity dimension (`dimension`: deprivation, education, ...; `bucket`:
    the group the fact path's expression gives). One row per group, not per combination of
    groups, so a day has about 25 rows whatever the number of people. The unfiltered equity
    tables and the combined-regions guard read it (`panels_read.equity_rows`); the call date
    and the day keep "call due" and "return due" exact at read time (docs/monitoring.md).
    Recomputed per touched key from the facts (`panels.panels_refresh`)."""

    region = models.ForeignKey("regions.Region", on_delete=models.CASCADE, related_name="+")
    day = models.DateField()  # the facts' baseline_date (local date of the first session)
    follow_up_call_due = models.DateField(null=True)
    dimension = models.CharField(max_length=12)
    bucket = models.CharField(max_length=12)
    attended = models.PositiveIntegerField(default=0)
    attended_reached = models.PositiveIntegerField(default=0)
    returned = models.PositiveIntegerField(default=0)
    dropped_out = models.PositiveIntegerField(default=0)
    handover_taken_up = models.PositiveIntegerField(default=0)
    health_answered = models.PositiveIntegerField(default=0)
    health_good = models.PositiveIntegerField(default=0)

    class Meta:
        indexes = [models.Index(fields=["region", "day", "follow_up_call_due"])]

    def __str__(self):
        return f"equity {self.region_id} {self.day} {self.dimension}={self.bucket}"


class HandoverRollup(models.Model):
    """Per region, hand-over state and domain: the counted people with at least one hand-over
    there (distinct people, as the fact path counts them; a person's trajectories are all in
    their own region, so the regions add up). Recomputed per touched cell."""

    region = models.ForeignKey("regions.Region", on_delete=models.CASCADE, related_name="+")
    status = models.CharField(max_length=20)
    domain = models.CharField(max_length=8)
    people = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["region", "status", "domain"], name="handover_rollup_once_per_cell"
            )
        ]

    def __str__(self):
        return f"handovers {self.region_id} {self.status}/{self.domain}"


class DropoutRollup(models.Model):
    """Per region, status (stopped, lost) and stated reason (the fact's trimmed lower-case
    text): the counted trajectories. Recomputed per touched cell."""

    region = models.ForeignKey("regions.Region", on_delete=models.CASCADE, related_name="+")
    status = models.CharField(max_length=16)
    reason = models.CharField(max_length=200, blank=True)
    people = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["region", "status", "reason"], name="dropout_rollup_once_per_cell"
            )
        ]

    def __str__(self):
        return f"drop-out {self.region_id} {self.status}: {self.reason}"


class ExperienceRollup(PerSessionRow):
    """Per session and scale question of the experience and work-check questionnaires: the
    number of numeric answers in completed responses and their sum, leaving out people who
    said no to anonymous monitoring. The session's region, neighbourhood, local day and
    audience are copied so every dashboard filter that applies to these answers is a WHERE on
    this table (`experience.answer_figures`). Recomputed per session with the session facts
    (`session_facts.sessions_refresh`), so a consent change, a moved session and a completed
    response (questionnaires' `response_save`) all refresh it; rebuilt by `rebuild_monitoring`."""

    questionnaire_code = models.CharField(max_length=40)
    question_code = models.CharField(max_length=40)
    n = models.PositiveIntegerField(default=0)
    total = models.FloatField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["consultation", "questionnaire_code", "question_code"],
                name="experience_rollup_once_per_question",
            )
        ]
        indexes = [models.Index(fields=["region", "day"])]

    def __str__(self):
        return f"experience {self.consultation_id} {self.questionnaire_code}.{self.question_code}"
