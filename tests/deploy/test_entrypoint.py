"""The container's entry point, run as the image runs it: migrate, gunicorn, /healthz answers."""

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_entrypoint_migrates_and_serves_healthz_with_gunicorn(tmp_path):
    port = _free_port()
    env = {
        **{
            k: v
            for k, v in os.environ.items()
            if k not in ("DATABASE_URL", "DJANGO_SETTINGS_MODULE")
        },
        "PYTHON": sys.executable,
        "GC_ENV": "production",
        "SECRET_KEY": "test-only-entrypoint-key",
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "false",
        "SQLITE_PATH": str(tmp_path / "db.sqlite3"),
        "MIGRATE_ON_START": "true",
        "BIND": f"127.0.0.1:{port}",
        "WEB_WORKERS": "2",
        # Production refuses the demo transports (docs/configuration.md); nothing is sent here.
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": "127.0.0.1",
        "GC_SMS_TRANSPORT": "messagebird",
        "GC_MESSAGEBIRD_ACCESS_KEY": "test-only",
    }
    server = subprocess.Popen(
        [str(ROOT / "deploy" / "entrypoint.sh"), "web"],
        env=env,
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    try:
        body = None
        for _ in range(240):
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2) as r:
                    body = json.loads(r.read())
                    break
            except OSError:
                assert server.poll() is None, server.stdout.read().decode()
                time.sleep(0.5)
        assert body == {"status": "ok", "database": "ok"}
    finally:
        server.terminate()
        server.wait(timeout=20)
