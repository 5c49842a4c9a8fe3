import datetime as dt

import pytest

from canbo.documents.layouts import PARTY, STATE
from canbo.documents.text import amount, place_and_date, text_width_mm


@pytest.mark.parametrize(
    ("day", "words"),
    [
        (dt.date(2017, 11, 5), "Lâm Đồng, ngày 05 tháng 11 năm 2017"),
        (dt.date(2018, 1, 9), "Lâm Đồng, ngày 09 tháng 01 năm 2018"),
        (dt.date(2018, 2, 28), "Lâm Đồng, ngày 28 tháng 02 năm 2018"),
        (dt.date(2018, 3, 10), "Lâm Đồng, ngày 10 tháng 3 năm 2018"),
        (dt.date(2018, 9, 1), "Lâm Đồng, ngày 01 tháng 9 năm 2018"),
        (dt.date(2018, 12, 31), "Lâm Đồng, ngày 31 tháng 12 năm 2018"),
    ],
)
def test_a_zero_before_days_below_ten_and_months_one_and_two(day, words):
    assert place_and_date("Lâm Đồng", day) == words


def test_a_draft_leaves_the_date_blank():
    assert (
        place_and_date("Lâm Đồng", None, 2017) == "Lâm Đồng, ngày\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0tháng"
        "\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0năm 2017"
    )


def test_numbers_as_each_layout_writes_them():
    assert PARTY.number(127, "KH", "TU") == "Số 127-KH/TU"
    assert PARTY.number(5, "KH", "BTCTU") == "Số 5-KH/BTCTU"
    assert STATE.number(12, "KH", "SNV") == "Số: 12/KH-SNV"
    assert amount(120_000_000) == "120.000.000" and amount(0) == "0"


def test_widths_follow_the_letters_not_their_marks():
    assert text_width_mm("ĐẢNG", 15, bold=True) == text_width_mm("DANG", 15, bold=True)
    assert text_width_mm("ĐẢNG CỘNG SẢN VIỆT NAM", 15, bold=True) == pytest.approx(72.9, abs=0.1)
    assert text_width_mm("iii", 14) < text_width_mm("WWW", 14)
