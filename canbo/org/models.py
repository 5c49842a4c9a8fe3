"""Localities, the unit tree, position types with their standards, civil-service ranks."""

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from canbo.core.levels import Bloc, Kind, Level, rank_choices


class Locality(models.Model):
    """An administrative area (địa bàn): province, district or commune."""

    code = models.CharField(_("mã"), max_length=20, unique=True)
    name = models.CharField(_("tên"), max_length=200)
    level = models.CharField(_("cấp"), max_length=10, choices=Level.choices)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("thuộc"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    # "/<id>/<id>/": ancestors then itself, so containment is a prefix test in one query.
    path = models.CharField(max_length=255, db_index=True, editable=False, default="")

    class Meta:
        verbose_name = _("địa bàn")
        verbose_name_plural = _("địa bàn")
        ordering = ["code"]

    def __str__(self):
        return self.name


class Unit(models.Model):
    """A unit (đơn vị): a Party committee, department, division, commune body, …"""

    code = models.CharField(_("mã"), max_length=30, unique=True)
    name = models.CharField(_("tên"), max_length=255)
    level = models.CharField(_("cấp"), max_length=10, choices=Level.choices)
    bloc = models.CharField(_("khối"), max_length=20, choices=Bloc.choices)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("đơn vị cấp trên"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    locality = models.ForeignKey(
        Locality, verbose_name=_("địa bàn"), on_delete=models.PROTECT, related_name="units"
    )
    valid_from = models.DateField(_("thành lập"), null=True, blank=True)
    valid_to = models.DateField(_("giải thể"), null=True, blank=True)
    # "/<id>/<id>/": ancestors then itself; a subtree is `path__startswith`.
    path = models.CharField(max_length=255, db_index=True, editable=False, default="")

    class Meta:
        verbose_name = _("đơn vị")
        verbose_name_plural = _("đơn vị")
        ordering = ["path"]

    def __str__(self):
        return self.name


def _requirement(kind: str, label: str) -> models.PositiveSmallIntegerField:
    return models.PositiveSmallIntegerField(label, choices=rank_choices(kind), default=0)


class PositionType(models.Model):
    """A position type (chức danh) with the standard its holders must meet."""

    code = models.CharField(_("mã"), max_length=30, unique=True)
    name = models.CharField(_("tên"), max_length=255)
    req_llct = _requirement(Kind.LLCT, _("LLCT tối thiểu"))
    req_chuyen_mon = _requirement(Kind.CHUYEN_MON, _("chuyên môn tối thiểu"))
    req_qlnn = _requirement(Kind.QLNN, _("QLNN tối thiểu"))
    req_ngoai_ngu = _requirement(Kind.NGOAI_NGU, _("ngoại ngữ tối thiểu"))
    req_tin_hoc = _requirement(Kind.TIN_HOC, _("tin học tối thiểu"))
    btv_managed = models.BooleanField(_("diện BTV quản lý"), default=False)
    key_position = models.BooleanField(_("chức danh chủ chốt"), default=False)
    non_local_required = models.BooleanField(_("không là người địa phương"), default=False)
    deputy_head_or_above = models.BooleanField(_("từ phó trưởng phòng trở lên"), default=False)
    source = models.CharField(_("căn cứ tiêu chuẩn"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("chức danh")
        verbose_name_plural = _("chức danh")
        ordering = ["code"]

    def __str__(self):
        return self.name


class CivilServiceRank(models.Model):
    """A civil-service rank (ngạch) and what it requires."""

    code = models.CharField(_("mã"), max_length=30, unique=True)
    name = models.CharField(_("tên"), max_length=255)
    req_qlnn = _requirement(Kind.QLNN, _("QLNN tối thiểu"))
    req_ngoai_ngu = _requirement(Kind.NGOAI_NGU, _("ngoại ngữ tối thiểu"))
    req_tin_hoc = _requirement(Kind.TIN_HOC, _("tin học tối thiểu"))

    class Meta:
        verbose_name = _("ngạch")
        verbose_name_plural = _("ngạch")
        ordering = ["code"]

    def __str__(self):
        return self.name


class Post(models.Model):
    """Seats a unit has for a position type over a period (vị trí, SPEC §10): `seats` holders of
    `position_type` in `unit` from `valid_from` to `valid_to` (either empty = unbounded, both ends
    included). Several rows of the same unit and type in force at a date add up."""

    unit = models.ForeignKey(Unit, verbose_name=_("đơn vị"), on_delete=models.PROTECT, related_name="posts")
    position_type = models.ForeignKey(
        PositionType, verbose_name=_("chức danh"), on_delete=models.PROTECT, related_name="posts"
    )
    seats = models.PositiveIntegerField(_("số lượng"))
    valid_from = models.DateField(_("từ ngày"), null=True, blank=True)
    valid_to = models.DateField(_("đến ngày"), null=True, blank=True)

    class Meta:
        verbose_name = _("vị trí")
        verbose_name_plural = _("vị trí")
        ordering = ["unit", "position_type", "valid_from"]
        constraints = [
            models.CheckConstraint(condition=Q(seats__gte=1), name="post_seats_at_least_one"),
            models.CheckConstraint(
                condition=Q(valid_from__isnull=True)
                | Q(valid_to__isnull=True)
                | Q(valid_to__gte=F("valid_from")),
                name="post_valid_range",
            ),
        ]
        indexes = [models.Index(fields=["unit", "position_type"])]

    def __str__(self):
        return f"{self.position_type} – {self.unit} ({self.seats})"
