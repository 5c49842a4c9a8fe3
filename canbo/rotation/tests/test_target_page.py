"""The rotation target page: the figures of `canbo rotation-target` within the user's scope, the
people behind each figure, the chart by year, bad dates named, and the export."""

import datetime as dt

import pytest

from canbo.accounts.models import Role, User
from canbo.accounts.testing import PASSWORD
from canbo.rotation.tests.test_target import _move
from canbo.rotation.tests.world import World

pytestmark = pytest.mark.django_db
PERIOD = {"tu_ngay": "01/01/2018", "den_ngay": "31/12/2020"}


@pytest.fixture
def w():
    return World()


def _user(username, role, scope_unit=None):
    return User.objects.create_user(username=username, password=PASSWORD, role=role, scope_unit=scope_unit)


def _province(w):
    """Two provincial cadres in the base (one rotated to Đức Trọng), one district cadre rotated up."""
    down = w.person(w.tinh_uy, w.uy_vien, planned=False)
    _move(down, w.tinh_uy, w.hu_dt, dt.date(2019, 6, 1))
    stays = w.person(w.tinh_uy, w.uy_vien, planned=False)
    up = w.person(w.hu_dt, w.truong_phong)
    _move(up, w.hu_dt, w.tinh_uy, dt.date(2020, 2, 1))
    return down, stays, up


def _figure(page, key):
    text = page.content.decode()
    start = text.index(f'data-figure="{key}"')
    return text[start : text.index("</a>", start)].split('figure-value">')[1].split("<")[0]


def test_the_page_shows_both_directions_and_the_people_behind_a_figure(w, client):
    down, stays, up = _province(w)
    client.force_login(_user("btc", Role.BTC))
    page = client.get("/chi-tieu-luan-chuyen/", PERIOD)
    assert page.status_code == 200
    assert (_figure(page, "tinh_xuong_huyen-co_so"), _figure(page, "tinh_xuong_huyen-da_luan_chuyen")) == (
        "2",
        "1",
    )
    assert _figure(page, "huyen_len_tinh-da_luan_chuyen") == "1"
    assert "50,0%" in page.content.decode() and "100,0%" in page.content.decode()
    behind = client.get(
        "/chi-tieu-luan-chuyen/", {**PERIOD, "chieu": "tinh_xuong_huyen", "nhom": "da_luan_chuyen"}
    )
    text = behind.content.decode()
    assert down.code in text and stays.code not in text and up.code not in text
    assert "01/06/2019: Huyện ủy Đức Trọng" in text
    base = client.get("/chi-tieu-luan-chuyen/", {**PERIOD, "chieu": "tinh_xuong_huyen", "nhom": "co_so"})
    assert down.code in base.content.decode() and stays.code in base.content.decode()
    export = client.get(
        "/chi-tieu-luan-chuyen/", {**PERIOD, "chieu": "tinh_xuong_huyen", "nhom": "co_so", "xuat": "xlsx"}
    )
    assert export["Content-Type"].startswith("application/vnd")


def test_the_chart_has_a_bar_per_year_and_direction_reaching_the_final_rate(w, client):
    _province(w)
    client.force_login(_user("btc", Role.BTC))
    text = client.get("/chi-tieu-luan-chuyen/", PERIOD).content.decode()
    chart = text[
        text.index('class="bars progress"') : text.index("</table>", text.index('class="bars progress"'))
    ]
    assert (
        chart.count('<tr class="tinh_xuong_huyen">') == 3 and chart.count('<tr class="huyen_len_tinh">') == 3
    )
    values = [cell.split("%")[0] for cell in chart.split('bar-value">')[1:]]
    assert values == ["0,0", "0,0", "50,0", "0,0", "50,0", "100,0"]  # 2018, 2019, 2020 × both directions


def test_a_district_officer_counts_only_their_scope(w, client):
    _province(w)
    client.force_login(_user("hr", Role.UNIT_HR, w.hu_dt))
    page = client.get("/chi-tieu-luan-chuyen/", PERIOD)
    assert _figure(page, "tinh_xuong_huyen-co_so") == "0"  # provincial cadres are outside Đức Trọng
    assert _figure(page, "huyen_len_tinh-co_so") == "1"


def test_a_bad_period_is_named_and_a_role_without_the_capability_is_refused(w, client):
    client.force_login(_user("btc", Role.BTC))
    bad = client.get("/chi-tieu-luan-chuyen/", {"tu_ngay": "01/01/2020", "den_ngay": "31/12/2019"})
    assert "Ngày cuối phải từ ngày đầu trở đi." in bad.content.decode()
    assert "data-figure" not in bad.content.decode()
    client.force_login(_user("school", Role.SCHOOL))
    assert client.get("/chi-tieu-luan-chuyen/", PERIOD).status_code == 403


def test_without_a_period_the_rule_set_s_period_up_to_the_date_viewed_is_used(w, client):
    _province(w)
    client.force_login(_user("btc", Role.BTC))
    page = client.get("/chi-tieu-luan-chuyen/", {"as_of": "30/06/2019"})
    assert 'value="01/01/2017"' in page.content.decode() and 'value="30/06/2019"' in page.content.decode()
    assert _figure(page, "tinh_xuong_huyen-da_luan_chuyen") == "1"  # rotated 01/06/2019
