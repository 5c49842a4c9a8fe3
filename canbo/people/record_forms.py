"""The form of one row of a kind of the record, built from its sheet of the exchange workbook: each field
reads what was typed with the import's cell reader and judges it with the import's bounds
(canbo.people.cells, canbo.people.plausible), a code names a record of its catalogue, and the row is
judged with the import's row checks (canbo.people.row_checks). One set of checks, typed by hand or in a
workbook."""

import datetime as dt
from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from canbo.core.codes import code_problem
from canbo.core.dates import Precision, format_partial_date, show_date, today
from canbo.core.levels import LEVELS, Kind
from canbo.core.names import text_sort_key
from canbo.org.models import CivilServiceRank, Locality, PositionType, Unit
from canbo.people import schema
from canbo.people.cells import READERS, CellError
from canbo.people.plausible import column_check
from canbo.people.record_kinds import RecordKind
from canbo.people.row_checks import row_problems

# Catalogues a code column names, by the sheet it refers to.
CATALOGUES = {"dia_ban": Locality, "don_vi": Unit, "chuc_danh": PositionType, "ngach": CivilServiceRank}
LISTED = ("chuc_danh", "ngach")  # short catalogues: chosen by name from a list
UNIT = "don_vi"  # chosen in the unit tree picker of the actor's scope (record_form.html)
REQUIRED = gettext_lazy("Ô bắt buộc đang để trống.")
HINTS = {
    schema.DATE: gettext_lazy("dd/mm/yyyy"),
    schema.BIRTH: gettext_lazy("dd/mm/yyyy, yyyy-mm hoặc yyyy"),
    schema.TERM: gettext_lazy("2020-2025"),
}
LABELS = {"nhiem_ky": gettext_lazy("Nhiệm kỳ"), "ngay_sinh": gettext_lazy("Ngày sinh")}
BOOL_CHOICES = (("0", gettext_lazy("Không")), ("1", gettext_lazy("Có")))


class CellField(forms.Field):
    """One column of a sheet as a form field: the typed value, or the import's message."""

    def __init__(self, column: schema.Column, *, label, choices=None):
        self.column = column
        if choices is not None:
            widget = forms.Select(choices=choices)
        else:
            attrs = {"placeholder": HINTS.get(column.kind, ""), "autocomplete": "off"}
            if column.ref and column.ref != UNIT:  # suggestions by code or name (catalogue_options)
                attrs["list"] = f"danh-muc-{column.ref}"
            widget = forms.TextInput(attrs=attrs)
        super().__init__(required=column.required, label=label, widget=widget)
        self.error_messages["required"] = REQUIRED

    def to_python(self, value):
        text = value.strip() if isinstance(value, str) else value
        if text in (None, ""):
            return None
        column = self.column
        try:
            typed = READERS[column.kind](text, column)
        except CellError as exc:
            raise ValidationError(str(exc)) from None
        if column.kind == schema.CODE and (problem := code_problem(typed)):
            raise ValidationError(problem)
        check = column_check(column, today())
        if check is not None and (problem := check(typed)):
            raise ValidationError(problem[1])
        if column.ref:
            return self._record_named(typed)
        return typed

    def _record_named(self, code: str):
        found = CATALOGUES[self.column.ref].objects.filter(code=code).first()
        if found is None:
            label = schema.SHEET_BY_NAME[self.column.ref].label
            raise ValidationError(_("Không có mã này trong danh mục “%(label)s”.") % {"label": label})
        return found


def _choices(kind: RecordKind, column: schema.Column):
    if column.kind == schema.BOOL:
        return BOOL_CHOICES
    if column.ref in LISTED:
        named = CATALOGUES[column.ref].objects.values_list("code", "name")
        ordered = sorted(named, key=lambda row: (text_sort_key(row[1]), row[0]))
        return [("", "—"), *((code, f"{name} ({code})") for code, name in ordered)]
    if column.kind != schema.ENUM:
        return None
    if column.choices == schema.ALL_LEVEL_CODES:  # a qualification's level, by kind
        levels = [
            (Kind(k).label, [(code, label) for code, _rank, label in LEVELS[k]]) for k in schema.KIND_CODES
        ]
        return [("", "—"), *levels]
    field = kind.model._meta.get_field(_first(kind.fields[column.key]))
    return [("", "—"), *field.flatchoices]


def _first(names):
    return names[0] if isinstance(names, tuple) else names


def _label(kind: RecordKind, key: str):
    if key in LABELS:
        return LABELS[key]
    return capfirst(kind.model._meta.get_field(_first(kind.fields[key])).verbose_name)


class RowForm(forms.Form):
    """The columns `keys` of `kind`'s sheet (every one but the cadre's code by default)."""

    def __init__(self, kind: RecordKind, *, keys=None, data=None, initial=None):
        super().__init__(data=data, initial=initial)
        self.kind = kind
        wanted = keys or [column.key for column in kind.sheet.columns if column.key != "ma_can_bo"]
        for column in kind.sheet.columns:
            if column.key in wanted:
                self.fields[column.key] = CellField(
                    column, label=_label(kind, column.key), choices=_choices(kind, column)
                )

    @property
    def catalogues(self) -> set[str]:
        """The catalogues (sheets) whose codes this form's text boxes suggest (`catalogue_options`)."""
        cells = [field for field in self.fields.values() if isinstance(field, CellField)]
        return {field.column.ref for field in cells if field.column.ref not in (None, UNIT, *LISTED)}

    def shown_values(self) -> list[tuple[str, str]]:
        """(label, value as read) of each field of an unbound form: a choice by its label."""
        shown = []
        for field in self:
            value = field.value() or ""
            choices = getattr(field.field.widget, "choices", ())
            labels = {code: label for group, options in choices if isinstance(options, list)
                      for code, label in options}
            labels.update((code, label) for code, label in choices if not isinstance(label, list))
            shown.append((field.label, str(labels.get(value, value)) or "—"))
        return shown

    def clean(self):
        cleaned = super().clean()
        typed = {key: getattr(value, "code", value) for key, value in cleaned.items()}
        for key, _shown, message in row_problems(self.kind.sheet.name, typed):
            if key in self.fields:
                self.add_error(key, message)
        return cleaned

    def model_fields(self) -> dict:
        """The cleaned row as the model's fields (the service's arguments); an empty cell is the field's
        default (blank text, no flag)."""
        values = {}
        for key, value in self.cleaned_data.items():
            names = self.kind.fields.get(key)
            if names is None:  # a field of the page, not of the row
                continue
            if isinstance(names, tuple):
                values.update(zip(names, value or (None, None), strict=True))
                continue
            field = self.kind.model._meta.get_field(names)
            values[names] = field.get_default() if value is None and not field.null else value
        return values

    def column_of(self, name: str) -> str | None:
        """The field of this form that fills model field `name`."""
        for key in self.fields:
            names = self.kind.fields.get(key, ())
            if name in (names if isinstance(names, tuple) else (names,)):
                return key
        return None

    def show_errors(self, error: ValidationError) -> None:
        """A service's refusal, each message next to the field it names."""
        if not hasattr(error, "error_dict"):
            self.add_error(None, error)
            return
        for name, messages in error.error_dict.items():
            self.add_error(self.column_of(name), messages)


def catalogue_options(catalogues) -> dict[str, list[tuple[str, str]]]:
    """Code and name of every record of each catalogue, for the suggestions of the code fields."""
    return {ref: list(CATALOGUES[ref].objects.order_by("code").values_list("code", "name"))
            for ref in sorted(catalogues)}


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, dt.date):
        return show_date(value)
    if isinstance(value, int | Decimal):
        return str(value)
    return getattr(value, "code", value)


def row_initial(kind: RecordKind, row) -> dict[str, str]:
    """A stored row as it would be typed in the form (and in the workbook)."""
    initial = {}
    for key, names in kind.fields.items():
        if names == ("birth_date", "birth_precision"):
            born, precision = row.birth_date, row.birth_precision
            day = precision == Precision.DAY
            initial[key] = show_date(born) if day else format_partial_date(born, precision)
        elif isinstance(names, tuple):
            initial[key] = "-".join(str(getattr(row, name)) for name in names)
        else:
            initial[key] = _text(getattr(row, names))
    return initial
