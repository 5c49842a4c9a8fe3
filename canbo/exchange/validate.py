"""Checks across rows and sheets of a read workbook, and against the database; every problem is kept."""

from django.utils.translation import gettext as _

from canbo.core.dates import today
from canbo.exchange.findings import Finding
from canbo.exchange.plausible import implausible_values
from canbo.exchange.reader import ParsedWorkbook
from canbo.people import schema
from canbo.people.row_checks import ROW_CHECKS, personal_id_taken

# Sheets whose `ma` is a record code in the database: sheet -> model (label "app.Model").
CODED_MODELS = {
    "dia_ban": "org.Locality",
    "don_vi": "org.Unit",
    "chuc_danh": "org.PositionType",
    "ngach": "org.CivilServiceRank",
    "can_bo": "people.Cadre",
}


def workbook_validate(
    book: ParsedWorkbook,
    *,
    existing_codes: dict[str, set[str]] | None = None,
    existing_personal_ids: dict[str, str] | None = None,
) -> list[Finding]:
    """Every problem across rows and sheets, and every implausible value (canbo.core.bounds, as of
    today). `existing_codes`: sheet -> codes already in the database; `existing_personal_ids`:
    personal identification number -> code of the cadre in the database who has it."""
    errors: list[Finding] = implausible_values(book, today())
    codes = _codes_and_duplicates(book, errors)
    _references(book, codes, errors)
    _row_checks(book, errors)
    _one_evaluation_a_year(book, errors)
    for name in ("dia_ban", "don_vi"):
        _parent_cycles(book, name, errors)
    _successors(book, errors)
    _personal_ids(book, existing_personal_ids or {}, errors)
    if existing_codes:
        _already_present(book, existing_codes, errors)
    return errors


def _codes_and_duplicates(book: ParsedWorkbook, errors: list[Finding]) -> dict[str, set[str]]:
    codes: dict[str, set[str]] = {}
    for name, parsed in book.sheets.items():
        key = parsed.sheet.unique_key
        if key is None:
            continue
        index = parsed.sheet.index(key)
        seen: dict[str, int] = {}
        for number, row in zip(parsed.numbers, parsed.rows, strict=True):
            code = row[index]
            if code is None:
                continue
            if code in seen:
                errors.append(
                    Finding(name, number, key, code, _("Mã bị trùng với dòng %(row)s.") % {"row": seen[code]})
                )
            else:
                seen[code] = number
        codes[name] = set(seen)
    return codes


def _references(book: ParsedWorkbook, codes: dict[str, set[str]], errors: list[Finding]) -> None:
    for name, parsed in book.sheets.items():
        checks = [(parsed.sheet.index(c.key), c) for c in parsed.sheet.columns if c.ref]
        for index, column in checks:
            known = codes.get(column.ref, set())
            label = schema.SHEET_BY_NAME[column.ref].label
            for number, row in zip(parsed.numbers, parsed.rows, strict=True):
                code = row[index]
                if code is not None and code not in known:
                    errors.append(
                        Finding(
                            name,
                            number,
                            column.key,
                            code,
                            _("Không có mã này trong trang “%(sheet)s” (%(label)s).")
                            % {"sheet": column.ref, "label": label},
                        )
                    )


def _row_checks(book: ParsedWorkbook, errors: list[Finding]) -> None:
    """The checks of canbo.people.row_checks, which the record's forms run too, over every row."""
    for name, rules in ROW_CHECKS.items():
        parsed = book.sheets[name]
        for rule in rules:
            at = [parsed.sheet.index(key) for key in rule.keys]
            for number, row in zip(parsed.numbers, parsed.rows, strict=True):
                values = [row[i] for i in at]
                if None not in values and (problem := rule.check(*values)):
                    errors.append(Finding(name, number, rule.key, *problem))


def _personal_ids(book: ParsedWorkbook, in_db: dict[str, str], errors: list[Finding]) -> None:
    """A personal identification number belongs to one cadre: not twice in the workbook, nor to a
    cadre already in the database."""
    parsed = book.sheets["can_bo"]
    code_at, id_at = parsed.sheet.index("ma"), parsed.sheet.index("so_dinh_danh")
    seen: dict[str, tuple[int, str]] = {}
    for number, row in zip(parsed.numbers, parsed.rows, strict=True):
        number_id = row[id_at]
        if number_id is None:
            continue
        if number_id in seen:
            first_row, first_code = seen[number_id]
            message = _("Số định danh trùng với cán bộ %(code)s ở dòng %(row)s.") % {
                "code": first_code, "row": first_row}
        elif number_id in in_db:
            message = personal_id_taken(in_db[number_id])
        else:
            seen[number_id] = (number, row[code_at])
            continue
        errors.append(Finding("can_bo", number, "so_dinh_danh", number_id, message))


def _successors(book: ParsedWorkbook, errors: list[Finding]) -> None:
    """A successor is named only for a closed unit, and is another unit."""
    parsed = book.sheets["don_vi"]
    code_at, end_at = parsed.sheet.index("ma"), parsed.sheet.index("den_ngay")
    successor_at = parsed.sheet.index("ma_don_vi_ke_thua")
    for number, row in zip(parsed.numbers, parsed.rows, strict=True):
        successor = row[successor_at]
        if successor is None:
            continue
        problem = None
        if row[end_at] is None:
            problem = _("Chỉ ghi đơn vị kế thừa cho đơn vị đã giải thể (có đến ngày).")
        elif successor == row[code_at]:
            problem = _("Đơn vị không thể kế thừa chính nó.")
        if problem:
            errors.append(Finding("don_vi", number, "ma_don_vi_ke_thua", successor, problem))


def _one_evaluation_a_year(book: ParsedWorkbook, errors: list[Finding]) -> None:
    parsed = book.sheets["danh_gia"]
    cadre_at, year_at = parsed.sheet.index("ma_can_bo"), parsed.sheet.index("nam")
    seen: dict[tuple, int] = {}
    for number, row in zip(parsed.numbers, parsed.rows, strict=True):
        key = (row[cadre_at], row[year_at])
        if None in key:
            continue
        if key in seen:
            errors.append(
                Finding(
                    "danh_gia",
                    number,
                    "nam",
                    str(key[1]),
                    _("Cán bộ %(code)s đã có đánh giá năm này ở dòng %(row)s.")
                    % {"code": key[0], "row": seen[key]},
                )
            )
        else:
            seen[key] = number


def _parent_cycles(book: ParsedWorkbook, name: str, errors: list[Finding]) -> None:
    parsed = book.sheets[name]
    code_at, parent_at = parsed.sheet.index("ma"), parsed.sheet.index("ma_cha")
    parents = {row[code_at]: row[parent_at] for row in parsed.rows if row[code_at] is not None}
    numbers = {row[code_at]: number for number, row in zip(parsed.numbers, parsed.rows, strict=True)}
    settled: set[str] = set()
    for start in parents:
        chain: list[str] = []
        node = start
        while node is not None and node in parents and node not in settled and node not in chain:
            chain.append(node)
            node = parents[node]
        if node is not None and node in chain:
            cycle = chain[chain.index(node) :]
            for code in cycle:
                errors.append(
                    Finding(
                        name,
                        numbers[code],
                        "ma_cha",
                        parents[code] or "",
                        _("Quan hệ cấp trên tạo thành vòng lặp: %(cycle)s.")
                        % {"cycle": " → ".join(cycle + [node])},
                    )
                )
        settled.update(chain)


def _already_present(book: ParsedWorkbook, existing: dict[str, set[str]], errors: list[Finding]) -> None:
    for name, in_db in existing.items():
        if not in_db:
            continue
        parsed = book.sheets[name]
        index = parsed.sheet.index("ma")
        for number, row in zip(parsed.numbers, parsed.rows, strict=True):
            if row[index] in in_db:
                errors.append(
                    Finding(
                        name,
                        number,
                        "ma",
                        row[index],
                        _("Mã đã có trong cơ sở dữ liệu. Dùng --replace để thay toàn bộ dữ liệu của tỉnh."),
                    )
                )
