"""A standard, a parameter or a unit changed today leaves every earlier review as it was."""

import datetime as dt
import io
import json

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from canbo.accounts.models import Role, User
from canbo.audit.models import AuditEvent
from canbo.core.dates import today
from canbo.org.services import standard_version_create, unit_close
from canbo.org.standards import position_standard, rank_standard
from canbo.people.models import Cadre
from canbo.people.units import tree_rows, unit_tree
from canbo.reports.selectors import eligibility
from canbo.reports.tests.builders import Province
from canbo.rules import engine
from canbo.rules.models import Parameter
from canbo.rules.services import parameter_version_create

pytestmark = pytest.mark.django_db
EARLY = dt.date(2017, 6, 30)


def _review(as_of: dt.date) -> dict:
    out = io.StringIO()
    call_command("review", "--as-of", as_of.isoformat(), "--json", stdout=out)
    return json.loads(out.getvalue())


def _facts(as_of: dt.date) -> dict:
    return engine.facts_of(engine.context_for(as_of), list(Cadre.objects.values_list("id", flat=True)))


def _tree(actor, as_of: dt.date) -> list:
    return [
        (node.unit.code, node.direct, node.subtree)
        for kind, node, _d in tree_rows(unit_tree(actor=actor, as_of=as_of))
        if node
    ]


@pytest.fixture
def world():
    province = Province()
    head = province.cadre(code="TP1", birth=dt.date(1975, 1, 1))
    province.hold(head, province.truong_phong)
    ranked = province.cadre(code="CV1", birth=dt.date(1980, 1, 1), rank=province.ngach_cv)
    province.hold(ranked, province.nhan_vien)
    young = province.cadre(code="TRE", birth=dt.date(1995, 1, 1))
    province.hold(young, province.truong_phong, start=dt.date(2016, 1, 1))
    district = province.cadre(code="DL1", birth=dt.date(1978, 1, 1))
    province.hold(district, province.nhan_vien, unit=province.hu_dl)
    btc = User.objects.create_user(username="btc", password="x-very-long-1", role=Role.BTC)
    return province, btc


def test_changes_made_today_leave_2017_unchanged_and_change_today(world):
    province, btc = world
    now = today()
    before = (_review(EARLY), _facts(EARLY), eligibility(cadre=Cadre.objects.get(code="TRE"), as_of=EARLY))
    today_before = _review(now)
    young_today = eligibility(cadre=Cadre.objects.get(code="TRE"), as_of=now)["chuong_trinh"]
    assert "tre" in young_today[0]["uu_tien"] and young_today[0]["ma"] == "cao_cap_llct"

    standard_version_create(
        actor=btc,
        position_type=province.truong_phong,
        valid_from=now,
        reason="Quy định mới",
        decision="QĐ 99-QĐ/TU",
        req_llct=2,
    )
    standard_version_create(
        actor=btc,
        rank=province.ngach_cv,
        valid_from=now,
        reason="Bỏ yêu cầu",
        decision="TT 6/2024",
        req_ngoai_ngu=0,
        req_tin_hoc=0,
    )
    parameter_version_create(
        actor=btc,
        parameter=Parameter.objects.get(key="tuoi_tre"),
        value=30,
        valid_from=now,
        reason="Kế hoạch mới",
        decision="KH 12-KH/TU",
    )

    after = (_review(EARLY), _facts(EARLY), eligibility(cadre=Cadre.objects.get(code="TRE"), as_of=EARLY))
    assert after == before
    today_after = _review(now)
    assert today_after != today_before
    assert today_after["thieu_cao_cap_llct"] == today_before["thieu_cao_cap_llct"] - 2
    assert today_after["thieu_trung_cap_llct"] == today_before["thieu_trung_cap_llct"] + 2
    assert today_after["thieu_ngoai_ngu_tin_hoc"] == today_before["thieu_ngoai_ngu_tin_hoc"] - 1
    young_now = eligibility(cadre=Cadre.objects.get(code="TRE"), as_of=now)["chuong_trinh"][0]
    assert young_now["ma"] == "trung_cap_llct" and "tre" not in young_now["uu_tien"]
    assert position_standard(province.truong_phong, EARLY)["llct"] == 3
    assert position_standard(province.truong_phong, now)["llct"] == 2
    assert rank_standard(province.ngach_cv, now - dt.timedelta(days=1))["ngoai_ngu"] == 2
    event = AuditEvent.objects.get(action="standard_version_create", object_type="org.PositionType")
    assert event.before["req_llct"] == 3 and event.after["req_llct"] == 2


def test_closing_a_unit_today_leaves_the_2017_tree_and_review(world):
    province, btc = world
    now = today()
    early_tree, early_review = _tree(btc, EARLY), _review(EARLY)
    assert any(code == "HU-DL" for code, _n, _s in early_tree)
    with pytest.raises(ValidationError):  # a unit with an open child is not closed alone
        unit_close(actor=btc, unit=province.hu_dt, closed_on=now)
    unit_close(actor=btc, unit=province.hu_dl, closed_on=now - dt.timedelta(days=1), successor=province.hu_dt)
    assert _tree(btc, EARLY) == early_tree and _review(EARLY) == early_review
    assert not any(code == "HU-DL" for code, _n, _s in _tree(btc, now))
    province.hu_dl.refresh_from_db()
    assert province.hu_dl.successor == province.hu_dt
    assert AuditEvent.objects.get(action="unit_close").after == {
        "valid_to": (now - dt.timedelta(days=1)).isoformat(),
        "successor": "HU-DT",
    }


def test_standard_and_unit_changes_need_the_catalogue_capability(world):
    province, _btc = world
    school = User.objects.create_user(username="truong", password="x-very-long-1", role=Role.SCHOOL)
    with pytest.raises(PermissionDenied):
        standard_version_create(
            actor=school, position_type=province.truong_phong, valid_from=today(), reason="x", decision="y"
        )
    with pytest.raises(PermissionDenied):
        unit_close(actor=school, unit=province.hu_dl, closed_on=today())


def test_a_standard_version_must_follow_the_one_in_force(world):
    province, btc = world
    standard_version_create(
        actor=btc,
        position_type=province.pho_phong,
        valid_from=dt.date(2020, 1, 1),
        reason="a",
        decision="b",
        req_llct=3,
    )
    with pytest.raises(ValidationError):
        standard_version_create(
            actor=btc,
            position_type=province.pho_phong,
            valid_from=dt.date(2019, 1, 1),
            reason="a",
            decision="b",
        )
    with pytest.raises(ValidationError):  # a rank requires no LLCT
        standard_version_create(
            actor=btc,
            rank=province.ngach_cv,
            valid_from=dt.date(2020, 1, 1),
            reason="a",
            decision="b",
            req_llct=2,
        )
    assert province.pho_phong.standards.get(valid_from__isnull=True).valid_to == dt.date(2019, 12, 31)
    assert province.pho_phong.standards.get(valid_from=dt.date(2020, 1, 1)).valid_to is None


def test_a_rule_absent_from_the_set_in_force_does_not_run_and_says_so(world, client):
    from django.urls import reverse

    from canbo.rules.models import RuleSet
    from canbo.rules.services import rule_set_copy

    _province, btc = world
    copy = rule_set_copy(
        actor=btc,
        source=RuleSet.objects.get(code="KH-2017-2020"),
        code="KH-2021-2025",
        name="2021–2025",
        valid_from=dt.date(2021, 1, 1),
    )
    copy.rules.filter(code="thieu_qlnn").delete()
    assert _review(EARLY)["thieu_qlnn"] == 3
    assert _review(dt.date(2022, 6, 30))["thieu_qlnn"] == 0
    client.force_login(btc)
    page = client.get(reverse("reports:review"), {"as_of": "2022-06-30"}).content.decode()
    assert "quy tắc thieu_qlnn không có trong bộ quy tắc đang áp dụng" in page


def test_the_rules_page_shows_each_standard_in_force_and_its_history(world, client):
    province, btc = world
    standard_version_create(
        actor=btc,
        position_type=province.truong_phong,
        valid_from=dt.date(2020, 1, 1),
        reason="Quy định mới",
        decision="QĐ 99-QĐ/TU",
        req_llct=2,
    )
    client.force_login(btc)
    from django.urls import reverse

    early = client.get(reverse("rules:list"), {"as_of": "2017-06-30"})
    entry = next(s for s in early.context["standards"] if s["holder"] == province.truong_phong)
    assert entry["in_force"].valid_from is None and len(entry["history"]) == 2
    later = client.get(reverse("rules:list"), {"as_of": "2021-06-30"})
    entry = next(s for s in later.context["standards"] if s["holder"] == province.truong_phong)
    assert entry["in_force"].req_llct == 2
    text = later.content.decode()
    assert "Quy định mới" in text and "QĐ 99-QĐ/TU" in text and "LLCT trung cấp" in text


def test_a_new_standard_through_the_page_with_confirmation(world, client):
    from django.urls import reverse

    province, btc = world
    url = reverse("rules:standard_version_new", args=["chuc-danh", "TP"])
    client.force_login(btc)
    page = client.get(url)
    assert page.status_code == 200 and page.context["form"].initial["req_llct"] == 3
    form = {
        "valid_from": "01/01/2030",
        "reason": "Quy định mới",
        "decision": "QĐ 1-QĐ/TU",
        "req_llct": "2",
        "req_chuyen_mon": "3",
        "req_qlnn": "1",
        "req_ngoai_ngu": "0",
        "req_tin_hoc": "0",
        "source": "QĐ 1",
    }
    confirm = client.post(url, form)
    assert confirm.context["confirming"] and province.truong_phong.standards.count() == 1
    assert client.post(url, {**form, "xac_nhan": "1"}).status_code == 302
    assert position_standard(province.truong_phong, dt.date(2030, 1, 1))["llct"] == 2
    assert position_standard(province.truong_phong, dt.date(2029, 12, 31))["llct"] == 3
    again = client.post(url, {**form, "valid_from": "01/01/2029", "xac_nhan": "1"}).content.decode()
    assert "phải áp dụng sau ngày 01/01/2030" in again
    rank_page = client.get(reverse("rules:standard_version_new", args=["ngach", "01.003"]))
    assert "req_llct" not in rank_page.context["form"].fields
    assert client.get(reverse("rules:standard_version_new", args=["khac", "TP"])).status_code == 404
    school = User.objects.create_user(username="truong", password="x-very-long-1", role=Role.SCHOOL)
    client.force_login(school)
    assert client.get(url).status_code == 403


def test_a_dates_rules_context_is_kept_across_writes_to_records_not_across_a_parameter(small_province):
    day = dt.date(2019, 6, 30)
    first = engine.context_for(day)
    Cadre.objects.filter(pk=small_province.cadres["PL1"].pk).update(full_name="Nguyễn Văn Ấn")
    with CaptureQueriesContext(connection) as asked:
        assert engine.context_for(day) == first
    assert [query["sql"] for query in asked.captured_queries if "rules_" in query["sql"]] == []
    btc = small_province.user("btc", Role.BTC)
    parameter = Parameter.objects.get(rule_set__code="KH-2017-2020", key="tuoi_tre")
    parameter_version_create(
        actor=btc, parameter=parameter, value=36, valid_from=dt.date(2019, 1, 1), reason="Điều chỉnh",
        decision="QĐ 1/2024",
    )
    assert engine.context_for(day) != first
