"""The proposal pages and API: drafting from the form (a refusal names the rule and clause), the detail
with its check and steps, a step confirmed and a return refused without a reason, and the API's
proposals, opinions and steps with their refusals."""

import datetime as dt

import pytest

from canbo.accounts.models import Role
from canbo.accounts.system import system_actor
from canbo.core.dates import moment_on
from canbo.people import services
from canbo.rotation.models import Proposal
from canbo.workflow.services import taken_on

pytestmark = pytest.mark.django_db
FORM = {
    "loai": "luan_chuyen",
    "den_don_vi": "HU-DT",
    "chuc_danh": "CV",
    "tu_ngay": "01/01/2018",
    "den_ngay": "31/12/2020",
    "ly_do": "Rèn luyện qua thực tiễn cơ sở",
}


@pytest.fixture
def planned(small_province, settings, tmp_path):
    """Hoàng Thị Mai of the Women's Union, planned for a BTV-managed post: in the rotation pool."""
    settings.FILES_DIR = tmp_path / "tep"
    services.planning_add(
        actor=system_actor(),
        cadre=small_province.cadres["HOI"],
        position_type=small_province.types["BT-HU"],
        term_start=2015,
        term_end=2020,
        approved_on=dt.date(2016, 1, 1),
    )
    return small_province


def test_btc_drafts_from_the_form_and_takes_step_one_after_confirming(planned, client_as):
    client = client_as("btc", role=Role.BTC)
    form = client.get("/de-xuat/moi/", {"ma_can_bo": "HOI"}).content.decode()
    assert 'value="HOI"' in form
    response = client.post("/de-xuat/moi/", {**FORM, "ma_can_bo": "HOI"})
    proposal = Proposal.objects.get()
    assert response["Location"] == f"/de-xuat/{proposal.pk}/"
    detail = client.get(response["Location"]).content.decode()
    assert "Hợp lệ" in detail and "Ban Thường vụ Tỉnh ủy" in detail and "Trình Thường trực Tỉnh ủy" in detail
    confirm = client.get(f"/de-xuat/{proposal.pk}/buoc/trinh_thuong_truc/").content.decode()
    assert "Trình danh sách dự kiến lên Thường trực Tỉnh ủy? (Bước 1)" in confirm
    client.post(f"/de-xuat/{proposal.pk}/buoc/trinh_thuong_truc/")
    proposal.refresh_from_db()
    assert proposal.state == "trinh_thuong_truc"
    listed = client.get("/de-xuat/", {"buoc": "trinh_thuong_truc"}).content.decode()
    assert "Hoàng Thị Mai" in listed

    client = client_as("tt", role=Role.THUONG_TRUC)
    refused = client.post(f"/de-xuat/{proposal.pk}/buoc/du_thao/", {"y_kien": " "}).content.decode()
    assert "cần ghi rõ lý do" in refused
    client.post(
        f"/de-xuat/{proposal.pk}/y-kien/", {"ben": "thuong_truc", "y_kien": "dong_y", "noi_dung": "Nhất trí"}
    )
    assert proposal.opinions.get().text == "Nhất trí"


def test_a_proposal_entered_later_keeps_the_day_it_was_drafted_and_its_opinions_theirs(planned, client_as):
    client = client_as("btc", role=Role.BTC)
    form = client.get("/de-xuat/moi/").content.decode()
    assert "Ngày lập (để trống nếu là hôm nay)" in form
    response = client.post("/de-xuat/moi/", {**FORM, "ma_can_bo": "HOI", "ngay_lap": "02/10/2017"})
    proposal = Proposal.objects.get()
    assert response.status_code == 302 and proposal.created_at == moment_on(dt.date(2017, 10, 2))
    client.post(f"/de-xuat/{proposal.pk}/buoc/trinh_thuong_truc/", {"ngay": "09/10/2017"})
    client = client_as("tt", role=Role.THUONG_TRUC)
    opinion = {"ben": "thuong_truc", "y_kien": "dong_y", "noi_dung": "Nhất trí"}
    refused = client.post(f"/de-xuat/{proposal.pk}/y-kien/", {**opinion, "ngay": "05/10/2017"})
    page = refused.content.decode()
    assert refused.status_code == 200 and "Không thể ghi ý kiến này vào 05/10/2017 17:00" in page
    assert 'value="05/10/2017"' in page and "Nhất trí</textarea>" in page  # what was typed is kept
    client.post(f"/de-xuat/{proposal.pk}/y-kien/", {**opinion, "ngay": "11/10/2017"})
    assert proposal.opinions.get().at == taken_on(dt.date(2017, 10, 11))


def test_a_refusal_on_the_form_names_the_rule_and_clause(planned, client_as):
    client = client_as("snv", role=Role.SNV)
    page = client.post(
        "/de-xuat/moi/",
        {
            **FORM,
            "ma_can_bo": "SNV2",
            "loai": "dieu_dong",
            "den_don_vi": "UB-DT",
            "tu_ngay": "01/06/2019",
            "den_ngay": "",
        },
    ).content.decode()
    assert "D1" in page and "III.3" in page and not Proposal.objects.exists()


def test_a_list_from_the_pool_and_the_pages_of_readers(planned, client_as):
    client = client_as("btc", role=Role.BTC)
    assert (
        "/de-xuat/moi/?ma_can_bo=HOI"
        in client.get("/ra-soat/nguon-luan-chuyen/", {"as_of": "01/01/2018"}).content.decode()
    )
    prefilled = client.get("/de-xuat/danh-sach-moi/", {"ma_can_bo": "HOI"}).content.decode()
    assert "HOI; ; " in prefilled
    response = client.post("/de-xuat/danh-sach-moi/", {**FORM, "ten": "Đợt I/2018", "dong": "HOI; HU-DT; CV"})
    assert response.status_code == 302 and Proposal.objects.get().batch.name == "Đợt I/2018"
    client = client_as("inspector", role=Role.INSPECTOR)
    assert "Đợt I/2018" in client.get("/de-xuat/").content.decode()
    assert "Lập đề xuất" not in client.get("/de-xuat/").content.decode()
    assert client.get("/dang-luan-chuyen/").status_code == 200


def test_the_api_drafts_records_opinions_and_takes_steps(planned, client_as):
    client = client_as("btc", role=Role.BTC)
    body = {
        "ma_can_bo": "HOI",
        "loai": "luan_chuyen",
        "den_don_vi": "HU-DT",
        "chuc_danh": "CV",
        "tu_ngay": "2018-01-01",
        "den_ngay": "2020-12-31",
        "ly_do": "Rèn luyện",
    }
    created = client.post("/api/luan-chuyen/de-xuat", body, content_type="application/json")
    assert created.status_code == 201, created.content
    number = created.json()["so"]
    assert created.json()["kiem_tra"]["tham_quyen"] == "btv"
    refused = client.post(
        "/api/luan-chuyen/de-xuat", {**body, "ma_can_bo": "SNV2"}, content_type="application/json"
    )
    assert refused.status_code == 404
    step = client.post(
        f"/api/luan-chuyen/de-xuat/{number}/buoc",
        {"sang": "trinh_thuong_truc"},
        content_type="application/json",
    )
    assert step.status_code == 200 and step.json()["cac_buoc"][0]["vai_tro"] == "btc"
    early = client.post(
        f"/api/luan-chuyen/de-xuat/{number}/buoc", {"sang": "xin_y_kien"}, content_type="application/json"
    )
    assert early.status_code == 409 and "Thường trực" in str(early.json())
    wrong = client.post(
        f"/api/luan-chuyen/de-xuat/{number}/y-kien",
        {"ben": "thuong_truc", "y_kien": "dong_y"},
        content_type="application/json",
    )
    assert wrong.status_code == 403
    client = client_as("tt", role=Role.THUONG_TRUC)
    given = client.post(
        f"/api/luan-chuyen/de-xuat/{number}/y-kien",
        {"ben": "thuong_truc", "y_kien": "dong_y"},
        content_type="application/json",
    )
    assert given.status_code == 201
    assert (
        client.post(
            f"/api/luan-chuyen/de-xuat/{number}/buoc", {"sang": "xin_y_kien"}, content_type="application/json"
        ).status_code
        == 403
    )
    assert [
        p["so"] for p in client.get("/api/luan-chuyen/de-xuat", {"buoc": "trinh_thuong_truc"}).json()
    ] == [number]
