"""Participant experience and professionals' work satisfaction (Quintuple Aim), per question.

For each scale question (0 to 10, or a Likert single choice whose options are all numbers) of
the `experience` (participants) and `work_check` (professionals' own work) questionnaires: the
number of answers and their mean, over the completed responses of the region's sessions in the
filter period and neighbourhood. Two queries whatever the number of responses: the current
questions, then one GROUP BY over the per-session sums (`ExperienceRollup`,
`experience_rollup.py`). The person filters do not apply (a work check
is about a professional, not a participant). Participants who said no to anonymous monitoring
are left out; professionals' answers are about staff, and are suppressed the same way: the n
below k reads "<10" and the mean is shown only for n >= k.
"""

from dataclasses import dataclass

from django.db.models import Sum
from django.utils.translation import gettext_lazy as _

from groepsconsult.monitoring.aggregates import Filters, in_regions
from groepsconsult.monitoring.models import ExperienceRollup
from groepsconsult.monitoring.suppression import Cell, suppress, suppress_count
from groepsconsult.questionnaires.models import Question

SECTIONS = {
    "experience": _("Participant experience"),
    "work_check": _("Professionals' work satisfaction"),
}


@dataclass(frozen=True)
class ScaleRow:
    code: str
    text: str
    scale: str  # "0-10" or "1-5"
    n: Cell
    mean: Cell


@dataclass(frozen=True)
class Section:
    code: str
    title: str
    rows: list


def _numeric(question):
    values = [str(o.get("value", "")) for o in question.options or []]
    return bool(values) and all(v.isdigit() for v in values)


def _scale(question):
    if question.kind == Question.Kind.SCALE_0_10:
        return "0-10"
    if question.kind == Question.Kind.SINGLE_CHOICE and _numeric(question):
        values = sorted(int(o["value"]) for o in question.options)
        return f"{values[0]}-{values[-1]}"
    return None


def scale_questions():
    """{questionnaire code: [(question, scale)]} of the current versions: one query."""
    found: dict = {code: [] for code in SECTIONS}
    questions = Question.objects.filter(
        questionnaire__code__in=list(SECTIONS), questionnaire__is_current=True
    ).select_related("questionnaire")
    for question in questions.order_by("order"):
        scale = _scale(question)
        if scale:
            found[question.questionnaire.code].append((question, scale))
    return found


def answer_figures(*, region, filters: Filters, codes):
    """{(questionnaire code, question code): (n, mean)}: one GROUP BY over the per-session
    sums (`ExperienceRollup`, refreshed with the session facts), not over every answer."""
    rows = (
        ExperienceRollup.objects.filter(
            in_regions("region", region),
            filters.session_row_q(),
            question_code__in=codes,
        )
        .values("questionnaire_code", "question_code")
        .annotate(n=Sum("n"), total=Sum("total"))
        .order_by()
    )
    return {
        (r["questionnaire_code"], r["question_code"]): (
            r["n"],
            r["total"] / r["n"] if r["n"] else None,
        )
        for r in rows
    }


def experience_sections(*, region, filters: Filters) -> list[Section]:
    questions = scale_questions()
    codes = sorted({q.code for pairs in questions.values() for q, _scale in pairs})
    figures = answer_figures(region=region, filters=filters, codes=codes)
    sections = []
    for code, title in SECTIONS.items():
        rows = []
        for question, scale in questions[code]:
            n, mean = figures.get((code, question.code), (0, None))
            shown = round(mean, 1) if mean is not None else None
            rows.append(
                ScaleRow(
                    question.code, question.text_in(), scale, suppress_count(n), suppress(shown, n)
                )
            )
        sections.append(Section(code, title, rows))
    return sections
