"""Operations: metrics only on loopback, a 503 page when the database goes away, request logs."""

import json
import logging
import subprocess
import sys

import pytest
from django.db import OperationalError, connection
from django.test import Client

from groepsconsult.participants.models import Participant
from tests.factories.registrations import make_open_consultation, public_form_data


def test_metrics_answer_on_loopback_only(db):
    assert Client(REMOTE_ADDR="127.0.0.1").get("/metrics").status_code == 200
    assert b"django_http_requests" in Client().get("/metrics", REMOTE_ADDR="127.0.0.1").content
    assert Client(REMOTE_ADDR="203.0.113.9").get("/metrics").status_code == 404


def _database_gone(execute, sql, params, many, context):
    raise OperationalError("server closed the connection unexpectedly")


def test_a_lost_database_gives_a_clear_503_page(db):
    client = Client(raise_request_exception=False)
    with connection.execute_wrapper(_database_gone):
        response = client.get("/aanmelden/")
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert "niet</strong> opgeslagen" in response.content.decode()


def test_a_database_lost_mid_sign_up_leaves_nothing_half_written(db, region_a):
    consultation = make_open_consultation(region_a)
    before = Participant.objects.count()

    def fail_on_registration_insert(execute, sql, params, many, context):
        if sql.startswith("INSERT") and "registration" in sql.split("(")[0]:
            raise OperationalError("server closed the connection unexpectedly")
        return execute(sql, params, many, context)

    client = Client(raise_request_exception=False)
    with connection.execute_wrapper(fail_on_registration_insert):
        response = client.post(f"/aanmelden/{consultation.public_id}/", public_form_data())
    assert response.status_code == 503
    assert Participant.objects.count() == before


def test_other_errors_keep_the_500_page(rf):
    from groepsconsult.core.operations import server_error

    try:
        raise ValueError("a bug")
    except ValueError:
        response = server_error(rf.get("/"))
    assert response.status_code == 500


def test_each_request_is_logged_with_route_and_status_without_the_query(db, caplog):
    with caplog.at_level(logging.INFO, logger="groepsconsult.request"):
        Client().get("/aanmelden/?naam=Yilmaz")
    record = next(r for r in caplog.records if r.name == "groepsconsult.request")
    assert (record.route, record.status, record.method) == ("registrations:public-list", 200, "GET")
    assert "Yilmaz" not in record.getMessage()


@pytest.mark.parametrize("fmt", ["json"])
def test_json_log_format_writes_one_json_object_per_line(fmt, tmp_path):
    code = (
        "import django, logging; django.setup(); "
        "logging.getLogger('groepsconsult.request').warning('hello %s', 'world', extra={'status': 200})"
    )
    env = {
        "DJANGO_SETTINGS_MODULE": "groepsconsult.settings",
        "LOG_FORMAT": fmt,
        "SQLITE_PATH": str(tmp_path / "db.sqlite3"),
        "PATH": "/usr/bin:/bin",
    }
    out = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    line = json.loads(out.stderr.strip().splitlines()[-1])
    assert (line["message"], line["status"], line["level"]) == ("hello world", 200, "WARNING")
