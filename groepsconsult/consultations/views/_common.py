"""Helpers shared by the consultations views."""

from groepsconsult.consultations import selectors


def get_consultation(request, public_id):
    """Step 2 of the authorisation: the session in the user's region, or 404."""
    return selectors.consultation_get_for_user(membership=request.membership, public_id=public_id)
