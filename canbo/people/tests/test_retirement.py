import datetime as dt
import json

import pytest
from django.core.management import CommandError, call_command
from hypothesis import given
from hypothesis import strategies as st

from canbo.people.retirement import FEMALE, MALE, required_age_months, retirement


@pytest.mark.parametrize(
    ("gender", "birth", "expected", "years", "months"),
    [
        # Decree 135/2020 Appendix I, the boundaries of each row.
        (MALE, dt.date(1961, 9, 1), dt.date(2021, 12, 31), 60, 3),
        (MALE, dt.date(1961, 10, 1), dt.date(2022, 4, 30), 60, 6),
        (MALE, dt.date(1961, 1, 15), dt.date(2021, 4, 30), 60, 3),
        (MALE, dt.date(1966, 1, 1), dt.date(2027, 10, 31), 61, 9),
        (MALE, dt.date(1967, 1, 1), dt.date(2029, 1, 31), 62, 0),
        (MALE, dt.date(1965, 12, 1), dt.date(2027, 9, 30), 61, 9),
        (FEMALE, dt.date(1966, 8, 1), dt.date(2021, 12, 31), 55, 4),
        (FEMALE, dt.date(1966, 9, 1), dt.date(2022, 5, 31), 55, 8),
        (FEMALE, dt.date(1980, 1, 1), dt.date(2040, 1, 31), 60, 0),
        # Before 2021: 60 and 55, in the month the age is reached.
        (MALE, dt.date(1955, 6, 20), dt.date(2015, 6, 30), 60, 0),
        (FEMALE, dt.date(1960, 12, 1), dt.date(2015, 12, 31), 55, 0),
        (MALE, dt.date(1960, 12, 31), dt.date(2020, 12, 31), 60, 0),
    ],
)
def test_appendix_boundaries(gender, birth, expected, years, months):
    result = retirement(gender, birth)
    assert (result.date, result.years, result.months) == (expected, years, months)


def test_required_age_schedule():
    assert required_age_months(MALE, 2020) == 720
    assert required_age_months(MALE, 2021) == 723
    assert required_age_months(MALE, 2027) == 741
    assert required_age_months(MALE, 2028) == 744
    assert required_age_months(MALE, 2040) == 744
    assert required_age_months(FEMALE, 2021) == 664
    assert required_age_months(FEMALE, 2034) == 716
    assert required_age_months(FEMALE, 2035) == 720


@given(st.sampled_from([MALE, FEMALE]), st.dates(dt.date(1940, 1, 1), dt.date(2005, 12, 31)))
def test_first_month_reaching_the_required_age(gender, birth):
    result = retirement(gender, birth)
    age = result.years * 12 + result.months
    assert age >= required_age_months(gender, result.date.year)
    assert (result.date + dt.timedelta(days=1)).day == 1
    prior_year, prior_month = divmod(result.date.year * 12 + result.date.month - 2, 12)
    assert age - 1 < required_age_months(gender, prior_year)


def test_command_json_year_only_counts_as_first_of_january(capsys):
    call_command("retirement", "--gioi-tinh", "nam", "--ngay-sinh", "1961", "--json")
    assert json.loads(capsys.readouterr().out) == {
        "ngay_nghi_huu": "2021-04-30",
        "tuoi_nghi_huu": {"nam": 60, "thang": 3},
    }
    call_command("retirement", "--gioi-tinh", "nu", "--ngay-sinh", "1966-09", "--json")
    assert json.loads(capsys.readouterr().out)["ngay_nghi_huu"] == "2022-05-31"


def test_command_refuses_malformed_date():
    with pytest.raises(CommandError, match="không hợp lệ"):
        call_command("retirement", "--gioi-tinh", "nam", "--ngay-sinh", "1961-13-40")
