"""Rotation lists in real Chromium: a transfer between two state units routed to the Party committee of
the People's Committee (carried through the steps and decided by Sở Nội vụ: Ban Tổ chức does not reach
it, and the Standing Committee does not decide it), a disciplined cadre refused when drafted, a list
stepped at once with one proposal refused and the other moved, the list for the Standing Committee's
meeting, and the one-time allowances for the finance office."""

import datetime as dt

import pytest
from playwright.sync_api import expect

from canbo.accounts.models import Role
from canbo.accounts.system import system_actor
from canbo.people import services
from canbo.rotation.proposals import Draft, opinion_add, proposal_create, proposal_list_create
from canbo.workflow.services import transition
from tests.browser.test_review import shot
from tests.browser.test_rotation_procedure import report_and_consult, submit_with_opinions

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
START, END = dt.date(2018, 1, 1), dt.date(2020, 12, 31)


def _as(page, live_server, sign_in, username, url):
    page.context.clear_cookies()
    sign_in(page, live_server, username)
    page.goto(url)


def _to_step_three(proposal, decided=False):
    """Reported, consulted and reported for decision through the services (and decided by the Standing
    Committee when `decided`)."""
    system = system_actor()
    transition(actor=system, obj=proposal, to="trinh_thuong_truc")
    opinion_add(actor=system, proposal=proposal, party="thuong_truc", verdict="dong_y")
    transition(actor=system, obj=proposal, to="xin_y_kien")
    for party in ("don_vi_di", "don_vi_den", "can_bo"):
        opinion_add(actor=system, proposal=proposal, party=party, verdict="dong_y", text="Nhất trí")
    transition(actor=system, obj=proposal, to="trinh_btv")
    if decided:
        transition(actor=system, obj=proposal, to="da_quyet_dinh")


@pytest.fixture
def officials(small_province, settings, tmp_path):
    settings.FILES_DIR = tmp_path / "tep"
    roles = (("btc", Role.BTC), ("snv", Role.SNV), ("btv", Role.BTV), ("thuongtruc", Role.THUONG_TRUC))
    for username, role in roles:
        small_province.user(username, role)
    return small_province


def test_a_transfer_routed_to_the_peoples_committee_and_a_disciplined_cadre_refused(
    page, live_server, officials, sign_in
):
    _as(page, live_server, sign_in, "snv", f"{live_server.url}/de-xuat/moi/?as_of=01/01/2018")
    page.get_by_label("Mã cán bộ").fill("SNV2")
    page.get_by_label("Loại đề xuất").select_option(label="Điều động")
    page.get_by_label("Mã đơn vị đến").fill("UB-DT")
    page.get_by_label("Mã chức danh đề xuất").fill("CV")
    page.get_by_label("Từ ngày").fill("01/01/2018")
    page.get_by_label("Lý do đề xuất").fill("Huyện thiếu chuyên viên")
    page.get_by_role("button", name="Lập dự thảo").click()
    expect(page.locator("#tham-quyen")).to_contain_text("Ban cán sự đảng UBND tỉnh")
    url = page.url
    _as(page, live_server, sign_in, "btc", url)  # two state units: outside Ban Tổ chức's scope
    expect(page.locator("main")).to_contain_text("Không tìm thấy")
    report_and_consult(page, live_server, sign_in, "snv", url)
    submit_with_opinions(page)
    _as(page, live_server, sign_in, "btv", url)
    expect(page.locator(".step-buttons")).to_contain_text("do Sở Nội vụ quyết định")
    _as(page, live_server, sign_in, "snv", url)
    page.get_by_role("link", name="Quyết định", exact=True).click()
    page.get_by_role("button", name="Xác nhận: Quyết định").click()
    expect(page.locator("#buoc")).to_have_text("3. Đã quyết định")

    page.goto(f"{live_server.url}/de-xuat/moi/?as_of=01/06/2019")  # disciplined on 01/03/2019
    page.get_by_label("Mã cán bộ").fill("SNV2")
    page.get_by_label("Loại đề xuất").select_option(label="Điều động")
    page.get_by_label("Mã đơn vị đến").fill("UB-DT")
    page.get_by_label("Mã chức danh đề xuất").fill("CV")
    page.get_by_label("Từ ngày").fill("01/06/2019")
    page.get_by_label("Lý do đề xuất").fill("Huyện thiếu chuyên viên")
    page.get_by_role("button", name="Lập dự thảo").click()
    expect(page.locator(".form-error")).to_contain_text("D1")
    shot(page, "proposal-disciplined-refused")


def test_a_list_stepped_at_once_its_meeting_list_and_the_allowances(page, live_server, officials, sign_in):
    cadres = officials.cadres
    batch = proposal_list_create(
        actor=system_actor(),
        name="Đợt 1 năm 2018",
        kind="dieu_dong",
        start=START,
        reasons="Kiện toàn",
        drafts=[Draft("HOI", "HU-DT", "CV"), Draft("DT1", "X-LN", "CV")],
    )
    services.discipline_add(
        actor=system_actor(), cadre=cadres["DT1"], form="Khiển trách", decided_on=dt.date(2017, 12, 1)
    )
    _as(page, live_server, sign_in, "btc", f"{live_server.url}/de-xuat/?danh_sach={batch.pk}")
    page.locator("#chuyen-buoc-ca-danh-sach + ul").get_by_role(
        "link", name="Trình Thường trực Tỉnh ủy"
    ).click()
    rows = page.locator("#chon-de-xuat tbody tr")
    expect(rows).to_have_count(2)
    expect(rows.filter(has_text="Nguyễn Thị Đào")).to_contain_text("D1")
    expect(rows.filter(has_text="Hoàng Thị Mai")).to_contain_text("Được")
    shot(page, "proposals-batch-step")
    page.get_by_role("button", name="Xác nhận cho các đề xuất đã chọn: Trình Thường trực Tỉnh ủy").click()
    expect(page.locator(".messages")).to_contain_text("1/2 đề xuất đã chuyển bước")
    outcomes = page.locator("#ket-qua-chuyen-buoc tbody tr")
    expect(outcomes.filter(has_text="Hoàng Thị Mai")).to_contain_text("Đã chuyển: 1. Đã trình Thường trực")
    expect(outcomes.filter(has_text="Nguyễn Thị Đào")).to_contain_text("Không chuyển")
    shot(page, "proposals-batch-outcome")

    page.goto(f"{live_server.url}/de-xuat/?danh_sach={batch.pk}")
    page.locator("#danh-sach-trinh-hop").click()
    table = page.locator("table.report")
    expect(table).to_contain_text("Hoàng Thị Mai")
    expect(table).to_contain_text("Chuyên viên Hội Liên hiệp Phụ nữ tỉnh")
    expect(page.locator("#tai-zip")).to_be_visible()
    shot(page, "rotation-meeting-list")

    services.planning_add(
        actor=system_actor(),
        cadre=cadres["TU1"],
        position_type=officials.types["GD-SO"],
        term_start=2015,
        term_end=2020,
        approved_on=dt.date(2016, 1, 1),
    )
    key = proposal_create(
        actor=system_actor(),
        draft=Draft("TU1", "SNV", "GD-SO"),
        kind="luan_chuyen",
        start=START,
        end=END,
        reasons="Rèn luyện ở sở",
    )
    _to_step_three(key, decided=True)
    transition(actor=system_actor(), obj=key, to="da_ban_hanh")
    key.refresh_from_db()
    year = key.decision_date.year
    page.goto(f"{live_server.url}/ho-tro-luan-chuyen/?tu_ngay=01/01/{year}&den_ngay=31/12/{year}")
    expect(page.locator("table.report")).to_contain_text("Trần Văn Bình")
    expect(page.locator("#tong-tien")).to_have_text("10.000.000 đ")
    expect(page.locator("table.report tfoot")).to_contain_text("10.000.000 đ")
    shot(page, "rotation-allowances")
    page.goto(f"{live_server.url}/de-xuat/{key.pk}/")
    expect(page.locator("#ho-tro")).to_contain_text("10.000.000 đ")
