"""The proposal form of the check page: what `canbo check-proposal` takes, typed by an official."""

from django import forms
from django.utils.translation import gettext_lazy as _

from canbo.core.forms import DayField


class ProposalForm(forms.Form):
    ma_can_bo = forms.CharField(label=_("Mã cán bộ"), max_length=30)
    loai = forms.ChoiceField(
        label=_("Loại đề xuất"), choices=[("luan_chuyen", _("Luân chuyển")), ("dieu_dong", _("Điều động"))]
    )
    den_don_vi = forms.CharField(label=_("Mã đơn vị đến"), max_length=30)
    chuc_danh = forms.CharField(label=_("Mã chức danh đề xuất"), max_length=30)
    tu_ngay = DayField(label=_("Từ ngày (dd/mm/yyyy)"))
    den_ngay = DayField(label=_("Đến ngày (dd/mm/yyyy)"), required=False)
    ngoai_le_btv = forms.BooleanField(label=_("Có ngoại lệ do Ban Thường vụ quyết định"), required=False)

    def clean(self):
        data = super().clean()
        start, end = data.get("tu_ngay"), data.get("den_ngay")
        if start and end and end < start:
            self.add_error("den_ngay", _("Ngày kết thúc trước ngày bắt đầu."))
        return data
