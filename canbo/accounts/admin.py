from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.utils.translation import gettext_lazy as _

from canbo.accounts.models import ApiToken, User
from canbo.audit.admin_audit import AuditedAdmin


@admin.register(User)
class UserAdmin(AuditedAdmin, DjangoUserAdmin):
    list_display = ("username", "first_name", "last_name", "role", "scope_unit", "is_active", "is_staff")
    list_filter = ("role", "is_active", "is_staff", "is_superuser")
    search_fields = ("username", "first_name", "last_name", "email", "scope_unit__name")
    autocomplete_fields = ("scope_unit",)
    list_select_related = ("scope_unit",)
    fieldsets = (
        *DjangoUserAdmin.fieldsets,
        (_("Vai trò và phạm vi"), {"fields": ("role", "scope_unit", "blocs")}),
    )
    add_fieldsets = (
        *DjangoUserAdmin.add_fieldsets,
        (_("Vai trò và phạm vi"), {"fields": ("role", "scope_unit")}),
    )


@admin.register(ApiToken)
class ApiTokenAdmin(AuditedAdmin):
    list_display = ("user", "prefix", "label", "created_at", "last_used_at", "revoked")
    list_filter = ("revoked",)
    search_fields = ("user__username", "prefix", "label")
    readonly_fields = ("user", "prefix", "created_at", "last_used_at")
    fields = ("user", "prefix", "label", "created_at", "last_used_at", "revoked")

    def has_add_permission(self, request):
        # Keys are issued with `canbo token USERNAME` or the API, which show the key once.
        return False
