"""The personal history form's data on the record: shown as it stood at the date viewed, only to
those whose scope covers the cadre, and every view of the record is in the audit log."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from canbo.accounts.models import Role
from canbo.accounts.system import system_actor
from canbo.accounts.tokens import api_token_create
from canbo.audit.models import AuditEvent
from canbo.audit.render import summary
from canbo.org.services import rank_create
from canbo.people import services

pytestmark = pytest.mark.django_db

PAST = dt.date(2017, 6, 30)
TODAY = dt.date(2024, 1, 1)
PERSONAL_ID = "068078001122"


@pytest.fixture
def person(small_province):
    """In Đức Trọng's People's Committee until 2017, in the Department of Home Affairs since 2018."""
    system = system_actor()
    units, types = small_province.units, small_province.types
    cadre = services.cadre_create(
        actor=system, code="HS", full_name="Lương Văn Sử", birth_date=dt.date(1978, 2, 2), gender="nam",
        category="cong_chuc", party_member=True, party_join_date=dt.date(2015, 5, 19),
        party_official_date=dt.date(2018, 5, 19), personal_id=PERSONAL_ID, other_names="Ba Sử",
        religion="Phật giáo",
    )
    services.holding_add(actor=system, cadre=cadre, unit=units["UB-DT"], position_type=types["CV"],
                         valid_from=dt.date(2010, 1, 1), valid_to=dt.date(2017, 12, 31))
    services.holding_add(actor=system, cadre=cadre, unit=units["SNV"], position_type=types["GD-SO"],
                         valid_from=dt.date(2018, 1, 1))
    services.residence_add(actor=system, cadre=cadre, kind="thuong_tru", address="Thôn 2, xã Hiệp Thạnh",
                           valid_from=dt.date(1978, 2, 2))
    services.residence_add(actor=system, cadre=cadre, kind="hien_nay", address="Thị trấn Liên Nghĩa",
                           valid_from=dt.date(2010, 1, 1), valid_to=dt.date(2018, 12, 31))
    services.residence_add(actor=system, cadre=cadre, kind="hien_nay", address="Số 9 đường Trần Phú, Đà Lạt",
                           valid_from=dt.date(2019, 1, 1))
    services.award_add(actor=system, cadre=cadre, form="Giấy khen", decided_on=dt.date(2016, 3, 1),
                       decided_by="Chủ tịch UBND huyện", decision_no="77/QĐ-UBND")
    services.award_add(actor=system, cadre=cadre, form="Bằng khen", decided_on=dt.date(2022, 4, 1),
                       decided_by="Chủ tịch UBND tỉnh", decision_no="901/QĐ-UBND")
    rank = rank_create(actor=system, code="01.003", name="Chuyên viên")
    for step, coefficient, start in ((3, "3.00", 2014), (4, "3.33", 2017), (5, "3.66", 2020)):
        services.salary_step_add(actor=system, cadre=cadre, rank=rank, step=step,
                                 coefficient=Decimal(coefficient), valid_from=dt.date(start, 1, 1))
    services.family_member_add(actor=system, cadre=cadre, relation="bo", full_name="Lương Văn Cha",
                               birth_year=1950, occupation="Làm ruộng")
    services.family_member_add(actor=system, cadre=cadre, relation="con", full_name="Lương Thị Hậu",
                               birth_year=2020)
    return cadre


def _page(client, as_of):
    return client.get(reverse("people:cadre_detail", args=["HS"]), {"as_of": as_of.isoformat()})


def test_each_write_is_an_audit_event_in_words(person):
    words = [summary(e) for e in AuditEvent.objects.filter(cadre_code="HS").order_by("id")]
    assert "HS: Thường trú tại Thôn 2, xã Hiệp Thạnh từ 02/02/1978" in words
    assert "HS: khen thưởng Bằng khen ngày 01/04/2022" in words
    assert "HS: ngạch 01.003 bậc 5, hệ số 3.66 từ 01/01/2020" in words
    assert "HS: thêm Con Lương Thị Hậu" in words


def test_the_model_refuses_a_bad_id_a_second_holder_and_an_early_official_date(person):
    common = {"actor": system_actor(), "full_name": "Hà Văn Khác", "birth_date": dt.date(1980, 1, 1),
              "gender": "nam", "category": "cong_chuc"}
    with pytest.raises(ValidationError, match="12 chữ số"):
        services.cadre_create(code="X1", personal_id="12345", **common)
    with pytest.raises(ValidationError):
        services.cadre_create(code="X2", personal_id=PERSONAL_ID, **common)
    with pytest.raises(ValidationError, match="trước ngày vào Đảng"):
        services.cadre_create(code="X3", party_member=True, party_join_date=dt.date(2010, 1, 1),
                              party_official_date=dt.date(2009, 12, 31), **common)
    services.cadre_create(code="X4", **common)
    services.cadre_create(code="X5", **common)  # many cadres without a number


def test_the_record_shows_what_stood_at_the_date(client_as, person):
    client = client_as("btv", role=Role.BTV)
    past = _page(client, PAST)
    record = past.context["record"]
    assert [(r.address, r.ended_on, r.in_force) for r in record.residences if r.kind == "hien_nay"] == [
        ("Thị trấn Liên Nghĩa", None, True)]
    assert [a.decision_no for a in record.awards] == ["77/QĐ-UBND"]
    assert [(s.step, s.in_force) for s in record.salary_steps] == [(4, True), (3, False)]
    assert [f.full_name for f in record.family] == ["Lương Văn Cha"]
    assert record.party_official_date is None
    html = past.content.decode()
    for heading in ("Nơi ở", "Khen thưởng", "Quá trình lương", "Quan hệ gia đình", "Tôn giáo"):
        assert f">{heading}<" in html, heading
    shown = (PERSONAL_ID, "Ba Sử", "Phật giáo", "Thị trấn Liên Nghĩa", "77/QĐ-UBND", "3,33", "Lương Văn Cha")
    for text in shown:
        assert text in html, text
    for later in ("Trần Phú", "901/QĐ-UBND", "3,66", "Lương Thị Hậu", "19/05/2018", "31/12/2018"):
        assert later not in html, later

    now = _page(client, TODAY).content.decode()
    for text in ("Trần Phú", "31/12/2018", "901/QĐ-UBND", "3,66", "Lương Thị Hậu",
                 "chính thức ngày 19/05/2018", "Đang ở", "Đang hưởng"):
        assert text in now, text


def test_out_of_scope_sees_nothing_and_every_view_is_logged(client_as, person):
    hr = client_as("hr", role=Role.UNIT_HR, scope_unit="HU-DT")
    views = AuditEvent.objects.filter(action="cadre_view", cadre_code="HS")
    assert _page(hr, TODAY).status_code == 404
    assert not views.exists()
    assert _page(hr, PAST).status_code == 200  # theirs in 2017
    assert views.get().actor.username == "hr"
    btv = client_as("btv", role=Role.BTV)
    _page(btv, TODAY)
    assert [e.actor.username for e in views.order_by("id")] == ["hr", "btv"]
    assert summary(views.last()) == "Xem hồ sơ cán bộ HS"


def test_the_api_gives_the_personal_history_only_in_scope(client, small_province, person):
    def auth(user):
        _token, key = api_token_create(actor=system_actor(), user=user)
        return {"HTTP_AUTHORIZATION": f"Bearer {key}"}

    hr = auth(small_province.user("hr", Role.UNIT_HR, "HU-DT"))
    views = AuditEvent.objects.filter(action="cadre_view", cadre_code="HS")
    out = client.get("/api/can-bo/HS", {"as_of": TODAY.isoformat()}, **hr)
    assert out.status_code == 404 and PERSONAL_ID not in out.content.decode()
    listed = client.get("/api/can-bo/", {"as_of": TODAY.isoformat()}, **hr).content.decode()
    assert "HS" not in listed and PERSONAL_ID not in listed
    assert not views.exists()

    body = client.get("/api/can-bo/HS", {"as_of": PAST.isoformat()}, **hr).json()
    assert views.count() == 1
    assert (body["so_dinh_danh"], body["ton_giao"]) == (PERSONAL_ID, "Phật giáo")
    assert body["ngay_chinh_thuc"] is None
    assert [r["dia_chi"] for r in body["noi_o"]] == ["Thị trấn Liên Nghĩa", "Thôn 2, xã Hiệp Thạnh"]
    assert [a["so_quyet_dinh"] for a in body["khen_thuong"]] == ["77/QĐ-UBND"]
    assert [(s["bac"], s["he_so"]) for s in body["luong"]] == [(4, "3.33"), (3, "3.00")]
    assert [f["quan_he"] for f in body["gia_dinh"]] == ["bo"]

    btv = auth(small_province.user("btv", Role.BTV))
    listed = client.get("/api/can-bo/", {"q": "HS"}, **btv).json()
    assert all("so_dinh_danh" not in item for item in listed["items"])
