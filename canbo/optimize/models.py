"""A scenario of the what-if projection (SPEC §14): the seats per programme per year that an office
plans, kept so that it can be projected again, changed and compared with another."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from canbo.org.models import Unit


class Scenario(models.Model):
    name = models.CharField(_("tên kịch bản"), max_length=200)
    first_year = models.PositiveSmallIntegerField(_("từ năm"))
    last_year = models.PositiveSmallIntegerField(_("đến năm"))
    # {"2019": {"cao_cap_llct": 10, …}, …}: seats per year and programme key; zeros are left out.
    seats = models.JSONField(_("số chỗ theo năm và chương trình"), default=dict, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("người lập"), on_delete=models.PROTECT, related_name="+"
    )
    # The author's scope when it was made (None: province-wide): who else may read it.
    scope_unit = models.ForeignKey(
        Unit, verbose_name=_("phạm vi"), on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(_("ngày lập"), default=timezone.now)

    class Meta:
        verbose_name = _("kịch bản dự báo")
        verbose_name_plural = _("kịch bản dự báo")
        ordering = ["-created_at", "-id"]

    def __str__(self):
        return self.name

    def clean(self):
        if self.first_year and self.last_year and self.last_year < self.first_year:
            raise ValidationError({"last_year": _("Năm cuối trước năm đầu.")})
        if self.first_year and self.last_year and self.last_year - self.first_year > 9:
            raise ValidationError({"last_year": _("Một kịch bản dài nhiều nhất 10 năm.")})

    def seats_by_key(self) -> dict[tuple[int, str], int]:
        """(year, programme key) -> seats, as `canbo.optimize.projection.projection` takes them."""
        return {(int(year), key): n for year, row in self.seats.items() for key, n in row.items() if n}
