"""The suggestions of a cadre code field: the people holding a post in the user's scope whose name or
code matches what is typed, best first, with the post they hold."""

import datetime as dt

import pytest

from canbo.accounts.system import system_actor
from canbo.accounts.testing import build_small_province
from canbo.people.selectors import SUGGESTED
from canbo.people.services import cadre_create, holding_add

pytestmark = pytest.mark.django_db


@pytest.fixture
def small():
    return build_small_province()


def _suggested(client, user, typed: str, as_of: str = "2020-01-01") -> list[dict]:
    client.force_login(user)
    response = client.get("/can-bo/goi-y/", {"q": typed, "as_of": as_of})
    assert response.status_code == 200
    return response.json()["goi_y"]


def test_typed_without_diacritics_finds_the_name_with_the_post(small, client):
    btc = small.user("btc", "btc")
    hits = _suggested(client, btc, "nguyen thi dao")
    post = "Bí thư Huyện ủy, Huyện ủy Đức Trọng"
    assert hits == [{"ma": "DT1", "ho_ten": "Nguyễn Thị Đào", "cong_tac": post}]
    assert [hit["ma"] for hit in _suggested(client, btc, "kho")] == []  # an ethnicity is not a name
    assert [hit["ma"] for hit in _suggested(client, btc, "dt1")] == ["DT1"]


def test_whole_words_first_and_nothing_below_two_letters(small, client):
    btc = small.user("btc", "btc")
    assert _suggested(client, btc, "h") == []
    hits = [hit["ma"] for hit in _suggested(client, btc, "hoa")]
    assert hits[0] == "SNV1"  # Lê Thị Hoa: a whole word; Hoàng Thị Mai: the start of one
    assert "HOI" in hits


def test_only_the_scope_and_only_those_holding_a_post(small, client):
    hr = small.user("hr", "unit_hr", "HU-DT")
    assert _suggested(client, hr, "pham quoc huy") == []  # Sở Nội vụ: outside Đức Trọng
    assert _suggested(client, hr, "do van cu") == []  # left in 2015
    assert [hit["ma"] for hit in _suggested(client, hr, "do van cu", "2015-06-30")] == ["OLD"]


def test_at_most_ten(small, client):
    system = system_actor()
    for n in range(SUGGESTED + 2):
        cadre = cadre_create(actor=system, code=f"TEST{n}", full_name=f"Trần Văn Thử {n}",
                             birth_date=dt.date(1980, 1, 1), gender="nam", category="cong_chuc")
        holding_add(actor=system, cadre=cadre, unit=small.units["HU-DT"], position_type=small.types["CV"],
                    valid_from=dt.date(2015, 1, 1))
    assert len(_suggested(client, small.user("btc", "btc"), "tran van thu")) == SUGGESTED
