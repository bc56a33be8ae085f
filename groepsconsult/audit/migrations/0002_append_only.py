"""Make the access log append-only in the database itself (NEN 7513: the log cannot be altered).

UPDATE is always refused. DELETE (and TRUNCATE) is refused unless a row sits in the raw table
audit_purge_allowed: the one door for a deliberate retention purge, and for the test runner's
flush between browser tests. The application never writes that table.
"""

from django.db import migrations

SQLITE = [
    "CREATE TABLE audit_purge_allowed (reason varchar(100) NOT NULL)",
    """CREATE TRIGGER audit_accessevent_no_update BEFORE UPDATE ON audit_accessevent
       BEGIN SELECT RAISE(ABORT, 'the access log is append-only'); END;""",
    """CREATE TRIGGER audit_accessevent_no_delete BEFORE DELETE ON audit_accessevent
       WHEN NOT EXISTS (SELECT 1 FROM audit_purge_allowed)
       BEGIN SELECT RAISE(ABORT, 'the access log is append-only'); END;""",
]
POSTGRES = [
    "CREATE TABLE audit_purge_allowed (reason varchar(100) NOT NULL)",
    """CREATE OR REPLACE FUNCTION audit_accessevent_refuse() RETURNS trigger AS $$
       BEGIN
         IF TG_OP <> 'UPDATE' AND EXISTS (SELECT 1 FROM audit_purge_allowed) THEN
           RETURN OLD;
         END IF;
         RAISE EXCEPTION 'the access log is append-only';
       END; $$ LANGUAGE plpgsql;""",
    """CREATE TRIGGER audit_accessevent_no_change BEFORE UPDATE OR DELETE ON audit_accessevent
       FOR EACH ROW EXECUTE FUNCTION audit_accessevent_refuse();""",
    # TRUNCATE bypasses row triggers, so it gets its own statement trigger.
    """CREATE TRIGGER audit_accessevent_no_truncate BEFORE TRUNCATE ON audit_accessevent
       FOR EACH STATEMENT EXECUTE FUNCTION audit_accessevent_refuse();""",
]


def forwards(apps, schema_editor):
    statements = POSTGRES if schema_editor.connection.vendor == "postgresql" else SQLITE
    for statement in statements:
        schema_editor.execute(statement)


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP TRIGGER IF EXISTS audit_accessevent_no_change ON audit_accessevent")
        schema_editor.execute("DROP TRIGGER IF EXISTS audit_accessevent_no_truncate ON audit_accessevent")
        schema_editor.execute("DROP FUNCTION IF EXISTS audit_accessevent_refuse()")
    else:
        schema_editor.execute("DROP TRIGGER IF EXISTS audit_accessevent_no_update")
        schema_editor.execute("DROP TRIGGER IF EXISTS audit_accessevent_no_delete")
    schema_editor.execute("DROP TABLE IF EXISTS audit_purge_allowed")


class Migration(migrations.Migration):
    dependencies = [("audit", "0001_initial")]
    operations = [migrations.RunPython(forwards, backwards)]
