from groepsconsult.audit.models import AccessEvent


def access_event_list_for_user(*, membership, filters):
    """Events of the membership's region, filtered. `filters` is cleaned AccessLogFilterForm data."""
    qs = AccessEvent.objects.filter(region_slug=membership.region.slug)
    if filters.get("username"):
        qs = qs.filter(username__iexact=filters["username"])
    if filters.get("participant"):
        qs = qs.filter(participant_id=filters["participant"])
    if filters.get("action"):
        qs = qs.filter(action=filters["action"])
    if filters.get("date_from"):
        qs = qs.filter(at__date__gte=filters["date_from"])
    if filters.get("date_to"):
        qs = qs.filter(at__date__lte=filters["date_to"])
    return qs
