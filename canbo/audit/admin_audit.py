"""Admin pages of canbo record every change in the audit log, like the services do."""

from django.contrib import admin
from django.db import transaction

from canbo.audit.actions import AuditAction
from canbo.audit.services import audit_record
from canbo.audit.values import snapshot


class AuditedAdmin(admin.ModelAdmin):
    """A ModelAdmin whose saves and deletions append an audit event in the same transaction:
    a creation with the new values, a change with the changed fields before and after, a deletion
    with the values deleted."""

    def save_model(self, request, obj, form, change):
        with transaction.atomic():
            before = None
            if change:
                stored = type(obj)._base_manager.get(pk=obj.pk)
                before = snapshot(stored, form.changed_data)
            super().save_model(request, obj, form, change)
            self.after_save(obj)
            if change:
                audit_record(actor=request.user, action=AuditAction.ADMIN_UPDATE, obj=obj, before=before,
                             after=snapshot(obj, form.changed_data))
            else:
                audit_record(
                    actor=request.user, action=AuditAction.ADMIN_CREATE, obj=obj, after=snapshot(obj)
                )

    def delete_model(self, request, obj):
        with transaction.atomic():
            audit_record(actor=request.user, action=AuditAction.ADMIN_DELETE, obj=obj, before=snapshot(obj))
            super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        for obj in queryset:
            self.delete_model(request, obj)

    def after_save(self, obj):
        """Hook for derived data (tree paths) recomputed after a save."""
