"""Issue 10 findings 20 and 21: the operator's duties are written down and runnable."""

import re
from pathlib import Path

from django.core.management import get_commands

ROOT = Path(__file__).resolve().parents[2]


def _crontab_commands():
    text = (ROOT / "docs" / "security.md").read_text()
    return re.findall(r"manage\.py (\w+)", text.split("### Crontab", 1)[1].split("###", 1)[0])


def test_finding_20_documented_crontab_clears_sessions_and_purges_gp_files():
    commands = _crontab_commands()
    assert {"clearsessions", "purge_gp_files", "send_reminders"} <= set(commands)
    assert set(commands) <= set(get_commands())  # every line of the crontab runs


def test_finding_21_app_role_may_only_insert_and_read_the_access_log():
    sql = (ROOT / "deploy" / "postgres-roles.sql").read_text()
    assert "REVOKE UPDATE, DELETE, TRUNCATE ON audit_accessevent FROM groepsconsult_app" in sql
    assert "OWNER TO groepsconsult_owner" in sql
    assert (
        "docs/security.md" in sql
        and "deploy/postgres-roles.sql" in (ROOT / "docs" / "security.md").read_text()
    )
