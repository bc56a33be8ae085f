from django.contrib import admin

from groepsconsult.regions.models import Location, Neighbourhood, Organisation, Professional, Region


@admin.register(Region)
class RegionAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "public_phone", "is_active"]
    prepopulated_fields = {"slug": ["name"]}


for model in (Neighbourhood, Location, Organisation, Professional):
    admin.site.register(
        model, list_display=["__str__", "region"], list_filter=["region"], search_fields=["name"]
    )
