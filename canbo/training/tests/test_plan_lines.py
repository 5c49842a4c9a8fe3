"""Lines of a plan: degree programmes take cadres eligible on 1 January of the plan's year (refused
with the rule and clause otherwise), T2 on LLCT lines, fostering by head count, cost estimates."""

import pytest
from django.core.exceptions import ValidationError

from canbo.accounts.models import Role
from canbo.audit.models import AuditEvent
from canbo.core.errors import NotFound
from canbo.rules.kh_2017_2020 import CODE
from canbo.training.models import PlanState as S
from canbo.training.models import Programme
from canbo.training.plan_lines import line_add, line_remove, parse_codes
from canbo.training.plans import plan_amend, plan_create
from canbo.training.services import programme_update
from canbo.workflow.services import transition

pytestmark = pytest.mark.django_db


@pytest.fixture
def users(small_province):
    return {name: small_province.user(name, role, unit) for name, role, unit in (
        ("hr_dt", Role.UNIT_HR, "HU-DT"), ("snv", Role.SNV, None), ("btc", Role.BTC, None),
        ("btv", Role.BTV, None))}


@pytest.fixture
def plans(small_province, users):
    return {
        "dt": plan_create(actor=users["hr_dt"], unit=small_province.units["HU-DT"], year=2018, content=""),
        "snv": plan_create(actor=users["snv"], unit=small_province.units["SNV"], year=2018, content=""),
    }


def _programme(code):
    return Programme.objects.get(rule_set__code=CODE, code=code)


def _refused(**kwargs) -> dict:
    with pytest.raises(ValidationError) as refused:
        line_add(**kwargs)
    return refused.value.message_dict


def test_an_eligible_cadre_goes_on_a_degree_line_with_the_cost_estimate(users, plans):
    programme_update(actor=users["snv"], programme=_programme("dai_hoc"), cost_full_time=40_000_000)
    line = line_add(actor=users["hr_dt"], plan=plans["dt"], programme=_programme("dai_hoc"),
                    mode="tap_trung", codes=["DT2"])
    assert line.headcount == 1 and [c.code for c in line.cadres.all()] == ["DT2"]
    assert (line.cost_each, line.cost_estimate) == (40_000_000, 40_000_000)
    event = AuditEvent.objects.get(action="plan_line_add")
    assert event.after["cadres"] == ["DT2"] and event.after["cost_estimate"] == 40_000_000


def test_a_cadre_who_is_not_eligible_is_refused_with_the_rule_and_clause(users, plans):
    problems = _refused(actor=users["hr_dt"], plan=plans["dt"], programme=_programme("cao_cap_llct"),
                        mode="tai_chuc", codes=["DT1"])
    [why] = problems["cadres"]
    assert why.startswith("Nguyễn Thị Đào (DT1) không đủ điều kiện “Cao cấp lý luận chính trị” ngày "
                          "01/01/2018 theo quy tắc T1 (III.1.1.a): không đạt ")
    assert not plans["dt"].lines.exists()


def test_t2_keeps_the_under_forty_on_full_time_llct_lines(users, plans):
    problems = _refused(actor=users["snv"], plan=plans["snv"], programme=_programme("cao_cap_llct"),
                        mode="tai_chuc", codes=["PL1", "SNV1"])
    assert problems["cadres"] == ["Võ Minh Khang (PL1) dưới 40 tuổi ngày 01/01/2018 nên phải học tập trung, "
                                  "không học tại chức (quy tắc T2, III.1.1.a)."]
    line_add(actor=users["snv"], plan=plans["snv"], programme=_programme("cao_cap_llct"), mode="tai_chuc",
             codes=["SNV1"])
    line_add(actor=users["snv"], plan=plans["snv"], programme=_programme("cao_cap_llct"), mode="tap_trung",
             codes=["PL1"])
    again = _refused(actor=users["snv"], plan=plans["snv"], programme=_programme("cao_cap_llct"),
                     mode="tap_trung", codes=["PL1"])
    assert again["cadres"] == ["Đã có trong kế hoạch cho chương trình này: PL1."]


def test_fostering_takes_a_head_count_and_each_line_must_fit_its_programme(users, plans):
    line = line_add(actor=users["hr_dt"], plan=plans["dt"], programme=_programme("qpan_doi_tuong_2"),
                    mode="tap_trung", headcount=5, note="Lớp của Quân khu 7")
    assert line.headcount == 5 and line.cost_estimate is None
    common = {"actor": users["hr_dt"], "plan": plans["dt"]}
    assert "headcount" in _refused(**common, programme=_programme("qpan_doi_tuong_2"), mode="tap_trung")
    qpan = _programme("qpan_doi_tuong_2")
    assert "mode" in _refused(**common, programme=qpan, mode="tai_chuc", headcount=2)
    assert _refused(**common, programme=_programme("dai_hoc"), mode="tap_trung", headcount=3)["cadres"] == [
        "Chương trình theo quy tắc T7: chọn cán bộ trong danh sách đủ điều kiện."]
    outside = _refused(**common, programme=_programme("dai_hoc"), mode="tap_trung", codes=["SNV2"])
    assert outside["cadres"] == [
        "Không có cán bộ mã SNV2 trong phạm vi của bạn tại ngày 01/01/2018."]


def test_lines_change_only_on_a_draft_in_scope_and_are_carried_into_an_amendment(users, plans):
    line = line_add(actor=users["hr_dt"], plan=plans["dt"], programme=_programme("dai_hoc"),
                    mode="tap_trung", codes=["DT2"])
    with pytest.raises(NotFound):
        line_add(actor=users["snv"], plan=plans["dt"], programme=_programme("qlnn"), mode="tap_trung",
                 headcount=1)
    plan = plans["dt"]
    steps = (("hr_dt", S.DA_GUI), ("btc", S.DA_TONG_HOP), ("btc", S.DA_TRINH), ("btv", S.DA_PHE_DUYET))
    for actor, target in steps:
        transition(actor=users[actor], obj=plan, to=target)
    with pytest.raises(ValidationError, match="dự thảo"):
        line_remove(actor=users["hr_dt"], line=line)
    amended = plan_amend(actor=users["hr_dt"], plan=plan, reason="Thêm người")
    [copied] = amended.lines.all()
    assert copied.pk != line.pk and [c.code for c in copied.cadres.all()] == ["DT2"]
    line_remove(actor=users["hr_dt"], line=copied)
    assert not amended.lines.exists() and plan.lines.count() == 1
    assert AuditEvent.objects.get(action="plan_line_remove").before["cadres"] == ["DT2"]


def test_codes_are_read_as_typed():
    assert parse_codes(" DT1, DT2;DT1\nPL1 ") == ["DT1", "DT2", "PL1"]
