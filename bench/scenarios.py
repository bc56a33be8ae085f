"""What `make bench` measures: (name, role, method, url, data, goal) against the demo data.

A goal is "ratio<=X" (p50 divided by the logged-in base page's p50 in the same run), "queries<=N",
"writes==0" (a GET writes nothing but its access-log row), or "ms<=N" for offline jobs.
`url` may be a callable returning (url, data) for each request (a save needs a fresh record each
time). PREPARE names scenarios whose client first does something (a search kept in the session).
"""

import itertools

from django.apps import apps
from django.db.models import Count
from django.urls import reverse

SEARCH_TERM = "Bakker"
PREPARE = {"participant search": lambda client: client.post("/participants/", {"q": SEARCH_TERM})}


def _model(name):
    return next(m for m in apps.get_models() if m.__name__ == name)


def page_scenarios(region):
    """The pages people open all day, with ids from the demo region."""
    consultation = (
        _model("Consultation").objects.filter(region=region).order_by("-starts_at").first()
    )
    registration = (
        _model("Registration")
        .objects.filter(consultation__region=region, day_number__isnull=False)
        .order_by("consultation_id", "day_number")
        .first()
    )
    participant = _model("Participant").objects.filter(region=region).order_by("pk").first()
    c = consultation.public_id
    rows = [
        get("empty view", "/__bench__/empty/", None),
        get("healthz", reverse("healthz"), None),
        get("logged-in base page", "/__bench__/base/", "queries<=4"),
        # Two URLs are named "dashboard": reverse("dashboard") is the landing page "Vandaag".
        get("today page", reverse("dashboard")),
        get("dashboard", reverse("monitoring:dashboard")),
        get("participant list", "/participants/"),
        get("participant record", f"/participants/{participant.public_id}/"),
        get("consultation list", "/consultations/"),
        get("consultation page", f"/consultations/{c}/"),
        get("offers", "/offers/"),
        get("access log", "/access-log/", role="privacy_officer"),
        get("plenary", f"/monitoring/plenary/{c}/"),
        get("booklets of a session", f"/documents/booklets/{c}/"),
    ]
    rows += [
        get("participant search", "/participants/"),
        get("progress grid", f"/measurements/sessions/{c}/progress/"),
        get(
            "access-log search",
            "/access-log/?username=coordinator.den-haag&action=view",
            role="privacy_officer",
        ),
    ]
    if registration is not None:
        r = registration.public_id
        rows += [
            get("station entry", f"/measurements/entries/{r}/"),
            get("booklet PDF", f"/documents/booklet/{r}/booklet.pdf", "ms<=300"),
        ]
    batch = _fullest_held_session(region)
    if batch is not None:
        # 0.3 s per booklet, 15 booklets: the print button before a session.
        rows.append(get("booklet batch of 15", f"/documents/booklets/{batch}/all.pdf", "ms<=4500"))
    saves = _station_saves(region)
    if saves is not None:
        rows.append(("station save POST", "coordinator", "POST", saves, None, "ratio<=3"))
    return rows


def _fullest_held_session(region):
    Consultation = _model("Consultation")
    return (
        Consultation.objects.filter(region=region, registrations__attendance="present")
        .annotate(n=Count("registrations"))
        .filter(n__lte=15)
        .order_by("-n", "pk")
        .values_list("public_id", flat=True)
        .first()
    )


def _station_saves(region):
    """Each call: the care station's values for the next registration that has none yet."""
    Registration = _model("Registration")
    free = (
        Registration.objects.filter(consultation__region=region, status="registered")
        .exclude(measurements__station="care")
        .exclude(attendance="absent")
        .filter(day_number__isnull=False)
        .order_by("pk")
        .values_list("public_id", flat=True)[:500]
    )
    queue = iter(list(free))
    counter = itertools.count()

    def next_save():
        n = next(counter)
        url = f"/measurements/entries/{next(queue)}/"
        data = {"station": "care", "method": "professional", "systolic": 120 + n % 40}
        data |= {"diastolic": 80, "pulse": 70}
        return url, data

    return next_save if free else None


def get(name, url, goal="ratio<=2", role="coordinator"):
    return (name, role, "GET", url, None, goal)
