"""Cadres and their dated histories (SPEC §3)."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from canbo.core.codes import check_codes
from canbo.core.dated import Dated
from canbo.core.levels import Grade, Kind, Mode
from canbo.org.models import CivilServiceRank, Locality, PositionType, Unit


class Gender(models.TextChoices):
    NAM = "nam", _("Nam")
    NU = "nu", _("Nữ")


class Category(models.TextChoices):
    CAN_BO = "can_bo", _("Cán bộ")
    CONG_CHUC = "cong_chuc", _("Công chức")
    VIEN_CHUC = "vien_chuc", _("Viên chức")
    KHONG_CHUYEN_TRACH = "khong_chuyen_trach", _("Không chuyên trách")


class BirthPrecision(models.TextChoices):
    DAY = "day", _("ngày")
    MONTH = "month", _("tháng")
    YEAR = "year", _("năm")


class Cadre(models.Model):
    code = models.CharField(_("mã"), max_length=30, unique=True)
    full_name = models.CharField(_("họ và tên"), max_length=120)
    # Lower-case name and code without diacritics, for search typed either way.
    search_text = models.CharField(max_length=200, editable=False, default="", db_index=True)
    # Vietnamese order of the name (given, middle, family; canbo.core.names), for sorting lists.
    sort_key = models.CharField(max_length=400, editable=False, default="", db_index=True)
    birth_date = models.DateField(_("ngày sinh"))
    birth_precision = models.CharField(
        _("ngày sinh biết đến"), max_length=5, choices=BirthPrecision.choices, default=BirthPrecision.DAY
    )
    gender = models.CharField(_("giới tính"), max_length=3, choices=Gender.choices)
    ethnicity = models.CharField(_("dân tộc"), max_length=40, blank=True)
    hometown = models.ForeignKey(
        Locality,
        verbose_name=_("quê quán"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    birthplace = models.ForeignKey(
        Locality,
        verbose_name=_("nơi sinh"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    party_member = models.BooleanField(_("đảng viên"), default=False)
    party_join_date = models.DateField(_("ngày vào Đảng"), null=True, blank=True)
    category = models.CharField(_("loại"), max_length=20, choices=Category.choices)
    rank = models.ForeignKey(
        CivilServiceRank,
        verbose_name=_("ngạch"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="cadres",
    )
    employment_start = models.DateField(_("ngày tuyển dụng"), null=True, blank=True)
    personal_id = models.CharField(
        _("số định danh cá nhân"),
        max_length=12,
        blank=True,
        validators=[RegexValidator(r"^\d{12}$", _("Số định danh cá nhân gồm đúng 12 chữ số."))],
    )
    other_names = models.CharField(_("tên gọi khác"), max_length=200, blank=True)
    religion = models.CharField(_("tôn giáo"), max_length=60, blank=True)
    party_official_date = models.DateField(_("ngày chính thức"), null=True, blank=True)
    # Derived from birth date and gender by canbo.people.retirement; kept for queries.
    retirement_date = models.DateField(_("ngày nghỉ hưu"), editable=False, db_index=True)

    class Meta:
        verbose_name = _("cán bộ")
        verbose_name_plural = _("cán bộ")
        ordering = ["code"]
        constraints = [
            models.UniqueConstraint(
                fields=["personal_id"], condition=~Q(personal_id=""), name="one_cadre_a_personal_id"
            ),
            models.CheckConstraint(
                condition=Q(party_official_date__isnull=True)
                | Q(party_join_date__isnull=True)
                | Q(party_official_date__gte=models.F("party_join_date")),
                name="party_official_after_join",
            ),
        ]

    def __str__(self):
        return f"{self.full_name} ({self.code})"

    def clean(self):
        check_codes(self, "code")
        joined, official = self.party_join_date, self.party_official_date
        if joined and official and official < joined:
            raise ValidationError(
                {"party_official_date": _("Ngày chính thức không được trước ngày vào Đảng.")}
            )


class PositionHolding(Dated):
    """A position held (công tác): type of position in a unit, over a period."""

    cadre = models.ForeignKey(Cadre, on_delete=models.CASCADE, related_name="holdings")
    unit = models.ForeignKey(
        Unit, verbose_name=_("đơn vị"), on_delete=models.PROTECT, related_name="holdings"
    )
    position_type = models.ForeignKey(
        PositionType, verbose_name=_("chức danh"), on_delete=models.PROTECT, related_name="holdings"
    )

    class Meta(Dated.Meta):
        verbose_name = _("quá trình công tác")
        verbose_name_plural = _("quá trình công tác")
        ordering = ["cadre", "valid_from"]
        indexes = [models.Index(fields=["valid_from", "valid_to"])]

    def __str__(self):
        return f"{self.position_type} – {self.unit}"


class Qualification(models.Model):
    cadre = models.ForeignKey(Cadre, on_delete=models.CASCADE, related_name="qualifications")
    kind = models.CharField(_("loại"), max_length=12, choices=Kind.choices)
    level = models.CharField(_("bậc"), max_length=30)
    rank = models.PositiveSmallIntegerField(_("thứ bậc"), editable=False)
    obtained_on = models.DateField(_("ngày cấp"))
    mode = models.CharField(_("hệ"), max_length=12, choices=Mode.choices, blank=True)
    grade = models.CharField(_("xếp loại"), max_length=12, choices=Grade.choices, blank=True)
    major = models.CharField(_("chuyên ngành"), max_length=200, blank=True)
    llct_overlap_periods = models.PositiveIntegerField(
        _("số tiết trùng chương trình TC LLCT"), null=True, blank=True
    )
    issuer = models.CharField(_("nơi cấp"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("trình độ")
        verbose_name_plural = _("trình độ")
        ordering = ["cadre", "kind", "obtained_on"]
        indexes = [models.Index(fields=["kind", "rank", "obtained_on"])]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.level}"


class PlanningEntry(models.Model):
    """An approved succession-planning entry (quy hoạch): planned for a position in a term."""

    cadre = models.ForeignKey(Cadre, on_delete=models.CASCADE, related_name="planning")
    position_type = models.ForeignKey(
        PositionType, verbose_name=_("chức danh"), on_delete=models.PROTECT, related_name="planning"
    )
    unit = models.ForeignKey(
        Unit,
        verbose_name=_("đơn vị"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="planning",
    )
    term_start = models.PositiveSmallIntegerField(_("nhiệm kỳ từ năm"))
    term_end = models.PositiveSmallIntegerField(_("nhiệm kỳ đến năm"))
    approved_on = models.DateField(_("ngày phê duyệt"))

    class Meta:
        verbose_name = _("quy hoạch")
        verbose_name_plural = _("quy hoạch")
        ordering = ["cadre", "term_start"]
        constraints = [
            models.CheckConstraint(
                condition=Q(term_end__gte=models.F("term_start")), name="planning_term_order"
            )
        ]

    def __str__(self):
        return f"{self.position_type} ({self.term_start}–{self.term_end})"

    @property
    def term(self) -> str:
        return f"{self.term_start}-{self.term_end}"


class Discipline(models.Model):
    cadre = models.ForeignKey(Cadre, on_delete=models.CASCADE, related_name="disciplines")
    form = models.CharField(_("hình thức"), max_length=100)
    decided_on = models.DateField(_("ngày quyết định"))
    effective_until = models.DateField(_("hiệu lực đến"), null=True, blank=True)

    class Meta:
        verbose_name = _("kỷ luật")
        verbose_name_plural = _("kỷ luật")
        ordering = ["cadre", "decided_on"]

    def __str__(self):
        return f"{self.form} ({self.decided_on:%d/%m/%Y})"


class Rating(models.TextChoices):
    XUAT_SAC = "xuat_sac", _("Hoàn thành xuất sắc nhiệm vụ")
    TOT = "tot", _("Hoàn thành tốt nhiệm vụ")
    HOAN_THANH = "hoan_thanh", _("Hoàn thành nhiệm vụ")
    KHONG_HOAN_THANH = "khong_hoan_thanh", _("Không hoàn thành nhiệm vụ")


class Evaluation(models.Model):
    cadre = models.ForeignKey(Cadre, on_delete=models.CASCADE, related_name="evaluations")
    year = models.PositiveSmallIntegerField(_("năm"))
    rating = models.CharField(_("xếp loại"), max_length=20, choices=Rating.choices)
    prestige_decline = models.BooleanField(_("uy tín giảm sút"), default=False)

    class Meta:
        verbose_name = _("đánh giá")
        verbose_name_plural = _("đánh giá")
        ordering = ["cadre", "year"]
        constraints = [models.UniqueConstraint(fields=["cadre", "year"], name="one_evaluation_a_year")]

    def __str__(self):
        return f"{self.year}: {self.get_rating_display()}"


class MovementKind(models.TextChoices):
    LUAN_CHUYEN = "luan_chuyen", _("Luân chuyển")
    DIEU_DONG = "dieu_dong", _("Điều động")


class Movement(Dated):
    """A rotation (luân chuyển) or transfer (điều động) that took effect."""

    cadre = models.ForeignKey(Cadre, on_delete=models.CASCADE, related_name="movements")
    kind = models.CharField(_("loại"), max_length=12, choices=MovementKind.choices)
    from_unit = models.ForeignKey(
        Unit, verbose_name=_("từ đơn vị"), on_delete=models.PROTECT, related_name="+"
    )
    to_unit = models.ForeignKey(
        Unit, verbose_name=_("đến đơn vị"), on_delete=models.PROTECT, related_name="+"
    )
    new_position_type = models.ForeignKey(
        PositionType,
        verbose_name=_("chức danh mới"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    decision_no = models.CharField(_("số quyết định"), max_length=60, blank=True)

    class Meta(Dated.Meta):
        verbose_name = _("luân chuyển, điều động")
        verbose_name_plural = _("luân chuyển, điều động")
        ordering = ["cadre", "valid_from"]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.from_unit} → {self.to_unit}"


class ResidenceKind(models.TextChoices):
    THUONG_TRU = "thuong_tru", _("Thường trú")
    HIEN_NAY = "hien_nay", _("Nơi ở hiện nay")


class Residence(Dated):
    """Where a cadre lived (permanent residence or current address), over a period."""

    cadre = models.ForeignKey(Cadre, on_delete=models.CASCADE, related_name="residences")
    kind = models.CharField(_("loại"), max_length=12, choices=ResidenceKind.choices)
    address = models.CharField(_("địa chỉ"), max_length=255)

    class Meta(Dated.Meta):
        verbose_name = _("nơi ở")
        verbose_name_plural = _("nơi ở")
        ordering = ["cadre", "kind", "valid_from"]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.address}"


class Award(models.Model):
    """An award (khen thưởng) by decision."""

    cadre = models.ForeignKey(Cadre, on_delete=models.CASCADE, related_name="awards")
    form = models.CharField(_("hình thức"), max_length=200)
    decided_by = models.CharField(_("cấp quyết định"), max_length=200, blank=True)
    decision_no = models.CharField(_("số quyết định"), max_length=60, blank=True)
    decided_on = models.DateField(_("ngày quyết định"))
    reason = models.CharField(_("lý do"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("khen thưởng")
        verbose_name_plural = _("khen thưởng")
        ordering = ["cadre", "decided_on"]

    def __str__(self):
        return f"{self.form} ({self.decided_on:%d/%m/%Y})"


STEPS = (1, 12)
COEFFICIENTS = (Decimal("1.00"), Decimal("10.00"))


class SalaryStep(models.Model):
    """A salary step (bậc) and coefficient (hệ số) of a rank, from a date until the next one."""

    cadre = models.ForeignKey(Cadre, on_delete=models.CASCADE, related_name="salary_steps")
    rank = models.ForeignKey(
        CivilServiceRank, verbose_name=_("ngạch"), on_delete=models.PROTECT, related_name="+"
    )
    step = models.PositiveSmallIntegerField(
        _("bậc"), validators=[MinValueValidator(STEPS[0]), MaxValueValidator(STEPS[1])]
    )
    coefficient = models.DecimalField(
        _("hệ số"),
        max_digits=4,
        decimal_places=2,
        validators=[MinValueValidator(COEFFICIENTS[0]), MaxValueValidator(COEFFICIENTS[1])],
    )
    valid_from = models.DateField(_("từ ngày"))

    class Meta:
        verbose_name = _("quá trình lương")
        verbose_name_plural = _("quá trình lương")
        ordering = ["cadre", "valid_from"]

    def __str__(self):
        return f"{self.rank}: {self.step} ({self.coefficient})"


class Relation(models.TextChoices):
    BO = "bo", _("Bố")
    ME = "me", _("Mẹ")
    VO = "vo", _("Vợ")
    CHONG = "chong", _("Chồng")
    CON = "con", _("Con")
    ANH = "anh", _("Anh")
    CHI = "chi", _("Chị")
    EM = "em", _("Em")
    BO_VO = "bo_vo", _("Bố vợ")
    ME_VO = "me_vo", _("Mẹ vợ")
    BO_CHONG = "bo_chong", _("Bố chồng")
    ME_CHONG = "me_chong", _("Mẹ chồng")


class FamilyMember(models.Model):
    """A member of the cadre's own or spouse's family (item 30 of the 2C form)."""

    cadre = models.ForeignKey(Cadre, on_delete=models.CASCADE, related_name="family")
    relation = models.CharField(_("quan hệ"), max_length=10, choices=Relation.choices)
    full_name = models.CharField(_("họ và tên"), max_length=120)
    birth_year = models.PositiveSmallIntegerField(_("năm sinh"), null=True, blank=True)
    occupation = models.CharField(_("nghề nghiệp"), max_length=200, blank=True)
    residence = models.CharField(_("nơi ở"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("quan hệ gia đình")
        verbose_name_plural = _("quan hệ gia đình")
        ordering = ["cadre", "id"]

    def __str__(self):
        return f"{self.get_relation_display()}: {self.full_name}"
