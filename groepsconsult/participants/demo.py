"""Demo: one imported GP selection per region, with a call list half worked. Idempotent.

It goes through the real check and import (the same path as the upload page), so the demo
shows what a coordinator would see after importing a practice's file.
"""

from groepsconsult.accounts.models import Membership
from groepsconsult.audit.services import Actor
from groepsconsult.participants.gp_import import services
from groepsconsult.participants.models import CallListEntry, ImportBatch
from groepsconsult.regions.models import Organisation

GIVEN = ["Aysel", "Nadia", "Fatma", "Hanneke", "Samira", "Mohamed", "Kees", "Ahmet", "Rachid"]
FAMILY = ["Yıldız", "El Idrissi", "de Vries", "Bakker", "Öztürk", "Boukhari", "Jansen", "Kaya"]
REASONS = ["ICPC T90", "ICPC K86", "ICPC T82", "ICPC T93", "ICPC A91.05", "BMI 32", "metformine"]
OUTCOMES = ["registered", "registered", "reached", "no_answer", "declined", "wrong_number"]
ROWS = 18


def seed(*, region, rng):
    if ImportBatch.objects.in_region(region).exists():
        return
    practice = (
        Organisation.objects.in_region(region).filter(kind="gp_practice").order_by("name").first()
    )
    if practice is None:
        return
    by = Actor.system("seed_demo")
    data = _selection_file(rng, region.slug)
    batch = services.gp_selection_import(
        region=region,
        gp_practice=practice,
        consultation=None,
        file_name=f"selectie-{practice.agb_code}.csv",
        data=data,
        by=by,
    )
    _work_the_list(region, batch, rng)


def _selection_file(rng, slug) -> bytes:
    prefix = "25" if slug == "den-haag" else "35"
    lines = ["Achternaam;Voornaam;Geb. datum;M/V;Mobiel;E-mail;Postcode;ICPC/reden"]
    for n in range(ROWS):
        given, family = rng.choice(GIVEN), rng.choice(FAMILY)
        sex = "M" if given in {"Mohamed", "Kees", "Ahmet", "Rachid"} else "V"
        born = f"{rng.randint(1, 28)}-{rng.randint(1, 12)}-{rng.randint(1948, 1985)}"
        email = f"demo.{slug}.{n}@example.org" if n % 3 else ""
        lines.append(
            f"{family};{given};{born};{sex};06{rng.randint(10000000, 99999999)};{email};"
            f"{prefix}{rng.randint(10, 99)} {rng.choice('ABCDEFGHKLMNPRST')}"
            f"{rng.choice('ABCDEHKLMNPRST')};{rng.choice(REASONS)}"
        )
    return ("\r\n".join(lines) + "\r\n").encode("utf-8")


def _work_the_list(region, batch, rng):
    caller = (
        Membership.objects.filter(region=region, role="coordinator").select_related("user").first()
    )
    if caller is None:
        return
    by = Actor(
        user_id=caller.user_id,
        username=caller.user.username,
        role="coordinator",
        region_slug=region.slug,
    )
    entries = list(CallListEntry.objects.filter(batch=batch).select_related("participant"))
    for entry in entries[: len(entries) * 2 // 3]:
        services.call_outcome_set(entry=entry, outcome=rng.choice(OUTCOMES), note="", by=by)
