"""Courses on the workflow core: who opens and runs which course, enrolment from the lines of plans in
force only and within the seats, results, and completion writing what the programme gives into the
records of the trainees who passed, so that the review of SPEC §8 changes for exactly them."""

import datetime as dt
import json
from io import StringIO

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from canbo.accounts.models import Role
from canbo.accounts.system import system_actor
from canbo.audit.models import AuditEvent
from canbo.audit.render import summary
from canbo.core.dates import moment_on
from canbo.core.errors import NotFound
from canbo.org.services import position_type_create, unit_create
from canbo.people import services as people
from canbo.people.models import Qualification
from canbo.rules.selectors import rule_set_in_force
from canbo.training.courses import (
    course_create,
    enrolment_candidates,
    enrolment_remove,
    enrolments_add,
    result_record,
)
from canbo.training.models import CourseState as C
from canbo.training.models import PlanState as S
from canbo.training.models import Programme
from canbo.training.plan_lines import line_add
from canbo.training.plans import plan_create
from canbo.workflow.process import TransitionRefused
from canbo.workflow.selectors import steps_of
from canbo.workflow.services import options, transition

pytestmark = pytest.mark.django_db

YEAR = 2018
END = dt.date(YEAR, 12, 20)


def programme(code):
    """A programme of the rule set in force in YEAR (loaded again after a flushing browser test)."""
    return Programme.objects.get(rule_set=rule_set_in_force(dt.date(YEAR, 1, 1)), code=code)


@pytest.fixture
def users(small_province):
    school_unit = unit_create(actor=system_actor(), code="TCT", name="Trường Chính trị tỉnh", level="tinh",
                              bloc="dang", locality=small_province.units["TU"].locality)
    small_province.units["TCT"] = school_unit
    user = small_province.user
    return {"snv": user("snv", Role.SNV), "btc": user("btc", Role.BTC), "btv": user("btv", Role.BTV),
            "school": user("school", Role.SCHOOL, "TCT"), "hr": user("hr_dt", Role.UNIT_HR, "HU-DT")}


def in_force_plan(small_province, users, unit="SNV", lines=()):
    """A plan of `unit` for YEAR with `lines` [(programme, mode, codes)], taken to in force (reported by
    the system actor: Ban Tổ chức does not reach the state bloc's plans)."""
    office = users["snv"] if unit == "SNV" else users["hr"] if unit == "HU-DT" else users["btc"]
    plan = plan_create(actor=office, unit=small_province.units[unit], year=YEAR, content="",
                       at=moment_on(dt.date(YEAR - 1, 10, 1)))
    for code, mode, codes in lines:
        line_add(actor=office, plan=plan, programme=programme(code), mode=mode, codes=codes)
    return put_in_force(plan, users)


def put_in_force(plan, users):
    """Its steps to in force, a day apart from when it was made (now, for a plan made today)."""
    office = users["snv"] if plan.unit.code == "SNV" else users["btc"]
    drafter = users["hr"] if plan.unit.code == "HU-DT" else office
    made_before = plan.created_at.date() < timezone.now().date()
    steps = ((drafter, S.DA_GUI), (office, S.DA_TONG_HOP), (system_actor(), S.DA_TRINH),
             (users["btv"], S.DA_PHE_DUYET), (office, S.CO_HIEU_LUC))
    for n, (actor, target) in enumerate(steps, start=1):
        at = plan.created_at + dt.timedelta(days=n) if made_before else None
        transition(actor=actor, obj=plan, to=target, at=at)
    return plan


def new_course(actor, code="DH-2018", programme_code="dai_hoc", mode="tap_trung", seats=2, **more):
    values = {"name": "Lớp đại học hành chính", "provider": "Học viện Hành chính quốc gia",
              "place": "Đà Lạt", "start": dt.date(YEAR, 3, 1), "end": END, "organiser": "so_noi_vu",
              "venue": "trong_nuoc", **more}
    return course_create(actor=actor, code=code, programme=programme(programme_code), seats=seats, mode=mode,
                         **values)


def review(as_of) -> dict:
    out = StringIO()
    call_command("review", "--as-of", as_of.isoformat(), "--json", stdout=out)
    return json.loads(out.getvalue())


def run_to_results(course, actor, codes):
    enrolments_add(actor=actor, course=course, codes=codes)
    for target in (C.TUYEN_SINH, C.DANG_HOC, C.CHO_KET_QUA):
        transition(actor=actor, obj=course, to=target)


def test_completing_a_course_writes_the_degree_of_the_passed_and_the_review_drops_by_them(
        small_province, users):
    in_force_plan(small_province, users, lines=[("dai_hoc", "tap_trung", ["SNV2", "PL1"])])
    course = new_course(users["snv"], actual_cost=80_000_000)
    run_to_results(course, users["snv"], ["SNV2", "PL1"])
    snv2, pl1 = (course.enrolments.get(cadre__code=code) for code in ("SNV2", "PL1"))
    result_record(actor=users["snv"], enrolment=snv2, result="dat", grade="kha",
                  issued_on=dt.date(YEAR, 12, 28), certificate_no="DH-0001")
    result_record(actor=users["snv"], enrolment=pl1, result="khong_dat")
    after_day, day_before = dt.date(YEAR, 12, 31), END - dt.timedelta(days=1)
    before, before_the_date = review(after_day), review(day_before)
    transition(actor=users["snv"], obj=course, to=C.HOAN_THANH)
    after = review(after_day)
    assert review(day_before) == before_the_date  # dated on the course's last day, not before
    assert before["thieu_dai_hoc"] - after["thieu_dai_hoc"] == 1
    assert {key: value for key, value in after.items() if key != "thieu_dai_hoc"} == {
        key: value for key, value in before.items() if key != "thieu_dai_hoc"}
    [written] = Qualification.objects.filter(cadre__code="SNV2")
    assert (written.kind, written.level, written.obtained_on, written.grade, written.issuer) == (
        "chuyen_mon", "dai_hoc", END, "kha", "Học viện Hành chính quốc gia")
    assert list(snv2.qualifications.all()) == [written] and not pl1.qualifications.exists()
    assert not Qualification.objects.filter(cadre__code="PL1").exists()
    award = AuditEvent.objects.get(action="qualification_award")
    assert summary(award) == "SNV2: thêm trình độ Chuyên môn – Đại học do hoàn thành khóa học DH-2018"
    assert award.data["khoa_hoc"] == "DH-2018" and award.cadre_code == "SNV2"
    assert [s.target for s in steps_of(course)] == ["tuyen_sinh", "dang_hoc", "cho_ket_qua", "hoan_thanh"]


def test_the_review_figure_drops_by_exactly_the_passed_trainees_who_owed_it(small_province, users):
    """Before the completion date's review and after it differ, key by key, by the trainees who passed and
    owed the degree; the people behind the figure lose exactly them."""
    from canbo.reports.selectors import people_behind

    in_force_plan(small_province, users, lines=[("dai_hoc", "tap_trung", ["SNV2", "PL1"])])
    course = new_course(users["snv"])
    run_to_results(course, users["snv"], ["SNV2", "PL1"])
    for enrolment in course.enrolments.all():
        result_record(actor=users["snv"], enrolment=enrolment, result="dat")
    day = dt.date(YEAR, 12, 31)
    _total, people_before = people_behind(actor=users["btv"], as_of=day, key="thieu_dai_hoc")
    transition(actor=users["snv"], obj=course, to=C.HOAN_THANH)
    _total, people_after = people_behind(actor=users["btv"], as_of=day, key="thieu_dai_hoc")
    assert {r["code"] for r in people_before} - {r["code"] for r in people_after} == {"SNV2", "PL1"}
    assert {r["code"] for r in people_after} <= {r["code"] for r in people_before}


def test_qlnn_and_language_give_the_level_required_when_picked_and_only_above_what_is_held(
        small_province, users):
    system = system_actor()
    head = position_type_create(actor=system, code="TP-SO", name="Trưởng phòng thuộc Sở", req_qlnn=2,
                                req_ngoai_ngu=3, req_tin_hoc=1)
    cadre = people.cadre_create(actor=system, code="TP1", full_name="Đinh Văn Tâm",
                                birth_date=dt.date(1978, 1, 1), gender="nam", category="cong_chuc")
    people.holding_add(actor=system, cadre=cadre, unit=small_province.units["SNV"], position_type=head,
                       valid_from=dt.date(2016, 1, 1))
    people.qualification_add(actor=system, cadre=cadre, kind="tin_hoc", level="co_ban",
                             obtained_on=dt.date(2010, 1, 1))
    in_force_plan(small_province, users, lines=[("qlnn", "tap_trung", ["TP1"]),
                                                ("ngoai_ngu_tin_hoc", "tap_trung", ["TP1"])])
    day = dt.date(YEAR, 12, 31)
    before = review(day)
    for code, programme_code in (("QLNN-2018", "qlnn"), ("NN-2018", "ngoai_ngu_tin_hoc")):
        course = new_course(users["snv"], code=code, programme_code=programme_code)
        run_to_results(course, users["snv"], ["TP1"])
        result_record(actor=users["snv"], enrolment=course.enrolments.get(), result="dat")
        transition(actor=users["snv"], obj=course, to=C.HOAN_THANH)
    written = sorted(Qualification.objects.filter(cadre=cadre, obtained_on=END).values_list("kind", "level"))
    assert written == [("ngoai_ngu", "bac_3"), ("qlnn", "chuyen_vien_chinh")]
    after = review(day)
    assert (before["thieu_qlnn"] - after["thieu_qlnn"], before["thieu_ngoai_ngu_tin_hoc"]
            - after["thieu_ngoai_ngu_tin_hoc"]) == (1, 1)


def test_enrolment_comes_from_lines_in_force_only_and_stops_at_the_seats(small_province, users):
    plan = plan_create(actor=users["snv"], unit=small_province.units["SNV"], year=YEAR, content="")
    line_add(actor=users["snv"], plan=plan, programme=programme("dai_hoc"), mode="tap_trung",
             codes=["SNV2", "PL1"])
    course = new_course(users["snv"], seats=1)
    with pytest.raises(ValidationError) as refused:
        enrolments_add(actor=users["snv"], course=course, codes=["SNV2"])
    assert refused.value.message_dict["cadres"] == [
        "Phạm Quốc Huy (SNV2) không có tên trong dòng kế hoạch đang thực hiện nào của chương trình "
        "“Đại học”, hình thức tập trung, hoặc đã được cử học theo dòng đó (đã đạt hay đang chờ kết quả "
        "ở khóa học khác)."]
    in_force_plan(small_province, users, unit="HLHPN", lines=[("dai_hoc", "tap_trung", ["HOI"])])
    other = plan_create(actor=users["snv"], unit=small_province.units["UB-DT"], year=YEAR, content="")
    assert other.state == S.DU_THAO
    with pytest.raises(ValidationError) as refused:
        enrolments_add(actor=users["snv"], course=course, codes=["HOI", "SNV2", "KHONG"])
    assert refused.value.message_dict["cadres"] == [
        "Không có cán bộ mã HOI trong phạm vi của bạn tại ngày 01/03/2018.",
        "Phạm Quốc Huy (SNV2) không có tên trong dòng kế hoạch đang thực hiện nào của chương trình "
        "“Đại học”, hình thức tập trung, hoặc đã được cử học theo dòng đó (đã đạt hay đang chờ kết quả "
        "ở khóa học khác).",
        "Không có cán bộ mã KHONG trong phạm vi của bạn tại ngày 01/03/2018.",
        "Khóa học có 1 chỗ, đã ghi danh 0 học viên; không ghi danh thêm được 3 người."]
    put_in_force(plan, users)
    enrolments_add(actor=users["snv"], course=course, codes=["SNV2"])
    with pytest.raises(ValidationError) as refused:
        enrolments_add(actor=users["snv"], course=course, codes=["PL1"])
    assert refused.value.message_dict["cadres"] == [
        "Khóa học có 1 chỗ, đã ghi danh 1 học viên; không ghi danh thêm được 1 người."]
    assert AuditEvent.objects.filter(action="enrolment_add").count() == 1
    enrolment_remove(actor=users["snv"], enrolment=course.enrolments.get())
    assert not course.enrolments.exists()
    assert AuditEvent.objects.get(action="enrolment_remove").cadre_code == "SNV2"


def test_the_office_that_aggregated_a_district_plan_enrols_its_cadres_of_every_bloc(small_province, users,
                                                                                     client):
    """Đức Trọng's plan (Party bloc, aggregated by Ban Tổ chức) names Ka Điệp of the district's People's
    Committee (state bloc, outside Ban Tổ chức's scope): Ban Tổ chức runs the district's course and enrols
    her; Hội Phụ nữ's cadre, named in no plan it aggregated, stays out of its reach."""
    in_force_plan(small_province, users, unit="HU-DT", lines=[("dai_hoc", "tap_trung", ["DT2"])])
    course = new_course(users["btc"], organiser="huyen_uy")
    assert [c["cadre"].code for c in enrolment_candidates(actor=users["btc"], course=course)] == ["DT2"]
    snv_course = new_course(users["snv"], code="DH-2018-SNV")
    assert [c["cadre"].code for c in enrolment_candidates(actor=users["snv"], course=snv_course)] == ["DT2"]
    enrolments_add(actor=users["btc"], course=course, codes=["DT2"])
    # Sent by the line now, she is no longer offered to another course.
    assert enrolment_candidates(actor=users["snv"], course=snv_course) == []
    assert list(course.enrolments.values_list("cadre__code", flat=True)) == ["DT2"]
    client.force_login(users["btc"])  # her name, not a link to a record Ban Tổ chức may not open
    page = client.get(reverse("training:course_detail", args=[course.pk])).content.decode()
    assert "Ka Điệp" in page and reverse("people:cadre_detail", args=["DT2"]) not in page
    client.force_login(users["hr"])
    page = client.get(reverse("training:course_detail", args=[course.pk])).content.decode()
    assert reverse("people:cadre_detail", args=["DT2"]) in page
    in_force_plan(small_province, users, unit="SNV", lines=[("dai_hoc", "tap_trung", ["SNV2"])])
    with pytest.raises(ValidationError) as refused:
        enrolments_add(actor=users["btc"], course=course, codes=["SNV2"])
    assert refused.value.message_dict["cadres"] == [
        "Không có cán bộ mã SNV2 trong phạm vi của bạn tại ngày 01/03/2018."]


def test_a_course_cannot_complete_with_a_result_pending_and_steps_say_why(small_province, users):
    in_force_plan(small_province, users, lines=[("dai_hoc", "tap_trung", ["SNV2", "PL1"])])
    course = new_course(users["snv"])
    transition(actor=users["snv"], obj=course, to=C.TUYEN_SINH)
    with pytest.raises(TransitionRefused) as refused:
        transition(actor=users["snv"], obj=course, to=C.DANG_HOC)
    assert refused.value.reasons == [
        "Khóa học chưa có học viên nào; ghi danh học viên từ kế hoạch đang thực hiện trước."]
    enrolments_add(actor=users["snv"], course=course, codes=["SNV2", "PL1"])
    transition(actor=users["snv"], obj=course, to=C.DANG_HOC)
    with pytest.raises(ValidationError, match="chờ kết quả"):
        result_record(actor=users["snv"], enrolment=course.enrolments.first(), result="dat")
    transition(actor=users["snv"], obj=course, to=C.CHO_KET_QUA)
    result_record(actor=users["snv"], enrolment=course.enrolments.get(cadre__code="PL1"), result="vang")
    offered = [(o["transition"].label, o["reasons"]) for o in options(users["snv"], course)]
    assert offered == [("Hoàn thành khóa học", [
        "Còn 1 học viên chưa có kết quả (SNV2); ghi đủ kết quả trước khi hoàn thành."])]
    with pytest.raises(ValidationError) as refused:
        result_record(actor=users["snv"], enrolment=course.enrolments.get(cadre__code="PL1"), result="vang",
                      grade="kha")
    assert refused.value.message_dict == {
        "result": ["Chỉ học viên đạt mới có xếp loại, ngày cấp, số hiệu văn bằng."]}
    assert options(users["btc"], course) == []
    with pytest.raises(TransitionRefused) as refused:
        transition(actor=users["btc"], obj=course, to=C.HOAN_THANH)
    assert refused.value.reasons == [f"{course} không thuộc phạm vi của bạn."]


def test_the_school_runs_its_own_courses_and_offices_those_of_their_organisers(small_province, users):
    in_force_plan(small_province, users, unit="HU-DT", lines=[("nghiep_vu_dang", "tap_trung", ["DT1"])])
    with pytest.raises(ValidationError) as refused:
        new_course(users["school"], code="TC-1", programme_code="nghiep_vu_dang", organiser="tinh_uy")
    assert "provider_unit" in refused.value.message_dict
    course = new_course(users["school"], code="TC-1", programme_code="nghiep_vu_dang", organiser="tinh_uy",
                        provider="", provider_unit=small_province.units["TCT"])
    assert course.provider == "Trường Chính trị tỉnh"
    enrolments_add(actor=users["school"], course=course, codes=["DT1"])
    with pytest.raises(NotFound):
        enrolments_add(actor=users["btc"], course=course, codes=["DT1"])
    with pytest.raises(ValidationError, match="mode"):
        new_course(users["snv"], code="X", programme_code="qpan_doi_tuong_2", mode="tai_chuc")
    with pytest.raises(ValidationError) as refused:
        new_course(users["btc"], code="Y")  # Sở Nội vụ's course
    assert "provider_unit" in refused.value.message_dict
    assert AuditEvent.objects.get(action="course_create").object_key == "TC-1"
    transition(actor=users["school"], obj=course, to=C.DA_HUY, comment="Không đủ học viên")
    assert course.state == C.DA_HUY


def test_a_line_sends_a_cadre_once_unless_they_failed_or_the_course_was_cancelled(small_province, users):
    """SNV2 and PL1 on Sở Nội vụ's line: on a first course, neither is offered to a second; PL1 who
    failed is offered again, SNV2 who passed is not; a cancelled course sends no one."""
    in_force_plan(small_province, users, lines=[("dai_hoc", "tap_trung", ["SNV2", "PL1"])])
    snv = users["snv"]
    cancelled = new_course(snv, code="DH-HUY")
    enrolments_add(actor=snv, course=cancelled, codes=["SNV2"])
    transition(actor=snv, obj=cancelled, to=C.DA_HUY, comment="Không mở lớp")
    first = new_course(snv)
    run_to_results(first, snv, ["SNV2", "PL1"])
    second = new_course(snv, code="DH-2019", start=dt.date(2019, 3, 1), end=dt.date(2019, 12, 20))

    def offered():
        return [c["cadre"].code for c in enrolment_candidates(actor=snv, course=second)]

    assert offered() == []  # both awaiting their result
    snv2, pl1 = first.enrolments.get(cadre__code="SNV2"), first.enrolments.get(cadre__code="PL1")
    result_record(actor=snv, enrolment=snv2, result="dat")
    result_record(actor=snv, enrolment=pl1, result="khong_dat")
    assert offered() == ["PL1"]
    with pytest.raises(ValidationError) as refused:
        enrolments_add(actor=snv, course=second, codes=["SNV2"])
    assert "không có tên trong dòng kế hoạch đang thực hiện" in refused.value.message_dict["cadres"][0]
