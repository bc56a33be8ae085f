"""Pseudonymisation steps of the research export: keyed-hash ids, age bands, k-anonymity.

Pure functions on plain values, so the rules can be read and tested on their own.
"""

import hmac
from collections import Counter
from dataclasses import dataclass
from hashlib import sha256

from groepsconsult.research.variables import ALL

ID_LENGTH = 16  # hexadecimal characters kept of the HMAC-SHA256 (64 bits)
TOP_AGE = 80  # everyone from this age is in one band ("80+"): few people, easy to single out


def keyed_id(*, salt: str, public_id) -> str:
    """HMAC-SHA256 of the participant's opaque id with the project's secret key, truncated.

    The same person gets the same id within one project and an unrelated id in another, and
    without the key nobody can link the id back to the record."""
    digest = hmac.new(salt.encode(), str(public_id).encode(), sha256).hexdigest()
    return digest[:ID_LENGTH]


def age_on(birth, day) -> int:
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


def age_band(age: int, width: int) -> str:
    if age >= TOP_AGE:
        return f"{TOP_AGE}+"
    low = age // width * width
    return f"{low}-{low + width - 1}"


@dataclass(frozen=True)
class AnonymityReport:
    k: int
    records: int
    generalised: int
    suppressed: int


def _wider_age(band: str) -> str:
    """A 5- or 10-year band widened to 20 years ("45-49" -> "40-59"); 80+ stays."""
    if band.endswith("+") or "-" not in band:
        return band
    low = int(band.split("-")[0]) // 20 * 20
    return f"{low}-{min(low + 19, TOP_AGE - 1)}"


# The generalisation ladder, applied in turn to the records still in a class smaller than k.
LADDER = (
    ("neighbourhood", lambda value: ALL),
    ("language", lambda value: ALL),
    ("age_band", _wider_age),
)


def _small(rows, keys, k):
    def key_of(row):
        return tuple(row[key] for key in keys)

    sizes = Counter(key_of(row) for row in rows)
    return {i for i, row in enumerate(rows) if sizes[key_of(row)] < k}


def k_anonymise(rows: list[dict], *, keys, k: int) -> tuple[list[dict], AnonymityReport]:
    """Make every combination of the quasi-identifiers `keys` shared by at least k records.

    Records in a class smaller than k are generalised step by step (`LADDER`: neighbourhood to
    ALL, then language to ALL, then the age band to 20 years); records still in a class smaller
    than k are left out. Returns the rows that stay and how many were generalised and left out.
    """
    keys = [key for key in keys if rows and key in rows[0]]
    rows = [dict(row) for row in rows]
    changed = set()
    for key, widen in LADDER:
        if key not in keys:
            continue
        for i in _small(rows, keys, k):
            wider = widen(rows[i][key])
            if wider != rows[i][key]:
                rows[i][key] = wider
                changed.add(i)
    dropped = _small(rows, keys, k)
    kept = [row for i, row in enumerate(rows) if i not in dropped]
    return kept, AnonymityReport(
        k=k, records=len(kept), generalised=len(changed - dropped), suppressed=len(dropped)
    )
