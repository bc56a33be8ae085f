from groepsconsult.audit.models import AccessEvent
from groepsconsult.audit.purposes import Purpose
from groepsconsult.audit.services import Actor, access_log_write

PURPOSE = Purpose.SESSION_PLANNING


def audited_delete(*, instance, by: Actor):
    """Delete and log it in the caller's transaction (the log row and the delete go together)."""
    access_log_write(
        by=by,
        action=AccessEvent.Action.DELETE,
        subject_type=instance._meta.model_name,
        subject_ids=[instance.public_id],
        purpose=PURPOSE,
    )
    instance.delete()


def audited_change(*, instance, by: Actor):
    """Log a change written by a bulk update (which bypasses audited_save)."""
    access_log_write(
        by=by,
        action=AccessEvent.Action.CHANGE,
        subject_type=instance._meta.model_name,
        subject_ids=[instance.public_id],
        purpose=PURPOSE,
    )
