from django.contrib import admin

from groepsconsult.offers.models import NeighbourhoodOffer


@admin.register(NeighbourhoodOffer)
class NeighbourhoodOfferAdmin(admin.ModelAdmin):
    list_display = ["name", "organisation", "kind", "region", "last_confirmed_on", "is_active"]
    list_filter = ["region", "kind", "is_active"]
    search_fields = ["name", "organisation__name"]
