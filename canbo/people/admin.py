from django.contrib import admin

from canbo.audit.admin_audit import AuditedAdmin
from canbo.people.models import Cadre


@admin.register(Cadre)
class CadreAdmin(AuditedAdmin):
    """Read-only view of cadres for administrators; records change through canbo's own pages and import."""

    list_display = ("code", "full_name", "birth_date", "gender", "category", "ethnicity", "retirement_date")
    list_filter = ("category", "gender", "party_member")
    search_fields = ("code", "full_name", "search_text")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
