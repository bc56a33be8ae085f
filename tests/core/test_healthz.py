from unittest import mock

from django.db import OperationalError


def test_healthz_reports_ok_with_database(client, db):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}


def test_healthz_answers_503_with_reason_when_database_is_down(client, db):
    # Simulating an outage of a third-party component (the DB driver), not our own code.
    with mock.patch(
        "django.db.backends.utils.CursorWrapper.execute", side_effect=OperationalError("down")
    ):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["database"] == "error"
    assert response.json()["reason"] == "OperationalError"


def test_healthz_answers_over_http_with_any_host_in_production(client, db, settings):
    """Load balancers probe over plain http with their own Host header."""
    settings.SECURE_SSL_REDIRECT = True
    settings.ALLOWED_HOSTS = ["groepsconsult.example.org"]
    response = client.get("/healthz", HTTP_HOST="10.0.0.7:8000")
    assert response.status_code == 200
    assert response.json()["status"] == "ok"
    # Every other path still gets the production treatment.
    assert client.get("/", HTTP_HOST="groepsconsult.example.org").status_code == 301
    assert client.get("/", HTTP_HOST="10.0.0.7:8000", secure=True).status_code == 400


def test_favicon_answers_on_every_site(client, db):
    response = client.get("/favicon.ico", follow=True)
    assert response.status_code == 200
    assert response.redirect_chain[0][0].endswith("/static/img/favicon.svg")
    assert b"<svg" in b"".join(response.streaming_content)


def test_every_page_links_the_icon(client, db):
    assert 'rel="icon"' in client.get("/account/login/").content.decode()
