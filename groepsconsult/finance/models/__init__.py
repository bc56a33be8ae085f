"""Money per region: budget lines per party, sourced assumptions, agreements, and their history.

No personal data lives here. Amounts are euros (Decimal). In-kind hours are valued with an
hourly-rate assumption, so the rate carries its source and certainty tag like every figure.
"""

from groepsconsult.finance.models.base import (
    MONEY,
    Agreement,
    Assumption,
    BudgetLine,
    Certainty,
    FinanceEvent,
    Party,
)
from groepsconsult.finance.models.costs import CostCategory, CostLine, SessionPreparation
from groepsconsult.finance.models.funding import (
    Domain,
    FundRoute,
    Grant,
    PartnerContact,
    SustainabilityItem,
)

__all__ = [
    "MONEY",
    "Agreement",
    "Assumption",
    "BudgetLine",
    "Certainty",
    "CostCategory",
    "CostLine",
    "Domain",
    "FinanceEvent",
    "FundRoute",
    "Grant",
    "PartnerContact",
    "Party",
    "SessionPreparation",
    "SustainabilityItem",
]
