"""The programme form: one choice per qualification kind for what a pass gives, the modes with their
costs per participant, the length and the commitment (unless a rule-set parameter holds them)."""

import re

from django import forms
from django.utils.translation import gettext_lazy as _

from canbo.core.levels import LEVELS, REQUIRED_KINDS, Kind
from canbo.training.models import Programme, ProgrammeFamily

AS_REQUIRED = "theo_tieu_chuan"
_SEPARATORS = re.compile(r"[.,\s]")


class MoneyField(forms.CharField):
    """Whole đồng as clerks type them: "12.000.000", "12 000 000" or "12000000"."""

    def to_python(self, value):
        value = super().to_python(value)
        if not value:
            return None
        digits = _SEPARATORS.sub("", value.removesuffix("đ").strip())
        if not digits.isdecimal():
            raise forms.ValidationError(_("Nhập số tiền bằng chữ số (đồng), ví dụ 12.000.000."))
        return int(digits)


def _grant_choices(kind: str) -> list[tuple[str, str]]:
    choices = [("", _("Không cấp")), *((code, label) for code, _rank, label in LEVELS[kind])]
    if kind in REQUIRED_KINDS:
        choices.append((AS_REQUIRED, _("Mức theo tiêu chuẩn người học phải đạt")))
    return choices


class ProgrammeForm(forms.Form):
    family = forms.ModelChoiceField(queryset=ProgrammeFamily.objects.none(), label=_("Nhóm chương trình"))
    code = forms.CharField(label=_("Mã (chữ thường không dấu, gạch dưới)"), max_length=40)
    name = forms.CharField(label=_("Tên chương trình"), max_length=255)
    citation = forms.CharField(label=_("Căn cứ"), max_length=120, required=False)
    years = forms.IntegerField(label=_("Thời gian đào tạo (năm; khóa bồi dưỡng ngắn hạn: 1)"), min_value=1,
                               max_value=10)
    full_time = forms.BooleanField(label=_("Học tập trung"), required=False)
    cost_full_time = MoneyField(label=_("Kinh phí một học viên học tập trung (đồng)"), required=False)
    in_service = forms.BooleanField(label=_("Học tại chức"), required=False)
    cost_in_service = MoneyField(label=_("Kinh phí một học viên học tại chức (đồng)"), required=False)
    commitment_years = forms.IntegerField(
        label=_("Thời gian cam kết công tác sau đào tạo (năm)"), min_value=0, max_value=30, required=False
    )
    quota_source = forms.CharField(label=_("Chỉ tiêu cử đi học (nếu chỉ cử trong chỉ tiêu được giao)"),
                                   max_length=255, required=False)

    def __init__(self, *args, rule_set, programme: Programme | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.programme = programme
        self.fields["family"].queryset = ProgrammeFamily.objects.filter(rule_set=rule_set).order_by("order")
        for kind in Kind.values:
            self.fields[f"grant_{kind}"] = forms.ChoiceField(
                label=Kind(kind).label, choices=_grant_choices(kind), required=False
            )
        if programme is not None:
            del self.fields["code"]
            for field, parameter in (("years", programme.years_parameter),
                                     ("commitment_years", programme.commitment_parameter)):
                if parameter:
                    del self.fields[field]

    def grant_fields(self):
        return [self[f"grant_{kind}"] for kind in Kind.values]

    def values(self) -> dict:
        """The cleaned form as the service's fields."""
        data = dict(self.cleaned_data)
        qualifications = []
        for kind in Kind.values:
            choice = data.pop(f"grant_{kind}")
            if choice:
                as_required = choice == AS_REQUIRED
                qualifications.append({"kind": kind, "level": "" if as_required else choice,
                                       "as_required": as_required})
        data["qualifications"] = qualifications
        for offered, cost in (("full_time", "cost_full_time"), ("in_service", "cost_in_service")):
            if not data[offered]:
                data[cost] = None
        return data


def initial_of(programme: Programme) -> dict:
    """The form's first values for an existing programme."""
    initial = {name: getattr(programme, name) for name in (
        "family", "name", "citation", "years", "full_time", "cost_full_time", "in_service", "cost_in_service",
        "commitment_years", "quota_source")}
    for item in programme.qualifications:
        initial[f"grant_{item['kind']}"] = AS_REQUIRED if item.get("as_required") else item["level"]
    return initial


class QuotaForm(forms.Form):
    """A programme's quota for a year: a new one, or a change of that year's."""

    nam = forms.IntegerField(label=_("Năm"), min_value=2000, max_value=2100)
    so_cho = forms.IntegerField(label=_("Số chỗ được giao"), min_value=0, max_value=100_000)
    van_ban = forms.CharField(label=_("Văn bản giao chỉ tiêu (số, ngày, cơ quan giao)"), max_length=255)
