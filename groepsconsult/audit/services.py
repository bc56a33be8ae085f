"""Write-only API of the access log. Call it inside the transaction that reads or writes the data."""

from dataclasses import dataclass, field, replace

from groepsconsult.audit.models import AccessEvent
from groepsconsult.audit.purposes import Purpose
from groepsconsult.core.bulk import insert_rows
from groepsconsult.core.clientip import client_ip

# Above this many rows (a GP import) the log is written with one lean executemany, not bulk_create.
LEAN_INSERT_FROM = 500


@dataclass(frozen=True)
class Actor:
    """Who acts: the user, their role and region, and the client address.

    `user` and `membership` are the objects themselves (None for the system and anonymous
    residents): a service that stores who did it (a `..._by` foreign key) reads `by.user`,
    so each write takes one actor and never a second `user=` argument.
    """

    user_id: int | None
    username: str
    role: str = ""
    region_slug: str = ""
    ip_address: str | None = None
    user: object = field(default=None, compare=False, repr=False)
    membership: object = field(default=None, compare=False, repr=False)

    @classmethod
    def from_request(cls, request):
        membership = getattr(request, "membership", None)
        return cls(
            user_id=request.user.pk,
            username=request.user.get_username(),
            role=membership.role if membership else "",
            region_slug=membership.region.slug if membership else "",
            ip_address=client_ip(request),
            user=request.user if request.user.is_authenticated else None,
            membership=membership,
        )

    @classmethod
    def for_user(cls, user, *, role="", region_slug="", membership=None):
        """A user acting outside a request (demo data, commands, tests)."""
        return cls(
            user_id=user.pk,
            username=user.get_username(),
            role=role,
            region_slug=region_slug,
            user=user,
            membership=membership,
        )

    @classmethod
    def system(cls, name="system"):
        return cls(user_id=None, username=name)

    @classmethod
    def anonymous(cls, request, *, name, region_slug=""):
        """A resident without an account (public sign-up): the real client address is kept."""
        return cls(
            user_id=None, username=name, region_slug=region_slug, ip_address=client_ip(request)
        )

    def in_region(self, region_slug: str) -> "Actor":
        """The same actor with the region they acted in (rows without one are invisible to
        the region's privacy officer)."""
        return replace(self, region_slug=self.region_slug or region_slug)


def access_log_write(
    *,
    by: Actor,
    action: str,
    subject_type: str,
    subject_ids=(),
    participant_ids=(),
    purpose: Purpose,
    detail: str = "",
) -> None:
    """One row per participant touched (so a privacy officer can search by participant).

    `participant_ids` are public UUIDs; with none, one row for the subject(s) is written.
    `purpose` is one of `Purpose` (free text raises ValueError: the log's purposes stay one list).
    """
    purpose = Purpose(purpose)
    participant_ids = list(participant_ids)
    subject_ids = [str(s) for s in subject_ids]
    base = dict(
        user_id=by.user_id,
        username=by.username,
        role=by.role,
        region_slug=by.region_slug,
        ip_address=by.ip_address,
        action=action,
        subject_type=subject_type,
        purpose=purpose,
        detail=detail[:255],
    )
    if not participant_ids:
        AccessEvent.objects.create(**base, subject_id=",".join(subject_ids)[:64])
        return
    paired = len(subject_ids) == len(participant_ids)  # one subject per participant, in order
    rows = [
        {**base, "participant_id": pid, "subject_id": subject_ids[i] if paired else ""}
        for i, pid in enumerate(participant_ids)
    ]
    if len(rows) > LEAN_INSERT_FROM:
        insert_rows(AccessEvent, rows)
    else:
        AccessEvent.objects.bulk_create([AccessEvent(**row) for row in rows])


def audited_save(*, instance, by: Actor, purpose: str, participant_ids=()):
    """Validate with full_clean() and save; the audit row commits or rolls back with the data.

    The generic write path for simple records; entity services call it and add their own rules.
    """
    from django.db import transaction

    action = AccessEvent.Action.CHANGE if instance.pk else AccessEvent.Action.CREATE
    instance.full_clean()
    with transaction.atomic():
        instance.save()
        access_log_write(
            by=by,
            action=action,
            subject_type=instance._meta.model_name,
            subject_ids=[getattr(instance, "public_id", instance.pk)],
            participant_ids=participant_ids,
            purpose=purpose,
        )
    return instance


def access_log_view(*, by: Actor, record, purpose: str) -> None:
    """Log that one participant-owned record (it has `.participant` and `.public_id`) was opened."""
    access_log_write(
        by=by,
        action=AccessEvent.Action.VIEW,
        subject_type=record._meta.model_name,
        subject_ids=[record.public_id],
        participant_ids=[record.participant.public_id],
        purpose=purpose,
    )


def access_log_records(*, by: Actor, records, purpose: str, action=None, detail="") -> None:
    """Log that participant-owned records (each with `.participant` and `.public_id`) were
    shown (LIST by default) or exported: one row per record's participant."""
    records = list(records)
    access_log_write(
        by=by,
        action=action or AccessEvent.Action.LIST,
        subject_type=records[0]._meta.model_name if records else "",
        subject_ids=[r.public_id for r in records],
        participant_ids=[r.participant.public_id for r in records],
        purpose=purpose,
        detail=detail,
    )
