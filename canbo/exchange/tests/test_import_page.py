"""The import page: upload, dry run with every finding, confirmation, load; all as jobs of the user."""

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from canbo.accounts.models import Role
from canbo.audit.actions import AuditAction
from canbo.audit.models import AuditEvent
from canbo.exchange.tests.workbooks import valid_sheets, write_workbook
from canbo.jobs.models import Job, JobState
from canbo.people.models import Cadre
from canbo.people.schema import SHEETS

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def files_dir(settings, tmp_path):
    settings.FILES_DIR = tmp_path / "tep"


@pytest.fixture
def officer(client):
    user = get_user_model().objects.create_user("can_bo_snv", password="x" * 12, role=Role.SNV)
    client.force_login(user)
    return user


def workbook(tmp_path, sheets, name="tinh.xlsx") -> SimpleUploadedFile:
    path = write_workbook(tmp_path / name, sheets)
    with open(path, "rb") as source:
        return SimpleUploadedFile(name, source.read())


def bad_sheets(cadres: int = 1) -> dict:
    """The valid province with `cadres` more cadres whose sex is not a code and unit row missing its name."""
    sheets = valid_sheets()
    sheets["can_bo"] += [[f"X{n:03}", "Người Sai", "1970", "khac", None, None, None, 0, None, "can_bo"]
                         for n in range(cadres)]
    sheets["don_vi"][1][1] = None
    return sheets


def upload(client, file, replace=False):
    return client.post(reverse("exchange:import"), {"tep": file, "thay_the": "1" if replace else "0"})


def test_a_bad_workbook_lists_every_finding_and_cannot_be_confirmed(client, officer, tmp_path):
    answer = upload(client, workbook(tmp_path, bad_sheets(cadres=120), name="sai.xlsx"))
    dry_run = Job.objects.get()
    assert answer.url == reverse("exchange:import_job", args=[dry_run.pk])
    assert dry_run.state == JobState.DONE and dry_run.params["chay_thu"]
    assert dry_run.params["ten"] == "sai.xlsx"
    errors = dry_run.result["loi"]
    assert len(errors) == 121
    assert {"sheet": "don_vi", "row": 3, "column": "ten"}.items() <= errors[0].items()
    assert {(e["sheet"], e["column"]) for e in errors[1:]} == {("can_bo", "gioi_tinh")}
    first = client.get(answer.url)
    html = first.content.decode()
    assert first.context["page"].paginator.num_pages == 2
    assert "Tệp có 121 lỗi" in html and errors[0]["message"] in html
    assert first.context["per_sheet"][1] == {"sheet": "don_vi", "rows": 3, "errors": 1, "warnings": 0}
    assert not first.context["confirmable"] and "Xác nhận nhập" not in html
    second = client.get(answer.url, {"page": 2})
    assert [f["row"] for f in second.context["page"]] == list(range(104, 125))  # X099 to X119
    refused = client.post(reverse("exchange:import_confirm", args=[dry_run.pk]), follow=True)
    assert "Chỉ nhập được tệp đã chạy thử xong và không có lỗi." in refused.content.decode()
    assert Job.objects.count() == 1 and not Cadre.objects.exists()


def test_a_good_workbook_is_loaded_on_confirmation_by_the_user(client, officer, tmp_path, monkeypatch):
    written = []  # progress from inside the write's transaction, which the row would show only at its end
    monkeypatch.setattr("canbo.jobs.runner.live_write", lambda pk, fields: written.append(fields["message"]))
    answer = upload(client, workbook(tmp_path, valid_sheets()))
    dry_run = Job.objects.get()
    assert dry_run.result["loi"] == [] and dry_run.result["so_dong"]["can_bo"] == 3
    assert not Cadre.objects.exists() and not AuditEvent.objects.filter(action=AuditAction.WORKBOOK_IMPORT)
    page = client.get(answer.url)
    assert page.context["confirmable"] and "Tệp hợp lệ (chạy thử, chưa ghi gì)." in page.content.decode()
    loaded = client.post(reverse("exchange:import_confirm", args=[dry_run.pk]))
    load = Job.objects.exclude(pk=dry_run.pk).get()
    assert loaded.url == reverse("exchange:import_job", args=[load.pk])
    assert load.state == JobState.DONE and load.result["da_ghi"] and not load.params["chay_thu"]
    assert (load.done, load.total) == (len(SHEETS) + 1, 2 * len(SHEETS) + 1)  # read and checked in the row
    rows = sum(len(sheet) for sheet in valid_sheets().values())
    assert load.message == f"Đã đọc {rows} dòng; đang kiểm tra cả tệp"
    assert "Ghi thử trang can_bo (3 dòng), rồi huỷ" in written  # the dry run's
    assert written[-1].startswith("Ghi trang ") and "Ghi trang can_bo (3 dòng)" in written
    assert Cadre.objects.count() == 3
    event = AuditEvent.objects.get(action=AuditAction.WORKBOOK_IMPORT)
    assert (event.actor, event.data["tep"]) == (officer, "tinh.xlsx")
    assert "Đã nhập xong tinh.xlsx." in client.get(loaded.url).content.decode()
    again = client.post(reverse("exchange:import_confirm", args=[dry_run.pk]), follow=True)
    assert "Đã có lần nhập sau lần chạy thử này" in again.content.decode()
    assert Job.objects.count() == 2


def test_replacing_the_province_asks_a_second_time(client, officer, tmp_path):
    upload(client, workbook(tmp_path, valid_sheets()))
    client.post(reverse("exchange:import_confirm", args=[Job.objects.get().pk]))
    assert Cadre.objects.count() == 3
    sheets = valid_sheets()
    sheets["can_bo"][0][1] = "Nguyễn Văn Ân"
    upload(client, workbook(tmp_path, sheets), replace=True)
    dry_run = Job.objects.latest("pk")
    assert dry_run.result["loi"] == []  # with the replacement, the codes already held are no error
    confirm = reverse("exchange:import_confirm", args=[dry_run.pk])
    asked = client.post(confirm)
    assert asked.status_code == 200 and "Xác nhận thay thế dữ liệu tỉnh" in asked.content.decode()
    assert asked.context["replacing"]["cán bộ"] == 3
    assert Job.objects.latest("pk") == dry_run
    assert Cadre.objects.get(code="CB001").full_name == "Nguyễn Văn An"
    client.post(confirm, {"xac_nhan_thay_the": "1"})
    load = Job.objects.latest("pk")
    assert load.result["da_ghi"] and load.result["da_xoa"]["cán bộ"] == 3
    assert Cadre.objects.get(code="CB001").full_name == "Nguyễn Văn Ân"


@pytest.mark.parametrize(("name", "content", "message"), [
    ("tinh.pdf", b"%PDF-1.4\n", "không phải tệp XLSX"),
    ("tinh.xlsx", b"%PDF-1.4\n", "không phải tệp XLSX"),
    ("tinh.xlsx", b"", "rỗng"),
])
def test_a_file_that_is_no_workbook_is_refused(client, officer, name, content, message):
    answer = upload(client, SimpleUploadedFile(name, content))
    assert answer.status_code == 200 and message in answer.content.decode()
    assert not Job.objects.exists()


def test_a_workbook_over_the_size_limit_is_refused(client, officer, settings, tmp_path):
    settings.WORKBOOK_MAX_BYTES = 1000
    answer = upload(client, workbook(tmp_path, valid_sheets()))
    assert "lớn hơn" in answer.content.decode() and not Job.objects.exists()


def test_another_users_import_is_not_found(client, officer, tmp_path):
    upload(client, workbook(tmp_path, valid_sheets()))
    dry_run = Job.objects.get()
    other = get_user_model().objects.create_user("can_bo_btc", password="x" * 12, role=Role.BTC)
    client.force_login(other)
    assert client.get(reverse("exchange:import_job", args=[dry_run.pk])).status_code == 404
    assert client.post(reverse("exchange:import_confirm", args=[dry_run.pk])).status_code == 404
    assert not Cadre.objects.exists()


def test_a_running_import_shows_its_progress_and_is_not_confirmable(client, officer):
    params = {"tep": "0" * 64, "ten": "tinh.xlsx", "thay_the": False, "chay_thu": True}
    job = Job.objects.create(kind="nhap_du_lieu", actor=officer, state=JobState.RUNNING, done=3, total=32,
                             message="Đọc trang can_bo (3 dòng)", params=params)
    page = client.get(reverse("exchange:import_job", args=[job.pk]))
    html = page.content.decode()
    assert f'data-job-state="{reverse("jobs:state", args=[job.pk])}"' in html
    assert "Đọc trang can_bo (3 dòng)" in html and "Xác nhận nhập" not in html
    refused = client.post(reverse("exchange:import_confirm", args=[job.pk]), follow=True)
    assert "Chỉ nhập được tệp đã chạy thử xong" in refused.content.decode()
    assert Job.objects.count() == 1
