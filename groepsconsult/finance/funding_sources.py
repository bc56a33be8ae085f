"""Default rows for the fund register and the sustainability checklist.

FUND_ROUTES: the funding instruments of shared/evidence-and-money.md §5, with its source
references (E-numbers, seed numbers, certainty tag). No deadline is given: the sources name none
that is still open, so a deadline is entered when the region learns it.

SUSTAINABILITY_ITEMS: our own default list (written from shared/domain.md §6, §8 and §9), not an
official funder checklist; each region edits it.
"""

from django.utils.translation import gettext_lazy as _

# (key, name, kind, conditions, source)
FUND_ROUTES = [
    (
        "segment-3",
        "Segment 3 (resultaatbeloning en zorgvernieuwing)",
        "insurer_s3",
        _(
            "NZa segment in which insurer and GP care agree rewards and innovation. "
            "In The Hague: HADOKS with CZ."
        ),
        "E56 NZa [V]; seed 002",
    ),
    (
        "o-and-i",
        "O&I (organisatie en infrastructuur)",
        "insurer_oi",
        _(
            "Insurer-funded organisation and infrastructure of GP care (practice, neighbourhood, "
            "regional management; agreed 2017). Utrecht: STERK with Zilveren Kruis. "
            "Segment to confirm."
        ),
        "E57 UNICUM [P]; seed 002",
    ),
    (
        "brede-spuk",
        "Brede SPUK 2023–2026",
        "national",
        _(
            "VWS grant to municipalities: health inequalities, overweight, Welzijn op recept, "
            "sport coaches (BRC). 2026: 10% less, plus EUR 43 M from AZWA."
        ),
        "E58 DUS-I [V], E59 InnoFunding [P]; seed 000",
    ),
    (
        "gos-amsterdam",
        "GOS (Amsterdam)",
        "municipal",
        _("The municipality pays start-up and delivery for 5 years. To confirm."),
        "seed 002 [U]",
    ),
    (
        "fha-haaglanden",
        "FHA Haaglanden",
        "practice_fund",
        _(
            "For practices with at least 200 (or 10%) patients from deprived areas; pays 75% of "
            "eligible costs; paid the two pilot years."
        ),
        "E60 Stichting FHA [V]; seeds 000, 002",
    ),
    (
        "implementatievoucher",
        "Implementatievoucher (Coalitie Leefstijl in de Zorg)",
        "voucher",
        _(
            "Up to EUR 25,000 plus coaching. The 2025 round was open until 1 October: "
            "check the current round."
        ),
        "E61 Zorginnovatie.nl [V]; seed 002",
    ),
    (
        "zonmw-leefstijl",
        "ZonMw Implementatie leefstijl in de zorg",
        "research",
        _("IZA-funded lifestyle programme."),
        "E62 ZonMw [V]; seed 000",
    ),
    (
        "cities-for-better-health",
        "Cities for Better Health",
        "company",
        _(
            "Novo Nordisk city programme (formerly Cities Changing Diabetes); seed funding, "
            "amount to confirm."
        ),
        "E63 [V]; seed 000",
    ),
    (
        "foundations",
        "Fonds 1818, Diabetes Fonds, Hartstichting, 2diabeat",
        "foundation",
        _("Start-up or context funds; amounts not checked."),
        "seeds 002, 004, 000 [U]",
    ),
    (
        "prevention-context",
        "Preventiecoalitie (VWS), VGZ SROI-middelen, IZA/AZWA",
        "other",
        _("Context funds and agreements; amounts and conditions not checked."),
        "seeds 002, 004, 000 [U]",
    ),
    (
        "gli",
        "GLI (gecombineerde leefstijlinterventie)",
        "basic_insurance",
        _(
            "Basic insurance since 2019; pays for the lifestyle programme participants are "
            "referred to, not for the group consultation."
        ),
        "E64 RIVM [V]",
    ),
]

# (key, group, question)
SUSTAINABILITY_ITEMS = [
    (
        "local-design",
        "content",
        _("The local design is written down: target group, neighbourhoods, themes, measurements."),
    ),
    (
        "minimum-requirements",
        "content",
        _(
            "Every session meets the minimum requirements: care, welfare and sport represented, "
            "a BIG-registered professional responsible, at least 8 participants, 1.5 to 2 hours, "
            "a room in the neighbourhood."
        ),
    ),
    (
        "aftercare",
        "content",
        _(
            "Aftercare is arranged: warm hand-overs to neighbourhood offers, a follow-up call "
            "within 6 weeks and a return session at 6 months."
        ),
    ),
    (
        "monitoring",
        "content",
        _(
            "Monitoring is part of the standard process along the Quintuple Aim: health outcomes, "
            "costs, participant experience, work satisfaction and equity."
        ),
    ),
    (
        "evaluation",
        "content",
        _(
            "A university or knowledge institute evaluates the effects between the first session "
            "and the 6-month return."
        ),
    ),
    (
        "results-shared",
        "content",
        _(
            "Results are shared: individual results with the GP, anonymous group results with the "
            "municipality and the funders."
        ),
    ),
    (
        "start-up-team",
        "organisation",
        _(
            "A start-up team is in place: initiator, project lead, strategic adviser, financial "
            "support and evaluation with a knowledge institute."
        ),
    ),
    (
        "core-team",
        "organisation",
        _(
            "A core team per city: GP, senior and junior coordinator, regional support "
            "organisation."
        ),
    ),
    (
        "ipt",
        "organisation",
        _("Each neighbourhood has an IPT that meets regularly and makes room for intervision."),
    ),
    (
        "agreements",
        "organisation",
        _(
            "Partners have formal agreements on roles and tasks, each with an owner and a review "
            "date."
        ),
    ),
    (
        "contacts",
        "organisation",
        _(
            "Every partner has a named contact with a successor, so the work does not depend on a "
            "few people."
        ),
    ),
    (
        "run-sheet",
        "organisation",
        _("A shared run sheet is used for every session."),
    ),
    (
        "privacy",
        "organisation",
        _(
            "Data flows are lawful under the GDPR: consent per purpose, and participants can "
            "withdraw."
        ),
    ),
    (
        "budget",
        "finance",
        _("A budget with start-up and running costs shows what each party pays."),
    ),
    (
        "in-kind",
        "finance",
        _(
            "In-kind contributions (rooms, sport coaches' and welfare workers' hours, volunteers) "
            "are recorded and valued at a stated rate."
        ),
    ),
    (
        "cost-per-participant",
        "finance",
        _("The cost per participant is known."),
    ),
    (
        "business-case",
        "finance",
        _(
            "A business case and SROI per party, with sourced assumptions, show what each party "
            "puts in and gets."
        ),
    ),
    (
        "routes",
        "finance",
        _("Funding routes are explored in the fund register, with deadlines and contacts."),
    ),
    (
        "structural",
        "finance",
        _(
            "Structural, shared funding by municipality and health insurer is agreed or "
            "negotiated, within one to two years of the start."
        ),
    ),
]
