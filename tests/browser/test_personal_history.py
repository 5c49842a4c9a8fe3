"""The personal history form's sections of the record page in real Chromium, at two dates."""

import datetime as dt
import os
from decimal import Decimal
from pathlib import Path

import pytest
from playwright.sync_api import expect

from canbo.accounts.models import Role
from canbo.accounts.system import system_actor
from canbo.org.services import rank_create
from canbo.people import services
from canbo.people.models import Cadre

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SCREENSHOTS = os.environ.get("CANBO_SCREENSHOT_DIR")


def test_the_record_shows_the_personal_history_as_of_the_date(page, live_server, small_province, sign_in):
    system, cadre = system_actor(), Cadre.objects.get(code="DT1")
    services.residence_add(actor=system, cadre=cadre, kind="hien_nay", address="Thị trấn Liên Nghĩa",
                           valid_from=dt.date(2000, 1, 1), valid_to=dt.date(2018, 12, 31))
    services.residence_add(actor=system, cadre=cadre, kind="hien_nay", address="Số 9 đường Trần Phú",
                           valid_from=dt.date(2019, 1, 1))
    services.award_add(actor=system, cadre=cadre, form="Bằng khen", decided_on=dt.date(2021, 4, 1),
                       decided_by="Chủ tịch UBND tỉnh", decision_no="901/QĐ-UBND")
    rank = rank_create(actor=system, code="01.002", name="Chuyên viên chính")
    services.salary_step_add(actor=system, cadre=cadre, rank=rank, step=4, coefficient=Decimal("5.42"),
                             valid_from=dt.date(2016, 1, 1))
    services.family_member_add(actor=system, cadre=cadre, relation="chong", full_name="Trần Văn Hải",
                               birth_year=1966, occupation="Giáo viên")
    small_province.user("hr_ductrong", Role.UNIT_HR, scope_unit="HU-DT")
    sign_in(page, live_server, "hr_ductrong")
    page.goto(f"{live_server.url}/can-bo/DT1/?as_of=01/01/2022")
    main = page.locator("main")
    for heading in ("Nơi ở", "Quá trình lương", "Khen thưởng", "Quan hệ gia đình"):
        expect(page.get_by_role("heading", name=heading, exact=True)).to_be_visible()
    for text in ("Số 9 đường Trần Phú", "31/12/2018", "901/QĐ-UBND", "5,42", "Trần Văn Hải"):
        expect(main).to_contain_text(text)
    if SCREENSHOTS:
        Path(SCREENSHOTS).mkdir(parents=True, exist_ok=True)
        page.get_by_role("heading", name="Nơi ở", exact=True).scroll_into_view_if_needed()
        page.screenshot(path=str(Path(SCREENSHOTS) / "personal-history.png"))
    page.goto(f"{live_server.url}/can-bo/DT1/?as_of=01/01/2018")
    expect(main).to_contain_text("Thị trấn Liên Nghĩa")
    for later in ("Trần Phú", "31/12/2018", "901/QĐ-UBND"):
        expect(main).not_to_contain_text(later)
