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


def k_anonymise(rows: list[dict], *, keys, k: int) -> tuple[list[dict], AnonymityReport]:
    """Make every combination of the quasi-identifiers `keys` shared by at least k records.

    Step 1: records in a class smaller than k get neighbourhood ALL (when it is a key).
    Step 2: records still in a class smaller than k are left out. Returns the rows that stay
    and how many were generalised and suppressed.
    """
    keys = [key for key in keys if rows and key in rows[0]]

    def small(rows):
        sizes = Counter(tuple(row[key] for key in keys) for row in rows)
        return {i for i, row in enumerate(rows) if sizes[tuple(row[key] for key in keys)] < k}

    rows = [dict(row) for row in rows]
    generalised = 0
    if "neighbourhood" in keys:
        for i in small(rows):
            if rows[i]["neighbourhood"] != ALL:
                rows[i]["neighbourhood"] = ALL
                generalised += 1
    dropped = small(rows)
    kept = [row for i, row in enumerate(rows) if i not in dropped]
    return kept, AnonymityReport(
        k=k, records=len(kept), generalised=generalised, suppressed=len(dropped)
    )
