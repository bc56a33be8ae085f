"""Questionnaires as data: versioned definitions (loaded from JSON fixtures) and the answers.

A definition is never edited in place once answers point at it: a changed wording is a new
`version`, so every stored answer can be read back against the exact text the person saw.
Texts are dictionaries keyed by language code (nl, en, tr, ar) rather than gettext strings,
because the questions are data that can change without a release.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from groepsconsult.core.models import PublicModel, TimeStampedModel

LANGUAGES = ("nl", "en", "tr", "ar")
RTL_LANGUAGES = frozenset({"ar"})

# The FINDRISC categories of clinical.findrisc, as staff read them (10-year diabetes risk).
FINDRISC_CATEGORY_LABELS = {
    "low": _("low risk (about 1 in 100)"),
    "slightly_raised": _("slightly raised risk (about 1 in 25)"),
    "moderate": _("moderate risk (about 1 in 6)"),
    "high": _("high risk (about 1 in 3)"),
    "very_high": _("very high risk (about 1 in 2)"),
}
# The questionnaire whose score is computed (clinical.findrisc) and read for the booklet.
FINDRISC_CODE = "findrisc"


def text_in(texts: dict, language: str) -> str:
    """The text in `language`, falling back to Dutch (the complete source of every definition)."""
    return (texts or {}).get(language) or (texts or {}).get("nl", "")


class Questionnaire(TimeStampedModel):
    class Audience(models.TextChoices):
        PARTICIPANT = "participant", _("About a participant")
        PROFESSIONAL = "professional", _("About the professional's own work")

    code = models.SlugField(_("code"), max_length=40)
    version = models.PositiveSmallIntegerField(_("version"))
    audience = models.CharField(
        _("audience"), max_length=16, choices=Audience.choices, default=Audience.PARTICIPANT
    )
    order = models.PositiveSmallIntegerField(_("order on the menu"), default=0)
    title = models.JSONField(_("title per language"))
    intro = models.JSONField(_("introduction per language"), default=dict, blank=True)
    source = models.CharField(_("source"), max_length=300, blank=True)
    licence_note = models.CharField(_("licence note"), max_length=300, blank=True)
    # Only the newest version is offered for new responses; older ones stay for reading.
    is_current = models.BooleanField(_("current version"), default=True)

    class Meta:
        ordering = ["order", "code", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["code", "version"], name="questionnaire_code_version"),
            models.UniqueConstraint(
                fields=["code"], condition=Q(is_current=True), name="questionnaire_one_current"
            ),
        ]

    def __str__(self):
        return f"{self.code} v{self.version}"

    def title_in(self, language=None):
        return text_in(self.title, language or get_language())


class Question(models.Model):
    class Kind(models.TextChoices):
        SCALE_0_10 = "scale_0_10", _("Scale 0 to 10")
        YES_NO = "yes_no", _("Yes or no")
        SINGLE_CHOICE = "single_choice", _("One choice")
        NUMBER = "number", _("Number")
        TEXT = "text", _("Free text")

    class RiskInput(models.TextChoices):
        """Answers that feed clinical calculations elsewhere (heart age, FINDRISC)."""

        NONE = "", _("None")
        SMOKER = "smoker", _("Smoker")
        DIABETES = "diabetes", _("Known diabetes")
        KNOWN_CVD = "known_cvd", _("Known cardiovascular disease")
        CKD = "ckd", _("Chronic kidney disease")
        FH = "fh", _("Familial hypercholesterolaemia")

    questionnaire = models.ForeignKey(
        Questionnaire, on_delete=models.CASCADE, related_name="questions"
    )
    order = models.PositiveSmallIntegerField(_("order"))
    code = models.SlugField(_("code"), max_length=40)
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    text = models.JSONField(_("question per language"))
    # single_choice: [{"value": "...", "label": {"nl": ..., "en": ..., "tr": ..., "ar": ...}}]
    options = models.JSONField(_("options"), default=list, blank=True)
    required = models.BooleanField(_("required to finish"), default=True)
    min_value = models.DecimalField(max_digits=7, decimal_places=2, null=True, blank=True)
    max_value = models.DecimalField(max_digits=7, decimal_places=2, null=True, blank=True)
    unit = models.CharField(_("unit"), max_length=16, blank=True)
    risk_input = models.CharField(
        _("feeds"), max_length=16, choices=RiskInput.choices, blank=True, default=""
    )

    class Meta:
        ordering = ["questionnaire", "order"]
        constraints = [
            models.UniqueConstraint(fields=["questionnaire", "code"], name="question_unique_code"),
            models.UniqueConstraint(
                fields=["questionnaire", "order"], name="question_unique_order"
            ),
            models.CheckConstraint(
                condition=~Q(risk_input__in=["smoker", "diabetes", "known_cvd", "ckd", "fh"])
                | Q(kind="yes_no"),
                name="question_risk_input_is_yes_no",
            ),
        ]

    def __str__(self):
        return f"{self.questionnaire} {self.code}"

    def text_in(self, language=None):
        return text_in(self.text, language or get_language())


class Response(PublicModel):
    """One filling of one questionnaire version: about a participant, or a professional's own.

    `consultation` is set for both kinds (from the registration for participants), so every
    response is scoped to a region through one join and the work check needs no registration.
    """

    questionnaire = models.ForeignKey(
        Questionnaire, on_delete=models.PROTECT, related_name="responses"
    )
    consultation = models.ForeignKey(
        "consultations.Consultation", on_delete=models.PROTECT, related_name="responses"
    )
    registration = models.ForeignKey(
        "registrations.Registration",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="responses",
    )
    language = models.CharField(_("language"), max_length=8, default="nl")
    filled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    filled_by_participant = models.BooleanField(_("filled in by the participant"), default=False)
    started_at = models.DateTimeField(_("started at"))
    completed_at = models.DateTimeField(_("completed at"), null=True, blank=True)
    # Computed scores (FINDRISC) with the version of the rule that produced them.
    score_points = models.PositiveSmallIntegerField(_("score"), null=True, blank=True)
    score_category = models.CharField(_("score category"), max_length=24, blank=True)
    score_version = models.CharField(_("score version"), max_length=32, blank=True)

    class Meta:
        ordering = ["-started_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["registration", "questionnaire"],
                condition=Q(registration__isnull=False),
                name="response_once_per_registration",
            ),
            # A professional's own work check: once per professional per session and version.
            models.UniqueConstraint(
                fields=["consultation", "questionnaire", "filled_by"],
                condition=Q(registration__isnull=True),
                name="response_work_check_once",
            ),
            models.CheckConstraint(
                condition=Q(registration__isnull=False) | Q(filled_by_participant=False),
                name="response_participant_mode_needs_registration",
            ),
            models.CheckConstraint(
                condition=Q(score_points__isnull=True) | ~Q(score_version=""),
                name="response_score_has_version",
            ),
        ]

    @property
    def is_complete(self):
        return self.completed_at is not None

    def get_score_category_display(self):
        return FINDRISC_CATEGORY_LABELS.get(self.score_category, self.score_category)


class Answer(TimeStampedModel):
    """One answer, stored as text; `Question.kind` says how to read it (yes/no, 0-10, number)."""

    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(Question, on_delete=models.PROTECT, related_name="answers")
    value = models.CharField(_("answer"), max_length=1000)

    class Meta:
        ordering = ["question__order"]
        constraints = [
            models.UniqueConstraint(fields=["response", "question"], name="answer_once"),
        ]
