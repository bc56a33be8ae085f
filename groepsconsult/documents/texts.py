"""The booklet's words, in B1 plain language. English source; nl, tr and ar in the catalogues.

Kept apart from the logic so a language reviewer reads one short file. The labels, colour
words, symbols and advice of each result belong to its interpretation and live in
`measurements.interpretation` (same "booklet" context, also in nl, tr and ar there).
"""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from groepsconsult.measurements import interpretation

# Every booklet string has the context "booklet": short words such as "Change" or "Weight"
# also exist in other apps' catalogues with a different (staff-screen) meaning, and the first
# catalogue that has a msgid wins.

# (kind, one-line explanation, decimals shown). The order is the order in the booklet; the
# labels are the kinds' own (measurements.interpretation.KIND_LABELS).
MEASURES = [
    (
        "bp",
        pgettext_lazy(
            "booklet",
            "The pressure of the blood in your blood vessels. Too high can harm your heart "
            "and blood vessels, often without you feeling it.",
        ),
        0,
    ),
    (
        "glucose",
        pgettext_lazy(
            "booklet",
            "The amount of sugar in your blood. A high value can be a sign of (pre)diabetes.",
        ),
        1,
    ),
    (
        "hba1c",
        pgettext_lazy("booklet", "Your average blood sugar of the last 2 to 3 months."),
        0,
    ),
    (
        "total_cholesterol",
        pgettext_lazy(
            "booklet", "A fat in your blood. Too much cholesterol can block your blood vessels."
        ),
        1,
    ),
    (
        "hdl",
        pgettext_lazy("booklet", "It cleans your blood vessels. Higher is better."),
        1,
    ),
    (
        "ldl",
        pgettext_lazy("booklet", "It can block your blood vessels. Lower is better."),
        1,
    ),
    (
        "weight",
        pgettext_lazy("booklet", "Your weight on the day."),
        1,
    ),
    (
        "bmi",
        pgettext_lazy("booklet", "Your weight compared with your height."),
        1,
    ),
    (
        "waist",
        pgettext_lazy("booklet", "Fat around your belly is more harmful than fat elsewhere."),
        0,
    ),
    (
        "fat_percent",
        pgettext_lazy("booklet", "The part of your body that is fat."),
        1,
    ),
    (
        "visceral_fat_level",
        pgettext_lazy("booklet", "Fat deep in your belly, around your organs. Lower is better."),
        0,
    ),
    (
        "muscle_mass",
        pgettext_lazy("booklet", "How much muscle you have. Moving keeps muscles strong."),
        1,
    ),
    (
        "findrisc",
        pgettext_lazy(
            "booklet",
            "Points from the questions about you. More points: more chance of diabetes later.",
        ),
        0,
    ),
]

# Colour words, symbols and advice belong to the interpretation of a result (measurements);
# the booklet template reads the advice texts under these names.
RETEST = interpretation.ADVICE["retest"]
URGENT = interpretation.ADVICE["urgent"]
FH_HINT = interpretation.ADVICE["fh_hint"]
FASTING = pgettext_lazy("booklet", "fasting")
NOT_FASTING = pgettext_lazy("booklet", "not fasting")

DIRECTIONS = {
    "up": ("↑", pgettext_lazy("booklet", "higher")),
    "down": ("↓", pgettext_lazy("booklet", "lower")),
    "same": ("→", pgettext_lazy("booklet", "the same")),
}

HEART_AGE_EXPLAINED = pgettext_lazy(
    "booklet",
    "Your heart age is the age of a person of your sex with healthy values who has the same "
    "chance of a heart attack or stroke as you. It is an estimate.",
)
HEART_AGE_REASONS = {
    "age_out_of_range": pgettext_lazy(
        "booklet", "We only estimate heart age for people from 40 to 69 years old."
    ),
    "diabetes": pgettext_lazy(
        "booklet",
        "We do not estimate heart age for people with diabetes: the calculation does not fit. "
        "Your GP can tell you more about your risk.",
    ),
    "known_cvd": pgettext_lazy(
        "booklet",
        "We do not estimate heart age for people who already have a heart or blood vessel "
        "disease. Your GP can tell you more about your risk.",
    ),
    "ckd": pgettext_lazy(
        "booklet",
        "We do not estimate heart age for people with kidney disease: the calculation does not "
        "fit. Your GP can tell you more about your risk.",
    ),
    "fh": pgettext_lazy(
        "booklet",
        "We do not estimate heart age for people with inherited high cholesterol (FH): the "
        "calculation does not fit. Your GP can tell you more about your risk.",
    ),
    "missing": pgettext_lazy(
        "booklet",
        "We could not estimate your heart age: we need your blood pressure, cholesterol, good "
        "cholesterol, and whether you smoke, have diabetes, a heart disease, kidney disease or "
        "inherited high cholesterol.",
    ),
    "sex": pgettext_lazy(
        "booklet", "We could not estimate your heart age: the calculation is made for men or women."
    ),
}

PILLARS = {
    "nutrition": pgettext_lazy("booklet", "Food"),
    "exercise": pgettext_lazy("booklet", "Exercise"),
    "sleep": pgettext_lazy("booklet", "Sleep"),
    "relaxation": pgettext_lazy("booklet", "Relaxation"),
    "meaning": pgettext_lazy("booklet", "Meaning"),
    "social": pgettext_lazy("booklet", "Social contact"),
    "substances": pgettext_lazy("booklet", "Smoking, alcohol and drugs"),
}

# For the care team (the physician's screens), not the participant: why no SCORE2 risk is shown,
# and the ESC 2021 band of a risk that is shown (clinical.md §3.4).
CV_RISK_REASONS = {
    "age_out_of_range": _("SCORE2 applies from 40 to 89 years."),
    "diabetes": _("Not shown: diabetes (SCORE2-Diabetes applies)."),
    "known_cvd": _("Not shown: known cardiovascular disease."),
    "ckd": _("Not shown: chronic kidney disease."),
    "fh": _("Not shown: familial hypercholesterolaemia."),
    "missing": _("Not shown: blood pressure, cholesterol, HDL or a risk question is missing."),
    "sex": _("Not shown: SCORE2 is made for men and women."),
}
CV_RISK_BANDS = {
    "low_moderate": _("low to moderate"),
    "high": _("high"),
    "very_high": _("very high"),
}
