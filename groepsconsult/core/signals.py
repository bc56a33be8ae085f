"""Signals lower apps send so higher apps can follow without being imported by them.

`facts_changed`: something a monitoring figure counts changed (a measurement, attendance, a
trajectory's state, consent, a hand-over, a follow-up call, background answers, a participant
or neighbourhood field). Send it from the service, inside its transaction, with any of
`trajectory_ids`, `participant_ids`, `neighbourhood_ids` or `consultation_ids` (a session's
places or the session itself changed: reach and attendance). By default the sessions the named
people have a place in are recomputed too (a place taken or moved, attendance, the
anonymous-monitoring consent, a merge). A sender whose change can never alter a session's
counted places (a measurement, a hand-over, a call, a field) passes `sessions_changed=False`:
only the sessions named in `consultation_ids` are then. Safe by default: a new sender that
forgets the flag is slower, never wrong. `edited_session_ids`: sessions whose own fields
(time, place, audience) changed; the trajectories that begin there are refreshed too. The
monitoring app refreshes its pre-aggregates in the same transaction (docs/monitoring.md,
"Pre-aggregates").

`facts_changed_together()`: a block whose sends are merged into one, sent when it ends (issue 12:
a station save that ticks someone present at the door refreshed the same person's facts four
times: attendance, two trajectory steps, the values).
"""

import contextvars
from contextlib import contextmanager

from django.dispatch import Signal

facts_changed = Signal()
KINDS = (
    "trajectory_ids",
    "participant_ids",
    "neighbourhood_ids",
    "consultation_ids",
    "edited_session_ids",
)
_pending = contextvars.ContextVar("facts_changed_pending", default=None)


def send_facts_changed(
    sender,
    *,
    trajectory_ids=(),
    participant_ids=(),
    neighbourhood_ids=(),
    consultation_ids=(),
    edited_session_ids=(),
    sessions_changed=True,
):
    given = (
        trajectory_ids,
        participant_ids,
        neighbourhood_ids,
        consultation_ids,
        edited_session_ids,
    )
    ids = {kind: [i for i in values if i] for kind, values in zip(KINDS, given, strict=True)}
    pending = _pending.get()
    if pending is not None:
        pending.append((sender, ids, sessions_changed))
        return
    facts_changed.send(sender=sender, sessions_changed=sessions_changed, **ids)


@contextmanager
def facts_changed_together():
    """Collect the `facts_changed` sends of the block and send them once, merged (every id;
    people's sessions recounted if any send asked for it), when the
    block ends without an error. Open it inside the caller's `transaction.atomic()`, so the
    refresh stays in the same transaction; a refresh recomputes from the source rows, so one at
    the end sees every change of the block.
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
        merged = {kind: sorted({i for _, ids, _ in pending for i in ids[kind]}) for kind in KINDS}
        facts_changed.send(
            sender=pending[0][0],
            sessions_changed=any(flag for _, _, flag in pending),
            **merged,
        )
