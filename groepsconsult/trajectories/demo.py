"""Demo trajectories, made through the trajectory services from the registrations the
registrations seeder wrote in bulk: every place links its trajectory, every tick at the door
advances it, due follow-ups start, and one person stops and one is lost (with reasons).
The measurements and documents seeders run later and advance the rest through the services
(results tick people present; the 6-month session's attendance marks the return). Idempotent.
"""

from groepsconsult.audit.services import Actor
from groepsconsult.consultations.models import Consultation
from groepsconsult.trajectories import services
from groepsconsult.trajectories.models import Trajectory, TrajectoryEvent

BY = Actor.system("seed_demo")


def seed(*, region, rng):
    # GP-import invitations come without events; any event means this seeder already ran.
    if TrajectoryEvent.objects.filter(trajectory__participant__region=region).exists():
        return
    # Registrations sit above trajectories: reach the places through each session.
    sessions = Consultation.objects.filter(region=region).order_by("starts_at", "id")
    for consultation in sessions:
        places = consultation.registrations.filter(status="registered").select_related(
            "participant", "consultation__region"
        )
        for registration in places.order_by("id"):
            if registration.attendance == "present":
                services.trajectory_record_attendance(registration=registration, by=BY)
            else:
                services.trajectory_link_registration(registration=registration, by=BY)
    services.trajectories_start_due_follow_ups(region=region, by=BY)
    in_follow_up = list(
        Trajectory.objects.filter(participant__region=region, status=Trajectory.Status.FOLLOW_UP)
        .select_related("participant")
        .order_by("-id")[:2]
    )
    if len(in_follow_up) == 2:
        services.trajectory_stop(
            trajectory=in_follow_up[0], reason="Verhuisd naar een andere stad", by=BY
        )
        services.trajectory_mark_lost(
            trajectory=in_follow_up[1], reason="Telefoon wordt niet opgenomen (3x)", by=BY
        )
