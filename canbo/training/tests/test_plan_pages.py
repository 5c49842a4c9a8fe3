"""The plan pages: the board, drafting, the buttons each role sees, a step with its confirmation and
refusals, documents served only within scope, amendment."""

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from canbo.accounts.models import Role
from canbo.audit.actions import AuditAction
from canbo.audit.models import AuditEvent
from canbo.audit.render import summary
from canbo.core.dates import moment_on
from canbo.training.models import PlanState as S
from canbo.training.models import TrainingPlan
from canbo.training.plans import plan_create
from canbo.workflow.models import Step
from canbo.workflow.services import transition

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n%%EOF\n"


@pytest.fixture(autouse=True)
def files_dir(settings, tmp_path):
    settings.FILES_DIR = tmp_path / "tep"


@pytest.fixture
def users(small_province):
    return {name: small_province.user(name, role, unit) for name, role, unit in (
        ("hr_dt", Role.UNIT_HR, "HU-DT"), ("btc", Role.BTC, None), ("snv", Role.SNV, None),
        ("btv", Role.BTV, None))}


@pytest.fixture
def plan(small_province, users):
    return plan_create(actor=users["hr_dt"], unit=small_province.units["HU-DT"], year=2018,
                       content="Cử 3 đồng chí học cao cấp lý luận chính trị.",
                       at=timezone.now() - dt.timedelta(days=10))


def _page(client, user, url, data=None):
    client.force_login(user)
    response = client.post(url, data) if data is not None else client.get(url)
    return response, response.content.decode() if not response.streaming else ""


def test_the_board_shows_the_deadline_and_offers_drafting_to_drafters(client, users, plan):
    _response, page = _page(client, users["hr_dt"], reverse("training:plans") + "?nam=2018")
    assert "trước ngày 01/11/2017" in page and "Đã quá hạn: 1 đơn vị chưa gửi kế hoạch." in page
    assert "Lập kế hoạch của đơn vị" in page and "đang dự thảo" in page
    _response, page = _page(client, users["btv"], reverse("training:plans") + "?nam=2018")
    assert "Lập kế hoạch của đơn vị" not in page and "Huyện ủy Đức Trọng" in page


@pytest.mark.parametrize(("as_of", "year"), [
    ("30/09/2018", 2018), ("01/10/2018", 2019), ("29/11/2018", 2019), ("01/01/2019", 2019),
])
def test_the_board_opens_at_the_year_officials_work_on(client, users, as_of, year):
    """From the month before next year's plans are due (01/11), the board and the drafting form
    open at next year; before it, at the date's own year."""
    _response, page = _page(client, users["hr_dt"], reverse("training:plans") + f"?as_of={as_of}")
    assert f"<h1>Kế hoạch đào tạo, bồi dưỡng năm {year}</h1>" in page
    assert f"?nam={year}" in page
    _response, page = _page(client, users["hr_dt"], reverse("training:plan_new"))
    assert f'name="year" value="{year}"' in page


def test_drafting_for_a_unit_outside_the_scope_is_refused_on_the_field_keeping_the_text(client, users):
    url = reverse("training:plan_new")
    form = {"unit": "SNV", "year": "2019", "content": "Nội dung"}
    response, page = _page(client, users["hr_dt"], url, form)
    assert response.status_code == 200 and "Không có đơn vị mã “SNV” trong phạm vi của bạn" in page
    assert "Nội dung</textarea>" in page
    response, _page_text = _page(client, users["hr_dt"], url, form | {"unit": "HU-DT"})
    created = TrainingPlan.objects.get(year=2019)
    assert response.status_code == 302
    assert response["Location"] == reverse("training:plan_detail", args=[created.pk])


def test_a_plan_entered_later_is_dated_the_day_it_was_drafted_and_its_log_says_so(client, users):
    url = reverse("training:plan_new")
    form = {"unit": "HU-DT", "year": "2019", "content": "Nội dung", "made_on": "02/10/2018"}
    response, _text = _page(client, users["hr_dt"], url, form)
    plan = TrainingPlan.objects.get(year=2019)
    assert response.status_code == 302 and plan.created_at == moment_on(dt.date(2018, 10, 2))
    event = AuditEvent.objects.get(action=AuditAction.PLAN_CREATE, object_key="HU-DT/2019/1")
    assert summary(event).endswith("; thực hiện lúc 02/10/2018 08:00")
    tomorrow = (timezone.localdate() + dt.timedelta(days=1)).strftime("%d/%m/%Y")
    response, page = _page(client, users["hr_dt"], url, form | {"year": "2020", "made_on": tomorrow})
    assert response.status_code == 200 and "Không thể ghi một ngày sau hôm nay." in page
    assert not TrainingPlan.objects.filter(year=2020).exists()


def test_each_role_sees_the_buttons_of_its_steps(client, users, plan):
    detail = reverse("training:plan_detail", args=[plan.pk])
    _response, page = _page(client, users["hr_dt"], detail)
    assert "Gửi kế hoạch" in page and "Sửa dự thảo" in page
    _response, page = _page(client, users["btv"], detail)
    assert "Việc bạn có thể làm" not in page
    transition(actor=users["hr_dt"], obj=plan, to=S.DA_GUI)
    _response, page = _page(client, users["btc"], detail)
    assert reverse("training:plan_step", args=[plan.pk, "da_tong_hop"]) in page and "Trả lại đơn vị" in page
    _response, page = _page(client, users["hr_dt"], detail)
    assert "Sửa dự thảo" not in page and "Gửi kế hoạch" not in page


def test_a_step_asks_first_and_a_refusal_keeps_what_was_typed(client, users, plan):
    transition(actor=users["hr_dt"], obj=plan, to=S.DA_GUI)
    url = reverse("training:plan_step", args=[plan.pk, "du_thao"])
    _response, page = _page(client, users["btc"], url)
    assert "Trả lại kế hoạch cho đơn vị để sửa? Ghi rõ lý do." in page
    plan.refresh_from_db()
    assert plan.state == S.DA_GUI
    bad = SimpleUploadedFile("ghi-chu.txt", b"text")
    _response, page = _page(client, users["btc"], url, {"y_kien": "Thiếu danh sách", "tep": bad})
    assert "không thuộc loại được nhận" in page and ">Thiếu danh sách</textarea>" in page
    response, _text = _page(client, users["btc"], url, {"y_kien": "Thiếu danh sách"})
    plan.refresh_from_db()
    assert response.status_code == 302 and plan.state == S.DU_THAO


def test_a_step_may_be_dated_the_day_it_was_taken(client, users, plan):
    url = reverse("training:plan_step", args=[plan.pk, "da_gui"])
    _response, page = _page(client, users["hr_dt"], url)
    assert 'name="ngay"' in page and "để trống nếu là hôm nay" in page
    refusals = (("31/02/2026", "không đúng dạng dd/mm/yyyy"), ("01/01/2099", "vào một thời điểm ở tương lai"),
                ("01/01/2000", "hồ sơ được lập hoặc chuyển bước gần nhất lúc"))
    for typed, refusal in refusals:
        response, page = _page(client, users["hr_dt"], url, {"ngay": typed})
        assert response.status_code == 200 and refusal in page and f'value="{typed}"' in page, typed
    plan.refresh_from_db()
    assert plan.state == S.DU_THAO
    yesterday = timezone.localdate() - dt.timedelta(days=1)
    response, _text = _page(client, users["hr_dt"], url, {"ngay": f"{yesterday:%d/%m/%Y}"})
    assert response.status_code == 302
    step = Step.objects.get(object_id=plan.pk, target=S.DA_GUI)
    assert timezone.localtime(step.at).date() == yesterday and timezone.localtime(step.at).hour == 17
    detail = reverse("training:plan_detail", args=[plan.pk])
    for day, shown in ((yesterday, "Đã gửi"), (yesterday - dt.timedelta(days=1), "Dự thảo")):
        page = _page(client, users["btc"], f"{detail}?as_of={day:%d/%m/%Y}")[1]
        assert f"Tại ngày {day:%d/%m/%Y}: {shown}." in page
    made = timezone.localdate() - dt.timedelta(days=10)
    assert f"Chưa lập tại ngày {made - dt.timedelta(days=1):%d/%m/%Y}." in _page(
        client, users["btc"], f"{detail}?as_of={made - dt.timedelta(days=1):%d/%m/%Y}")[1]
    same_day = reverse("training:plan_step", args=[plan.pk, "da_tong_hop"])
    assert _page(client, users["btc"], same_day, {"ngay": ""})[0].status_code == 302
    assert Step.objects.filter(object_id=plan.pk, at__date=timezone.now().date()).exists()


def test_a_role_without_the_step_sees_why_and_no_confirmation(client, users, plan):
    _response, page = _page(client, users["btv"], reverse("training:plan_step", args=[plan.pk, "da_gui"]))
    assert "Bạn không có quyền: Lập, gửi, điều chỉnh kế hoạch" in page and "Xác nhận:" not in page
    response, _text = _page(client, users["btv"], reverse("training:plan_step", args=[plan.pk, "da_gui"]), {})
    plan.refresh_from_db()
    assert response.status_code == 200 and plan.state == S.DU_THAO
    later = reverse("training:plan_step", args=[plan.pk, "co_hieu_luc"])
    assert _page(client, users["btc"], later)[0].status_code == 404


def test_a_document_is_served_only_within_the_plan_scope(client, users, plan):
    step = transition(actor=users["hr_dt"], obj=plan, to=S.DA_GUI,
                      files=[SimpleUploadedFile("to-trinh.pdf", PDF)])
    url = reverse("training:plan_file", args=[plan.pk, step.files.get().pk])
    response, _text = _page(client, users["btc"], url)
    assert response.status_code == 200 and b"".join(response.streaming_content) == PDF
    assert response["Content-Type"] == "application/pdf" and "to-trinh.pdf" in response["Content-Disposition"]
    assert _page(client, users["snv"], url)[0].status_code == 404
    other = plan_create(actor=users["btc"], unit=plan.unit.parent or plan.unit, year=2019, content="Khác")
    wrong = reverse("training:plan_file", args=[other.pk, step.files.get().pk])
    assert _page(client, users["btc"], wrong)[0].status_code == 404


def test_a_sent_plan_is_not_edited_and_an_approved_one_is_amended(client, users, plan):
    transition(actor=users["hr_dt"], obj=plan, to=S.DA_GUI)
    _response, page = _page(client, users["hr_dt"], reverse("training:plan_edit", args=[plan.pk]),
                            {"content": "Sửa"})
    assert "Chỉ sửa được kế hoạch đang ở bước dự thảo" in page
    for actor, target in (("btc", S.DA_TONG_HOP), ("btc", S.DA_TRINH), ("btv", S.DA_PHE_DUYET)):
        transition(actor=users[actor], obj=plan, to=target)
    amend = reverse("training:plan_amend", args=[plan.pk])
    yesterday = (timezone.localdate() - dt.timedelta(days=1)).strftime("%d/%m/%Y")
    _response, page = _page(client, users["hr_dt"], amend, {"reason": "Thêm lớp QLNN", "made_on": yesterday})
    assert f"Không thể ghi bản điều chỉnh này vào {yesterday} 08:00: hồ sơ được lập" in page
    assert not TrainingPlan.objects.filter(previous=plan).exists() and f'value="{yesterday}"' in page
    response, _text = _page(client, users["hr_dt"], amend, {"reason": "Thêm lớp QLNN"})
    amended = TrainingPlan.objects.get(previous=plan)
    assert response.status_code == 302
    assert response["Location"] == reverse("training:plan_edit", args=[amended.pk])
    _response, page = _page(client, users["btv"], reverse("training:plan_detail", args=[amended.pk]))
    assert "Phiên bản 1" in page and "Thêm lớp QLNN" in page
