from groepsconsult.accounts.models import Membership


def membership_list_for_user(*, user):
    return (
        Membership.objects.filter(user=user, is_active=True, region__is_active=True)
        .select_related("region", "organisation")
        .order_by("region__name")
    )


def membership_active_for_user(*, user, region_id):
    """The membership the user works in now: the one chosen in the session, else the first."""
    memberships = list(membership_list_for_user(user=user))
    for membership in memberships:
        if membership.region_id == region_id:
            return membership, memberships
    return (memberships[0] if memberships else None), memberships
