"""The proposal form of the check page: what `canbo check-proposal` takes, typed by an official."""

from django import forms
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _

from canbo.core.forms import DayField, made_on_field

SUGGESTED = {"don_vi", "chuc_danh"}  # the catalogues whose codes a proposal's fields suggest


class ProposalForm(forms.Form):
    # Typed as a code, or found by name as it is typed (canbo/cadre_suggest.js).
    ma_can_bo = forms.CharField(label=_("Mã cán bộ"), max_length=30, widget=forms.TextInput(
        attrs={"data-cadre-suggest": reverse_lazy("people:suggestions"),
               "data-found": _("%(n)s người phù hợp; chọn bằng phím mũi tên và Enter."),
               "placeholder": _("Mã, hoặc gõ họ tên để tìm")}))
    loai = forms.ChoiceField(
        label=_("Loại đề xuất"), choices=[("luan_chuyen", _("Luân chuyển")), ("dieu_dong", _("Điều động"))]
    )
    # Typed as codes; the page suggests every unit and position type by code and name (SUGGESTED).
    den_don_vi = forms.CharField(label=_("Mã đơn vị đến"), max_length=30, widget=forms.TextInput(
        attrs={"list": "danh-muc-don_vi", "autocomplete": "off"}))
    chuc_danh = forms.CharField(label=_("Mã chức danh đề xuất"), max_length=30, widget=forms.TextInput(
        attrs={"list": "danh-muc-chuc_danh", "autocomplete": "off"}))
    tu_ngay = DayField(label=_("Từ ngày (dd/mm/yyyy)"))
    den_ngay = DayField(label=_("Đến ngày (dd/mm/yyyy)"), required=False)
    ngoai_le_btv = forms.BooleanField(label=_("Có ngoại lệ do Ban Thường vụ quyết định"), required=False)

    def clean(self):
        return dates_in_order(self, super().clean())


def dates_in_order(form, data: dict) -> dict:
    start, end = data.get("tu_ngay"), data.get("den_ngay")
    if start and end and end < start:
        form.add_error("den_ngay", _("Ngày kết thúc trước ngày bắt đầu."))
    return data


class ProposalDraftForm(ProposalForm):
    """One proposal to draft: the check's fields and the reasons for it."""

    ly_do = forms.CharField(label=_("Lý do đề xuất"), widget=forms.Textarea(attrs={"rows": 3}))
    ngay_lap = made_on_field()


class ProposalListForm(forms.Form):
    """A list of proposals drafted together: one line per cadre, the rest shared."""

    ten = forms.CharField(label=_("Tên danh sách"), max_length=200)
    loai = ProposalForm.base_fields["loai"]
    dong = forms.CharField(
        label=_("Cán bộ và vị trí đề xuất, mỗi dòng: mã cán bộ; mã đơn vị đến; mã chức danh"),
        widget=forms.Textarea(attrs={"rows": 6}),
    )
    tu_ngay = ProposalForm.base_fields["tu_ngay"]
    den_ngay = ProposalForm.base_fields["den_ngay"]
    ngoai_le_btv = ProposalForm.base_fields["ngoai_le_btv"]
    ly_do = ProposalDraftForm.base_fields["ly_do"]

    def clean_dong(self):
        lines = []
        for number, line in enumerate(self.cleaned_data["dong"].splitlines(), start=1):
            if not line.strip():
                continue
            parts = [part.strip() for part in line.split(";")]
            if len(parts) != 3 or not all(parts):
                raise forms.ValidationError(
                    _("Dòng %(n)s phải có ba mã cách nhau bởi dấu chấm phẩy.") % {"n": number}
                )
            lines.append(parts)
        return lines

    def clean(self):
        return dates_in_order(self, super().clean())


class OpinionForm(forms.Form):
    ben = forms.ChoiceField(label=_("Ý kiến của"))
    y_kien = forms.ChoiceField(label=_("Ý kiến"))
    noi_dung = forms.CharField(
        label=_("Nội dung, số văn bản"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    ngay = made_on_field(_("Ngày cho ý kiến (để trống nếu là hôm nay)"))

    def __init__(self, *args, parties, verdicts, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["ben"].choices = parties
        self.fields["y_kien"].choices = verdicts


class EvaluationForm(forms.Form):
    nam = forms.IntegerField(label=_("Năm"), min_value=2000, max_value=2100)
    cuoi_thoi_han = forms.BooleanField(label=_("Đánh giá cuối thời hạn luân chuyển"), required=False)
    xep_loai = forms.ChoiceField(label=_("Xếp loại"))
    nhan_xet = forms.CharField(label=_("Nhận xét"), widget=forms.Textarea(attrs={"rows": 3}), required=False)
    ngay = made_on_field(_("Ngày đánh giá (để trống nếu là hôm nay)"))

    def __init__(self, *args, ratings, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["xep_loai"].choices = ratings
