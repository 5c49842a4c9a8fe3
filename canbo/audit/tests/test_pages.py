import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from canbo.accounts.models import Role
from canbo.accounts.system import system_actor
from canbo.audit.actions import AuditAction
from canbo.audit.services import audit_record, cadre_viewed

pytestmark = pytest.mark.django_db
LOG = reverse("audit:list")


def _rows(response):
    return list(response.context["table"].rows)


def test_inspector_filters_the_log_by_cadre_and_reads_summaries(client_as, small_province):
    client = client_as("kiemtra", role=Role.INSPECTOR)
    client.get(reverse("people:cadre_detail", args=["DT1"]))
    response = client.get(LOG, {"ma_can_bo": "DT1"})
    assert response.status_code == 200
    rows = _rows(response)
    assert {str(row["can_bo"]) for row in rows} == {"DT1"}
    assert (rows[0]["thao_tac"], rows[0]["nguoi"]) == ("Xem hồ sơ cán bộ", "kiemtra")
    page = response.content.decode()
    assert "Xem hồ sơ cán bộ Nguyễn Thị Đào (DT1)" in page and "Thêm cán bộ DT1 – Nguyễn Thị Đào" in page
    assert f'href="{reverse("people:cadre_detail", args=["DT1"])}"' in page
    assert f'<td class="num">{rows[0]["so"]}</td>' in page
    assert "ngày sinh: 01/09/1968" in page  # the values of the created record


def test_filters_by_actor_action_object_and_dates(client_as, small_province):
    client = client_as("btc", role=Role.BTC)
    cadre_viewed(small_province.user("hr", Role.UNIT_HR, "HU-DT"), small_province.cadres["DT2"])
    by_actor = _rows(client.get(LOG, {"nguoi": "hr"}))
    assert [(row["nguoi"], str(row["can_bo"])) for row in by_actor] == [("hr", "DT2")]
    by_action = _rows(client.get(LOG, {"thao_tac": AuditAction.UNIT_CREATE}))
    assert len(by_action) == 7 and {row["thao_tac"] for row in by_action} == {"Thêm đơn vị"}
    by_object = _rows(client.get(LOG, {"doi_tuong": "org.Unit", "ma_doi_tuong": "HU-DT"}))
    assert [row["noi_dung"] for row in by_object] == ["Thêm đơn vị HU-DT – Huyện ủy Đức Trọng"]
    today = timezone.localdate().strftime("%d/%m/%Y")
    assert len(_rows(client.get(LOG, {"tu_ngay": today, "den_ngay": today}))) == len(_rows(client.get(LOG)))
    assert _rows(client.get(LOG, {"den_ngay": "01/01/2020"})) == []
    wrong = client.get(LOG, {"tu_ngay": "31/02/2020"})
    assert "Ngày lọc không hợp lệ" in wrong.content.decode() and _rows(wrong)


def test_the_filters_offer_labels_never_codes(client_as):
    client = client_as("kiemtra", role=Role.INSPECTOR)
    page = client.get(LOG).content.decode()
    assert '<option value="cadre_view">Xem hồ sơ cán bộ</option>' in page
    assert '<option value="org.Unit">đơn vị</option>' in page
    assert ">cadre_view<" not in page and ">unit_create<" not in page


def test_other_roles_may_not_read_the_log(client_as):
    client = client_as("hr", role=Role.UNIT_HR, scope_unit="HU-DT")
    assert client.get(LOG).status_code == 403


def test_a_full_page_costs_no_more_queries_than_a_small_one(client_as, small_province):
    client = client_as("kiemtra", role=Role.INSPECTOR)
    with CaptureQueriesContext(connection) as few:
        assert len(_rows(client.get(LOG, {"ma_can_bo": "TU1"}))) == 2
    actor = system_actor()
    for cadre in small_province.cadres.values():
        cadre_viewed(actor, cadre)
        audit_record(actor=actor, action=AuditAction.ADMIN_UPDATE, obj=cadre,
                     before={"ethnicity": ""}, after={"ethnicity": "Kinh"})
    with CaptureQueriesContext(connection) as many:
        assert len(_rows(client.get(LOG))) == 50
    assert len(many.captured_queries) == len(few.captured_queries)


def test_the_log_sorts_by_a_column_and_exports_what_the_filters_select(client_as, small_province):
    import io

    from python_calamine import CalamineWorkbook

    from canbo.audit.models import AuditEvent

    client = client_as("kiemtra", role=Role.INSPECTOR)
    oldest_first = _rows(client.get(LOG, {"sap_xep": "so"}))
    assert [row["so"] for row in oldest_first] == sorted(row["so"] for row in oldest_first)
    assert oldest_first[0]["so"] == AuditEvent.objects.order_by("seq").first().seq
    response = client.get(LOG, {"thao_tac": AuditAction.UNIT_CREATE, "xuat": "xlsx"})
    assert response["Content-Disposition"].startswith('attachment; filename="nhat-ky-')
    sheet = CalamineWorkbook.from_filelike(io.BytesIO(response.content)).get_sheet_by_index(0).to_python()
    assert sheet[2][:4] == ["Số", "Thời điểm", "Người thực hiện", "Thao tác"]
    assert [row[3] for row in sheet[3:]] == ["Thêm đơn vị"] * 7
    exported = AuditEvent.objects.filter(action=AuditAction.DATA_EXPORT).get()
    assert exported.actor.username == "kiemtra" and exported.data["so_dong"] == 7
