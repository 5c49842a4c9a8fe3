"""The home page's cards by role and scope, and the review compared at two dates."""

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from canbo.accounts.models import Role, User
from canbo.accounts.system import system_actor
from canbo.accounts.testing import PASSWORD
from canbo.core.dates import moment_on
from canbo.dashboard import cards
from canbo.dashboard.cards import CHART_HEIGHT, cards_for
from canbo.dashboard.compare import GROUPS, moved_people, review_compare
from canbo.people import services
from canbo.reports.tests.builders import Province
from canbo.training.models import Programme
from canbo.training.plan_lines import line_add
from canbo.training.plans import plan_create
from canbo.workflow.services import transition

pytestmark = pytest.mark.django_db


def test_each_role_gets_the_cards_its_capabilities_allow(small_province):
    btc = small_province.user("btc", Role.BTC)
    school = small_province.user("school", Role.SCHOOL)
    cards = {"review", "plans", "plan_progress", "courses", "rotation", "pipeline", "changes"}
    assert set(cards_for(btc, dt.date(2020, 1, 1))) == cards
    assert set(cards_for(school, dt.date(2020, 1, 1))) == {"courses", "changes"}


def test_the_review_trend_reads_the_same_day_of_four_years_and_links_each_figure(small_province):
    btv = small_province.user("btv", Role.BTV)
    trend = cards_for(btv, dt.date(2020, 1, 1))["review"]
    assert trend["days"] == [
        dt.date(2017, 1, 1),
        dt.date(2018, 1, 1),
        dt.date(2019, 1, 1),
        dt.date(2020, 1, 1),
    ]
    llct = trend["rows"][0]
    assert llct["cells"][-1].url.endswith("chi_so=thieu_cao_cap_llct&as_of=01%2F01%2F2020")
    for row in trend["rows"]:  # each year's bar as high as its figure against the row's largest
        top = max(cell.value for cell in row["cells"])
        for bar, cell in zip(row["bars"], row["cells"], strict=True):
            assert bar["value"] == cell.value and bar["y"] + bar["height"] == CHART_HEIGHT
            assert bar["height"] == (0 if not cell.value else max(1, round(CHART_HEIGHT * cell.value / top)))
    assert any(bar["height"] == CHART_HEIGHT for row in trend["rows"] for bar in row["bars"])


def test_recent_changes_name_only_cadres_in_scope(small_province, client):
    services.evaluation_add(
        actor=system_actor(), cadre=small_province.cadres["SNV2"], year=2019, rating="tot"
    )
    services.evaluation_add(actor=system_actor(), cadre=small_province.cadres["DT2"], year=2019, rating="tot")
    client.force_login(small_province.user("hr", Role.UNIT_HR, "HU-DT"))
    assert client.get("/can-bo/DT1/").status_code == 200  # a view, not a change
    text = client.get("/", {"as_of": timezone.localdate().strftime("%d/%m/%Y")}).content.decode()
    assert 'href="/can-bo/DT2/"' in text and "/can-bo/SNV2/" not in text and "Xem hồ sơ" not in text
    assert "DT2: DT2" not in text  # the change's sentence names its cadre once, and is the link
    assert "he_thong" not in text  # who made a change is for the roles that read the change log
    # At an earlier date, the changes recorded since are not yet made.
    assert "/can-bo/DT2/" not in client.get("/", {"as_of": "01/01/2020"}).content.decode()


def test_the_comparison_names_who_entered_and_who_left_a_figure(client):
    p = Province()
    first, second = dt.date(2018, 1, 1), dt.date(2020, 1, 1)
    leaves = p.cadre()
    p.hold(leaves, p.bi_thu, p.hu_dt)  # owes cao cấp LLCT at both dates unless they obtain it
    p.qualify(leaves, "llct", "cao_cap", on=dt.date(2019, 5, 1))
    enters = p.cadre()
    p.hold(enters, p.chuyen_vien, p.hu_dt)
    p.hold(enters, p.bi_thu, p.hu_dl, start=dt.date(2019, 7, 1))  # a post that requires it
    stays = p.cadre()
    p.hold(stays, p.bi_thu, p.hu_dt)
    row = next(
        r
        for r in review_compare(actor=system_actor(), first=first, second=second)
        if r["verdict"].key == "thieu_cao_cap_llct"
    )
    assert (row["first"], row["second"], row["vao"], row["ra"]) == (2, 2, 1, 1)
    moved = {group: moved_people(actor=system_actor(), first=first, second=second, unit=None,
                                 key="thieu_cao_cap_llct", group=group) for group in GROUPS}
    assert moved == {"vao": [enters.id], "ra": [leaves.id]}
    client.force_login(User.objects.create_user(username="btv", password=PASSWORD, role=Role.BTV))
    query = {"tu_ngay": "01/01/2018", "den_ngay": "01/01/2020", "chi_so": "thieu_cao_cap_llct"}
    entered = client.get("/tong-quan/so-sanh/", {**query, "nhom": "vao"}).content.decode()
    assert enters.code in entered and leaves.code not in entered and stays.code not in entered
    page = client.get("/tong-quan/so-sanh/", {"tu_ngay": "01/01/2018", "den_ngay": "01/01/2020"})
    assert "+1" in page.content.decode() and "−1" in page.content.decode()
    bad = client.get("/tong-quan/so-sanh/", {"tu_ngay": "31/02/2018", "den_ngay": "01/01/2020"})
    assert bad.status_code == 200 and 'role="alert"' in bad.content.decode()


def test_recent_changes_look_past_newer_changes_out_of_scope(small_province, monkeypatch):
    monkeypatch.setattr(cards, "CHANGES_BATCH", 2)
    inside, outside = small_province.cadres["DT2"], small_province.cadres["SNV2"]
    services.evaluation_add(actor=system_actor(), cadre=inside, year=2019, rating="tot")
    for year in (2016, 2017, 2018, 2019):  # four newer changes out of scope: two whole batches
        services.evaluation_add(actor=system_actor(), cadre=outside, year=year, rating="tot")
    hr = small_province.user("hr", Role.UNIT_HR, "HU-DT")
    changes = cards.recent_changes(actor=hr, as_of=timezone.localdate())
    assert [e.cadre_code for e in changes][0] == "DT2" and {e.cadre_code for e in changes} <= {
        "DT1",
        "DT2",
        "OLD",
    }


def test_plans_wait_only_for_the_office_that_aggregates_their_bloc(small_province):
    qpan = Programme.objects.filter(code="qpan_doi_tuong_2").order_by("pk").first()
    for unit, scope in (("HU-DT", "HU-DT"), ("SNV", "SNV")):
        drafter = small_province.user(f"hr_{scope}", Role.UNIT_HR, scope)
        plan = plan_create(actor=drafter, unit=small_province.units[unit], year=2021, content="Kế hoạch",
                           at=moment_on(dt.date(2020, 6, 1)))
        line_add(actor=drafter, plan=plan, programme=qpan, mode="tap_trung", headcount=2)
        sent = SimpleUploadedFile("to-trinh.pdf", b"%PDF-1.4\n%%EOF\n")
        transition(actor=drafter, obj=plan, to="da_gui", files=[sent], at=moment_on(dt.date(2020, 6, 29)))
    btc, snv = small_province.user("btc", Role.BTC), small_province.user("snv", Role.SNV)
    for reader in (btc, snv):  # each the plan of the bloc it aggregates, sent on 29/06/2020
        assert cards.plans_due(actor=reader, as_of=dt.date(2020, 6, 30))["waiting"] == 1
        assert cards.plans_due(actor=reader, as_of=dt.date(2020, 5, 31))["waiting"] == 0  # not yet made


def test_recent_changes_name_units_and_posts_not_their_codes(small_province, client):
    client.force_login(small_province.user("hr", Role.UNIT_HR, "HU-DT"))
    text = client.get("/").content.decode()
    unit = small_province.units["HU-DT"]
    assert f"tại {unit.name} từ" in text and f"tại {unit.code} từ" not in text
