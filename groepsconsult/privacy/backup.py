"""Backup and restore of the database (docs/privacy.md, "Backup and restore").

SQLite: the online backup API (consistent while the app runs). PostgreSQL: pg_dump's custom
format and pg_restore. Uploaded files (MEDIA_ROOT) go into a tar.gz beside the database file.
"""

import os
import shutil
import sqlite3
import subprocess
import tarfile
from pathlib import Path
from urllib.parse import urlparse

from django.conf import settings
from django.db import connection


def _tool(name: str) -> str:
    found = shutil.which(name)
    if not found:
        raise FileNotFoundError(f"{name} is not installed (Debian: postgresql-client)")
    return found


def is_postgres() -> bool:
    return connection.vendor == "postgresql"


def _pg_env(params: dict) -> dict:
    env = {**os.environ}
    for key, name in (
        ("HOST", "PGHOST"),
        ("PORT", "PGPORT"),
        ("USER", "PGUSER"),
        ("PASSWORD", "PGPASSWORD"),
    ):
        if params.get(key):
            env[name] = str(params[key])
    return env


def backup_database(target: Path) -> Path:
    target.parent.mkdir(parents=True, exist_ok=True)
    if is_postgres():
        params = connection.settings_dict
        subprocess.run(  # noqa: S603 (arguments come from settings and the operator)
            [
                _tool("pg_dump"),
                "--format=custom",
                "--no-owner",
                "--file",
                str(target),
                params["NAME"],
            ],
            env=_pg_env(params),
            check=True,
            capture_output=True,
        )
    else:
        connection.ensure_connection()
        with sqlite3.connect(target) as copy:
            connection.connection.backup(copy)
        copy.close()
    return target


def backup_media(target: Path) -> Path | None:
    media = Path(settings.MEDIA_ROOT)
    if not media.exists():
        return None
    with tarfile.open(target, "w:gz") as tar:
        tar.add(media, arcname="media")
    return target


def restore_database(source: Path, target: str) -> None:
    """Restore into `target`: a SQLite file path, or a postgres:// URL of an empty database."""
    if target.startswith(("postgres://", "postgresql://")):
        url = urlparse(target)
        params = {
            "HOST": url.hostname,
            "PORT": url.port,
            "USER": url.username,
            "PASSWORD": url.password,
        }
        subprocess.run(  # noqa: S603 (arguments come from settings and the operator)
            [
                _tool("pg_restore"),
                "--no-owner",
                "--exit-on-error",
                "--dbname",
                url.path.lstrip("/"),
                str(source),
            ],
            env=_pg_env(params),
            check=True,
            capture_output=True,
        )
        return
    with sqlite3.connect(source) as src, sqlite3.connect(target) as dst:
        src.backup(dst)
    src.close()
    dst.close()
