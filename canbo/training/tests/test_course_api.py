"""The course's writes through the API: the same services as the pages (enrolment from the plans in
force, the steps of the course's process, results, completion writing the qualification), each refusal
answered as JSON with its reasons: 403 for a role without the capability, 404 for a course the caller
does not run, 409 for what the rules refuse, 422 for a body that does not match its schema."""

import datetime as dt

import pytest
from django.utils import timezone

from canbo.people.models import Qualification
from canbo.training.models import Course
from canbo.training.tests.test_courses import in_force_plan, new_course, users  # noqa: F401
from canbo.workflow.models import Step

pytestmark = pytest.mark.django_db

BASE = "/api/dao-tao/khoa-hoc/DH-2018"


def _post(client, path, body):
    return client.post(f"{BASE}/{path}", body, content_type="application/json")


def test_an_office_runs_a_course_through_the_api(client, small_province, users):  # noqa: F811
    in_force_plan(small_province, users, lines=[("dai_hoc", "tap_trung", ["SNV2", "PL1"])])
    new_course(users["snv"], seats=1, at=timezone.now() - dt.timedelta(days=3))
    client.force_login(users["snv"])
    refused = _post(client, "hoc-vien", {"ma_can_bo": ["SNV2", "PL1"]})
    assert refused.status_code == 409 and refused.json() == {"detail": [
        "Khóa học có 1 chỗ, đã ghi danh 0 học viên; không ghi danh thêm được 2 người."]}
    enrolled = _post(client, "hoc-vien", {"ma_can_bo": ["SNV2"]})
    assert enrolled.status_code == 201 and enrolled.json()["so_hoc_vien"] == 1
    refused = _post(client, "buoc", {"sang": "hoan_thanh"})
    assert refused.status_code == 409
    assert refused.json() == {"detail": ["Không thể chuyển từ “Dự thảo” sang “Đã hoàn thành”."]}
    assert _post(client, "buoc", {"sang": "tuyen_sinh", "ngay": "2099-01-01"}).json() == {
        "detail": ["Không thể ghi bước này vào một thời điểm ở tương lai."]}
    yesterday = timezone.localdate() - dt.timedelta(days=1)
    assert _post(client, "buoc", {"sang": "tuyen_sinh", "ngay": yesterday.isoformat()}).status_code == 200
    assert timezone.localtime(Step.objects.get(target="tuyen_sinh").at).date() == yesterday
    assert _post(client, "buoc", {"sang": "dang_hoc"}).json()["trang_thai"] == "dang_hoc"
    early = _post(client, "ket-qua", {"ket_qua": [{"ma_can_bo": "SNV2", "ket_qua": "dat"}]})
    assert early.status_code == 409
    assert "kết quả được ghi khi khóa học chờ kết quả" in early.json()["detail"][0]
    assert _post(client, "buoc", {"sang": "cho_ket_qua"}).status_code == 200
    pending = _post(client, "buoc", {"sang": "hoan_thanh"})
    assert pending.status_code == 409 and pending.json()["detail"] == [
        "Còn 1 học viên chưa có kết quả (SNV2); ghi đủ kết quả trước khi hoàn thành."]
    bad = _post(client, "ket-qua", {"ket_qua": [
        {"ma_can_bo": "SNV2", "ket_qua": "vang", "xep_loai": "kha"},
        {"ma_can_bo": "PL1", "ket_qua": "dat"}]})
    assert bad.status_code == 409 and bad.json()["detail"] == [
        "SNV2: Chỉ học viên đạt mới có xếp loại, ngày cấp, số hiệu văn bằng.",
        "PL1: Không có học viên mã này trong khóa học."]
    assert _post(client, "ket-qua", {"ket_qua": [{"ma_can_bo": "SNV2", "ket_qua": "tot"}]}).status_code == 422
    recorded = _post(client, "ket-qua", {"ket_qua": [
        {"ma_can_bo": "SNV2", "ket_qua": "dat", "xep_loai": "gioi", "ngay_cap": "2018-12-28",
         "so_hieu_bang": "B-9"}]})
    assert recorded.status_code == 200 and recorded.json()["so_dat"] == 1
    done = _post(client, "buoc", {"sang": "hoan_thanh"})
    assert done.status_code == 200 and done.json()["trang_thai"] == "hoan_thanh"
    assert done.json()["hoc_vien"][0]["trinh_do_duoc_ghi"] == [
        {"loai": "chuyen_mon", "bac": "dai_hoc", "ngay_cap": "2018-12-20"}]
    assert Qualification.objects.filter(cadre__code="SNV2", level="dai_hoc").count() == 1


def test_a_trainee_leaves_a_course_only_before_it_starts(client, small_province, users):  # noqa: F811
    in_force_plan(small_province, users, lines=[("dai_hoc", "tap_trung", ["SNV2", "PL1"])])
    new_course(users["snv"])
    client.force_login(users["btc"])  # reads the course, does not run it
    assert client.delete(f"{BASE}/hoc-vien/SNV2").status_code == 404
    client.force_login(users["hr"])
    assert client.delete(f"{BASE}/hoc-vien/SNV2").status_code == 403
    client.force_login(users["snv"])
    _post(client, "hoc-vien", {"ma_can_bo": ["SNV2", "PL1"]})
    left = client.delete(f"{BASE}/hoc-vien/PL1")
    assert left.status_code == 200 and [t["ma_can_bo"] for t in left.json()["hoc_vien"]] == ["SNV2"]
    assert client.delete(f"{BASE}/hoc-vien/PL1").status_code == 404
    _post(client, "buoc", {"sang": "tuyen_sinh"})
    _post(client, "buoc", {"sang": "dang_hoc"})
    refused = client.delete(f"{BASE}/hoc-vien/SNV2")
    assert refused.status_code == 409 and refused.json() == {"detail": [
        "Khóa học đã khai giảng; không bỏ ghi danh được, hãy ghi kết quả “Vắng”."]}


def test_a_cancellation_needs_a_reason(client, small_province, users):  # noqa: F811
    new_course(users["snv"])
    client.force_login(users["snv"])
    refused = _post(client, "buoc", {"sang": "da_huy"})
    assert refused.status_code == 409
    assert refused.json() == {"detail": ["Bước “Hủy khóa học” cần ghi rõ lý do."]}
    cancelled = _post(client, "buoc", {"sang": "da_huy", "ly_do": "Không đủ học viên"})
    assert cancelled.json()["trang_thai"] == "da_huy"


def test_wrong_role_and_a_course_not_run_are_refused_with_the_reason(client, small_province, users):  # noqa: F811
    in_force_plan(small_province, users, lines=[("dai_hoc", "tap_trung", ["SNV2"])])
    new_course(users["snv"])
    client.force_login(users["hr"])
    refused = _post(client, "buoc", {"sang": "tuyen_sinh"})
    assert refused.status_code == 403 and refused.json()["detail"]
    assert _post(client, "hoc-vien", {"ma_can_bo": ["SNV2"]}).status_code == 403
    client.force_login(users["btc"])  # runs the courses of Tỉnh ủy, not those of Sở Nội vụ
    assert _post(client, "hoc-vien", {"ma_can_bo": ["SNV2"]}).status_code == 404
    step = _post(client, "buoc", {"sang": "tuyen_sinh"})
    assert step.status_code == 409 and step.json()["detail"] == [
        "Lớp đại học hành chính (DH-2018) không thuộc phạm vi của bạn."]
    assert Course.objects.get(code="DH-2018").state == "du_thao"
    assert _post(client, "hoc-vien", {"ma_can_bo": []}).status_code == 422
