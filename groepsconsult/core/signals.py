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
(time, place, audience) changed; the trajectories that begin there are refreshed too. The monitoring app refreshes its pre-aggregates in
the same transaction (docs/monitoring.md, "Pre-aggregates").
"""

from django.dispatch import Signal

facts_changed = Signal()


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
    facts_changed.send(
        sender=sender,
        trajectory_ids=[i for i in trajectory_ids if i],
        participant_ids=[i for i in participant_ids if i],
        neighbourhood_ids=[i for i in neighbourhood_ids if i],
        consultation_ids=[i for i in consultation_ids if i],
        edited_session_ids=[i for i in edited_session_ids if i],
        sessions_changed=sessions_changed,
    )
