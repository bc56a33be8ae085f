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
