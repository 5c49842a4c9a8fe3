"""The values rows written in bulk (`canbo.core.bulk.insert`) are made of."""

from django.db.models import Max

from canbo.exchange.reader import ParsedWorkbook


def iso(value):
    return value.isoformat() if value is not None else None


def next_id(model) -> int:
    return (model.objects.aggregate(top=Max("id"))["top"] or 0) + 1


def column_of(book: ParsedWorkbook, sheet: str):
    parsed = book.sheets[sheet]
    return parsed.rows, parsed.sheet.index
