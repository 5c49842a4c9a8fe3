"""What documents write the same way everywhere: the place and date line and the width of a line of
text (for a rule as long as the text above it)."""

import datetime as dt
import unicodedata

# Advance widths (1/1000 em) of Times (Adobe's core font metrics; Liberation Serif, which LibreOffice
# puts in for Times New Roman, has the same). A letter with diacritics is as wide as its base letter.
_WIDTHS = {
    False: dict(
        zip(
            "ABCDEFGHIJKLMNOPQRSTUVWXYZ",
            (
                722,
                667,
                667,
                722,
                611,
                556,
                722,
                722,
                333,
                389,
                722,
                611,
                889,
                722,
                722,
                556,
                722,
                667,
                556,
                611,
                722,
                722,
                944,
                722,
                722,
                611,
            ),
            strict=True,
        )
    )
    | dict(
        zip(
            "abcdefghijklmnopqrstuvwxyz",
            (
                444,
                500,
                444,
                500,
                444,
                333,
                500,
                500,
                278,
                278,
                500,
                278,
                778,
                500,
                500,
                500,
                500,
                333,
                389,
                278,
                500,
                500,
                722,
                500,
                500,
                444,
            ),
            strict=True,
        )
    ),
    True: dict(
        zip(
            "ABCDEFGHIJKLMNOPQRSTUVWXYZ",
            (
                722,
                667,
                722,
                722,
                667,
                611,
                778,
                778,
                389,
                500,
                778,
                667,
                944,
                722,
                778,
                611,
                778,
                722,
                556,
                667,
                722,
                722,
                1000,
                722,
                722,
                667,
            ),
            strict=True,
        )
    )
    | dict(
        zip(
            "abcdefghijklmnopqrstuvwxyz",
            (
                500,
                556,
                444,
                556,
                444,
                333,
                500,
                556,
                278,
                333,
                556,
                278,
                833,
                556,
                500,
                556,
                556,
                444,
                389,
                333,
                556,
                500,
                722,
                500,
                500,
                444,
            ),
            strict=True,
        )
    ),
}
_OTHER = {" ": 250, "-": 333, "*": 500, ",": 250, ".": 250, "/": 278}
_DIGIT = 500
_POINT_MM = 25.4 / 72


def text_width_mm(text: str, size: float, bold: bool = False) -> float:
    """The printed width of `text` in Times at `size` points."""
    widths = _WIDTHS[bold]
    total = 0
    for char in text:
        base = unicodedata.normalize("NFD", char.replace("Đ", "D").replace("đ", "d"))[0]
        total += widths.get(base) or _OTHER.get(base) or (_DIGIT if base.isdigit() else 500)
    return total / 1000 * size * _POINT_MM


def place_and_date(place: str, day: dt.date | None, year: int | None = None) -> str:
    """`Lâm Đồng, ngày 05 tháng 11 năm 2017`: a zero before days below 10 and months 1 and 2 (Nghị định
    30/2020, Phụ lục I; Hướng dẫn 36-HD/VPTW). Without a day (a draft), blanks to write the date in."""
    if day is None:
        blank = "\u00a0" * 6
        return f"{place}, ngày{blank}tháng{blank}năm {year}"
    return f"{place}, {date_words(day)}"


def date_words(day: dt.date) -> str:
    """`ngày 05 tháng 02 năm 2017`, with the zeros of the place and date line."""
    month = f"{day.month:02d}" if day.month < 3 else str(day.month)
    return f"ngày {day.day:02d} tháng {month} năm {day.year}"


def amount(value: int) -> str:
    """A whole number as Vietnamese documents write it: 120.000.000."""
    return f"{value:,}".replace(",", ".")
