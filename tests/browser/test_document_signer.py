"""Who signs a printed plan, in real Chromium: Sở Nội vụ chooses its deputy director on the plan's page,
and the document's signature block reads `KT. GIÁM ĐỐC` / `PHÓ GIÁM ĐỐC` with the deputy's name; that
download numbered the plan, so the page then names the signer recorded with the number instead."""

import datetime as dt
import io
from pathlib import Path

import docx
import pytest
from playwright.sync_api import expect

from canbo.accounts.models import Role, User
from canbo.accounts.system import system_actor
from canbo.accounts.testing import PASSWORD
from canbo.org.services import position_type_create
from canbo.people.services import holding_add
from canbo.rules.selectors import rule_set_in_force
from canbo.training.tests.test_plan_document import _plan
from tests.browser.test_review import shot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_snv_prints_its_plan_signed_by_a_deputy_director(page, live_server, small_province, sign_in):
    rule_set_in_force(dt.date(2018, 1, 1))  # the shipped rule set and catalogue, after another test's flush
    users = {name: small_province.user(name, role) for name, role in (("snv", Role.SNV), ("btv", Role.BTV))}
    users["admin"] = User.objects.create_superuser(username="quan_tri", password=PASSWORD)
    deputy_post = position_type_create(actor=system_actor(), code="PGD-SO", name="Phó Giám đốc Sở",
                                       btv_managed=True)
    holding_add(actor=system_actor(), cadre=small_province.cadres["PL1"], unit=small_province.units["SNV"],
                position_type=deputy_post, valid_from=dt.date(2016, 1, 1))
    plan = _plan(users, small_province, "SNV", "snv", [("nghiep_vu_nha_nuoc", "tap_trung", 5)])

    sign_in(page, live_server, "snv")
    page.goto(f"{live_server.url}/dao-tao/ke-hoach/{plan.pk}/")
    signer = page.get_by_label("Người ký")
    expect(signer.locator("option")).to_have_text(
        ["Lê Thị Hoa – Giám đốc Sở", "Võ Minh Khang – Phó Giám đốc Sở (ký thay)"])
    signer.select_option(label="Võ Minh Khang – Phó Giám đốc Sở (ký thay)")
    shot(page, "plan-document-signer")
    with page.expect_download() as download:
        page.get_by_role("button", name="Tải DOCX").click()
    opened = docx.Document(io.BytesIO(Path(download.value.path()).read_bytes()))
    block = opened.tables[1].rows[0].cells[1].text.split("\n")
    assert block[:2] == ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"] and block[-1] == "Võ Minh Khang"
    page.reload()
    recorded = page.locator("#nguoi-ky-da-ghi")
    expect(recorded).to_contain_text("Người ký: Võ Minh Khang (KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC)")
    expect(page.get_by_label("Người ký")).to_have_count(0)
