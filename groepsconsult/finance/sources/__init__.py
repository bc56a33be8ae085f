"""The sourced defaults a region starts from (shared/evidence-and-money.md, sections 1, 2 and 4).

Each row: key, label, low, base, high, unit, price year, source, certainty tag. None means the
sources give no figure: the page shows "to confirm" and the business case leaves it out rather
than inventing a number. Percentages are stored as percent (5 = 5%). Labels are translated
when a region is seeded (they are then the region's own, editable text).
"""

from groepsconsult.finance.sources.adjustments import ADJUSTMENT_ASSUMPTIONS
from groepsconsult.finance.sources.evidence import EVIDENCE_ASSUMPTIONS
from groepsconsult.finance.sources.outcomes import BREAK_EVEN, OUTCOMES, Outcome
from groepsconsult.finance.sources.rates import DISCIPLINE_RATES, RATE_ASSUMPTIONS

# One list, in the order a region is seeded in.
DEFAULT_ASSUMPTIONS = EVIDENCE_ASSUMPTIONS + RATE_ASSUMPTIONS + ADJUSTMENT_ASSUMPTIONS

__all__ = ["BREAK_EVEN", "DEFAULT_ASSUMPTIONS", "DISCIPLINE_RATES", "OUTCOMES", "Outcome"]
