from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from canbo.audit.admin_audit import AuditedAdmin
from canbo.org.models import (
    RANK_REQUIREMENTS,
    CivilServiceRank,
    Locality,
    PositionType,
    Post,
    StandardVersion,
    Unit,
)
from canbo.org.tree import rebuild_paths

admin.site.site_header = _("canbo – Quản trị danh mục")
admin.site.site_title = _("canbo quản trị")
admin.site.index_title = _("Danh mục và người dùng")


class TreeAdmin(AuditedAdmin):
    def after_save(self, obj):
        rebuild_paths(type(obj))


@admin.register(Locality)
class LocalityAdmin(TreeAdmin):
    list_display = ("code", "name", "level", "parent")
    list_filter = ("level",)
    search_fields = ("code", "name")
    autocomplete_fields = ("parent",)


@admin.register(Unit)
class UnitAdmin(TreeAdmin):
    list_display = (
        "code",
        "name",
        "level",
        "bloc",
        "parent",
        "locality",
        "valid_from",
        "valid_to",
        "successor",
    )
    list_filter = ("level", "bloc")
    search_fields = ("code", "name")
    autocomplete_fields = ("parent", "locality", "successor")
    list_select_related = ("parent", "locality", "successor")


class StandardHistory(admin.TabularInline):
    """The dated versions of a standard, newest last; a new one is issued through the catalogue
    service (`standard_version_create`) so that the previous version is closed and audited."""

    model = StandardVersion
    extra = 0
    can_delete = False
    fields = (
        "valid_from",
        "valid_to",
        "req_llct",
        "req_chuyen_mon",
        *RANK_REQUIREMENTS,
        "source",
        "reason",
        "decision",
        "created_at",
    )
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False


class RankStandardHistory(StandardHistory):
    fields = ("valid_from", "valid_to", *RANK_REQUIREMENTS, "source", "reason", "decision", "created_at")
    readonly_fields = fields


@admin.register(PositionType)
class PositionTypeAdmin(AuditedAdmin):
    list_display = ("code", "name", "btv_managed", "key_position", "non_local_required")
    list_filter = ("btv_managed", "key_position", "non_local_required", "deputy_head_or_above")
    search_fields = ("code", "name")
    fieldsets = (
        (None, {"fields": ("code", "name")}),
        (
            _("Đặc điểm"),
            {"fields": ("btv_managed", "key_position", "non_local_required", "deputy_head_or_above")},
        ),
    )
    inlines = (StandardHistory,)


@admin.register(CivilServiceRank)
class CivilServiceRankAdmin(AuditedAdmin):
    list_display = ("code", "name")
    search_fields = ("code", "name")
    inlines = (RankStandardHistory,)


@admin.register(Post)
class PostAdmin(AuditedAdmin):
    list_display = ("unit", "position_type", "seats", "valid_from", "valid_to")
    list_filter = ("position_type__key_position",)
    search_fields = ("unit__code", "unit__name", "position_type__code", "position_type__name")
    autocomplete_fields = ("unit", "position_type")
