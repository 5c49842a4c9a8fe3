"""The rotation and transfer procedure (R9, D4): five steps each by its role, the check again at each
step, the authority routing of transfers, returns with a reason, and the records changed on deployment."""

import datetime as dt
import re

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from canbo.accounts.models import Role, User
from canbo.accounts.system import system_actor
from canbo.audit.models import AuditEvent
from canbo.audit.render import summary
from canbo.core.dates import moment_on
from canbo.core.errors import PermissionDenied
from canbo.dashboard.cards import cards_for
from canbo.people import services
from canbo.people.models import Movement, PositionHolding
from canbo.reports.selectors import non_local, population, rotation_pool
from canbo.rotation.models import Opinion, Proposal, ProposalState, RotationEvaluation, StepCheck
from canbo.rotation.proposal_selectors import rotations_in_progress
from canbo.rotation.proposals import (
    Draft,
    opinion_add,
    proposal_create,
    proposal_list_create,
    rotation_evaluation_add,
)
from canbo.rotation.tests.world import World, written_on
from canbo.workflow.models import Step
from canbo.workflow.process import TransitionRefused
from canbo.workflow.services import taken_on, transition

S = ProposalState
START, END = dt.date(2018, 1, 1), dt.date(2020, 12, 31)


@pytest.fixture
def w(settings, tmp_path):
    settings.FILES_DIR = tmp_path / "tep"
    world = World()
    world.users = {
        role: User.objects.create_user(username=f"u_{role}", password="x", role=role)
        for role in (Role.BTC, Role.SNV, Role.THUONG_TRUC, Role.BTV)
    }
    return world


def rotation(w, cadre, unit=None, position_type=None, **extra):
    return proposal_create(
        actor=w.users["btc"],
        draft=Draft(cadre.code, (unit or w.hu_dl).code, (position_type or w.truong_phong).code),
        kind=extra.pop("kind", "luan_chuyen"),
        start=START,
        end=extra.pop("end", END),
        reasons="Đào tạo qua thực tiễn",
        **extra,
    )


def through_step_three(w, proposal):
    btc, tt = w.users["btc"], w.users["thuong_truc"]
    transition(
        actor=btc,
        obj=proposal,
        to=S.TRINH_THUONG_TRUC,
        files=[SimpleUploadedFile("to-trinh.pdf", b"%PDF-1.4\n%%EOF\n")],
    )
    opinion_add(
        actor=tt, proposal=proposal, party="thuong_truc", verdict="dong_y", text="Nhất trí chủ trương"
    )
    transition(actor=btc, obj=proposal, to=S.XIN_Y_KIEN)
    for party in ("don_vi_di", "don_vi_den", "can_bo"):
        opinion_add(actor=btc, proposal=proposal, party=party, verdict="dong_y")
    transition(actor=btc, obj=proposal, to=S.TRINH_BTV)


@pytest.mark.django_db
def test_a_rotation_through_the_five_steps_changes_the_records(w):
    cadre = w.person(w.hu_dt, w.truong_phong)
    proposal = rotation(w, cadre)
    assert proposal.check_result["tham_quyen"] == "btv" and proposal.from_unit == w.hu_dt
    through_step_three(w, proposal)
    with pytest.raises(TransitionRefused, match="Ban Thường vụ Tỉnh ủy quyết định"):
        transition(actor=w.users["btc"], obj=proposal, to=S.DA_QUYET_DINH)
    transition(actor=w.users["btv"], obj=proposal, to=S.DA_QUYET_DINH)
    transition(actor=w.users["btc"], obj=proposal, to=S.DA_BAN_HANH)
    proposal.refresh_from_db()
    assert proposal.decision_no == "1-QĐ/TU" and proposal.decision_date is not None
    with pytest.raises(TransitionRefused, match="Thường trực Tỉnh ủy"):
        transition(actor=w.users["btc"], obj=proposal, to=S.DA_GAP_CAN_BO)
    transition(actor=w.users["thuong_truc"], obj=proposal, to=S.DA_GAP_CAN_BO)
    transition(actor=w.users["btc"], obj=proposal, to=S.DA_TRIEN_KHAI)

    steps = list(Step.objects.filter(object_id=proposal.pk, process="luan_chuyen_dieu_dong"))
    assert [s.target for s in steps] == [
        S.TRINH_THUONG_TRUC,
        S.XIN_Y_KIEN,
        S.TRINH_BTV,
        S.DA_QUYET_DINH,
        S.DA_BAN_HANH,
        S.DA_GAP_CAN_BO,
        S.DA_TRIEN_KHAI,
    ]
    assert [s.actor.role for s in steps] == ["btc", "btc", "btc", "btv", "btc", "thuong_truc", "btc"]
    assert steps[0].files.get().name == "to-trinh.pdf"
    assert Opinion.objects.get(party="thuong_truc").step == steps[1]
    assert {o.party for o in Opinion.objects.filter(step=steps[2])} == {"don_vi_di", "don_vi_den", "can_bo"}
    kept = StepCheck.objects.get(step=steps[0]).result
    assert kept["hop_le"] is True and kept["canh_bao"] == proposal.check_result["canh_bao"]
    assert "tieu_chuan_llct" in kept["canh_bao"]

    old = PositionHolding.objects.get(cadre=cadre, unit=w.hu_dt)
    new = PositionHolding.objects.get(cadre=cadre, unit=w.hu_dl)
    assert old.valid_to == START - dt.timedelta(days=1) and new.valid_from == START
    movement = Movement.objects.get(cadre=cadre)
    assert (movement.kind, movement.from_unit, movement.to_unit, movement.decision_no) == (
        "luan_chuyen",
        w.hu_dt,
        w.hu_dl,
        "1-QĐ/TU",
    )
    assert AuditEvent.objects.filter(action="holding_end", cadre_code=cadre.code).count() == 1
    # The lists of the start date see the move: the cadre now holds the post, so proposing it again
    # is refused, and the vacancy check reads the new holder.
    again = w.check(cadre, w.hu_dl, w.truong_phong)
    assert "da_giu_vi_tri" in again["vi_pham"] and again["tu_don_vi"] == "HU-DL"
    assert w.check(cadre, w.hu_dt, w.truong_phong, start=START - dt.timedelta(days=1))["tu_don_vi"] == "HU-DT"


@pytest.mark.django_db
def test_a_transfer_routed_to_the_party_committee_of_the_peoples_committee(w):
    cadre = w.person(w.so_nv, w.truong_phong)
    proposal = rotation(w, cadre, w.hu_dt, kind="dieu_dong", end=None)
    assert proposal.check_result["tham_quyen"] == "bcs_dang_ubnd"
    through_step_three(w, proposal)
    for role in ("btv", "btc"):
        with pytest.raises(TransitionRefused, match="Sở Nội vụ quyết định"):
            transition(actor=w.users[role], obj=proposal, to=S.DA_QUYET_DINH)
    transition(actor=w.users["snv"], obj=proposal, to=S.DA_QUYET_DINH)
    assert proposal.state == S.DA_QUYET_DINH


@pytest.mark.django_db
def test_a_transfer_decided_by_btc_needs_the_standing_boards_written_consent(w):
    cadre = w.person(w.tinh_uy, w.truong_phong)
    proposal = rotation(w, cadre, w.so_nv, kind="dieu_dong", end=None)
    assert proposal.check_result["tham_quyen"] == "btc"
    through_step_three(w, proposal)
    with pytest.raises(TransitionRefused, match="văn bản đồng ý của Thường trực"):
        transition(actor=w.users["btc"], obj=proposal, to=S.DA_QUYET_DINH)
    opinion_add(
        actor=w.users["thuong_truc"],
        proposal=proposal,
        party="van_ban_dong_y",
        verdict="dong_y",
        text="Văn bản số 12-CV/TU",
    )
    transition(actor=w.users["btc"], obj=proposal, to=S.DA_QUYET_DINH)


@pytest.mark.django_db
def test_a_disciplined_cadre_is_refused_with_the_rule_and_clause(w):
    cadre = w.person(w.hu_dt, w.truong_phong)
    services.discipline_add(
        actor=system_actor(), cadre=cadre, form="Khiển trách", decided_on=dt.date(2017, 6, 1)
    )
    with pytest.raises(ValidationError) as refused:
        rotation(w, cadre, kind="dieu_dong", end=None)
    message = " ".join(refused.value.messages)
    assert "D1" in message and "III.3" in message, message


@pytest.mark.django_db
def test_the_check_runs_again_at_each_step(w):
    cadre = w.person(w.hu_dt, w.truong_phong)
    proposal = rotation(w, cadre)
    services.discipline_add(
        actor=system_actor(), cadre=cadre, form="Cảnh cáo", decided_on=dt.date(2017, 9, 1)
    )
    with pytest.raises(TransitionRefused, match="R2"):
        transition(actor=w.users["btc"], obj=proposal, to=S.TRINH_THUONG_TRUC)


@pytest.mark.django_db
def test_wrong_roles_are_refused(w):
    cadre = w.person(w.hu_dt, w.truong_phong)
    with pytest.raises(PermissionDenied):
        proposal_create(
            actor=w.users["thuong_truc"],
            draft=Draft(cadre.code, "HU-DL", "TP"),
            kind="luan_chuyen",
            start=START,
            end=END,
            reasons="x",
        )
    proposal = rotation(w, cadre)
    with pytest.raises(TransitionRefused, match="Bạn không có quyền"):
        transition(actor=w.users["thuong_truc"], obj=proposal, to=S.TRINH_THUONG_TRUC)
    with pytest.raises(TransitionRefused, match="không thuộc phạm vi"):  # a Party-bloc move
        transition(actor=w.users["snv"], obj=proposal, to=S.TRINH_THUONG_TRUC)
    transition(actor=w.users["btc"], obj=proposal, to=S.TRINH_THUONG_TRUC)
    with pytest.raises(PermissionDenied):
        opinion_add(actor=w.users["btc"], proposal=proposal, party="thuong_truc", verdict="dong_y")
    with pytest.raises(TransitionRefused, match="Chưa có ý kiến của Thường trực"):
        transition(actor=w.users["btc"], obj=proposal, to=S.XIN_Y_KIEN)


@pytest.mark.django_db
def test_a_return_needs_a_reason_and_takes_the_opinion_with_it(w):
    proposal = rotation(w, w.person(w.hu_dt, w.truong_phong))
    transition(actor=w.users["btc"], obj=proposal, to=S.TRINH_THUONG_TRUC)
    opinion_add(
        actor=w.users["thuong_truc"],
        proposal=proposal,
        party="thuong_truc",
        verdict="khong_dong_y",
        text="Chưa phù hợp",
    )
    with pytest.raises(TransitionRefused, match="không đồng ý"):
        transition(actor=w.users["btc"], obj=proposal, to=S.XIN_Y_KIEN)
    with pytest.raises(TransitionRefused, match="cần ghi rõ lý do"):
        transition(actor=w.users["thuong_truc"], obj=proposal, to=S.DU_THAO)
    step = transition(actor=w.users["thuong_truc"], obj=proposal, to=S.DU_THAO, comment="Bổ sung nhận xét")
    assert proposal.state == S.DU_THAO and step.comment == "Bổ sung nhận xét"
    assert Opinion.objects.get().step == step


@pytest.mark.django_db
def test_a_list_is_drafted_whole_or_not_at_all(w):
    one, two = w.person(w.hu_dt, w.truong_phong), w.person(w.hu_dt, w.pho_phong)
    unplanned = w.person(w.hu_dt, w.pho_phong, planned=False)
    common = {"kind": "luan_chuyen", "start": START, "end": END, "reasons": "Quy hoạch 2020–2025"}
    with pytest.raises(ValidationError, match="Dòng 3"):
        proposal_list_create(
            actor=w.users["snv"],
            name="Đợt 1",
            drafts=[
                Draft(one.code, "HU-DL", "TP"),
                Draft(two.code, "HU-DL", "PP"),
                Draft(unplanned.code, "HU-DL", "PP"),
            ],
            **common,
        )
    batch = proposal_list_create(
        actor=w.users["btc"],
        name="Đợt 1",
        drafts=[Draft(one.code, "HU-DL", "TP"), Draft(two.code, "HU-DL", "PP")],
        **common,
    )
    assert [p.cadre for p in batch.proposals.order_by("id")] == [one, two]
    assert all(p.state == S.DU_THAO for p in batch.proposals.all())


def deployed(w, proposal):
    through_step_three(w, proposal)
    transition(actor=w.users["btv"], obj=proposal, to=S.DA_QUYET_DINH)
    transition(actor=w.users["btc"], obj=proposal, to=S.DA_BAN_HANH)
    transition(actor=w.users["thuong_truc"], obj=proposal, to=S.DA_GAP_CAN_BO)
    transition(actor=w.users["btc"], obj=proposal, to=S.DA_TRIEN_KHAI)


@pytest.mark.django_db
def test_the_review_pool_and_non_local_lists_of_the_start_date_see_the_move(w):
    local = w.person(w.hu_dt, w.bi_thu, hometown=w.duc_trong)
    system, before = system_actor(), START - dt.timedelta(days=1)
    assert [h.cadre for h in non_local(actor=system, as_of=before)] == [local]
    deployed(w, rotation(w, local))
    assert [h.cadre for h in non_local(actor=system, as_of=before)] == [local]
    assert non_local(actor=system, as_of=START) == []
    for day, unit, present in (
        (before, w.hu_dt, True),
        (before, w.hu_dl, False),
        (START, w.hu_dt, False),
        (START, w.hu_dl, True),
    ):
        pool = rotation_pool(actor=system, as_of=day, unit=unit)
        assert (local.code in [row["code"] for row in pool["rows"]]) is present, (day, unit)
        assert population(actor=system, as_of=day, unit=unit).filter(pk=local.pk).exists() is present


@pytest.mark.django_db
def test_the_receiving_unit_evaluates_and_terms_are_listed_before_they_end(w):
    cadre = w.person(w.hu_dt, w.truong_phong)
    proposal = rotation(w, cadre)
    deployed(w, proposal)
    receiving = User.objects.create_user(
        username="hr_dl", password="x", role=Role.UNIT_HR, scope_unit=w.hu_dl
    )
    other = User.objects.create_user(username="hr_snv", password="x", role=Role.UNIT_HR, scope_unit=w.so_nv)
    with pytest.raises(PermissionDenied):
        rotation_evaluation_add(actor=other, proposal=proposal, year=2018, rating="tot")
    rotation_evaluation_add(actor=receiving, proposal=proposal, year=2018, rating="tot")
    with pytest.raises(ValidationError, match="Đã có"):
        rotation_evaluation_add(actor=receiving, proposal=proposal, year=2018, rating="tot")
    written_on(START - dt.timedelta(days=30), Proposal.objects.all(), Step.objects.all())
    written_on(dt.date(2019, 1, 15), RotationEvaluation.objects.all())

    def lists(day):
        found = rotations_in_progress(actor=receiving, as_of=day, within_days=90)
        return {name: [p.pk for p in found[name]] for name in ("due", "overdue", "running")}

    assert lists(dt.date(2019, 6, 1)) == {"due": [], "overdue": [], "running": [proposal.pk]}
    assert lists(END - dt.timedelta(days=90)) == {"due": [proposal.pk], "overdue": [], "running": []}
    assert lists(END + dt.timedelta(days=1)) == {"due": [], "overdue": [proposal.pk], "running": []}
    rotation_evaluation_add(actor=receiving, proposal=proposal, year=2020, rating="tot", end_of_term=True)
    written_on(END, RotationEvaluation.objects.filter(end_of_term=True))
    logged = AuditEvent.objects.filter(action="rotation_evaluation_add").order_by("seq")
    assert [summary(event).split(": ", 1)[1] for event in logged] == [
        "đánh giá luân chuyển năm 2018 – Hoàn thành tốt nhiệm vụ",
        "đánh giá cuối thời hạn luân chuyển – Hoàn thành tốt nhiệm vụ",
    ]
    assert lists(END + dt.timedelta(days=1)) == {"due": [], "overdue": [], "running": []}
    assert rotations_in_progress(actor=other, as_of=dt.date(2019, 6, 1), within_days=90)["running"] == []


@pytest.mark.django_db
def test_the_home_page_counts_the_steps_and_the_reminders_as_the_lists_they_open(w, client):
    evaluated = rotation(w, w.person(w.hu_dt, w.truong_phong))
    deployed(w, evaluated)
    ending = rotation(w, w.person(w.hu_dt, w.truong_phong))
    deployed(w, ending)
    rotation(w, w.person(w.hu_dt, w.truong_phong))  # a draft
    receiving = User.objects.create_user(
        username="hr_dl", password="x", role=Role.UNIT_HR, scope_unit=w.hu_dl
    )
    rotation_evaluation_add(actor=receiving, proposal=evaluated, year=2019, rating="tot")
    day = END - dt.timedelta(days=30)  # within the 90 days of R10's reminder
    written_on(START - dt.timedelta(days=30), Proposal.objects.all(), Step.objects.all())
    written_on(dt.date(2020, 1, 15), RotationEvaluation.objects.all())
    pipeline = cards_for(receiving, day)["pipeline"]
    steps = {step["url"].rsplit("=", 1)[1]: step["count"] for step in pipeline["steps"]}
    assert steps == {state: 0 for state in S.values} | {"du_thao": 1, "da_trien_khai": 2}
    reminders = {item["url"].rsplit("=", 1)[1]: item["count"] for item in pipeline["reminders"]}
    assert reminders == {"qua_han": 0, "chua_danh_gia_nam": 1, "sap_het_han": 2}
    client.force_login(receiving)
    for item in [*pipeline["steps"], *pipeline["reminders"]]:
        page = client.get(f"{item['url']}&as_of={day:%d/%m/%Y}").content.decode()
        assert int(re.search(r'data-total="(\d+)"', page)[1]) == item["count"], item["url"]
    detail = reverse("rotation:proposal_detail", args=[evaluated.pk])
    page = client.get(detail, {"as_of": f"{day:%d/%m/%Y}"}).content.decode()
    assert f"Tại ngày {day:%d/%m/%Y}: 5. Đã triển khai quyết định." in page
    before = START - dt.timedelta(days=31)
    page = client.get(detail, {"as_of": f"{before:%d/%m/%Y}"}).content.decode()
    assert f"Chưa lập tại ngày {before:%d/%m/%Y}." in page


@pytest.mark.django_db
def test_a_proposal_its_opinions_and_its_evaluations_entered_later_keep_their_days(w):
    cadre = w.person(w.hu_dt, w.truong_phong)
    drafted = moment_on(dt.date(2017, 10, 2))
    proposal = rotation(w, cadre, at=drafted)
    assert proposal.created_at == drafted
    assert AuditEvent.objects.get(action="proposal_create").data["thuc_hien_luc"] == drafted.isoformat()
    transition(actor=w.users["btc"], obj=proposal, to=S.TRINH_THUONG_TRUC, at=taken_on(dt.date(2017, 10, 9)))
    given = {"actor": w.users["thuong_truc"], "proposal": proposal, "party": "thuong_truc",
             "verdict": "dong_y"}
    with pytest.raises(ValidationError, match="Không thể ghi ý kiến này vào 05/10/2017 17:00: hồ sơ"):
        opinion_add(**given, at=taken_on(dt.date(2017, 10, 5)))
    opinion = opinion_add(**given, at=taken_on(dt.date(2017, 10, 11)))
    assert opinion.at == taken_on(dt.date(2017, 10, 11))
    with pytest.raises(ValidationError, match="vào một thời điểm ở tương lai"):
        opinion_add(**given, at=timezone.now() + dt.timedelta(days=1))
    assert Opinion.objects.filter(proposal=proposal).count() == 1
    btc, btv = w.users["btc"], w.users["btv"]
    transition(actor=btc, obj=proposal, to=S.XIN_Y_KIEN, at=taken_on(dt.date(2017, 10, 16)))
    for party in ("don_vi_di", "don_vi_den", "can_bo"):
        opinion_add(actor=btc, proposal=proposal, party=party, verdict="dong_y",
                    at=taken_on(dt.date(2017, 10, 20)))
    transition(actor=btc, obj=proposal, to=S.TRINH_BTV, at=taken_on(dt.date(2017, 10, 23)))
    transition(actor=btv, obj=proposal, to=S.DA_QUYET_DINH, at=taken_on(dt.date(2017, 10, 30)))
    transition(actor=btc, obj=proposal, to=S.DA_BAN_HANH, at=taken_on(dt.date(2017, 11, 6)))
    proposal.refresh_from_db()
    assert proposal.decision_date == dt.date(2017, 11, 6)  # the day step 4 was taken, not the day entered
