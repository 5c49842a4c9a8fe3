"""Rule sets as data (SPEC §4): a plan period's rules with their citations, and its parameters.

The logic of each rule is a predicate in `canbo.rules.verdicts`, keyed by the rule's `code`; what
users read (title, text, citation) and the thresholds it uses (parameters) are rows here, so a
province defines the next period by copying a rule set and editing its parameters.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class RuleSet(models.Model):
    code = models.CharField(_("mã"), max_length=30, unique=True)
    name = models.CharField(_("tên"), max_length=255)
    valid_from = models.DateField(_("áp dụng từ ngày"))
    valid_to = models.DateField(_("áp dụng đến ngày"), null=True, blank=True)
    source = models.CharField(_("văn bản nguồn"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("bộ quy tắc")
        verbose_name_plural = _("bộ quy tắc")
        ordering = ["valid_from", "code"]
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_to__isnull=True) | Q(valid_to__gte=models.F("valid_from")),
                name="ruleset_valid_range",
            )
        ]

    def __str__(self):
        return f"{self.code} – {self.name}"


class RuleGroup(models.TextChoices):
    TRAINING = "dao_tao", _("Đào tạo (III.1.1)")
    REVIEW = "ra_soat", _("Rà soát nợ bằng (chú thích 1, 3–7)")
    PROGRAMME = "chuong_trinh", _("Chương trình được cử đi học")
    ROTATION = "luan_chuyen", _("Luân chuyển (II.3, III.2)")
    TRANSFER = "dieu_dong", _("Điều động (III.3)")
    NON_LOCAL = "khong_dia_phuong", _("Không là người địa phương (I.3)")


class Rule(models.Model):
    rule_set = models.ForeignKey(
        RuleSet, verbose_name=_("bộ quy tắc"), on_delete=models.CASCADE, related_name="rules"
    )
    code = models.CharField(_("mã"), max_length=40)
    group = models.CharField(_("nhóm"), max_length=20, choices=RuleGroup.choices)
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)
    title = models.CharField(_("tên"), max_length=255)
    text = models.TextField(_("nội dung"))
    citation = models.CharField(_("căn cứ"), max_length=120)
    produces = models.CharField(_("kết luận"), max_length=60, blank=True)
    parameter_keys = models.JSONField(_("tham số dùng"), default=list, blank=True)

    class Meta:
        verbose_name = _("quy tắc")
        verbose_name_plural = _("quy tắc")
        ordering = ["rule_set", "group", "order"]
        constraints = [models.UniqueConstraint(fields=["rule_set", "code"], name="rule_code_once_per_set")]

    def __str__(self):
        return f"{self.code} – {self.title}"


class Parameter(models.Model):
    rule_set = models.ForeignKey(
        RuleSet, verbose_name=_("bộ quy tắc"), on_delete=models.CASCADE, related_name="parameters"
    )
    key = models.CharField(_("khóa"), max_length=60)
    label = models.CharField(_("tên"), max_length=255)
    value = models.IntegerField(_("giá trị"))
    default = models.IntegerField(_("giá trị mặc định"))
    unit = models.CharField(_("đơn vị"), max_length=20, blank=True)
    min_value = models.IntegerField(_("tối thiểu"))
    max_value = models.IntegerField(_("tối đa"))
    citation = models.CharField(_("căn cứ"), max_length=120)

    class Meta:
        verbose_name = _("tham số")
        verbose_name_plural = _("tham số")
        ordering = ["rule_set", "key"]
        constraints = [models.UniqueConstraint(fields=["rule_set", "key"], name="parameter_key_once_per_set")]

    def __str__(self):
        return f"{self.label}: {self.value} {self.unit}".strip()

    def clean(self):
        if not self.min_value <= self.value <= self.max_value:
            raise ValidationError(
                {
                    "value": _("Giá trị phải từ %(lo)s đến %(hi)s %(unit)s.")
                    % {"lo": self.min_value, "hi": self.max_value, "unit": self.unit}
                }
            )
