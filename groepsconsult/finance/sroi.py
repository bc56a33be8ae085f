"""SROI stages 4 and 5: impact after deadweight, displacement, attribution and drop-off, its
present value over a horizon, the ratio, per-party shares and the sensitivity analysis.

Pure arithmetic over the region's assumptions ({key: Assumption}); no queries. The formulas are
written out in docs/finance.md ("Method"):

    impact[o,t] = participants * proxy[o] * (1-dw) * (1-disp) * (1-attr) * (1-dropoff)**(t-1)
    PV[o]       = sum over t = 1..horizon of impact[o,t] / (1+r)**t
    SROI        = sum of PV[o] / inputs;  party p gets sum of share[o,p] * PV[o]

An outcome with any factor missing has no value ("to confirm"); it is listed, never summed as 0.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from groepsconsult.finance.sources import BREAK_EVEN, OUTCOMES

GENERAL_KEYS = ("discount", "horizon_years")
EURO, CENT = Decimal(1), Decimal("0.01")


def factor(assumption, scenario="base"):
    """The assumption's value for a scenario ("low", "base", "high"), percentages as fractions.

    A one-sided range uses the base on the missing side; None when there is no figure.
    """
    if assumption is None:
        return None
    value = getattr(assumption, scenario)
    if value is None and scenario != "base":
        value = assumption.base
    if value is None:
        return None
    return value / 100 if assumption.unit.startswith("%") else value


@dataclass
class OutcomeValue:
    outcome: object
    pv: Decimal | None  # present value over the horizon, in euros; None = to confirm
    missing: list = field(default_factory=list)  # keys without a figure

    @property
    def label(self):
        return self.outcome.label


def annuity(*, dropoff, rate, horizon):
    """sum over t = 1..horizon of (1-dropoff)**(t-1) / (1+rate)**t: the present value of one
    euro of first-year impact."""
    return sum(
        (1 - dropoff) ** (t - 1) / (1 + rate) ** t for t in range(1, int(horizon) + 1)
    ) or Decimal(0)


def outcome_value(outcome, assumptions, participants, overrides=None):
    overrides = overrides or {}

    def get(key):
        return factor(assumptions.get(key), overrides.get(key, "base"))

    keys = [*outcome.value_keys, *outcome.adjustments.values(), *GENERAL_KEYS]
    missing = [key for key in keys if get(key) is None]
    if missing:
        return OutcomeValue(outcome, None, missing)
    first_year = Decimal(participants)
    for key in outcome.value_keys:
        first_year *= get(key)
    adj = outcome.adjustments
    for name in ("deadweight", "displacement", "attribution"):
        first_year *= 1 - get(adj[name])
    pv = first_year * annuity(
        dropoff=get(adj["dropoff"]), rate=get("discount"), horizon=get("horizon_years")
    )
    return OutcomeValue(outcome, pv)


def outcome_values(assumptions, participants, overrides=None):
    return [outcome_value(o, assumptions, participants, overrides) for o in OUTCOMES]


def total_pv(assumptions, participants, overrides=None):
    """Present value of the outcomes that have a value (the others are to confirm)."""
    values = outcome_values(assumptions, participants, overrides)
    return sum((v.pv for v in values if v.pv is not None), Decimal(0))


def ratio(benefits, inputs):
    if not inputs or benefits is None:
        return None
    return (benefits / inputs).quantize(CENT)


def party_benefits(values, assumptions, party):
    """[(outcome label, euros or None)] and their total (None when any share or value is to
    confirm) for one party."""
    rows, total = [], Decimal(0)
    for value in values:
        key = value.outcome.shares.get(party)
        if key is None:
            continue
        share = factor(assumptions.get(key))
        euros = None if share is None or value.pv is None else value.pv * share
        rows.append((value.label, euros, key))
        total = None if euros is None or total is None else total + euros
    return rows, (total if rows else None)


def used_keys():
    keys = [k for o in OUTCOMES for k in (*o.value_keys, *o.adjustments.values())]
    keys += [k for o in OUTCOMES for k in o.shares.values()]
    return list(dict.fromkeys([*keys, *GENERAL_KEYS]))


def to_confirm_count(assumptions):
    """How many inputs of the SROI are still to confirm (tagged U or without a figure)."""
    return sum(
        1 for key in used_keys() if assumptions.get(key) is None or assumptions[key].to_confirm
    )


def sensitivity(assumptions, participants, inputs):
    """One-way low/high per assumption of the valued outcomes, then best and worst case (each assumption at the side
    that raises or lowers the total), with the SROI of each."""
    # Only the assumptions of valued outcomes move the total; the others are to confirm.
    valued = [v.outcome for v in outcome_values(assumptions, participants) if v.pv is not None]
    keys = [k for o in valued for k in (*o.value_keys, *o.adjustments.values())]
    keys = list(dict.fromkeys([*keys, *GENERAL_KEYS])) if valued else []
    rows = []
    for key in keys:
        low = total_pv(assumptions, participants, {key: "low"})
        high = total_pv(assumptions, participants, {key: "high"})
        rows.append(
            {
                "key": key,
                "assumption": assumptions.get(key),
                "low": low.quantize(EURO),
                "high": high.quantize(EURO),
                "low_ratio": ratio(low, inputs),
                "high_ratio": ratio(high, inputs),
            }
        )
    best = {r["key"]: ("high" if r["high"] >= r["low"] else "low") for r in rows}
    worst = {key: ("low" if side == "high" else "high") for key, side in best.items()}
    cases = {}
    for name, overrides in (("best", best), ("worst", worst)):
        pv = total_pv(assumptions, participants, overrides)
        cases[name] = {"pv": pv.quantize(EURO), "ratio": ratio(pv, inputs)}
    return rows, cases


def break_even(values, assumptions, inputs):
    """Conversions to diabetes avoided per 100 participants per year at which the diabetes
    outcome alone pays back all inputs, next to the current assumption. None if not valued."""
    outcome_key, rate_keys = BREAK_EVEN
    value = next(v for v in values if v.outcome.key == outcome_key)
    if value.pv is None or not value.pv or not inputs:
        return None
    current = Decimal(100)
    for key in rate_keys:
        current *= factor(assumptions.get(key))
    # The present value is proportional to the conversions avoided, so scale it.
    return {
        "needed": (current * inputs / value.pv).quantize(CENT),
        "current": current.quantize(CENT),
    }
