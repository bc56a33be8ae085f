"""Helpers shared by the consultations views."""

from django.core.exceptions import ValidationError

from groepsconsult.consultations import selectors


def get_consultation(request, public_id):
    """Step 2 of the authorisation: the session in the user's region, or 404."""
    return selectors.consultation_get_for_user(membership=request.membership, public_id=public_id)


def add_service_errors(form, exc: ValidationError):
    """Attach a service's ValidationError to the matching fields, the rest to the form."""
    if hasattr(exc, "error_dict"):
        for field, errors in exc.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, exc)
