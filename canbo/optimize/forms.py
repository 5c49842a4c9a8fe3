"""The optimiser page's forms: what to run (date, seats, weights) and where to send the result."""

from django import forms
from django.utils.translation import gettext_lazy as _

from canbo.core.forms import DayField
from canbo.optimize.seats import code_seats
from canbo.rules.verdicts import PROGRAMMES

SEATS = [("khuyet", _("Các vị trí chủ chốt còn khuyết tại ngày")), ("chon", _("Các vị trí chọn dưới đây"))]


def _weight(label, top=100):
    return forms.IntegerField(label=label, min_value=0, max_value=top)


class RunForm(forms.Form):
    ngay = DayField(label=_("Tại ngày (dd/mm/yyyy)"))
    vi_tri = forms.ChoiceField(label=_("Vị trí cần bố trí"), choices=SEATS, widget=forms.RadioSelect)
    cac_vi_tri = forms.CharField(
        label=_("Vị trí chọn, mỗi dòng một chỗ: mã đơn vị; mã chức danh (một dòng lặp lại là thêm một chỗ)"),
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
    )
    tieu_chuan = _weight(_("Điểm cho mỗi tiêu chuẩn đạt (trong 5 loại)"))
    quy_hoach = _weight(_("Điểm khi được quy hoạch chức danh"))
    so_nam = _weight(_("Điểm tối đa theo số năm công tác còn lại (1 điểm một năm)"), 40)
    nu = _weight(_("Điểm cho cán bộ nữ"))
    dan_toc = _weight(_("Điểm cho cán bộ người dân tộc thiểu số"))
    tre = _weight(_("Điểm cho cán bộ trẻ"))
    moi_don_vi = forms.IntegerField(
        label=_("Số cán bộ tối đa cử đi từ một đơn vị"), min_value=1, max_value=50
    )

    def clean(self):
        data = super().clean()
        if data.get("vi_tri") != "chon":
            data["posts"] = None
            return data
        rows = []
        for number, line in enumerate((data.get("cac_vi_tri") or "").splitlines(), start=1):
            if not line.strip():
                continue
            parts = [part.strip() for part in line.split(";")]
            if len(parts) != 2 or not all(parts):
                self.add_error(
                    "cac_vi_tri", _("Dòng %(n)s phải có hai mã cách nhau bởi dấu chấm phẩy.") % {"n": number}
                )
                return data
            rows.append((number, *parts))
        if not rows:
            self.add_error("cac_vi_tri", _("Nhập ít nhất một vị trí."))
            return data
        _seats, problems = code_seats(rows)
        for number, _column, _value, message in problems:
            self.add_error("cac_vi_tri", _("Dòng %(n)s: %(why)s") % {"n": number, "why": message})
        data["posts"] = [[unit, kind] for _number, unit, kind in rows]
        return data


class SendForm(forms.Form):
    ten = forms.CharField(label=_("Tên danh sách"), max_length=200)
    tu_ngay = DayField(label=_("Luân chuyển từ ngày (dd/mm/yyyy)"))
    ly_do = forms.CharField(label=_("Lý do đề xuất"), widget=forms.Textarea(attrs={"rows": 2}))


class ScenarioForm(forms.Form):
    """A scenario's name and years, and a grid of seats: one field per year and programme."""

    ten = forms.CharField(label=_("Tên kịch bản"), max_length=200)
    tu_nam = forms.IntegerField(label=_("Từ năm"), min_value=1990, max_value=2100)
    den_nam = forms.IntegerField(label=_("Đến năm"), min_value=1990, max_value=2100)

    def __init__(self, *args, years: range, **kwargs):
        super().__init__(*args, **kwargs)
        self.years = years
        for year in years:
            for verdict in PROGRAMMES:
                label = f"{verdict.title} – {year}"
                self.fields[f"cho_{year}_{verdict.key}"] = forms.IntegerField(
                    label=label,
                    min_value=0,
                    max_value=100_000,
                    required=False,
                    widget=forms.NumberInput(attrs={"aria-label": label}),
                )

    def clean(self):
        data = super().clean()
        first, last = data.get("tu_nam"), data.get("den_nam")
        if first and last and not 0 <= last - first <= 9:
            self.add_error("den_nam", _("Năm cuối từ năm đầu trở đi, nhiều nhất 10 năm."))
        return data

    def grid(self) -> list[tuple[str, list]]:
        return [
            (verdict.title, [self[f"cho_{year}_{verdict.key}"] for year in self.years])
            for verdict in PROGRAMMES
        ]

    def seats(self) -> dict[tuple[int, str], int]:
        data = self.cleaned_data
        return {
            (year, verdict.key): data.get(f"cho_{year}_{verdict.key}") or 0
            for year in range(data["tu_nam"], data["den_nam"] + 1)
            for verdict in PROGRAMMES
            if year in self.years
        }


def grid_initial(first: int, last: int, seats: dict) -> dict:
    """The grid's initial values from a scenario's stored seats."""
    return {f"cho_{year}_{key}": count for year, row in seats.items() for key, count in row.items()} | {
        "tu_nam": first,
        "den_nam": last,
    }
