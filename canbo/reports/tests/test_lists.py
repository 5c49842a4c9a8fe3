"""The working lists as reports: the page and its export show the same columns and rows, every
column sorts, names link to the records, the page reads its people in a constant number of
queries, and an empty list says so."""

import datetime as dt
import io

import openpyxl
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from canbo.accounts.system import system_actor
from canbo.core.report import cell_text
from canbo.people import services

pytestmark = pytest.mark.django_db
AS_OF = {"as_of": "2020-01-01"}
LISTS = [
    ("reports:people", {"chi_so": "thieu_dai_hoc"}),
    ("reports:eligible", {"chuong_trinh": "cao_cap_llct"}),
    ("reports:rotation_pool", {}),
    ("reports:nonlocal", {}),
    ("rotation:vacancies", {}),
]


@pytest.fixture
def btv(client_as, small_province):
    from canbo.org.models import Post

    units, types = small_province.units, small_province.types
    Post.objects.create(unit=units["SNV"], position_type=types["GD-SO"], seats=2)  # one held, one vacant
    Post.objects.create(unit=units["SNV"], position_type=types["CV"], seats=5)
    return client_as("btv1", role="btv")


def _page(client, name, query):
    response = client.get(reverse(name), {**AS_OF, **query})
    assert response.status_code == 200
    return response.context["table"]


def _export(client, name, query):
    response = client.get(reverse(name), {**AS_OF, **query, "xuat": "xlsx"})
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    return [list(row) for row in sheet.iter_rows(min_row=3, values_only=True)]


def _as_text(value) -> str:
    if isinstance(value, dt.datetime):
        value = value.date()
    return cell_text(value)


@pytest.mark.parametrize(("name", "query"), LISTS)
def test_page_and_export_show_the_same_columns_and_rows(btv, name, query):
    table = _page(btv, name, query)
    header, *rows = _export(btv, name, query)
    assert header == [column.label for column in table.report.columns]
    page_rows = [[_as_text(row.get(c.key)) for c in table.report.columns] for row in table.rows]
    assert [[_as_text(v) for v in row] for row in rows] == page_rows
    assert page_rows, name  # each list has rows in the small province


@pytest.mark.parametrize(("name", "query"), LISTS)
def test_every_column_sorts_both_ways(btv, name, query):
    columns = _page(btv, name, query).report.columns
    for column in columns:
        assert column.sortable, (name, column.key)
        for sign, descending in (("", False), ("-", True)):
            response = btv.get(reverse(name), {**AS_OF, **query, "sap_xep": f"{sign}{column.key}"})
            table = response.context["table"]
            values = [column.sort_value(row) for row in table.rows]
            filled = [v for v in values if v != (1,)]
            assert filled == sorted(filled, reverse=descending), (name, column.key)
            assert values == filled + [(1,)] * (len(values) - len(filled))
            state = "descending" if descending else "ascending"
            assert f'data-column="{column.key}" aria-sort="{state}"' in response.content.decode()


def test_working_lists_show_posts_units_and_planning_with_links(btv):
    table = _page(btv, "reports:eligible", {"chuong_trinh": "cao_cap_llct"})
    labels = [column.label for column in table.report.columns]
    assert labels[:7] == ["TT", "Mã", "Họ và tên", "Ngày sinh", "Chức danh tại ngày xem", "Đơn vị",
                          "Quy hoạch tại ngày xem"]
    pl1 = next(row for row in table.rows if str(row["ma"]) == "PL1")
    assert pl1["ho_ten"].url == reverse("people:cadre_detail", args=["PL1"])
    assert pl1["chuc_danh"] == ["Chuyên viên"]
    assert [unit.url for unit in pl1["don_vi"]] == [reverse("org:unit_detail", args=["SNV"])]
    assert pl1["quy_hoach"] and pl1["quy_hoach"][0].startswith("Giám đốc Sở")
    html = btv.get(reverse("reports:eligible"), {**AS_OF, "chuong_trinh": "cao_cap_llct"}).content.decode()
    assert f'href="{reverse("people:cadre_detail", args=["PL1"])}"' in html


def test_a_long_list_behind_a_figure_sorts_whole_and_shows_one_page(btv, small_province, monkeypatch):
    from canbo.reports import lists

    monkeypatch.setattr(lists, "PAGE_SIZE", 2)
    monkeypatch.setattr("canbo.core.report.PAGE_SIZE", 2)
    query = {"chi_so": "thieu_dai_hoc"}
    everyone = _page(btv, "reports:people", {**query, "sap_xep": "-ho_ten"})
    assert everyone.report.count == 4 and len(everyone.rows) == 2
    name = everyone.report.column("ho_ten")
    _header, *exported = _export(btv, "reports:people", {**query, "sap_xep": "-ho_ten"})
    names = [row[1] for row in exported]
    assert [str(row["ho_ten"]) for row in everyone.rows] == names[:2]
    second = _page(btv, "reports:people", {**query, "sap_xep": "-ho_ten", "trang": "2"})
    assert [str(row["ho_ten"]) for row in second.rows] == names[2:]
    past = _page(btv, "reports:people", {**query, "sap_xep": "-ho_ten", "trang": "9"})
    assert past.page.number == 2 and [str(row["ho_ten"]) for row in past.rows] == names[2:]
    assert names == sorted(names, key=lambda n: name.sort_value({"ho_ten": n}), reverse=True)
    # The reason is worded per person: it sorts only a list that fits on one page.
    assert not everyone.report.column("ly_do").sortable


def test_the_eligible_list_reads_posts_in_a_constant_number_of_queries(btv, small_province):
    url = reverse("reports:eligible")
    query = {**AS_OF, "chuong_trinh": "dai_hoc"}
    btv.get(url, query)
    with CaptureQueriesContext(connection) as few:
        shown = len(btv.get(url, query).context["table"].rows)
    for n in range(5):
        cadre = services.cadre_create(actor=system_actor(), code=f"THEM{n}", full_name=f"Lê Văn {n}",
                                      birth_date=dt.date(1985, 1, 1), gender="nam", category="cong_chuc")
        services.holding_add(actor=system_actor(), cadre=cadre, unit=small_province.units["SNV"],
                             position_type=small_province.types["CV"], valid_from=dt.date(2016, 1, 1))
    btv.get(url, query)
    with CaptureQueriesContext(connection) as many:
        assert len(btv.get(url, query).context["table"].rows) == shown + 5
    assert len(many.captured_queries) == len(few.captured_queries)


def test_empty_lists_say_so_and_offer_no_export(btv):
    response = btv.get(reverse("reports:nonlocal"), {"as_of": "1990-01-01"})
    html = response.content.decode()
    assert "Không có vi phạm tại ngày này." in html and 'data-total="0"' in html
    assert "xuat=xlsx" not in html
    query = {**AS_OF, "chi_so": "thieu_cao_cap_llct", "don_vi": "HLHPN"}
    response = btv.get(reverse("reports:people"), query)
    assert "Không có cán bộ nào trong danh sách này." in response.content.decode()


def test_every_export_of_a_list_is_in_the_change_log(client_as):
    from canbo.audit.actions import AuditAction
    from canbo.audit.models import AuditEvent
    from canbo.audit.render import summary

    client = client_as("xuat_btc", role="btc")
    response = client.get("/ra-soat/nguon-luan-chuyen/", {"xuat": "xlsx", "as_of": "2020-01-01"})
    assert response.status_code == 200
    client.get("/can-bo/", {"xuat": "xlsx", "as_of": "2020-01-01"})
    events = list(AuditEvent.objects.filter(action=AuditAction.DATA_EXPORT).order_by("seq"))
    assert [e.actor.username for e in events] == ["xuat_btc", "xuat_btc"]
    assert events[0].data["tep"].startswith("nguon-luan-chuyen-") and "dòng" in summary(events[0])
