"""Recognise the columns of a GP export, whatever the practice's system calls them.

Headers are compared after normalising: lower case, accents removed, only letters and digits
("Geb. datum" -> "gebdatum", "Date of Birth" -> "dateofbirth").
"""

import re
import unicodedata

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from groepsconsult.participants.gp_import.reading import FileRejected

SYNONYMS = {
    "name": ["naam", "name", "volledigenaam", "fullname", "patientnaam", "naampatient", "patient"],
    "given_name": ["voornaam", "roepnaam", "givenname", "firstname", "voornamen"],
    "prefix": ["tussenvoegsel", "voorvoegsel", "tussenvoegsels", "prefix", "infix"],
    "family_name": [
        "achternaam",
        "familienaam",
        "geslachtsnaam",
        "familyname",
        "lastname",
        "surname",
    ],
    "date_of_birth": [
        "geboortedatum",
        "gebdatum",
        "gebdat",
        "geboren",
        "dateofbirth",
        "birthdate",
        "dob",
        "birthday",
        "geboortedag",
    ],
    "sex": ["geslacht", "sex", "gender", "mv", "gesl"],
    "phone": [
        "telefoon",
        "telefoonnummer",
        "tel",
        "telnr",
        "mobiel",
        "mobielnummer",
        "phone",
        "phonenumber",
        "mobile",
        "telephone",
        "gsm",
    ],
    "email": ["email", "emailadres", "mail", "emailaddress", "eposta"],
    "postcode": ["postcode", "postalcode", "zipcode", "zip", "pc"],
    "reason": [
        "selectiereden",
        "reden",
        "redenselectie",
        "selectionreason",
        "reason",
        "indicatie",
        "selectiecriterium",
        "criterium",
        "selectie",
        "redenvanselectie",
        "icpcreden",
        "redenicpc",
    ],
    "icpc": ["icpc", "icpccode", "diagnose", "diagnosecode", "diagnosis"],
    "bmi": ["bmi", "quetelet", "queteletindex"],
    "medication": [
        "medicatie",
        "medication",
        "geneesmiddel",
        "geneesmiddelen",
        "medicijnen",
        "atc",
    ],
}
LOOKUP = {variant: field for field, variants in SYNONYMS.items() for variant in variants}

# Names used in messages, in the language of the coordinator (Dutch by default).
LABELS = {
    "name": gettext_lazy("name"),
    "given_name": gettext_lazy("given name"),
    "prefix": gettext_lazy("name prefix"),
    "family_name": gettext_lazy("family name"),
    "date_of_birth": gettext_lazy("date of birth"),
    "sex": gettext_lazy("sex"),
    "phone": gettext_lazy("phone"),
    "email": gettext_lazy("e-mail"),
    "postcode": gettext_lazy("postcode"),
    "reason": gettext_lazy("selection reason"),
    "icpc": gettext_lazy("ICPC code"),
    "bmi": gettext_lazy("BMI"),
    "medication": gettext_lazy("medication"),
}
REASON_FIELDS = ("reason", "icpc", "bmi", "medication")


def normalise(header: str) -> str:
    text = unicodedata.normalize("NFKD", str(header)).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]", "", text.lower())


def map_columns(header: list[str]) -> tuple[dict[str, int], list[str]]:
    """Field -> column index, plus the headers we ignore. Refuses a file missing what we need."""
    mapping, ignored = index_columns(header, lookup=LOOKUP, labels=LABELS)
    refuse_missing(_missing(mapping), header)
    return mapping, ignored


def index_columns(header, *, lookup, labels):
    """Field -> column index by normalised header (via `lookup`), plus the ignored headers;
    refuses a file naming one field twice. Shared by every import that reads named columns."""
    mapping: dict[str, int] = {}
    ignored = []
    for index, title in enumerate(header):
        field = lookup.get(normalise(title))
        if field is None:
            if title:
                ignored.append(title)
            continue
        if field in mapping:
            raise FileRejected(
                _("The column '%(column)s' appears twice (as '%(first)s' and '%(second)s').")
                % {
                    "column": labels[field],
                    "first": header[mapping[field]],
                    "second": title,
                }
            )
        mapping[field] = index
    return mapping, ignored


def refuse_missing(missing, header):
    if missing:
        raise FileRejected(
            _("Required columns are missing: %(columns)s. Columns found: %(found)s.")
            % {
                "columns": ", ".join(str(m) for m in missing),
                "found": ", ".join(h for h in header if h) or "-",
            }
        )


def _missing(mapping) -> list:
    missing = []
    has_split_name = "given_name" in mapping and "family_name" in mapping
    if "name" not in mapping and not has_split_name:
        missing.append(_("name (or given name and family name)"))
    for field in ("date_of_birth", "sex", "phone", "postcode"):
        if field not in mapping:
            missing.append(LABELS[field])
    if not any(f in mapping for f in REASON_FIELDS):
        missing.append(_("selection reason (or ICPC code, BMI or medication)"))
    return missing
