"""The programme catalogue (SPEC §4 III.1, plan III.1.1–III.1.2): what a cadre can be sent to, dated
by rule set like the parameters, so the next plan period edits its own copy.

A family groups programmes (the degree programmes of LLCT, professional education and language/IT;
the nine fostering families of III.1.2). A programme says what a pass gives, how long it lasts, in
which modes it runs and at what cost per participant, and how long the trainee must serve after.
A length or commitment the rule set already holds as a parameter (`nam_dao_tao_dai_hoc`, …) is named
by its key, not copied: the rules page stays the one place to change it.
"""

import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from canbo.core.levels import LEVELS, REQUIRED_KINDS, Kind
from canbo.org.models import Unit
from canbo.rules.models import RuleSet

CODE_PATTERN = re.compile(r"^[a-z0-9_]+$")


class Category(models.TextChoices):
    DAO_TAO = "dao_tao", _("Đào tạo")
    BOI_DUONG = "boi_duong", _("Bồi dưỡng")


class TrainingMode(models.TextChoices):
    """The modes a programme runs in (SPEC §9 `hinh_thuc`)."""

    TAP_TRUNG = "tap_trung", _("Tập trung")
    TAI_CHUC = "tai_chuc", _("Tại chức")


class ProgrammeFamily(models.Model):
    rule_set = models.ForeignKey(
        RuleSet, verbose_name=_("bộ quy tắc"), on_delete=models.CASCADE, related_name="programme_families"
    )
    code = models.CharField(_("mã"), max_length=40)
    name = models.CharField(_("tên"), max_length=255)
    category = models.CharField(_("loại"), max_length=20, choices=Category.choices)
    citation = models.CharField(_("căn cứ"), max_length=120)
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)

    class Meta:
        verbose_name = _("nhóm chương trình")
        verbose_name_plural = _("nhóm chương trình")
        ordering = ["rule_set", "order", "code"]
        constraints = [
            models.UniqueConstraint(fields=["rule_set", "code"], name="programme_family_code_once_per_set")
        ]

    def __str__(self):
        return self.name


class Programme(models.Model):
    rule_set = models.ForeignKey(
        RuleSet, verbose_name=_("bộ quy tắc"), on_delete=models.CASCADE, related_name="programmes"
    )
    family = models.ForeignKey(
        ProgrammeFamily, verbose_name=_("nhóm chương trình"), on_delete=models.RESTRICT,
        related_name="programmes",
    )
    code = models.CharField(_("mã"), max_length=40)
    name = models.CharField(_("tên"), max_length=255)
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)
    citation = models.CharField(_("căn cứ"), max_length=120, blank=True)
    # What a pass gives: [{"kind": "llct", "level": "cao_cap", "as_required": false}, …]. With
    # `as_required`, the level is the one the trainee's posts and rank required of them (qlnn, language, IT).
    qualifications = models.JSONField(_("bằng, chứng chỉ được cấp"), default=list, blank=True)
    years = models.PositiveSmallIntegerField(_("thời gian đào tạo (năm)"), null=True, blank=True)
    years_parameter = models.CharField(_("thời gian đào tạo theo tham số"), max_length=60, blank=True)
    full_time = models.BooleanField(_("học tập trung"), default=False)
    in_service = models.BooleanField(_("học tại chức"), default=False)
    cost_full_time = models.PositiveBigIntegerField(
        _("kinh phí một học viên, tập trung (đồng)"), null=True, blank=True
    )
    cost_in_service = models.PositiveBigIntegerField(
        _("kinh phí một học viên, tại chức (đồng)"), null=True, blank=True
    )
    commitment_years = models.PositiveSmallIntegerField(
        _("thời gian cam kết công tác sau đào tạo (năm)"), null=True, blank=True
    )
    commitment_parameter = models.CharField(_("thời gian cam kết theo tham số"), max_length=60, blank=True)
    quota_source = models.CharField(_("chỉ tiêu cử đi học"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("chương trình đào tạo, bồi dưỡng")
        verbose_name_plural = _("chương trình đào tạo, bồi dưỡng")
        ordering = ["rule_set", "family__order", "order", "code"]
        constraints = [
            models.UniqueConstraint(fields=["rule_set", "code"], name="programme_code_once_per_set"),
            models.CheckConstraint(
                condition=Q(full_time=True) | Q(in_service=True), name="programme_has_a_mode"
            ),
            models.CheckConstraint(
                condition=Q(years__isnull=False, years_parameter="")
                | Q(years__isnull=True) & ~Q(years_parameter=""),
                name="programme_length_once",
            ),
            models.CheckConstraint(
                condition=Q(commitment_years__isnull=True) | Q(commitment_parameter=""),
                name="programme_commitment_once",
            ),
        ]

    def __str__(self):
        return self.name

    def modes(self) -> list[str]:
        return [mode for mode, offered in ((TrainingMode.TAP_TRUNG, self.full_time),
                                           (TrainingMode.TAI_CHUC, self.in_service)) if offered]

    def cost(self, mode: str) -> int | None:
        """Cost per participant in `mode` (VND), None when not set or the mode is not offered."""
        costs = {TrainingMode.TAP_TRUNG: self.cost_full_time, TrainingMode.TAI_CHUC: self.cost_in_service}
        return costs[mode]

    def clean(self):
        errors = {}
        if not CODE_PATTERN.match(self.code or ""):
            errors["code"] = _("Mã gồm chữ thường không dấu, chữ số và dấu gạch dưới (ví dụ: cao_cap_llct).")
        if self.family_id and self.rule_set_id and self.family.rule_set_id != self.rule_set_id:
            errors["family"] = _("Nhóm chương trình thuộc bộ quy tắc khác.")
        if not (self.full_time or self.in_service):
            errors["full_time"] = _("Chọn ít nhất một hình thức học: tập trung hoặc tại chức.")
        for offered, field in ((self.full_time, "cost_full_time"), (self.in_service, "cost_in_service")):
            if not offered and getattr(self, field) is not None:
                errors[field] = _("Chương trình không có hình thức học này; bỏ trống kinh phí.")
        if (self.years is None) == (not self.years_parameter):
            errors["years"] = _("Nhập thời gian đào tạo (số năm).")
        elif self.years == 0:
            errors["years"] = _("Thời gian đào tạo ít nhất 1 năm.")
        for name in ("years_parameter", "commitment_parameter"):
            key = getattr(self, name)
            if key and self.rule_set_id and not self.rule_set.parameters.filter(key=key).exists():
                errors[name] = _("Bộ quy tắc không có tham số “%(key)s”.") % {"key": key}
        problem = qualifications_problem(self.qualifications)
        if problem:
            errors["qualifications"] = problem
        if errors:
            raise ValidationError(errors)


def qualifications_problem(qualifications) -> str | None:
    """Why a list of qualifications a pass gives is malformed; None when it is well formed."""
    if not isinstance(qualifications, list):
        return str(_("Danh sách bằng, chứng chỉ không hợp lệ."))
    kinds = [item.get("kind") for item in qualifications if isinstance(item, dict)]
    if len(kinds) != len(qualifications) or len(set(kinds)) != len(kinds):
        return str(_("Mỗi loại trình độ chỉ ghi một lần."))
    for item in qualifications:
        kind, level, as_required = item.get("kind"), item.get("level", ""), item.get("as_required", False)
        if kind not in Kind.values:
            return str(_("Loại trình độ “%(kind)s” không có.") % {"kind": kind})
        if as_required:
            if kind not in REQUIRED_KINDS or level:
                return str(_("“Theo tiêu chuẩn” chỉ dùng cho loại trình độ có tiêu chuẩn, "
                             "không ghi kèm mức."))
        elif level not in [code for code, _rank, _label in LEVELS[kind]]:
            return str(_("Chọn mức của loại trình độ %(kind)s.") % {"kind": Kind(kind).label})
    return None


class PlanState(models.TextChoices):
    """The states of a unit's annual plan (plan IV.1), in the order of the cycle."""

    DU_THAO = "du_thao", _("Dự thảo")
    DA_GUI = "da_gui", _("Đã gửi")
    DA_TONG_HOP = "da_tong_hop", _("Đã tổng hợp")
    DA_TRINH = "da_trinh", _("Đã trình Thường trực Tỉnh ủy")
    DA_PHE_DUYET = "da_phe_duyet", _("Đã được Ban Thường vụ phê duyệt")
    CO_HIEU_LUC = "co_hieu_luc", _("Đang thực hiện")
    DA_THAY_THE = "da_thay_the", _("Đã được thay thế bằng bản điều chỉnh")


# States in which a unit has sent its plan for the year.
SENT_STATES = frozenset(PlanState.values) - {PlanState.DU_THAO}
# States of an approved plan: amended only as a new version.
APPROVED_STATES = frozenset({PlanState.DA_PHE_DUYET, PlanState.CO_HIEU_LUC})


class TrainingPlan(models.Model):
    """A unit's training and fostering plan for a year; an approved plan changes only as a new version
    (`previous` names the version it amends), the old one kept and readable."""

    unit = models.ForeignKey(Unit, verbose_name=_("đơn vị"), on_delete=models.PROTECT, related_name="+")
    year = models.PositiveSmallIntegerField(_("năm kế hoạch"))
    version = models.PositiveSmallIntegerField(_("phiên bản"), default=1)
    previous = models.OneToOneField(
        "self", verbose_name=_("điều chỉnh phiên bản"), null=True, blank=True, on_delete=models.PROTECT,
        related_name="amendment",
    )
    state = models.CharField(
        _("trạng thái"), max_length=20, choices=PlanState.choices, default=PlanState.DU_THAO
    )
    content = models.TextField(_("nội dung kế hoạch"), blank=True)
    amendment_reason = models.CharField(_("lý do điều chỉnh"), max_length=500, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("người lập"), on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(_("lập lúc"), auto_now_add=True)

    class Meta:
        verbose_name = _("kế hoạch đào tạo, bồi dưỡng")
        verbose_name_plural = _("kế hoạch đào tạo, bồi dưỡng")
        ordering = ["year", "unit__path", "version"]
        constraints = [
            models.UniqueConstraint(fields=["unit", "year", "version"], name="plan_version_once"),
            models.CheckConstraint(condition=Q(year__gte=2000, year__lte=2100), name="plan_year_range"),
        ]

    def __str__(self):
        return _("Kế hoạch năm %(year)s của %(unit)s (phiên bản %(v)s)") % {
            "year": self.year, "unit": self.unit.name, "v": self.version}

    @property
    def code(self) -> str:
        """How the log names the plan: unit code, year and version."""
        return f"{self.unit.code}/{self.year}/{self.version}"


class PlanLine(models.Model):
    """One line of a plan: a programme in a mode, for named cadres or a head count, in the plan's
    year; its cost estimate is the head count times the programme's cost per participant in that mode."""

    plan = models.ForeignKey(TrainingPlan, verbose_name=_("kế hoạch"), on_delete=models.CASCADE,
                             related_name="lines")
    programme = models.ForeignKey(Programme, verbose_name=_("chương trình"), on_delete=models.PROTECT,
                                  related_name="+")
    mode = models.CharField(_("hình thức học"), max_length=20, choices=TrainingMode.choices)
    headcount = models.PositiveIntegerField(_("số người"))
    cadres = models.ManyToManyField("people.Cadre", verbose_name=_("cán bộ được cử"), blank=True,
                                    related_name="+")
    note = models.CharField(_("ghi chú"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("dòng kế hoạch")
        verbose_name_plural = _("dòng kế hoạch")
        ordering = ["plan", "id"]
        constraints = [models.CheckConstraint(condition=Q(headcount__gte=1), name="plan_line_headcount")]

    def __str__(self):
        return f"{self.programme.name} ({self.get_mode_display()}, {self.headcount})"

    @property
    def code(self) -> str:
        """How the log names the line: its plan, then its number."""
        return f"{self.plan.code}#{self.pk}"

    @property
    def cost_each(self) -> int | None:
        return self.programme.cost(self.mode)

    @property
    def cost_estimate(self) -> int | None:
        return None if self.cost_each is None else self.cost_each * self.headcount
