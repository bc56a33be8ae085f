from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from groepsconsult.accounts.models import Membership, User


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    fk_name = "user"


@admin.register(User)
class GroepsconsultUserAdmin(UserAdmin):
    inlines = [MembershipInline]
