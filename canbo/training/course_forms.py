"""The form that opens a course: its programme (of the rule set in force on the page's date), who
provides it and where, its dates, seats, mode, organiser, venue and actual cost and its source, and
the day it was opened when it is entered later."""

from django import forms
from django.utils.translation import gettext_lazy as _

from canbo.core.forms import made_on_field
from canbo.training.forms import MoneyField
from canbo.training.models import Funding, Organiser, Programme, TrainingMode, Venue


class CourseForm(forms.Form):
    code = forms.CharField(label=_("Mã khóa học (ví dụ CCLLCT-K15-2020)"), max_length=40)
    name = forms.CharField(label=_("Tên khóa học"), max_length=255)
    programme = forms.ModelChoiceField(queryset=Programme.objects.none(), label=_("Chương trình"))
    mode = forms.ChoiceField(label=_("Hình thức học"), choices=TrainingMode.choices)
    provider = forms.CharField(label=_("Cơ sở đào tạo"), max_length=255, required=False)
    place = forms.CharField(label=_("Địa điểm"), max_length=255)
    start = forms.DateField(label=_("Ngày khai giảng"), widget=forms.DateInput(attrs={"type": "date"}))
    end = forms.DateField(label=_("Ngày kết thúc"), widget=forms.DateInput(attrs={"type": "date"}))
    seats = forms.IntegerField(label=_("Số chỗ"), min_value=1, max_value=10_000)
    organiser = forms.ChoiceField(label=_("Cơ quan mở lớp"), choices=Organiser.choices)
    venue = forms.ChoiceField(label=_("Nơi học"), choices=Venue.choices)
    actual_cost = MoneyField(label=_("Kinh phí thực chi (đồng)"), required=False)
    funding = forms.TypedChoiceField(label=_("Nguồn kinh phí"), choices=Funding.choices, required=False,
                                     empty_value=Funding.NGAN_SACH_TINH)
    made_on = made_on_field()

    def __init__(self, *args, programmes, own_unit=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["programme"].queryset = programmes
        if own_unit is not None:
            self.fields["provider"].help_text = _("Để trống: %(unit)s.") % {"unit": own_unit.name}
