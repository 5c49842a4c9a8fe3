"""Form fields shared by canbo's pages."""

from django import forms
from django.core.exceptions import ValidationError

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
