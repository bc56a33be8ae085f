"""Load realistic demo data: two regions, their partners, 240 fictional participants, and a demo
login per role per region (with TOTP secrets, written to var/demo-logins.json). Idempotent."""

import base64
import datetime as dt
import hashlib
import io
import json
import random
from importlib import import_module
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from groepsconsult.accounts.models import Membership, User
from groepsconsult.consultations.models import Consultation
from groepsconsult.demo import data
from groepsconsult.participants.models import Participant
from groepsconsult.regions.models import Location, Neighbourhood, Organisation, Professional, Region


def app_seeders():
    """Each app may ship `<app>/demo.py` with `seed(*, region, rng)`; called in INSTALLED_APPS order.

    Seeders must be idempotent (get_or_create, or return early when data exists).
    """
    seeders = []
    for config in apps.get_app_configs():
        if config.name.startswith("groepsconsult.") and config.label != "demo":
            try:
                module = import_module(f"{config.name}.demo")
            except ModuleNotFoundError:
                continue
            seeders.append(module.seed)
    return seeders


def totp_key(username: str) -> bytes:
    """A stable per-user secret, so re-running the seed keeps phones enrolled."""
    return hashlib.sha256(f"groepsconsult-demo:{username}".encode()).digest()[:20]


class Command(BaseCommand):
    help = "Create or refresh the demo data and demo logins (safe to run twice)."

    def handle(self, *args, **options):
        logins = []
        with transaction.atomic():
            for index, spec in enumerate(data.REGIONS):
                region, _ = Region.objects.get_or_create(
                    slug=spec["slug"],
                    defaults={"name": spec["name"], "public_phone": spec.get("public_phone", "")},
                )
                rng = random.Random(index)
                self._backbone(region, spec, rng)
                self._participants(region, spec, rng)
                logins += self._logins(region)
                for seed in app_seeders():
                    seed(region=region, rng=random.Random(index))
                # The seeders write in bulk, without the services' signals: rebuild the facts.
                call_command("rebuild_monitoring", region=region.slug, stdout=io.StringIO())
            logins.append(self._installation_admin(Region.objects.filter(is_active=True)))
        out = Path(settings.BASE_DIR) / "var" / "demo-logins.json"
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(json.dumps(logins, indent=2))
        self._print(logins, out)

    def _backbone(self, region, spec, rng):
        for n, (name, code) in enumerate(spec["neighbourhoods"]):
            hood, _ = Neighbourhood.objects.get_or_create(
                region=region, name=name, defaults={"cbs_code": code}
            )
            for i, (loc_name, street, rooms, access) in enumerate(data.LOCATION_KINDS):
                Location.objects.get_or_create(
                    region=region,
                    name=loc_name.format(n=name),
                    defaults=dict(
                        neighbourhood=hood,
                        address=street.format(i=i + 1 + n),
                        city=spec["city"],
                        postcode=f"{spec['postcode_prefix']}{n}{i} AB",
                        rooms=rooms,
                        accessibility=access,
                    ),
                )
            for org_name, kind in data.ORGANISATIONS:
                Organisation.objects.get_or_create(
                    region=region,
                    name=org_name.format(n=name),
                    defaults=dict(
                        kind=kind,
                        neighbourhood=hood,
                        agb_code=f"01{rng.randint(100000, 999999)}"
                        if kind == "gp_practice"
                        else "",
                    ),
                )
            for k, (discipline, org_prefix, big) in enumerate(data.PROFESSIONALS):
                given = rng.choice(data.GIVEN_FEMALE + data.GIVEN_MALE)
                org = Organisation.objects.filter(
                    region=region, name__startswith=org_prefix, neighbourhood=hood
                ).first()
                Professional.objects.get_or_create(
                    region=region,
                    name=f"{given} {data.FAMILY[(k + n * 3) % len(data.FAMILY)]}",
                    defaults=dict(
                        discipline=discipline,
                        organisation=org,
                        big_number=f"{rng.randint(10**10, 10**11 - 1)}" if big else "",
                        # Two professionals per neighbourhood lack a VOG, so the warnings show.
                        vog_date=None
                        if k in (3, 7)
                        else timezone.localdate() - dt.timedelta(days=rng.randint(30, 900)),
                        email=f"{given.lower()}.{k}@example.org",
                        languages=["nl", *data.PROFESSIONAL_LANGUAGES[k % 5]],
                    ),
                )
        for org_name, kind in data.CITY_ORGANISATIONS:
            Organisation.objects.get_or_create(
                region=region, name=org_name.format(c=spec["city"]), defaults={"kind": kind}
            )

    def _participants(self, region, spec, rng):
        missing = data.PARTICIPANTS_PER_REGION - Participant.objects.filter(region=region).count()
        if missing <= 0:
            return
        hoods = list(Neighbourhood.objects.filter(region=region))
        practices = list(Organisation.objects.filter(region=region, kind="gp_practice"))
        today = timezone.localdate()
        people = []
        for _ in range(missing):
            female = rng.random() < 0.6
            people.append(
                Participant(
                    region=region,
                    given_name=rng.choice(data.GIVEN_FEMALE if female else data.GIVEN_MALE),
                    family_name=rng.choice(data.FAMILY),
                    date_of_birth=today - dt.timedelta(days=rng.randint(35 * 365, 78 * 365)),
                    sex="female" if female else "male",
                    phone=f"06{rng.randint(10000000, 99999999)}",
                    postcode=f"{spec['postcode_prefix']}{rng.randint(10, 99)} {rng.choice('ABCDEFGHJKLMNPRSTVWXZ')}{rng.choice('ABCDEHKLMNPRST')}",
                    preferred_language=rng.choice(data.LANGUAGES),
                    neighbourhood=rng.choice(hoods),
                    gp_practice=rng.choice(practices),
                )
            )
        # Trajectories are not made here: registering and attending make them, through the
        # trajectories services (see trajectories/demo.py), so statuses agree with attendance.
        Participant.objects.bulk_create(people)
        self._consultations(region, hoods, today)

    def _consultations(self, region, hoods, today):
        for n, hood in enumerate(hoods):
            location = Location.objects.filter(region=region, neighbourhood=hood).first()
            # The first neighbourhood also meets today, so every role's "Vandaag" page has a
            # session to show (door tally, stations, alarms) on the day the demo is loaded.
            for weeks in (-8, 0, 3, 6) if n == 0 else (-8, 3, 6):
                starts = timezone.make_aware(
                    dt.datetime.combine(today + dt.timedelta(weeks=weeks, days=n), dt.time(10, 0))
                )
                Consultation.objects.get_or_create(
                    region=region,
                    neighbourhood=hood,
                    starts_at=starts,
                    defaults=dict(
                        location=location,
                        title=f"Groepsconsult {hood.name}",
                        status="held" if weeks < 0 else "open",
                    ),
                )

    def _logins(self, region):
        logins = []
        gp = Organisation.objects.filter(region=region, kind="gp_practice").order_by("name").first()
        for role in data.DEMO_ROLES:
            username = f"{role.replace('_', '-')}.{region.slug}"
            user, created = User.objects.get_or_create(
                username=username, defaults={"first_name": role}
            )
            if created:
                user.set_password(data.DEMO_PASSWORD)
            # Region administrators manage their region only; the installation administrator
            # is a separate login (an older demo database made them superusers: undo that).
            user.is_staff = user.is_superuser = False
            user.save()
            Membership.objects.update_or_create(
                user=user,
                region=region,
                defaults={"role": role, "organisation": gp if role == "gp_practice" else None},
            )
            logins.append(self._demo_login(user, role, region.slug))
        return logins

    def _demo_login(self, user, role, region_slug):
        key = totp_key(user.username)
        TOTPDevice.objects.update_or_create(
            user=user, name="demo", defaults={"key": key.hex(), "confirmed": True}
        )
        return {
            "role": role,
            "username": user.username,
            "password": data.DEMO_PASSWORD,
            "totp_secret": base64.b32encode(key).decode(),
            "region": region_slug,
        }

    def _installation_admin(self, regions):
        """The one superuser: Django admin, and accounts that span regions (see docs/security.md)."""
        user, created = User.objects.get_or_create(
            username=data.INSTALLATION_ADMIN_USERNAME,
            defaults={"first_name": "installation administrator"},
        )
        if created:
            user.set_password(data.DEMO_PASSWORD)
        user.is_staff = user.is_superuser = True
        user.save()
        for region in regions:
            Membership.objects.update_or_create(
                user=user, region=region, defaults={"role": "administrator"}
            )
        return self._demo_login(user, "installation admin", "*")

    def _print(self, logins, out):
        self.stdout.write(
            f"\nDemo logins (password for all: {data.DEMO_PASSWORD}); TOTP secrets in {out}\n"
        )
        self.stdout.write(
            f"{'role':<18} {'username':<32} {'region':<10} totp secret (add to an authenticator app)"
        )
        for row in logins:
            self.stdout.write(
                f"{row['role']:<18} {row['username']:<32} {row['region']:<10} {row['totp_secret']}"
            )
        self.stdout.write(
            "Tip: `python manage.py totp_code <username>` prints the current 6-digit code.\n"
        )
