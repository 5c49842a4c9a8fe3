"""Rotation and transfer proposals (plan II.3, III.2, III.3; SPEC §4 R9, D4, R10): a proposal of a cadre
for a post, drafted alone or in a list, taken through the five steps of R9 by `canbo.rotation.procedure`;
the opinions each step needs; the check result each step went past;
the receiving unit's evaluations of a rotated cadre."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from canbo.org.models import PositionType, Unit
from canbo.people.models import Cadre, MovementKind, Rating


class ProposalState(models.TextChoices):
    DU_THAO = "du_thao", _("1. Dự thảo danh sách")
    TRINH_THUONG_TRUC = "trinh_thuong_truc", _("1. Đã trình Thường trực Tỉnh ủy")
    XIN_Y_KIEN = "xin_y_kien", _("2. Xin ý kiến đơn vị đi, đơn vị đến")
    TRINH_BTV = "trinh_btv", _("3. Đã trình cấp có thẩm quyền quyết định")
    DA_QUYET_DINH = "da_quyet_dinh", _("3. Đã quyết định")
    DA_BAN_HANH = "da_ban_hanh", _("4. Đã ban hành quyết định")
    DA_GAP_CAN_BO = "da_gap_can_bo", _("4. Thường trực đã gặp cán bộ")
    DA_TRIEN_KHAI = "da_trien_khai", _("5. Đã triển khai quyết định")


class ProposalList(models.Model):
    """A list of proposals drafted together (step 1 of R9)."""

    name = models.CharField(_("tên danh sách"), max_length=200)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("người lập"), on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(_("ngày lập"), default=timezone.now)

    class Meta:
        verbose_name = _("danh sách đề xuất")
        verbose_name_plural = _("danh sách đề xuất")
        ordering = ["-created_at", "-id"]

    def __str__(self):
        return self.name


class Proposal(models.Model):
    kind = models.CharField(_("loại"), max_length=12, choices=MovementKind.choices)
    cadre = models.ForeignKey(Cadre, verbose_name=_("cán bộ"), on_delete=models.PROTECT, related_name="+")
    from_unit = models.ForeignKey(
        Unit, verbose_name=_("đơn vị đi"), on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )
    to_unit = models.ForeignKey(
        Unit, verbose_name=_("đơn vị đến"), on_delete=models.PROTECT, related_name="+"
    )
    position_type = models.ForeignKey(
        PositionType, verbose_name=_("chức danh đề xuất"), on_delete=models.PROTECT, related_name="+"
    )
    start = models.DateField(_("từ ngày"))
    end = models.DateField(_("đến ngày"), null=True, blank=True)
    btv_exception = models.BooleanField(_("ngoại lệ thời hạn do Ban Thường vụ quyết định"), default=False)
    reasons = models.TextField(_("lý do đề xuất"))
    batch = models.ForeignKey(
        ProposalList,
        verbose_name=_("danh sách"),
        on_delete=models.PROTECT,
        related_name="proposals",
        null=True,
        blank=True,
    )
    state = models.CharField(
        _("bước"), max_length=30, choices=ProposalState.choices, default=ProposalState.DU_THAO
    )
    check_result = models.JSONField(_("kết quả kiểm tra"), default=dict)
    decision_no = models.CharField(_("số quyết định"), max_length=60, blank=True)
    decision_date = models.DateField(_("ngày quyết định"), null=True, blank=True)
    # The one-time allowance of R8 in đồng, fixed when the decision is issued (`canbo.rotation.allowance`).
    allowance = models.PositiveBigIntegerField(_("hỗ trợ một lần (đồng)"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("người lập"), on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(_("ngày lập"), default=timezone.now)

    class Meta:
        verbose_name = _("đề xuất luân chuyển, điều động")
        verbose_name_plural = _("đề xuất luân chuyển, điều động")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end__isnull=True) | models.Q(end__gte=models.F("start")),
                name="proposal_ends_after_start",
            ),
        ]

    def __str__(self):
        return _("Đề xuất số %(n)s") % {"n": self.pk}

    @property
    def authority(self) -> str | None:
        return self.check_result.get("tham_quyen")

    @property
    def authority_label(self) -> str:
        from canbo.rules.proposal_rules import AUTHORITY_LABELS  # the rules' module, not at start-up

        return str(AUTHORITY_LABELS.get(self.authority, "–"))


class Party(models.TextChoices):
    THUONG_TRUC = "thuong_truc", _("Thường trực Tỉnh ủy")
    DON_VI_DI = "don_vi_di", _("Lãnh đạo đơn vị đi")
    DON_VI_DEN = "don_vi_den", _("Lãnh đạo đơn vị đến")
    CAN_BO = "can_bo", _("Cán bộ được đề xuất")
    VAN_BAN_DONG_Y = "van_ban_dong_y", _("Văn bản đồng ý của Thường trực Tỉnh ủy (điều động do Ban Tổ chức)")


class Verdict(models.TextChoices):
    DONG_Y = "dong_y", _("Đồng ý")
    KHONG_DONG_Y = "khong_dong_y", _("Không đồng ý")
    Y_KIEN_KHAC = "y_kien_khac", _("Ý kiến khác")


class Opinion(models.Model):
    """An opinion a step needs; it belongs to the step that went past it once that step is taken."""

    proposal = models.ForeignKey(
        Proposal, verbose_name=_("đề xuất"), on_delete=models.CASCADE, related_name="opinions"
    )
    party = models.CharField(_("ý kiến của"), max_length=20, choices=Party.choices)
    verdict = models.CharField(_("ý kiến"), max_length=15, choices=Verdict.choices)
    text = models.TextField(_("nội dung"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("người ghi"), on_delete=models.PROTECT, related_name="+"
    )
    at = models.DateTimeField(_("thời điểm"), default=timezone.now)
    step = models.ForeignKey(
        "workflow.Step",
        verbose_name=_("bước xử lý"),
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
    )

    class Meta:
        verbose_name = _("ý kiến")
        verbose_name_plural = _("ý kiến")
        ordering = ["at", "id"]

    def __str__(self):
        return f"{self.get_party_display()}: {self.get_verdict_display()}"

    @property
    def cadre(self):
        return self.proposal.cadre


class StepCheck(models.Model):
    """The check of SPEC §11 a step of a proposal went past: its warnings and the authority."""

    step = models.OneToOneField(
        "workflow.Step", verbose_name=_("bước xử lý"), on_delete=models.PROTECT, related_name="proposal_check"
    )
    result = models.JSONField(_("kết quả kiểm tra"), default=dict)

    class Meta:
        verbose_name = _("kết quả kiểm tra tại bước")
        verbose_name_plural = _("kết quả kiểm tra tại bước")

    def __str__(self):
        return ", ".join(self.result.get("canh_bao", [])) or "–"


class RotationEvaluation(models.Model):
    """The receiving unit's evaluation of a rotated cadre, each year and at the end of the term (R10)."""

    proposal = models.ForeignKey(
        Proposal, verbose_name=_("đề xuất"), on_delete=models.PROTECT, related_name="evaluations"
    )
    year = models.PositiveSmallIntegerField(_("năm"))
    end_of_term = models.BooleanField(_("đánh giá cuối thời hạn"), default=False)
    rating = models.CharField(_("xếp loại"), max_length=20, choices=Rating.choices)
    text = models.TextField(_("nhận xét"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("người ghi"), on_delete=models.PROTECT, related_name="+"
    )
    at = models.DateTimeField(_("thời điểm"), default=timezone.now)

    class Meta:
        verbose_name = _("đánh giá cán bộ luân chuyển")
        verbose_name_plural = _("đánh giá cán bộ luân chuyển")
        ordering = ["proposal", "year", "end_of_term"]
        constraints = [
            models.UniqueConstraint(
                fields=["proposal", "year", "end_of_term"], name="rotation_evaluation_once"
            ),
        ]

    def __str__(self):
        return f"{self.year}: {self.get_rating_display()}"

    @property
    def cadre(self):
        return self.proposal.cadre
