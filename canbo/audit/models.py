"""Append-only change log: every write of canbo, and every view of a cadre's record, records one
event in the same transaction. Events form a hash chain (`canbo.audit.chain`): each carries a
sequence number and the hash of the one before it, so `canbo audit verify` finds any edit or gap.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from canbo.audit.actions import AuditAction

APPEND_ONLY = _("Nhật ký chỉ được ghi thêm, không được sửa hay xoá.")


class AuditEventQuerySet(models.QuerySet):
    """Refuses the bulk writes that would bypass `Model.save`/`delete` (and `bulk_update`, which
    goes through `update`)."""

    def update(self, **kwargs):
        raise PermissionError(str(APPEND_ONLY))

    def delete(self):
        raise PermissionError(str(APPEND_ONLY))


class AuditEvent(models.Model):
    seq = models.PositiveBigIntegerField(_("số thứ tự"), unique=True)
    at = models.DateTimeField(_("thời điểm"), default=timezone.now, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("người thực hiện"), on_delete=models.PROTECT,
        related_name="+",
    )
    action = models.CharField(_("thao tác"), max_length=60, choices=AuditAction.choices, db_index=True)
    object_type = models.CharField(_("loại đối tượng"), max_length=60, blank=True)
    object_key = models.CharField(_("mã đối tượng"), max_length=120, blank=True, db_index=True)
    cadre_code = models.CharField(_("mã cán bộ"), max_length=30, blank=True, db_index=True)
    before = models.JSONField(_("trước"), null=True, blank=True)
    after = models.JSONField(_("sau"), null=True, blank=True)
    data = models.JSONField(_("chi tiết"), default=dict, blank=True)
    ip = models.GenericIPAddressField(_("địa chỉ IP"), null=True, blank=True)
    prev_hash = models.CharField(_("mã băm sự kiện trước"), max_length=64)
    hash = models.CharField(_("mã băm"), max_length=64)

    objects = AuditEventQuerySet.as_manager()

    class Meta:
        verbose_name = _("sự kiện nhật ký")
        verbose_name_plural = _("nhật ký thay đổi")
        ordering = ["-seq"]

    def __str__(self):
        return f"#{self.seq} {self.at:%d/%m/%Y %H:%M} {self.action}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise PermissionError(str(APPEND_ONLY))
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise PermissionError(str(APPEND_ONLY))
