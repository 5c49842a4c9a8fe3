"""Projection scenarios: built on the page (seats per programme per year, their budget from the
catalogue), kept and audited, read within scope, projected side by side as a job against the plan's
targets, and exported as XLSX."""

import datetime as dt
import io

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from openpyxl import load_workbook

from canbo.accounts.system import system_actor
from canbo.audit.models import AuditEvent
from canbo.optimize.models import Scenario
from canbo.optimize.scenario_run import targets
from canbo.optimize.scenarios import scenario_create, scenario_update
from canbo.reports.tests.builders import Province
from canbo.rules.selectors import rule_set_in_force
from canbo.training.models import Programme
from canbo.training.services import programme_update

pytestmark = pytest.mark.django_db
LIST = "/du-bao/"


@pytest.fixture
def p():
    province = Province()
    clerk = province.cadre()  # the type requires trung cấp chuyên môn: owes it, eligible for it
    province.hold(clerk, province.chuyen_vien, province.hu_dt)  # Party bloc: within btc's reach
    return province


def _user(name, role, **extra):
    return get_user_model().objects.create_user(name, password="x" * 12, role=role, **extra)


@pytest.fixture
def btc(client):
    user = _user("btc", "btc")
    client.force_login(user)
    client.user = user
    return client


def _grid(name, first, last, **seats):
    return {"ten": name, "tu_nam": first, "den_nam": last, **{f"cho_{key}": n for key, n in seats.items()}}


def test_a_scenario_is_built_on_the_page_kept_audited_and_costed(p, btc):
    programme = Programme.objects.get(
        rule_set=rule_set_in_force(dt.date(2018, 1, 1)), code="trung_cap_chuyen_mon"
    )
    programme_update(actor=system_actor(), programme=programme, full_time=True, cost_full_time=12_000_000)
    answer = btc.post(
        "/du-bao/kich-ban/moi/", _grid("Hai năm", 2018, 2019, **{"2018_trung_cap_chuyen_mon": 3})
    )
    scenario = Scenario.objects.get()
    assert answer.status_code == 302 and answer["Location"] == f"/du-bao/kich-ban/{scenario.pk}/"
    assert (scenario.seats, scenario.first_year, scenario.last_year) == (
        {"2018": {"trung_cap_chuyen_mon": 3}},
        2018,
        2019,
    )
    assert AuditEvent.objects.filter(action="scenario_create").count() == 1
    page = btc.get(answer["Location"]).content.decode()
    assert "36.000.000" in page and "3 × 12.000.000" in page


def test_changing_the_years_redraws_the_grid_without_saving(p, btc):
    answer = btc.post("/du-bao/kich-ban/moi/", {**_grid("Ba năm", 2018, 2020), "doi_nam": "1"})
    assert answer.status_code == 200 and not Scenario.objects.exists()
    text = answer.content.decode()
    assert 'name="cho_2020_qlnn"' in text and 'name="cho_2021_qlnn"' not in text


def test_a_reversed_or_negative_scenario_is_refused(p, btc):
    answer = btc.post("/du-bao/kich-ban/moi/", _grid("Sai", 2019, 2018))
    assert "Năm cuối từ năm đầu trở đi" in answer.content.decode()
    answer = btc.post("/du-bao/kich-ban/moi/", _grid("Âm", 2018, 2018, **{"2018_qlnn": -1}))
    assert answer.status_code == 200 and not Scenario.objects.exists()


def test_only_the_author_changes_a_scenario_and_readers_in_scope_see_it(p, btc):
    scenario = scenario_create(actor=btc.user, name="Của BTC", first_year=2018, last_year=2018, seats={})
    with pytest.raises(PermissionDenied):
        scenario_update(
            actor=_user("snv", "snv"), scenario=scenario, name="X", first_year=2018, last_year=2018, seats={}
        )
    scenario_update(
        actor=btc.user,
        scenario=scenario,
        name="Đổi tên",
        first_year=2018,
        last_year=2019,
        seats={(2019, "qlnn"): 2},
    )
    assert AuditEvent.objects.filter(action="scenario_update").count() == 1
    hr = _user("hr", "unit_hr", scope_unit=p.hu_dt)
    own = scenario_create(
        actor=_user("snv2", "snv", scope_unit=p.so_nv),
        name="Của Sở",
        first_year=2018,
        last_year=2018,
        seats={},
    )
    btc.force_login(hr)
    text = btc.get(LIST).content.decode()
    assert "Đổi tên" in text and own.name not in text


def test_two_scenarios_side_by_side_against_the_targets_and_as_xlsx(p, btc):
    none = scenario_create(actor=btc.user, name="Không đào tạo", first_year=2018, last_year=2019, seats={})
    some = scenario_create(
        actor=btc.user,
        name="Trung cấp 2018",
        first_year=2018,
        last_year=2019,
        seats={(2018, "trung_cap_chuyen_mon"): 1},
    )
    answer = btc.post(LIST, {"kich_ban": [none.pk, some.pk]})
    page = btc.get(answer["Location"])
    job = page.context["job"]
    result = job.result
    assert [s["ten"] for s in result["kich_ban"]] == ["Không đào tạo", "Trung cấp 2018"]
    assert result["dau_ky"]["chi_so"]["thieu_trung_cap_chuyen_mon"] == 1
    gap = [
        [s["nam"][y]["chi_so"]["thieu_trung_cap_chuyen_mon"] for y in ("2018", "2019")]
        for s in result["kich_ban"]
    ]
    assert gap == [[1, 1], [1, 0]]
    assert result["kich_ban"][1]["nam"]["2018"]["hoc_vien"]["trung_cap_chuyen_mon"] == 1
    # The plan's period ends in 2020: from 1 at the end of 2017, down evenly to 0 at the end of 2020.
    assert [result["muc_tieu"][y]["thieu_trung_cap_chuyen_mon"] for y in ("2018", "2019")] == [1, 0]
    text = page.content.decode()
    assert 'data-figure="thieu_trung_cap_chuyen_mon"' in text and "Mục tiêu của kế hoạch" in text
    download = btc.get(f"{LIST}?viec={job.pk}&xuat=xlsx")
    sheet = load_workbook(io.BytesIO(download.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert sheet.title == "Dự báo- Không đào tạo – Trung c"
    assert rows[2][-2:] == ("Không đào tạo", "Trung cấp 2018")
    assert any(
        r[0] == 2019 and "trung cấp chuyên môn" in str(r[1]).lower() and r[-2:] == (1, 0) for r in rows
    )
    assert AuditEvent.objects.filter(action="data_export").count() == 1


def test_the_targets_fall_evenly_to_zero_at_the_end_of_the_plan(p):
    goals = targets(
        {
            key: 90
            for key in (
                "thieu_cao_cap_llct",
                "thieu_trung_cap_llct",
                "thieu_dai_hoc",
                "thieu_trung_cap_chuyen_mon",
                "thieu_ngoai_ngu_tin_hoc",
                "thieu_qlnn",
            )
        },
        2018,
        2021,
    )
    assert [goals[str(y)]["thieu_qlnn"] for y in (2018, 2019, 2020, 2021)] == [60, 30, 0, 0]


def test_a_projection_needs_one_or_two_scenarios_the_user_can_see(p, btc):
    answer = btc.post(LIST, {}, follow=True)
    assert "Chọn một hoặc hai kịch bản" in answer.content.decode()
    assert btc.post(LIST, {"kich_ban": ["999"]}).status_code == 404


def test_the_page_shows_only_projections_not_another_kind_of_job(p, btc):
    scenario = scenario_create(actor=btc.user, name="Một", first_year=2018, last_year=2018, seats={})
    job = btc.get(btc.post(LIST, {"kich_ban": [scenario.pk]})["Location"]).context["job"]
    assert btc.get(f"/toi-uu/?viec={job.pk}").status_code == 404
    assert btc.get(f"{LIST}?viec={job.pk}").status_code == 200
