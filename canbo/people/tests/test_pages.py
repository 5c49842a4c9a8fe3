import pytest
from django.urls import reverse

from canbo.accounts.models import Role
from canbo.accounts.system import system_actor
from canbo.people.models import Cadre

pytestmark = pytest.mark.django_db

LIST = reverse("people:cadre_list")


def listed(response):
    return {row["ma"] for row in response.context["table"].rows}


def test_list_needs_sign_in(client):
    response = client.get(LIST)
    assert response.status_code == 302
    assert reverse("accounts:login") in response["Location"]


def test_search_with_or_without_diacritics_and_by_code(client_as):
    client = client_as("btv", role=Role.BTV)
    for query in ("Nguyễn Thị Đào", "nguyen thi dao", "DAO", "dt1"):
        response = client.get(LIST, {"q": query, "as_of": "01/01/2020"})
        assert listed(response) == {"DT1"}, query


def test_filters_by_unit_subtree_bloc_level_category_gender_ethnicity(client_as):
    client = client_as("btv", role=Role.BTV)
    client.get(LIST, {"as_of": "2020-01-01"})
    assert listed(client.get(LIST, {"don_vi": "HU-DT"})) == {"DT1", "DT2"}
    assert listed(client.get(LIST, {"khoi": "nha_nuoc"})) == {"SNV1", "SNV2", "PL1", "DT2"}
    assert listed(client.get(LIST, {"cap": "huyen"})) == {"DT1", "DT2"}
    assert listed(client.get(LIST, {"loai": "can_bo"})) == {"TU1", "DT1"}
    assert listed(client.get(LIST, {"gioi_tinh": "nu", "khoi": "dang"})) == {"DT1"}
    assert listed(client.get(LIST, {"dan_toc": "K'Ho"})) == {"DT1", "DT2"}
    assert listed(client.get(LIST, {"trang_thai": "quy_hoach"})) == {"PL1"}
    assert "OLD" not in listed(client.get(LIST, {"trang_thai": "dang_cong_tac"}))


def test_list_sorts_and_paginates(client_as):
    client = client_as("btv", role=Role.BTV)
    response = client.get(LIST, {"sap_xep": "-ngay_sinh"})
    codes = [row["ma"] for row in response.context["table"].rows]
    assert codes == list(Cadre.objects.order_by("-birth_date", "-pk").values_list("code", flat=True))
    assert response.context["table"].report.count == 8
    assert 'data-column="ngay_sinh" aria-sort="descending"' in response.content.decode()
    assert client.get(LIST, {"sap_xep": "nonsense", "trang": "99"}).status_code == 200


def test_list_query_count_does_not_grow_with_rows(client_as, django_assert_max_num_queries):
    client = client_as("hr", role=Role.UNIT_HR, scope_unit="HU-DT")
    client.get(LIST)
    # session, user, scope unit, count, page, current positions, unit choices, ethnicities
    with django_assert_max_num_queries(9):
        response = client.get(LIST, {"q": "d", "khoi": "dang"})
    assert response.status_code == 200


def test_unit_filter_out_of_scope_is_404(client_as):
    client = client_as("hr", role=Role.UNIT_HR, scope_unit="HU-DT")
    assert client.get(LIST, {"don_vi": "SNV"}).status_code == 404


def test_detail_shows_every_history_and_dates(client_as):
    client = client_as("btv", role=Role.BTV)
    response = client.get(reverse("people:cadre_detail", args=["DT1"]), {"as_of": "01/01/2020"})
    html = response.content.decode()
    assert response.status_code == 200
    for text in ("Nguyễn Thị Đào", "01/09/1968", "Huyện ủy Đức Trọng", "Cao cấp", "Hoàn thành tốt nhiệm vụ",
                 "123-QĐ/TU", "Đức Trọng", "K&#x27;Ho"):
        assert text in html, text
    assert response.context["record"].age == 51


def test_detail_out_of_scope_is_404(client_as):
    client = client_as("hr", role=Role.UNIT_HR, scope_unit="HU-DT")
    assert client.get(reverse("people:cadre_detail", args=["DT2"])).status_code == 200
    assert client.get(reverse("people:cadre_detail", args=["SNV1"])).status_code == 404
    assert client.get(reverse("people:cadre_detail", args=["NOPE"])).status_code == 404


def test_list_exports_the_filtered_rows_to_xlsx(client_as):
    import io

    from python_calamine import CalamineWorkbook

    client = client_as("snv", role=Role.SNV)
    response = client.get(LIST, {"as_of": "01/01/2020", "q": "huy", "xuat": "xlsx"})
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="can-bo-2020-01-01.xlsx"'
    rows = CalamineWorkbook.from_filelike(io.BytesIO(response.content)).get_sheet_by_index(0).to_python()
    assert rows[0][0] == "Danh sách cán bộ tại ngày 01/01/2020"
    assert [row[0] for row in rows[3:]] == ["SNV2"]
    assert rows[3][5] == "Chuyên viên – Sở Nội vụ"


def test_a_full_page_costs_no_more_queries_than_a_small_one(client_as, small_province,
                                                            django_assert_max_num_queries):
    import datetime as dt

    from canbo.people.services import cadre_create, holding_add

    for n in range(60):
        cadre = cadre_create(actor=system_actor(), code=f"X{n:03d}", full_name=f"Nguyễn Văn Số {n}",
                             birth_date=dt.date(1980, 1, 1), gender="nam", category="cong_chuc")
        holding_add(actor=system_actor(), cadre=cadre, unit=small_province.units["X-LN"],
                    position_type=small_province.types["CV"], valid_from=dt.date(2015, 1, 1))
    client = client_as("hr", role=Role.UNIT_HR, scope_unit="HU-DT")
    client.get(LIST, {"as_of": "01/01/2020"})
    with django_assert_max_num_queries(9):
        response = client.get(LIST)
    assert len(response.context["table"].rows) == 50
    assert response.context["table"].report.count == 62
