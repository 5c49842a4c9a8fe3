"""Admin pages of canbo record every change in the audit log, like the services do."""

from django.contrib import admin
from django.db import transaction

from canbo.audit.services import audit_record


class AuditedAdmin(admin.ModelAdmin):
    """A ModelAdmin whose saves and deletions append an audit event in the same transaction."""

    def save_model(self, request, obj, form, change):
        with transaction.atomic():
            super().save_model(request, obj, form, change)
            self.after_save(obj)
            verb = "update" if change else "create"
            fields = ", ".join(form.changed_data) if change else ""
            audit_record(
                actor=request.user, action=f"admin_{obj._meta.model_name}_{verb}", obj=obj,
                summary=f"Quản trị {'sửa' if change else 'thêm'} {obj._meta.verbose_name}: {obj}"
                + (f" ({fields})" if fields else ""),
            )

    def delete_model(self, request, obj):
        with transaction.atomic():
            audit_record(actor=request.user, action=f"admin_{obj._meta.model_name}_delete", obj=obj,
                         summary=f"Quản trị xoá {obj._meta.verbose_name}: {obj}")
            super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        for obj in queryset:
            self.delete_model(request, obj)

    def after_save(self, obj):
        """Hook for derived data (tree paths) recomputed after a save."""
