"""Localities, the unit tree, position types with their standards, civil-service ranks."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from canbo.core.codes import check_codes
from canbo.core.dated import InForceQuerySet, check_dates, valid_range_constraint
from canbo.core.levels import Bloc, Kind, Level, rank_choices
from canbo.org.tree import check_not_own_ancestor


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

    def clean(self):
        check_codes(self, "code")
        check_not_own_ancestor(self)


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
    # Empty start: since before any date canbo reads; empty end: still in force.
    valid_from = models.DateField(_("thành lập"), null=True, blank=True)
    valid_to = models.DateField(_("giải thể"), null=True, blank=True)
    successor = models.ForeignKey(
        "self",
        verbose_name=_("đơn vị kế thừa"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="predecessors",
    )
    # "/<id>/<id>/": ancestors then itself; a subtree is `path__startswith`.
    path = models.CharField(max_length=255, db_index=True, editable=False, default="")

    objects = InForceQuerySet.as_manager()

    class Meta:
        verbose_name = _("đơn vị")
        verbose_name_plural = _("đơn vị")
        ordering = ["path"]
        constraints = [valid_range_constraint("unit_valid_range")]

    def __str__(self):
        return self.name

    def clean(self):
        check_codes(self, "code")
        check_dates(self, "valid_from", "valid_to")
        check_not_own_ancestor(self)
        if self.pk is not None and self.successor_id == self.pk:
            raise ValidationError({"successor": _("Đơn vị không thể kế thừa chính nó.")})


def _requirement(kind: str, label: str) -> models.PositiveSmallIntegerField:
    return models.PositiveSmallIntegerField(label, choices=rank_choices(kind), default=0)


class PositionType(models.Model):
    """A position type (chức danh); the standard its holders must meet is dated (`StandardVersion`)."""

    code = models.CharField(_("mã"), max_length=30, unique=True)
    name = models.CharField(_("tên"), max_length=255)
    btv_managed = models.BooleanField(_("diện BTV quản lý"), default=False)
    key_position = models.BooleanField(_("chức danh chủ chốt"), default=False)
    non_local_required = models.BooleanField(_("không là người địa phương"), default=False)
    deputy_head_or_above = models.BooleanField(_("từ phó trưởng phòng trở lên"), default=False)

    class Meta:
        verbose_name = _("chức danh")
        verbose_name_plural = _("chức danh")
        ordering = ["code"]

    def __str__(self):
        return self.name

    def clean(self):
        check_codes(self, "code")


class CivilServiceRank(models.Model):
    """A civil-service rank (ngạch); what it requires is dated (`StandardVersion`)."""

    code = models.CharField(_("mã"), max_length=30, unique=True)
    name = models.CharField(_("tên"), max_length=255)

    class Meta:
        verbose_name = _("ngạch")
        verbose_name_plural = _("ngạch")
        ordering = ["code"]

    def __str__(self):
        return self.name

    def clean(self):
        check_codes(self, "code")


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

    objects = InForceQuerySet.as_manager()

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

    def clean(self):
        check_dates(self, "valid_from", "valid_to")
# What a civil-service rank can require; a position type can require every kind.
RANK_REQUIREMENTS = ("req_qlnn", "req_ngoai_ngu", "req_tin_hoc")
POSITION_REQUIREMENTS = ("req_llct", "req_chuyen_mon", *RANK_REQUIREMENTS)


class StandardVersion(models.Model):
    """The standard of one position type or one rank from `valid_from` (empty: since always) until
    the next version starts (`valid_to`, kept by `canbo.org.services.standard_version_create`).

    A review as of D reads the version in force at D, so a new standard never rewrites the past.
    """

    position_type = models.ForeignKey(
        PositionType,
        verbose_name=_("chức danh"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="standards",
    )
    rank = models.ForeignKey(
        CivilServiceRank,
        verbose_name=_("ngạch"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="standards",
    )
    valid_from = models.DateField(_("áp dụng từ ngày"), null=True, blank=True)
    valid_to = models.DateField(_("áp dụng đến ngày"), null=True, blank=True)
    req_llct = _requirement(Kind.LLCT, _("LLCT tối thiểu"))
    req_chuyen_mon = _requirement(Kind.CHUYEN_MON, _("chuyên môn tối thiểu"))
    req_qlnn = _requirement(Kind.QLNN, _("QLNN tối thiểu"))
    req_ngoai_ngu = _requirement(Kind.NGOAI_NGU, _("ngoại ngữ tối thiểu"))
    req_tin_hoc = _requirement(Kind.TIN_HOC, _("tin học tối thiểu"))
    source = models.CharField(_("căn cứ tiêu chuẩn"), max_length=255, blank=True)
    reason = models.CharField(_("lý do thay đổi"), max_length=500, blank=True)
    decision = models.CharField(_("văn bản quyết định"), max_length=255, blank=True)
    created_at = models.DateTimeField(_("ghi lúc"), auto_now_add=True)

    objects = InForceQuerySet.as_manager()

    class Meta:
        verbose_name = _("phiên bản tiêu chuẩn")
        verbose_name_plural = _("phiên bản tiêu chuẩn")
        ordering = ["position_type", "rank", models.F("valid_from").asc(nulls_first=True)]
        constraints = [
            valid_range_constraint("standard_valid_range"),
            models.CheckConstraint(
                condition=Q(position_type__isnull=False, rank__isnull=True)
                | Q(position_type__isnull=True, rank__isnull=False),
                name="standard_of_one_type_or_rank",
            ),
            models.UniqueConstraint(
                fields=["position_type", "valid_from"], name="position_standard_once_a_day"
            ),
            models.UniqueConstraint(fields=["rank", "valid_from"], name="rank_standard_once_a_day"),
            models.UniqueConstraint(
                fields=["position_type"],
                condition=Q(valid_from__isnull=True, position_type__isnull=False),
                name="position_standard_one_first",
            ),
            models.UniqueConstraint(
                fields=["rank"],
                condition=Q(valid_from__isnull=True, rank__isnull=False),
                name="rank_standard_one_first",
            ),
        ]

    def __str__(self):
        since = self.valid_from.strftime("%d/%m/%Y") if self.valid_from else _("ban đầu")
        return f"{self.position_type or self.rank} ({since})"

    @property
    def holder(self):
        return self.position_type or self.rank

    def requirements(self) -> dict[str, int]:
        fields = POSITION_REQUIREMENTS if self.position_type_id else RANK_REQUIREMENTS
        return {name: getattr(self, name) for name in fields}

    def clean(self):
        if self.rank_id and (self.req_llct or self.req_chuyen_mon):
            raise ValidationError(_("Ngạch chỉ có yêu cầu về QLNN, ngoại ngữ, tin học."))
