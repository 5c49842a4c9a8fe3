"""Recording the results of a course awaiting them, many at once: from the course page's form, or from
the XLSX sheet a training provider sends (columns `ma_can_bo`, `ket_qua`, `xep_loai`, `ngay_cap`,
`so_hieu_bang`). Both are all or nothing: every bad row is named with its column and what is wrong, and
nothing is written while one is. The sheet's cells are read as the exchange workbook reads them."""

from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from python_calamine import CalamineError, CalamineWorkbook

from canbo.audit.actions import AuditAction
from canbo.audit.services import audit_record
from canbo.core.capabilities import Action
from canbo.core.levels import Grade
from canbo.exchange.findings import Finding
from canbo.exchange.reader import SheetRows, _read_sheet
from canbo.people import schema
from canbo.training.courses import own_course, result_problems, results_open, write_result
from canbo.training.models import Course, Enrolment, Result

SHEET = schema.Sheet(
    "ket_qua", gettext_lazy("Kết quả học tập"),
    (
        schema.Column("ma_can_bo", schema.CODE, True),
        schema.Column("ket_qua", schema.ENUM, True, tuple(Result.values)),
        schema.Column("xep_loai", schema.ENUM, False, tuple(Grade.values)),
        schema.Column("ngay_cap", schema.DATE),
        schema.Column("so_hieu_bang", schema.TEXT, max_length=60),
    ),
    unique_key="ma_can_bo",
)
# The column of the sheet that holds each field a result problem names.
COLUMN_OF = {"result": "ket_qua", "grade": "xep_loai", "issued_on": "ngay_cap",
             "certificate_no": "so_hieu_bang"}


@dataclass
class ResultsRefused(Exception):
    """The results were not recorded: every problem, by row of the sheet or trainee of the form."""

    findings: list[Finding] = field(default_factory=list)


def _checked(course: Course, rows: list[tuple], sheet: str) -> tuple[list, list[Finding]]:
    """(enrolment, values) of rows [(row number, cadre code, values)], and the problems of each row
    (values None: a row with a bad cell, checked only for its code)."""
    enrolments = {e.cadre.code: e for e in Enrolment.objects.filter(course=course).select_related("cadre")}
    seen: dict[str, int] = {}
    findings, writes = [], []
    for number, code, values in rows:
        if code is None:
            continue
        enrolment = enrolments.get(code)
        if enrolment is None:
            message = _("Không có học viên mã này trong khóa học.")
            findings.append(Finding(sheet, number, "ma_can_bo", code, message))
            continue
        if code in seen:
            findings.append(Finding(sheet, number, "ma_can_bo", code,
                                    _("Học viên đã có ở dòng %(row)s.") % {"row": seen[code]}))
            continue
        seen[code] = number
        if values is None:  # a row whose cells were already found wrong
            continue
        problems = result_problems(course, **values)
        for name, message in problems.items():
            value = "" if values.get(name) is None else str(values[name])
            findings.append(Finding(sheet, number, COLUMN_OF[name], value, message))
        writes.append((enrolment, values))
    return writes, findings


def _write(actor, course: Course, writes: list, data: dict) -> int:
    return sum(write_result(actor=actor, enrolment=enrolment, values=values, data=data)
               for enrolment, values in writes)


@transaction.atomic
def results_record(*, actor, course: Course, rows: list[tuple[int, str, dict]]) -> int:
    """Record the results the form gives: rows of (row number, cadre code, {result, grade, issued_on,
    certificate_no}). Returns how many changed; ResultsRefused with every problem otherwise."""
    course = own_course(actor, course, Action.RECORD_RESULTS)
    results_open(course)
    writes, findings = _checked(course, rows, "")
    if findings:
        raise ResultsRefused(findings)
    return _write(actor, course, writes, {})


def _sheet_rows(path: str) -> tuple[str, list[tuple[int, str, dict]], list[Finding]]:
    try:
        book = CalamineWorkbook.from_path(path)
        name = book.sheet_names[0]
        grid = book.get_sheet_by_name(name).to_python(skip_empty_area=False)
    except (CalamineError, OSError, IndexError) as exc:
        message = _("Tệp không đọc được như một bảng tính XLSX: %(error)s.") % {"error": exc}
        return "", [], [Finding("", None, "", "", message)]
    parsed, errors, warnings = SheetRows(SHEET), [], []
    _read_sheet(SHEET, grid, parsed, errors, warnings)
    bad_rows = {finding.row for finding in errors}
    rows = []
    for number, row in zip(parsed.numbers, parsed.rows, strict=True):
        code, result, grade, issued_on, certificate_no = row
        values = {"result": result, "grade": grade or "", "issued_on": issued_on,
                  "certificate_no": certificate_no or ""}
        rows.append((number, code, None if number in bad_rows else values))
    return name, rows, errors


@transaction.atomic
def results_import(*, actor, course: Course, path: str, file_name: str) -> int:
    """Record the results of the sheet at `path` (its first sheet). Returns how many changed;
    ResultsRefused naming every bad row, column and what is wrong, with nothing written, otherwise."""
    course = own_course(actor, course, Action.RECORD_RESULTS)
    results_open(course)
    name, rows, findings = _sheet_rows(path)
    writes, more = _checked(course, rows, name)
    findings = sorted(findings + more, key=lambda f: (f.row or 0, SHEET.keys.index(f.column)
                                                      if f.column in SHEET.keys else 0))
    if not findings and not rows:
        findings = [Finding(name, None, "", "", _("Bảng không có dòng kết quả nào."))]
    if findings:
        raise ResultsRefused(findings)
    data = {"tep": Path(file_name).name, "so_dong": len(rows)}
    changed = _write(actor, course, writes, data)
    audit_record(actor=actor, action=AuditAction.RESULTS_IMPORT, obj=course, data=data)
    return changed

