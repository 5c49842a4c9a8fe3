"""The history of every approval process: one step row per transition taken (who, when, from which
state to which, the comment), with the files attached to it. One table for every process, reaching its
object through a generic relation, so a new process needs no table of its own."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Step(models.Model):
    process = models.CharField(_("quy trình"), max_length=40)
    content_type = models.ForeignKey(
        ContentType, verbose_name=_("loại hồ sơ"), on_delete=models.PROTECT, related_name="+"
    )
    object_id = models.PositiveBigIntegerField(_("số hồ sơ"))
    obj = GenericForeignKey("content_type", "object_id")
    source = models.CharField(_("từ bước"), max_length=30)
    target = models.CharField(_("sang bước"), max_length=30)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("người thực hiện"), on_delete=models.PROTECT,
        related_name="+",
    )
    at = models.DateTimeField(_("thời điểm"), default=timezone.now)
    comment = models.TextField(_("ý kiến"), blank=True)
    # The values the step's inputs were given (`canbo.workflow.process.StepInput`), by name.
    inputs = models.JSONField(_("thông tin nhập kèm"), default=dict, blank=True)

    class Meta:
        verbose_name = _("bước xử lý")
        verbose_name_plural = _("các bước xử lý")
        ordering = ["at", "id"]
        indexes = [models.Index(fields=["content_type", "object_id", "at"], name="step_of_object")]

    def __str__(self):
        return f"{self.process} {self.source} → {self.target} ({self.at:%d/%m/%Y %H:%M})"


class StepFile(models.Model):
    """A document attached to a step, stored once under its SHA-256 (`canbo.workflow.files`)."""

    step = models.ForeignKey(
        Step, verbose_name=_("bước xử lý"), on_delete=models.PROTECT, related_name="files"
    )
    name = models.CharField(_("tên tệp"), max_length=200)
    size = models.PositiveBigIntegerField(_("dung lượng (byte)"))
    content_type = models.CharField(_("loại tệp"), max_length=100)
    sha256 = models.CharField(_("mã kiểm tra SHA-256"), max_length=64)

    class Meta:
        verbose_name = _("tệp đính kèm")
        verbose_name_plural = _("tệp đính kèm")
        ordering = ["step", "id"]

    def __str__(self):
        return self.name
