"""The columns of an earlier-results file: who, which session, and any of the measures.

Header names are compared as the GP import compares them (`gp_import.columns.normalise`: lower
case, no accents, only letters and digits). A measure is recognised by its key
(`total_cholesterol`), a Dutch or English name, each optionally followed by its unit
("Gewicht (kg)" -> "gewichtkg").
"""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from groepsconsult.clinical import PLAUSIBLE_RANGES
from groepsconsult.measurements.models import Measure
from groepsconsult.participants.gp_import.columns import LABELS as PERSON_LABELS
from groepsconsult.participants.gp_import.columns import SYNONYMS as PERSON_SYNONYMS
from groepsconsult.participants.gp_import.columns import index_columns, normalise, refuse_missing

PERSON_FIELDS = ("name", "given_name", "prefix", "family_name", "date_of_birth", "sex")
SESSION_SYNONYMS = {
    "session_date": [
        "sessiedatum",
        "datumsessie",
        "datumgroepsconsult",
        "meetdatum",
        "datum",
        "sessiondate",
        "date",
        "measuredon",
    ],
    "neighbourhood": ["wijk", "buurt", "wijknaam", "buurtcode", "cbscode", "neighbourhood"],
    "fasting": ["nuchter", "fasting", "fasted"],
}
# Names a measure is known by, besides its key; the documented list is docs/earlier-results.md.
MEASURE_NAMES = {
    Measure.SYSTOLIC: ["systolisch", "bovendruk", "systole", "sys", "bloeddruksystolisch"],
    Measure.DIASTOLIC: ["diastolisch", "onderdruk", "diastole", "dia", "bloeddrukdiastolisch"],
    Measure.PULSE: ["pols", "hartslag", "heartrate"],
    Measure.GLUCOSE: ["bloedsuiker", "glucosevingerprik"],
    Measure.HBA1C: [],
    Measure.TOTAL_CHOLESTEROL: ["cholesterol", "totaalcholesterol", "cholesteroltotaal"],
    Measure.HDL: ["hdlcholesterol"],
    Measure.LDL: ["ldlcholesterol"],
    Measure.WEIGHT: ["gewicht"],
    Measure.HEIGHT: ["lengte"],
    Measure.BMI: [],
    Measure.WAIST: ["buikomvang", "middelomtrek", "taille", "waistcircumference"],
    Measure.FAT_PERCENT: ["vetpercentage", "bodyfat"],
    Measure.VISCERAL_FAT_LEVEL: ["visceraalvet"],
    Measure.MUSCLE_MASS: ["spiermassa", "skeletalmusclemass"],
}


def _measure_variants() -> dict[str, str]:
    variants = {}
    for measure, names in MEASURE_NAMES.items():
        unit = normalise(PLAUSIBLE_RANGES[measure][2])
        for name in {normalise(measure), *names}:
            variants[name] = measure
            if unit:
                variants[name + unit] = measure
    return variants


LOOKUP = {
    **{v: f for f, variants in PERSON_SYNONYMS.items() if f in PERSON_FIELDS for v in variants},
    **{v: f for f, variants in SESSION_SYNONYMS.items() for v in variants},
    **_measure_variants(),
}
LABELS = {
    **{f: PERSON_LABELS[f] for f in PERSON_FIELDS},
    "session_date": gettext_lazy("session date"),
    "neighbourhood": gettext_lazy("neighbourhood"),
    "fasting": gettext_lazy("fasting"),
    **{m: Measure(m).label for m in MEASURE_NAMES},
}


def map_columns(header: list[str], *, has_default_neighbourhood: bool):
    """Field -> column index and the ignored headers; refuses a file missing what we need."""
    mapping, ignored = index_columns(header, lookup=LOOKUP, labels=LABELS)
    missing = []
    if "name" not in mapping and not {"given_name", "family_name"} <= mapping.keys():
        missing.append(_("name (or given name and family name)"))
    for field in ("date_of_birth", "session_date"):
        if field not in mapping:
            missing.append(str(LABELS[field]))
    if "neighbourhood" not in mapping and not has_default_neighbourhood:
        missing.append(_("neighbourhood (or --neighbourhood)"))
    if not any(m in mapping for m in MEASURE_NAMES):
        missing.append(_("at least one measure"))
    refuse_missing(missing, header)
    return mapping, ignored
