"""A record viewed as of a past date shows what stood then, and only to whom the cadre was in scope then.

A cadre moved out of Đức Trọng in 2018: the district's HR officer no longer sees them today, may
still read their record as of 2017 (it was theirs), and that record holds nothing from after 2017.
"""

import datetime as dt

import pytest
from django.urls import reverse

from canbo.accounts.models import Role
from canbo.accounts.system import system_actor
from canbo.accounts.tokens import api_token_create
from canbo.people import services

pytestmark = pytest.mark.django_db

PAST = dt.date(2017, 6, 30)
TODAY = dt.date(2024, 1, 1)


@pytest.fixture
def moved_cadre(small_province):
    system = system_actor()
    units, types = small_province.units, small_province.types
    person = services.cadre_create(
        actor=system, code="MOV", full_name="Bùi Văn Chuyển", birth_date=dt.date(1978, 2, 2), gender="nam",
        category="cong_chuc", party_member=True, party_join_date=dt.date(2019, 5, 19),
    )
    services.holding_add(actor=system, cadre=person, unit=units["UB-DT"], position_type=types["CV"],
                         valid_from=dt.date(2010, 1, 1), valid_to=dt.date(2017, 12, 31))
    services.holding_add(actor=system, cadre=person, unit=units["SNV"], position_type=types["GD-SO"],
                         valid_from=dt.date(2018, 1, 1))
    services.qualification_add(actor=system, cadre=person, kind="chuyen_mon", level="dai_hoc",
                               obtained_on=dt.date(2005, 6, 1))
    services.qualification_add(actor=system, cadre=person, kind="chuyen_mon", level="thac_si",
                               obtained_on=dt.date(2019, 6, 1))
    services.evaluation_add(actor=system, cadre=person, year=2016, rating="tot")
    services.evaluation_add(actor=system, cadre=person, year=2017, rating="tot")
    services.evaluation_add(actor=system, cadre=person, year=2021, rating="xuat_sac")
    services.planning_add(actor=system, cadre=person, position_type=types["GD-SO"], term_start=2015,
                          term_end=2020, approved_on=dt.date(2016, 6, 1))
    services.planning_add(actor=system, cadre=person, position_type=types["GD-SO"], term_start=2020,
                          term_end=2025, approved_on=dt.date(2019, 6, 1))
    services.discipline_add(actor=system, cadre=person, form="Khiển trách", decided_on=dt.date(2022, 3, 1))
    services.movement_add(actor=system, cadre=person, kind="dieu_dong", from_unit=units["UB-DT"],
                          to_unit=units["SNV"], valid_from=dt.date(2018, 1, 1), decision_no="45-QĐ/TU")
    return person


def test_out_of_scope_today_is_not_found_today(client_as, moved_cadre):
    client = client_as("hr", role=Role.UNIT_HR, scope_unit="HU-DT")
    response = client.get(reverse("people:cadre_detail", args=["MOV"]), {"as_of": TODAY.isoformat()})
    assert response.status_code == 404


def test_the_past_record_shows_only_what_stood_then(client_as, moved_cadre):
    client = client_as("hr", role=Role.UNIT_HR, scope_unit="HU-DT")
    response = client.get(reverse("people:cadre_detail", args=["MOV"]), {"as_of": PAST.isoformat()})
    assert response.status_code == 200
    record = response.context["record"]
    assert [(h.unit.code, h.ended_on) for h in record.holdings] == [("UB-DT", None)]
    assert [q.level for q in record.qualifications] == ["dai_hoc"]
    assert [e.year for e in record.evaluations] == [2017, 2016]
    assert [p.term_start for p in record.planning] == [2015]
    assert record.disciplines == [] and record.movements == []
    assert (record.party_member, record.party_join_date) == (False, None)
    page = response.content.decode()
    for later in ("Sở Nội vụ", "thac_si", "Thạc sĩ", "2021", "2022", "45-QĐ/TU", "31/12/2017", "19/05/2019"):
        assert later not in page, later


def test_the_past_record_from_the_api_holds_nothing_later(moved_cadre, small_province, client):
    _token, key = api_token_create(actor=system_actor(),
                                   user=small_province.user("hr", Role.UNIT_HR, "HU-DT"))
    auth = {"HTTP_AUTHORIZATION": f"Bearer {key}"}
    assert client.get("/api/can-bo/MOV", {"as_of": TODAY.isoformat()}, **auth).status_code == 404
    body = client.get("/api/can-bo/MOV", {"as_of": PAST.isoformat()}, **auth).json()
    assert [(h["ma_don_vi"], h["den_ngay"]) for h in body["cong_tac"]] == [("UB-DT", None)]
    assert [q["bac"] for q in body["trinh_do"]] == ["dai_hoc"]
    assert [e["nam"] for e in body["danh_gia"]] == [2017, 2016]
    assert [p["nhiem_ky_tu"] for p in body["quy_hoach"]] == [2015]
    assert body["ky_luat"] == [] and body["luan_chuyen"] == []
    assert body["dang_vien"] is False and body["ngay_vao_dang"] is None
    listed = client.get("/api/can-bo/", {"as_of": PAST.isoformat(), "q": "MOV"}, **auth).json()["items"]
    assert [p["den_ngay"] for p in listed[0]["chuc_danh"]] == [None]


def test_today_the_record_shows_every_history_with_its_ends(client_as, moved_cadre):
    client = client_as("snv", role=Role.SNV)
    response = client.get(reverse("people:cadre_detail", args=["MOV"]), {"as_of": TODAY.isoformat()})
    record = response.context["record"]
    ended = [(h.unit.code, h.ended_on) for h in record.holdings]
    assert ended == [("SNV", None), ("UB-DT", dt.date(2017, 12, 31))]
    assert len(record.qualifications) == 2 and len(record.evaluations) == 3 and len(record.movements) == 1
    assert record.party_member and record.party_join_date == dt.date(2019, 5, 19)
