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
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from canbo.core.levels import LEVELS, REQUIRED_KINDS, Grade, Kind
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


class ProgrammeQuota(models.Model):
    """The seats a programme is given for a year by the body that allocates them (T9: language and IT
    within the yearly quotas of Đề án 165), with the document that gave them."""

    programme = models.ForeignKey(Programme, verbose_name=_("chương trình"), on_delete=models.CASCADE,
                                  related_name="quotas")
    year = models.PositiveSmallIntegerField(_("năm"))
    seats = models.PositiveIntegerField(_("số chỗ"))
    decision = models.CharField(_("văn bản giao chỉ tiêu"), max_length=255)

    class Meta:
        verbose_name = _("chỉ tiêu hằng năm")
        verbose_name_plural = _("chỉ tiêu hằng năm")
        ordering = ["programme", "year"]
        constraints = [models.UniqueConstraint(fields=["programme", "year"], name="quota_once_a_year")]

    def __str__(self):
        return f"{self.programme.code} {self.year}: {self.seats}"


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


class Funding(models.TextChoices):
    """Where the money of a plan line or a course comes from (plan III.1.3: each locality, agency and
    unit budgets its plan; central programmes and the trainee's own funds besides)."""

    NGAN_SACH_TINH = "ngan_sach_tinh", _("Ngân sách tỉnh")
    NGAN_SACH_HUYEN = "ngan_sach_huyen", _("Ngân sách huyện")
    DON_VI = "don_vi", _("Kinh phí của cơ quan, đơn vị")
    TRUNG_UONG = "trung_uong", _("Chương trình, đề án của Trung ương")
    KHAC = "khac", _("Nguồn khác")


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
    created_at = models.DateTimeField(_("lập lúc"), default=timezone.now, editable=False)

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
    funding = models.CharField(_("nguồn kinh phí"), max_length=20, choices=Funding.choices,
                               default=Funding.NGAN_SACH_TINH)

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


class CourseState(models.TextChoices):
    """The states of a course, in the order it runs."""

    DU_THAO = "du_thao", _("Dự thảo")
    TUYEN_SINH = "tuyen_sinh", _("Đang ghi danh")
    DANG_HOC = "dang_hoc", _("Đang học")
    CHO_KET_QUA = "cho_ket_qua", _("Chờ kết quả")
    HOAN_THANH = "hoan_thanh", _("Đã hoàn thành")
    DA_HUY = "da_huy", _("Đã hủy")


class Organiser(models.TextChoices):
    """Who opens the course (its keys are those of `COURSE_OFFICES` in the capability table)."""

    TINH_UY = "tinh_uy", _("Tỉnh ủy")
    HUYEN_UY = "huyen_uy", _("Huyện ủy")
    SO_NOI_VU = "so_noi_vu", _("Sở Nội vụ")


class Venue(models.TextChoices):
    TRONG_NUOC = "trong_nuoc", _("Trong nước")
    NUOC_NGOAI = "nuoc_ngoai", _("Nước ngoài")
    LIEN_KET = "lien_ket", _("Liên kết")


class Course(models.Model):
    """A course (lớp) of a programme: who provides it, where and when, in which mode, with how many
    seats; its trainees come from the lines of plans in force."""

    code = models.CharField(_("mã khóa học"), max_length=40, unique=True)
    name = models.CharField(_("tên khóa học"), max_length=255)
    programme = models.ForeignKey(Programme, verbose_name=_("chương trình"), on_delete=models.PROTECT,
                                  related_name="+")
    provider = models.CharField(_("cơ sở đào tạo"), max_length=255)
    provider_unit = models.ForeignKey(
        Unit, verbose_name=_("đơn vị đào tạo trong tỉnh"), null=True, blank=True, on_delete=models.PROTECT,
        related_name="+",
    )
    place = models.CharField(_("địa điểm"), max_length=255)
    start = models.DateField(_("ngày khai giảng"))
    end = models.DateField(_("ngày kết thúc"))
    seats = models.PositiveIntegerField(_("số chỗ"))
    mode = models.CharField(_("hình thức học"), max_length=20, choices=TrainingMode.choices)
    organiser = models.CharField(_("cơ quan mở lớp"), max_length=20, choices=Organiser.choices)
    venue = models.CharField(_("nơi học"), max_length=20, choices=Venue.choices, default=Venue.TRONG_NUOC)
    actual_cost = models.PositiveBigIntegerField(_("kinh phí thực chi (đồng)"), null=True, blank=True)
    funding = models.CharField(_("nguồn kinh phí"), max_length=20, choices=Funding.choices,
                               default=Funding.NGAN_SACH_TINH)
    state = models.CharField(_("trạng thái"), max_length=20, choices=CourseState.choices,
                             default=CourseState.DU_THAO)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("người lập"), on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(_("lập lúc"), default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("khóa học")
        verbose_name_plural = _("khóa học")
        ordering = ["-start", "code"]
        constraints = [
            models.CheckConstraint(condition=Q(seats__gte=1), name="course_has_seats"),
            models.CheckConstraint(condition=Q(end__gte=models.F("start")), name="course_ends_after_start"),
        ]

    def __str__(self):
        return f"{self.name} ({self.code})"

    def clean(self):
        errors = {}
        if self.programme_id and self.mode and self.mode not in self.programme.modes():
            errors["mode"] = _("Chương trình “%(name)s” không có hình thức học này.") % {
                "name": self.programme.name}
        if self.start and self.end and self.end < self.start:
            errors["end"] = _("Ngày kết thúc trước ngày khai giảng.")
        if errors:
            raise ValidationError(errors)


class Result(models.TextChoices):
    CHUA_CO = "chua_co", _("Chưa có")
    DAT = "dat", _("Đạt")
    KHONG_DAT = "khong_dat", _("Không đạt")
    VANG = "vang", _("Vắng")


class Enrolment(models.Model):
    """A cadre on a course, from the line of a plan in force that named them; the result, and the
    qualifications the completed course wrote into their record."""

    course = models.ForeignKey(Course, verbose_name=_("khóa học"), on_delete=models.CASCADE,
                               related_name="enrolments")
    cadre = models.ForeignKey("people.Cadre", verbose_name=_("cán bộ"), on_delete=models.PROTECT,
                              related_name="+")
    plan_line = models.ForeignKey(PlanLine, verbose_name=_("dòng kế hoạch"), on_delete=models.PROTECT,
                                  related_name="enrolments")
    result = models.CharField(_("kết quả"), max_length=12, choices=Result.choices, default=Result.CHUA_CO)
    grade = models.CharField(_("xếp loại"), max_length=12, choices=Grade.choices, blank=True)
    issued_on = models.DateField(_("ngày cấp"), null=True, blank=True)
    certificate_no = models.CharField(_("số hiệu văn bằng, chứng chỉ"), max_length=60, blank=True)
    qualifications = models.ManyToManyField("people.Qualification", verbose_name=_("trình độ được ghi"),
                                            blank=True, related_name="+")

    class Meta:
        verbose_name = _("học viên")
        verbose_name_plural = _("học viên")
        ordering = ["course", "cadre__sort_key"]
        constraints = [models.UniqueConstraint(fields=["course", "cadre"], name="enrolment_once_per_course")]

    def __str__(self):
        return f"{self.cadre} – {self.course.code}"

    @property
    def code(self) -> str:
        """How the log names the enrolment: the course, then the cadre."""
        return f"{self.course.code}/{self.cadre.code}"
