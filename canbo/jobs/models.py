"""Long work a page starts and then follows: an optimisation, a workbook import.

A job is bookkeeping of work, not a record of the province: the work it runs writes through the
services (each with its own audit event); the job row only says who started what, how far it has
got and what came out, so the page can show progress and the result."""

import datetime as dt

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# A job whose runner has not written for this long was cut off (the server stopped under it).
SILENT_LIMIT = dt.timedelta(minutes=2)


class JobState(models.TextChoices):
    QUEUED = "cho", _("Đang chờ")
    RUNNING = "dang_chay", _("Đang chạy")
    DONE = "xong", _("Đã xong")
    FAILED = "loi", _("Không thành công")


class Job(models.Model):
    kind = models.CharField(_("loại việc"), max_length=60)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("người chạy")
    )
    state = models.CharField(
        _("trạng thái"), max_length=12, choices=JobState.choices, default=JobState.QUEUED
    )
    params = models.JSONField(_("tham số"), default=dict)
    done = models.PositiveIntegerField(_("đã làm"), default=0)
    total = models.PositiveIntegerField(_("tổng"), default=0)
    message = models.CharField(_("đang làm"), max_length=255, blank=True)
    result = models.JSONField(_("kết quả"), null=True, blank=True)
    error = models.TextField(_("lỗi"), blank=True)
    created = models.DateTimeField(_("tạo lúc"), default=timezone.now)
    touched = models.DateTimeField(_("cập nhật lúc"), default=timezone.now)
    finished = models.DateTimeField(_("xong lúc"), null=True, blank=True)

    class Meta:
        verbose_name = _("việc chạy nền")
        verbose_name_plural = _("việc chạy nền")
        indexes = [models.Index(fields=["actor", "kind", "-created"])]

    def __str__(self):
        return f"{self.kind} #{self.pk}"

    @property
    def finished_ok(self) -> bool:
        return self.state == JobState.DONE

    @property
    def cut_off(self) -> bool:
        """Queued or running, but its runner went silent: the server stopped while it ran."""
        live = self.state in (JobState.QUEUED, JobState.RUNNING)
        return live and timezone.now() - self.touched > SILENT_LIMIT

    @property
    def percent(self) -> int:
        if self.state == JobState.DONE:
            return 100
        return min(99, self.done * 100 // self.total) if self.total else 0
