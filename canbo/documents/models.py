"""The register of numbers: per issuing body, document type and term (or year), numbers run from 1 and
are never reused (DOCUMENTS.md §1: "keep the counter in canbo and never reuse a number")."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class NumberSeries(models.Model):
    """One run of numbers: `TU` / `KH` / `2015-2020`; `last` is the last number given."""

    issuer = models.CharField(_("cơ quan ban hành"), max_length=30)
    doc_type = models.CharField(_("loại văn bản"), max_length=10)
    term = models.CharField(_("nhiệm kỳ, năm"), max_length=20)
    last = models.PositiveIntegerField(_("số đã cấp cuối cùng"), default=0)

    class Meta:
        verbose_name = _("sổ đăng ký số văn bản")
        verbose_name_plural = _("sổ đăng ký số văn bản")
        constraints = [
            models.UniqueConstraint(fields=["issuer", "doc_type", "term"], name="number_series_once"),
        ]

    def __str__(self):
        return f"{self.doc_type}/{self.issuer} {self.term}"


class IssuedNumber(models.Model):
    """A number given to one object (a plan's version, a decision): the same object asks again and gets
    the same number, with the date it was issued on, and, from the first download that follows, the
    signature block it was printed with (`canbo.documents.services.signed`)."""

    series = models.ForeignKey(
        NumberSeries, verbose_name=_("sổ"), on_delete=models.PROTECT, related_name="numbers"
    )
    number = models.PositiveIntegerField(_("số"))
    text = models.CharField(_("số, ký hiệu"), max_length=60)
    object_type = models.CharField(_("loại đối tượng"), max_length=60)
    object_key = models.CharField(_("đối tượng"), max_length=60)
    issued_on = models.DateField(_("ngày ban hành"))
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("người lấy số"), on_delete=models.PROTECT, related_name="+"
    )
    issued_at = models.DateTimeField(_("lấy số lúc"), auto_now_add=True)
    # {"cadre_id": the deputy chosen, or None for the head, "authority", "position", "name"}; None
    # until the numbered document is first downloaded.
    signature = models.JSONField(_("người ký"), null=True, blank=True)

    class Meta:
        verbose_name = _("số văn bản đã cấp")
        verbose_name_plural = _("số văn bản đã cấp")
        ordering = ["series", "number"]
        constraints = [
            models.UniqueConstraint(fields=["series", "number"], name="issued_number_once"),
            models.UniqueConstraint(
                fields=["series", "object_type", "object_key"], name="issued_number_once_per_object"
            ),
            models.CheckConstraint(condition=Q(number__gte=1), name="issued_number_positive"),
        ]

    def __str__(self):
        return self.text

    @property
    def code(self) -> str:
        """How the log names the number: its text."""
        return self.text
