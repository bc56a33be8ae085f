"""The GP letter: HTML (stored as sent) and its PDF (WeasyPrint). In Dutch, for the practice.

The values, colours, SCORE2 risk and goal come from the booklet builder (documents), so the
letter and the participant's booklet can never disagree; this module only presents them.
"""

from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext_lazy as _


def gp_advice(booklet) -> list:
    """Advice for the GP, from the classified lines (no thresholds here)."""
    advice = []
    for line in booklet.lines:
        if line.urgent:
            advice.append(
                _("%(label)s: alarm value, the participant was told to see a doctor today.")
                % {"label": line.label}
            )
        if line.key == "glucose" and line.colour in ("orange", "red"):
            advice.append(_("Repeat fasting glucose in the lab."))
        elif line.retest:
            advice.append(
                _("%(label)s: please repeat the measurement in the practice.")
                % {"label": line.label}
            )
        if line.fh_hint:
            advice.append(_("Total cholesterol above 8: consider familial hypercholesterolaemia."))
    return advice


def letter_html(*, booklet, step_label, practice, follow_up=None) -> str:
    with translation.override("nl"):
        return render_to_string(
            "gpfeedback/letter.html",
            {
                "b": booklet,
                "follow_up": follow_up,
                "step_label": step_label,
                "practice": practice,
                "advice": gp_advice(booklet),
            },
        )


def letter_pdf(html: str) -> bytes:
    from weasyprint import HTML

    return HTML(string=html).write_pdf()
