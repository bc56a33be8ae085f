"""What `make bench` measures: (name, role, method, url, data, goal) against the demo data.

A goal is "ratio<=X" (p50 divided by the logged-in base page's p50 in the same run), "queries<=N",
"writes==0" (a GET writes nothing but its access-log row), or "ms<=N" for offline jobs.
"""

from django.apps import apps
from django.urls import reverse


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
        get("dashboard", reverse("dashboard")),
        get("participant list", "/participants/"),
        get("participant record", f"/participants/{participant.public_id}/"),
        get("consultation list", "/consultations/"),
        get("consultation page", f"/consultations/{c}/"),
        get("offers", "/offers/"),
        get("access log", "/access-log/", role="privacy_officer"),
        get("plenary", f"/monitoring/plenary/{c}/"),
        get("booklets of a session", f"/documents/booklets/{c}/"),
    ]
    if registration is not None:
        r = registration.public_id
        rows += [
            get("station entry", f"/measurements/entries/{r}/"),
            get("booklet PDF", f"/documents/booklet/{r}/booklet.pdf", "ms<=300"),
        ]
    return rows


def get(name, url, goal="ratio<=2", role="coordinator"):
    return (name, role, "GET", url, None, goal)
