"""Users, their role (SPEC §1) and the organisation scope the role grants."""

from django.contrib.auth.models import AbstractUser
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from canbo.core.levels import Bloc
from canbo.core.roles import SYSTEM_NAME, SYSTEM_USERNAME, Role

__all__ = ["ApiToken", "Role", "User"]


class User(AbstractUser):
    role = models.CharField(_("vai trò"), max_length=20, choices=Role.choices, default=Role.UNIT_HR)
    # Named by label: accounts sits below org in the layers (docs/decisions.md).
    scope_unit = models.ForeignKey(
        "org.Unit", verbose_name=_("phạm vi đơn vị"), null=True, blank=True, on_delete=models.PROTECT,
        related_name="+", help_text=_("Để trống: toàn tỉnh."),
    )
    # Narrows the role's blocs (the intersection); empty = the role's own blocs.
    blocs = models.JSONField(_("khối"), default=list, blank=True)

    class Meta:
        verbose_name = _("người dùng")
        verbose_name_plural = _("người dùng")

    def clean(self):
        super().clean()
        if not isinstance(self.blocs, list) or not all(isinstance(bloc, str) for bloc in self.blocs):
            raise ValidationError({"blocs": _("Khối phải là một danh sách mã khối.")})
        unknown = sorted(set(self.blocs) - set(Bloc.values))
        if unknown:
            raise ValidationError({"blocs": _("Không có khối mã: %(codes)s. Các mã khối: %(known)s.")
                                   % {"codes": ", ".join(unknown), "known": ", ".join(Bloc.values)}})

    def get_full_name(self):
        """The command line's actor by its name in the reader's language; anyone else by their own."""
        return str(SYSTEM_NAME) if self.username == SYSTEM_USERNAME else super().get_full_name()


class ApiToken(models.Model):
    """A key for the REST API (`Authorization: Bearer <key>`); only its SHA-256 hash is kept."""

    user = models.ForeignKey(
        User, verbose_name=_("người dùng"), on_delete=models.CASCADE, related_name="api_tokens"
    )
    key_hash = models.CharField(max_length=64, unique=True, editable=False)
    # The first characters of the key, so a user can tell their keys apart without the secret.
    prefix = models.CharField(_("đầu khóa"), max_length=8, editable=False)
    label = models.CharField(_("ghi chú"), max_length=100, blank=True)
    created_at = models.DateTimeField(_("tạo lúc"), auto_now_add=True)
    last_used_at = models.DateTimeField(_("dùng lần cuối"), null=True, blank=True, editable=False)
    expires_at = models.DateTimeField(_("hết hạn lúc"), editable=False)
    revoked = models.BooleanField(_("đã thu hồi"), default=False)

    class Meta:
        verbose_name = _("khóa API")
        verbose_name_plural = _("khóa API")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.user} · {self.prefix}…"

    @property
    def expired(self) -> bool:
        return self.expires_at <= timezone.now()
