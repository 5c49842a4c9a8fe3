"""Form fields shared by canbo's pages."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy

from canbo.core.dates import DateOutOfRange, check_date_range

DATE_FORMATS = ["%d/%m/%Y", "%Y-%m-%d"]


def validate_date_range(value) -> None:
    try:
        check_date_range(value)
    except DateOutOfRange as exc:
        raise ValidationError(str(exc), code="date_range") from exc


class DayField(forms.DateField):
    """A date typed dd/mm/yyyy (or YYYY-MM-DD), within the dates canbo reads."""

    input_formats = DATE_FORMATS
    default_validators = [validate_date_range]
    widget = forms.DateInput(format="%d/%m/%Y")  # a date given as the initial value, as officials write it


def not_after_today(value) -> None:
    if value is not None and value > timezone.localdate():
        raise ValidationError(gettext_lazy("Không thể ghi một ngày sau hôm nay."), code="future")


def made_on_field(label=None) -> DayField:
    """The day a record was made, for one entered in canbo after that day (empty: today)."""
    return DayField(
        label=label or gettext_lazy("Ngày lập (để trống nếu là hôm nay)"),
        required=False,
        validators=[not_after_today],
        help_text=gettext_lazy("Ghi ngày đã lập nếu hồ sơ này được nhập vào canbo sau đó: hồ sơ có từ ngày "
                               "ấy khi xem tại một ngày trước đây; nhật ký vẫn ghi thời điểm nhập."),
        widget=forms.DateInput(
            format="%d/%m/%Y",
            attrs={"placeholder": "dd/mm/yyyy", "inputmode": "numeric", "autocomplete": "off"},
        ),
    )
