"""The mark of a demo database."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class DemoProvince(models.Model):
    """Present when the province in the database is the demo's, loaded by `canbo demo`, with the
    accounts it created (their password is published). Any other import removes it and disables
    those accounts (`canbo.exchange.demo.users`): demo accounts exist only with demo data."""

    seed = models.IntegerField(_("hạt giống"))
    size = models.PositiveIntegerField(_("số cán bộ"))
    loaded_at = models.DateTimeField(_("nạp lúc"), auto_now_add=True)
    accounts = models.ManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name=_("tài khoản dùng thử"), related_name="+", blank=True
    )

    class Meta:
        verbose_name = _("dữ liệu mẫu")
        verbose_name_plural = _("dữ liệu mẫu")

    def __str__(self):
        return f"{self.size} ({self.seed})"
