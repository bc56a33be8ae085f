"""Trajectory steps for tests, through the real services (as the door and the desk do it)."""

from groepsconsult.audit.services import Actor
from groepsconsult.registrations.services import attendance_mark
from groepsconsult.trajectories.services import trajectory_link_registration

BY = Actor.system("tests")


def attend_and_return(first, back=None):
    """Tick `first` present at the door (its trajectory's first session) and, when given,
    register `back` as the 6-month place. Returns the trajectory."""
    attendance_mark(registration=first, attendance="present", by=BY)
    if back is not None:
        trajectory_link_registration(registration=back, by=BY)
    return first.participant.trajectories.order_by("-started_on", "-id").first()
