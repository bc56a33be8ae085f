from django.db.models import Q
from django.shortcuts import get_object_or_404

from groepsconsult.accounts.models import Membership


def membership_list_for_region(*, region, q="", role=""):
    qs = Membership.objects.filter(region=region).select_related("user", "organisation")
    if role:
        qs = qs.filter(role=role)
    if q:
        qs = qs.filter(
            Q(user__username__icontains=q)
            | Q(user__first_name__icontains=q)
            | Q(user__last_name__icontains=q)
        )
    return qs.order_by("user__username")


def membership_get_for_region(*, region, pk):
    return get_object_or_404(Membership.objects.select_related("user"), region=region, pk=pk)
