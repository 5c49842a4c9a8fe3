"""The yearly plan cycle on the workflow core: who takes which step on which plan, what is refused and
why, returns with a reason, amendment as a new version, and the year's board with its deadline."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from canbo.accounts.models import Role
from canbo.accounts.system import system_actor
from canbo.audit.models import AuditEvent
from canbo.audit.render import summary
from canbo.core.dates import moment_on
from canbo.core.errors import NotFound
from canbo.org.services import unit_create
from canbo.training.models import PlanState as S
from canbo.training.plan_selectors import plan_get, year_board
from canbo.training.plans import plan_amend, plan_create, plan_update
from canbo.workflow.process import TransitionRefused
from canbo.workflow.selectors import steps_of
from canbo.workflow.services import options, transition

pytestmark = pytest.mark.django_db

YEAR = 2018


@pytest.fixture
def users(small_province):
    return {
        "hr": small_province.user("hr_dt", Role.UNIT_HR, "HU-DT"),
        "hr_so": small_province.user("hr_so", Role.UNIT_HR, "SNV"),
        "btc": small_province.user("btc", Role.BTC),
        "snv": small_province.user("snv", Role.SNV),
        "tt": small_province.user("tt", Role.THUONG_TRUC),
        "btv": small_province.user("btv", Role.BTV),
    }


@pytest.fixture
def district_plan(small_province, users):
    return plan_create(actor=users["hr"], unit=small_province.units["HU-DT"], year=YEAR,
                       content="Cử 3 đồng chí học cao cấp lý luận chính trị.",
                       at=moment_on(dt.date(2017, 9, 20)))



def _through(plan, *steps):
    for actor, target, comment in steps:
        transition(actor=actor, obj=plan, to=target, comment=comment)
    plan.refresh_from_db()
    return plan


def _approve(plan, users):
    return _through(plan, (users["hr"], S.DA_GUI, ""), (users["btc"], S.DA_TONG_HOP, ""),
                    (users["btc"], S.DA_TRINH, ""), (users["btv"], S.DA_PHE_DUYET, ""),
                    (users["btc"], S.CO_HIEU_LUC, ""))


def test_a_district_plan_goes_from_draft_to_in_force_with_a_return_on_the_way(district_plan, users):
    plan = _through(district_plan, (users["hr"], S.DA_GUI, ""), (users["btc"], S.DA_TONG_HOP, ""),
                    (users["btc"], S.DA_TRINH, ""), (users["tt"], S.DA_TONG_HOP, "Bổ sung kinh phí"),
                    (users["btc"], S.DA_TRINH, "Đã bổ sung"), (users["btv"], S.DA_PHE_DUYET, ""),
                    (users["btc"], S.CO_HIEU_LUC, ""))
    assert plan.state == S.CO_HIEU_LUC
    steps = steps_of(plan)
    assert [(s.actor.username, s.target) for s in steps] == [
        ("hr_dt", "da_gui"), ("btc", "da_tong_hop"), ("btc", "da_trinh"), ("tt", "da_tong_hop"),
        ("btc", "da_trinh"), ("btv", "da_phe_duyet"), ("btc", "co_hieu_luc")]
    assert steps[3].comment == "Bổ sung kinh phí" and steps[3].target_label == "Đã tổng hợp"
    events = AuditEvent.objects.filter(action="workflow_step", object_key=f"HU-DT/{YEAR}/1")
    assert events.count() == 7
    assert summary(events.get(after={"state": "da_phe_duyet"})).endswith(
        "Đã trình Thường trực Tỉnh ủy → Đã được Ban Thường vụ phê duyệt")


def _refusal(plan, actor, target, comment=""):
    with pytest.raises(TransitionRefused) as refused:
        transition(actor=actor, obj=plan, to=target, comment=comment)
    return refused.value.reasons


def test_wrong_role_wrong_scope_and_missing_reason_are_refused_with_why(district_plan, users):
    plan = district_plan
    assert _refusal(plan, users["tt"], S.DA_GUI) == [
        "Bạn không có quyền: Lập, gửi, điều chỉnh kế hoạch đào tạo, bồi dưỡng của đơn vị. Quyền này thuộc: "
        "Ban Tổ chức Tỉnh ủy, Sở Nội vụ, Cán bộ tổ chức đơn vị."]
    transition(actor=users["hr"], obj=plan, to=S.DA_GUI)
    assert _refusal(plan, users["hr"], S.DA_TONG_HOP) == [
        "Bạn không có quyền: Tổng hợp, trả lại, ban hành kế hoạch đào tạo, bồi dưỡng. Quyền này thuộc: "
        "Ban Tổ chức Tỉnh ủy, Sở Nội vụ."]
    assert _refusal(plan, users["snv"], S.DA_TONG_HOP) == [f"{plan} không thuộc phạm vi của bạn."]
    assert _refusal(plan, users["btc"], S.DU_THAO, "  ") == ["Bước “Trả lại đơn vị” cần ghi rõ lý do."]
    assert _refusal(plan, users["btv"], S.DA_PHE_DUYET) == ["Không thể chuyển từ “Đã gửi” sang “Đã được Ban "
                                                            "Thường vụ phê duyệt”."]
    transition(actor=users["btc"], obj=plan, to=S.DU_THAO, comment="Thiếu danh sách cán bộ")
    assert plan.state == S.DU_THAO


def test_an_empty_draft_is_kept_but_cannot_be_sent(district_plan, users):
    plan = plan_update(actor=users["hr"], plan=district_plan, content="   ")
    empty = "Kế hoạch chưa có nội dung, chưa có dòng nào; ghi nội dung hoặc thêm dòng trước khi gửi."
    assert _refusal(plan, users["hr"], S.DA_GUI) == [empty]
    offered = [(o["transition"].label, o["reasons"]) for o in options(users["hr"], plan)]
    assert offered == [("Gửi kế hoạch", [empty])]


def test_btc_aggregates_the_internal_affairs_bloc_and_snv_the_state_bloc(small_province, users):
    police = unit_create(actor=system_actor(), code="CA", name="Công an tỉnh", level="tinh", bloc="noi_chinh",
                         locality=small_province.units["TU"].locality)
    small_province.units["CA"] = police
    police_hr = small_province.user("hr_ca", Role.UNIT_HR, "CA")
    plan = plan_create(actor=police_hr, unit=police, year=YEAR, content="Bồi dưỡng nghiệp vụ.")
    transition(actor=police_hr, obj=plan, to=S.DA_GUI)
    assert _refusal(plan, users["snv"], S.DA_TONG_HOP) == [f"{plan} không thuộc phạm vi của bạn."]
    transition(actor=users["btc"], obj=plan, to=S.DA_TONG_HOP)
    state_plan = plan_create(actor=users["hr_so"], unit=small_province.units["SNV"], year=YEAR,
                             content="QLNN")
    transition(actor=users["hr_so"], obj=state_plan, to=S.DA_GUI)
    assert _refusal(state_plan, users["btc"], S.DA_TONG_HOP) == [f"{state_plan} không thuộc phạm vi của bạn."]
    transition(actor=users["snv"], obj=state_plan, to=S.DA_TONG_HOP)
    with pytest.raises(NotFound):
        plan_get(actor=users["hr"], pk=state_plan.pk)


def test_drafting_is_for_units_in_scope_once_a_year(small_province, users, district_plan):
    with pytest.raises(NotFound):
        plan_create(actor=users["hr"], unit=small_province.units["SNV"], year=YEAR, content="x")
    with pytest.raises(PermissionDenied):
        plan_create(actor=users["btv"], unit=small_province.units["HU-DT"], year=YEAR + 1, content="x")
    with pytest.raises(ValidationError, match="đã có kế hoạch năm 2018"):
        plan_create(actor=users["hr"], unit=small_province.units["HU-DT"], year=YEAR, content="x")
    transition(actor=users["hr"], obj=district_plan, to=S.DA_GUI)
    with pytest.raises(ValidationError, match="dự thảo"):
        plan_update(actor=users["hr"], plan=district_plan, content="Sửa sau khi gửi")


def test_an_approved_plan_is_amended_as_a_new_version_and_the_old_one_stays_readable(district_plan, users):
    plan = _approve(district_plan, users)
    assert _refusal(plan, users["btc"], S.DA_TRINH) == ["Không thể chuyển từ “Đang thực hiện” sang “Đã trình "
                                                        "Thường trực Tỉnh ủy”."]
    with pytest.raises(ValidationError, match="lý do"):
        plan_amend(actor=users["hr"], plan=plan, reason=" ")
    amended = plan_amend(actor=users["hr"], plan=plan, reason="Thêm lớp bồi dưỡng QLNN")
    assert (amended.version, amended.state, amended.previous) == (2, S.DU_THAO, plan)
    assert amended.content == plan.content
    with pytest.raises(ValidationError, match="đã có bản điều chỉnh"):
        plan_amend(actor=users["hr"], plan=plan, reason="Lần nữa")
    with pytest.raises(ValidationError, match="Chỉ điều chỉnh kế hoạch đã được phê duyệt"):
        plan_amend(actor=users["hr"], plan=amended, reason="Chưa duyệt")
    plan_update(actor=users["hr"], plan=amended, content=plan.content + "\nBồi dưỡng QLNN: 10 người.")
    plan.refresh_from_db()
    assert plan.state == S.CO_HIEU_LUC
    amended.refresh_from_db()
    _approve(amended, users)
    plan.refresh_from_db()
    assert plan.state == S.DA_THAY_THE and "10 người" not in plan.content
    last = steps_of(plan)[-1]
    assert (last.target, last.comment) == (S.DA_THAY_THE, "Thay thế bằng phiên bản 2.")
    assert last.actor.username == "btc"
    assert AuditEvent.objects.filter(action="plan_amend", object_key=f"HU-DT/{YEAR}/2").exists()


def test_the_board_shows_the_deadline_and_the_units_that_have_not_sent(small_province, users, district_plan):
    assert year_board(actor=users["btc"], year=YEAR, as_of=dt.date(2017, 9, 19))["plans"] == []
    board = year_board(actor=users["btc"], year=YEAR, as_of=dt.date(2017, 10, 15))
    assert board["deadline"] == dt.date(2017, 11, 1) and not board["overdue"]
    assert [(item["unit"].code, item["draft"]) for item in board["not_sent"]] == [("HU-DT", district_plan)]
    snv_board = year_board(actor=users["snv"], year=YEAR, as_of=dt.date(2017, 11, 2))
    assert [item["unit"].code for item in snv_board["not_sent"]] == ["SNV"] and snv_board["overdue"]
    transition(actor=users["hr"], obj=district_plan, to=S.DA_GUI, at=moment_on(dt.date(2017, 10, 30), 9))
    board = year_board(actor=users["btc"], year=YEAR, as_of=dt.date(2017, 11, 2))
    assert board["not_sent"] == [] and board["plans"] == [district_plan]
    assert [(p.state_then, str(p.state_then_label)) for p in board["plans"]] == [(S.DA_GUI, "Đã gửi")]
    province = year_board(actor=users["btv"], year=YEAR, as_of=dt.date(2017, 11, 2))
    assert [item["unit"].code for item in province["not_sent"]] == ["SNV"]
    before = year_board(actor=users["btc"], year=YEAR, as_of=dt.date(2017, 10, 29))  # sent the day after
    assert [item["unit"].code for item in before["not_sent"]] == ["HU-DT"]
    assert [p.state_then for p in before["plans"]] == [S.DU_THAO]


def test_a_step_recorded_afterwards_is_neither_in_the_future_nor_before_the_last(users, district_plan):
    with pytest.raises(TransitionRefused, match="hồ sơ được lập hoặc chuyển bước gần nhất lúc"):
        transition(actor=users["hr"], obj=district_plan, to=S.DA_GUI, at=moment_on(dt.date(2017, 9, 19)))
    with pytest.raises(TransitionRefused, match="tương lai"):
        transition(actor=users["hr"], obj=district_plan, to=S.DA_GUI,
                   at=timezone.now() + dt.timedelta(hours=1))
    sent = moment_on(dt.date(2017, 10, 2))
    step = transition(actor=users["hr"], obj=district_plan, to=S.DA_GUI, at=sent)
    assert step.at == sent
    with pytest.raises(TransitionRefused, match="chuyển bước gần nhất"):
        transition(actor=users["btc"], obj=district_plan, to=S.DA_TONG_HOP, at=sent - dt.timedelta(hours=1))
    event = AuditEvent.objects.filter(action="workflow_step").latest("seq")
    assert event.at > step.at + dt.timedelta(days=365) and "thực hiện lúc 02/10/2017 08:00" in summary(event)
    with pytest.raises(ValidationError, match="tương lai"):
        plan_create(actor=users["hr"], unit=district_plan.unit, year=YEAR + 1, content="",
                    at=timezone.now() + dt.timedelta(days=1))


def test_snv_reports_the_state_bloc_plans_it_aggregated_and_btc_does_not(small_province, users):
    plan = plan_create(actor=users["hr_so"], unit=small_province.units["SNV"], year=YEAR, content="Kế hoạch")
    plan = _through(plan, (users["hr_so"], "da_gui", ""), (users["snv"], "da_tong_hop", ""))
    with pytest.raises(TransitionRefused, match="không thuộc phạm vi"):  # btc does not reach it
        transition(actor=users["btc"], obj=plan, to="da_trinh")
    assert _through(plan, (users["snv"], "da_trinh", "")).state == "da_trinh"
