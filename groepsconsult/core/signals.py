"""Signals lower apps send so higher apps can follow without being imported by them.

`facts_changed`: something a monitoring figure counts changed (a measurement, attendance, a
trajectory's state, consent, a hand-over, a follow-up call, background answers, a participant
or neighbourhood field). Send it from the service, inside its transaction, with any of
`trajectory_ids`, `participant_ids`, `neighbourhood_ids` or `consultation_ids` (a session's
places or the session itself changed: reach and attendance). The monitoring app refreshes its
pre-aggregates in the same transaction (docs/monitoring.md, "Pre-aggregates").

`facts_changed_together()`: a block whose sends are merged into one, sent when it ends (issue 12:
a station save that ticks someone present at the door refreshed the same person's facts four
times: attendance, two trajectory steps, the values).
"""

import contextvars
from contextlib import contextmanager

from django.dispatch import Signal

facts_changed = Signal()
KINDS = ("trajectory_ids", "participant_ids", "neighbourhood_ids", "consultation_ids")
_pending = contextvars.ContextVar("facts_changed_pending", default=None)


def send_facts_changed(
    sender, *, trajectory_ids=(), participant_ids=(), neighbourhood_ids=(), consultation_ids=()
):
    ids = {
        "trajectory_ids": [i for i in trajectory_ids if i],
        "participant_ids": [i for i in participant_ids if i],
        "neighbourhood_ids": [i for i in neighbourhood_ids if i],
        "consultation_ids": [i for i in consultation_ids if i],
    }
    pending = _pending.get()
    if pending is not None:
        pending.append((sender, ids))
        return
    facts_changed.send(sender=sender, senders=[sender], **ids)


@contextmanager
def facts_changed_together():
    """Collect the `facts_changed` sends of the block and send them once, merged (every id, and
    every sender in `senders`), when the block ends without an error. Open it inside the
    caller's `transaction.atomic()`, so the refresh stays in the same transaction; a refresh
    recomputes from the source rows, so one at the end sees every change of the block.
    """
    if _pending.get() is not None:  # an outer block sends
        yield
        return
    pending = []
    token = _pending.set(pending)
    try:
        yield
    finally:
        _pending.reset(token)
    if pending:
        merged = {kind: sorted({i for _, ids in pending for i in ids[kind]}) for kind in KINDS}
        senders = list(dict.fromkeys(sender for sender, _ in pending))
        facts_changed.send(sender=senders[0], senders=senders, **merged)
