"""`canbo vacancies` (SPEC §10), the API and the pages of posts and proposals."""

import datetime as dt
import json

import pytest
from django.core.management import call_command

from canbo.accounts.models import Role, User
from canbo.accounts.testing import PASSWORD
from canbo.rotation.tests.world import World

pytestmark = pytest.mark.django_db


@pytest.fixture
def w():
    return World()


def _vacancies(capsys, *args):
    call_command("vacancies", *args, "--json")
    return json.loads(capsys.readouterr().out)["khuyet"]


def test_seats_add_up_over_overlapping_rows_with_both_ends_inclusive(w, capsys):
    w.post(w.hu_dt, w.truong_phong, 2, None, None)
    w.post(w.hu_dt, w.truong_phong, 1, dt.date(2018, 1, 1), dt.date(2018, 12, 31))
    holder = w.person(w.hu_dt, w.truong_phong)
    w.person(w.hu_dt, w.truong_phong, birth=dt.date(1950, 1, 1))  # retired: not a holder
    w.hold(holder, w.pho_phong, w.hu_dt)  # holding another type does not count twice
    entry = {"ma_don_vi": "HU-DT", "ma_chuc_danh": "TP", "so_luong": 3, "dang_giu": 1, "khuyet": 2}
    assert _vacancies(capsys, "--as-of", "2018-01-01") == [entry]
    assert _vacancies(capsys, "--as-of", "2018-12-31") == [entry]
    assert _vacancies(capsys, "--as-of", "2019-01-01") == [{**entry, "so_luong": 2, "khuyet": 1}]
    assert _vacancies(capsys, "--as-of", "2017-12-31")[0]["so_luong"] == 2


def test_seats_with_no_holders_filters_and_sorting(w, capsys):
    w.post(w.so_nv, w.truong_phong, 1, dt.date(2015, 1, 1))
    w.post(w.hu_dl, w.bi_thu, 1)
    w.post(w.hu_dt, w.bi_thu, 1, None, dt.date(2017, 12, 31))  # ended before D
    w.post(w.ub_dt, w.pho_phong, 2)
    w.person(w.ub_dt, w.pho_phong)
    w.person(w.ub_dt, w.pho_phong)  # full: no vacancy
    codes = [(e["ma_don_vi"], e["ma_chuc_danh"]) for e in _vacancies(capsys, "--as-of", "2018-06-30")]
    assert codes == [("HU-DL", "BT-HU"), ("SNV", "TP")]
    assert _vacancies(capsys, "--as-of", "2018-06-30", "--key-only") == [
        {"ma_don_vi": "HU-DL", "ma_chuc_danh": "BT-HU", "so_luong": 1, "dang_giu": 0, "khuyet": 1}
    ]
    assert _vacancies(capsys, "--as-of", "2018-06-30", "--unit", "TU") == _vacancies(
        capsys, "--as-of", "2018-06-30", "--unit", "HU-DL"
    )
    assert _vacancies(capsys, "--as-of", "2014-12-31", "--unit", "SNV") == []
    with pytest.raises(Exception, match="NOWHERE"):
        call_command("vacancies", "--as-of", "2018-06-30", "--unit", "NOWHERE")


def _user(username, role, scope_unit=None):
    return User.objects.create_user(username=username, password=PASSWORD, role=role, scope_unit=scope_unit)


def test_api_checks_in_scope_and_answers_404_out_of_scope(w, client):
    inside = w.person(w.hu_dt, w.truong_phong)
    outside = w.person(w.so_nv, w.truong_phong)
    w.post(w.hu_dt, w.bi_thu)
    client.force_login(_user("hr", Role.UNIT_HR, w.hu_dt))
    query = {
        "loai": "luan_chuyen",
        "den_don_vi": "HU-DL",
        "chuc_danh": "TP",
        "tu_ngay": "2018-01-01",
        "den_ngay": "2020-12-31",
    }
    answer = client.get("/api/luan-chuyen/kiem-tra-de-xuat", {**query, "ma_can_bo": inside.code})
    assert answer.status_code == 200, answer.content
    assert list(answer.json()) == [
        "hop_le",
        "vi_pham",
        "canh_bao",
        "tu_don_vi",
        "huong",
        "tham_quyen",
        "ho_tro_mot_lan",
    ]
    assert answer.json()["tu_don_vi"] == "HU-DT"
    assert (
        client.get("/api/luan-chuyen/kiem-tra-de-xuat", {**query, "ma_can_bo": outside.code}).status_code
        == 404
    )
    vacancies = client.get("/api/luan-chuyen/vi-tri-khuyet", {"ngay": "2018-01-01"}).json()
    assert vacancies == {
        "khuyet": [{"ma_don_vi": "HU-DT", "ma_chuc_danh": "BT-HU", "so_luong": 1, "dang_giu": 0, "khuyet": 1}]
    }


def test_pages_list_vacancies_and_explain_a_proposal(w, client):
    w.post(w.hu_dl, w.bi_thu)
    cadre = w.person(w.so_nv, w.truong_phong, hometown=w.di_linh)
    client.force_login(_user("btc", Role.BTC))
    page = client.get("/vi-tri-khuyet/", {"as_of": "01/01/2018"})
    assert page.status_code == 200
    html = page.content.decode()
    # Ban Tổ chức drafts proposals: each vacancy links to a proposal for it; a reader's to its check.
    assert "Huyện ủy Di Linh" in html and "/de-xuat/moi/?den_don_vi=HU-DL" in html
    client.force_login(_user("btv", Role.BTV))
    read = client.get("/vi-tri-khuyet/", {"as_of": "01/01/2018"}).content.decode()
    assert "/kiem-tra-de-xuat/?den_don_vi=HU-DL" in read
    record = client.get(f"/can-bo/{cadre.code}/").content.decode()  # a reader checks, from the record too
    assert f"/kiem-tra-de-xuat/?ma_can_bo={cadre.code}" in record and "/de-xuat/moi/" not in record
    client.force_login(_user("btc2", Role.BTC))
    assert client.get("/vi-tri-khuyet/", {"xuat": "xlsx"})["Content-Type"].startswith("application/vnd")
    result = client.get(
        "/kiem-tra-de-xuat/",
        {
            "ma_can_bo": cadre.code,
            "loai": "luan_chuyen",
            "den_don_vi": "HU-DL",
            "chuc_danh": "BT-HU",
            "tu_ngay": "01/01/2018",
            "den_ngay": "31/12/2020",
        },
    ).content.decode()
    result = result.split('id="ket-qua"')[1]  # the result, after the form and its suggestions
    assert "N1_nguoi_dia_phuong" in result and "I.3" in result and "Đức Trọng" not in result
    assert "Ban Thường vụ Tỉnh ủy" in result and "III.2.4" in result
    assert f"{w.so_nv.name} <span class=\"muted\">({w.so_nv.code})</span>" in result  # the unit left, by name
    bad = client.get(
        "/kiem-tra-de-xuat/",
        {
            "ma_can_bo": "KHONG",
            "loai": "luan_chuyen",
            "den_don_vi": "HU-DL",
            "chuc_danh": "BT-HU",
            "tu_ngay": "01/01/2018",
        },
    ).content.decode()
    assert "KHONG" in bad and "Không có cán bộ" in bad
    # From a record, the cadre is filled in and nothing is checked until the form is sent; the unit and
    # type fields suggest every unit and type by code and name.
    from_record = client.get("/kiem-tra-de-xuat/", {"ma_can_bo": cadre.code}).content.decode()
    assert f'value="{cadre.code}"' in from_record and "form-error" not in from_record
    assert 'id="ket-qua"' not in from_record and "bắt buộc" not in from_record
    assert 'list="danh-muc-don_vi"' in from_record and 'list="danh-muc-chuc_danh"' in from_record
    assert '<option value="HU-DL">Huyện ủy Di Linh</option>' in from_record
    assert '<option value="BT-HU">' in from_record
    client.force_login(_user("school", Role.SCHOOL))
    assert client.get("/kiem-tra-de-xuat/").status_code == 403
    assert client.get("/vi-tri-khuyet/").status_code == 403


def test_api_refuses_a_role_without_the_capability(w, client):
    client.force_login(_user("school", Role.SCHOOL))
    assert client.get("/api/luan-chuyen/vi-tri-khuyet", {"ngay": "2018-01-01"}).status_code == 403
