"""Rule sets as data (SPEC §4): a plan period's rules with their citations, and its parameters.

The logic of each rule is a predicate in `canbo.rules.verdicts`, keyed by the rule's `code`, and
runs only when the rule set in force has a rule of that code; what users read (title, text with
`{parameter_key}` placeholders, citation) and the thresholds it uses (parameters) are rows here,
so a province defines the next period by copying a rule set and giving its parameters new values.
A parameter's value is dated: each change is a `ParameterVersion` with its effective date,
reason and decision, and a review as of D reads the version in force at D.
"""

import string

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from canbo.core.codes import check_codes
from canbo.core.dated import InForceQuerySet, valid_range_constraint
from canbo.documents.text import amount

MONEY_UNIT = "đồng"  # amounts shown the Vietnamese way: 10.000.000 đồng


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

    def clean(self):
        check_codes(self, "code")


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
    # Whether canbo computes this rule (a verdict in `canbo.rules.verdicts` reads it); a rule of the
    # plan that canbo does not check yet is listed as such.
    enforced = models.BooleanField(_("canbo đang kiểm tra"), default=True)

    class Meta:
        verbose_name = _("quy tắc")
        verbose_name_plural = _("quy tắc")
        ordering = ["rule_set", "group", "order"]
        constraints = [models.UniqueConstraint(fields=["rule_set", "code"], name="rule_code_once_per_set")]

    def __str__(self):
        return f"{self.code} – {self.title}"

    def placeholders(self) -> list[str]:
        """The parameter keys the text names as `{key}`, in order."""
        return [name for _text, name, _spec, _conv in string.Formatter().parse(self.text) if name]

    def render_text(self, shown: dict[str, str]) -> str:
        """The text with each `{key}` replaced by the parameter's value as shown (`shown[key]`);
        a key without a value stays visible as `{key}`."""
        return string.Formatter().vformat(self.text, (), _Shown(shown))


class _Shown(dict):
    def __missing__(self, key):
        return "{" + key + "}"


class Parameter(models.Model):
    rule_set = models.ForeignKey(
        RuleSet, verbose_name=_("bộ quy tắc"), on_delete=models.CASCADE, related_name="parameters"
    )
    key = models.CharField(_("khóa"), max_length=60)
    label = models.CharField(_("tên"), max_length=255)
    default = models.IntegerField(_("giá trị mặc định"))
    unit = models.CharField(_("đơn vị"), max_length=20, blank=True)
    min_value = models.IntegerField(_("tối thiểu"))
    max_value = models.IntegerField(_("tối đa"))
    citation = models.CharField(_("căn cứ"), max_length=120)
    # Named values of the scale, best first, when the value is a place on it (1 = the first).
    scale = models.JSONField(_("thang giá trị"), default=list, blank=True)

    class Meta:
        verbose_name = _("tham số")
        verbose_name_plural = _("tham số")
        ordering = ["rule_set", "key"]
        constraints = [models.UniqueConstraint(fields=["rule_set", "key"], name="parameter_key_once_per_set")]

    def __str__(self):
        return f"{self.rule_set.code} – {self.label}"

    def shown(self, value: int) -> str:
        """A value as users read it: the scale's name for it, or the number with its unit."""
        if self.scale and 1 <= value <= len(self.scale):
            return str(self.scale[value - 1])
        if self.unit == MONEY_UNIT:
            return f"{amount(value)} {self.unit}"
        return f"{value} {self.unit}".strip() if self.unit != "%" else f"{value}%"

    def validate_value(self, value) -> None:
        if isinstance(value, bool) or not isinstance(value, int):
            raise ValidationError({"value": _("Giá trị phải là số nguyên.")})
        if not self.min_value <= value <= self.max_value:
            raise ValidationError(
                {
                    "value": _("Giá trị phải từ %(lo)s đến %(hi)s.")
                    % {"lo": self.shown(self.min_value), "hi": self.shown(self.max_value)}
                }
            )


class ParameterVersion(models.Model):
    """A parameter's value from `valid_from` until the next version starts (`valid_to`, kept by
    `canbo.rules.services.parameter_version_create`), with the reason and the deciding document."""

    parameter = models.ForeignKey(
        Parameter, verbose_name=_("tham số"), on_delete=models.CASCADE, related_name="versions"
    )
    value = models.IntegerField(_("giá trị"))
    valid_from = models.DateField(_("hiệu lực từ ngày"))
    valid_to = models.DateField(_("hiệu lực đến ngày"), null=True, blank=True)
    reason = models.CharField(_("lý do"), max_length=500)
    decision = models.CharField(_("văn bản quyết định"), max_length=255, blank=True)
    created_at = models.DateTimeField(_("ghi lúc"), auto_now_add=True)

    objects = InForceQuerySet.as_manager()

    class Meta:
        verbose_name = _("phiên bản tham số")
        verbose_name_plural = _("phiên bản tham số")
        ordering = ["parameter", "valid_from"]
        constraints = [
            valid_range_constraint("parameter_version_valid_range"),
            models.UniqueConstraint(fields=["parameter", "valid_from"], name="parameter_version_once_a_day"),
        ]

    def __str__(self):
        return f"{self.parameter.label}: {self.value} ({self.valid_from:%d/%m/%Y})"

    def clean(self):
        self.parameter.validate_value(self.value)

    def shown(self) -> str:
        return self.parameter.shown(self.value)
