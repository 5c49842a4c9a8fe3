import datetime as dt
import io

import openpyxl
import pytest
from django.urls import reverse

from canbo.accounts.system import system_actor

pytestmark = pytest.mark.django_db
AS_OF = "?as_of=2020-01-01"


def codes(response) -> list[str]:
    return [str(row["ma"]) for row in response.context["table"].rows]


def test_review_page_figures_link_to_people_with_reasons(client_as):
    client = client_as("btv1", role="btv")
    page = client.get(reverse("reports:review") + AS_OF)
    assert page.status_code == 200
    figures = {f["key"]: f["value"] for f in page.context["figures"]}
    # TU1 (Bí thư Tỉnh ủy), SNV1 (Giám đốc Sở), PL1 (planned Giám đốc Sở); DT1 has cao cấp
    assert figures["thieu_cao_cap_llct"] == 3
    assert figures["thieu_dai_hoc"] == 4  # SNV2, DT2, PL1, HOI hold Chuyên viên requiring đại học
    chart = {item["unit"].code: item["value"] for item in page.context["chart"]}
    assert chart == {"TU": 1, "SNV": 2}  # HLHPN and HU-DT, with no one in the figure, have no bar
    chart_page = client.get(reverse("reports:review") + AS_OF + "&chi_so=thieu_dai_hoc&don_vi=HU-DT")
    assert {item["unit"].code: item["value"] for item in chart_page.context["chart"]} == {"UB-DT": 1}
    people = client.get(reverse("reports:people") + AS_OF + "&chi_so=thieu_cao_cap_llct")
    text = people.content.decode()
    assert "Bí thư Tỉnh ủy" in text and "Giám đốc Sở" in text and "III.1.1.a" in text
    assert codes(people) == ["PL1", "SNV1", "TU1"]


def test_unit_hr_sees_only_own_subtree(client_as):
    client = client_as("hr", role="unit_hr", scope_unit="HU-DT")
    figures = {f["key"]: f["value"] for f in client.get(reverse("reports:review") + AS_OF).context["figures"]}
    assert figures["thieu_cao_cap_llct"] == 0
    assert figures["thieu_dai_hoc"] == 1  # DT2 only
    assert (
        client.get(reverse("reports:people") + AS_OF + "&chi_so=thieu_dai_hoc&don_vi=SNV").status_code == 404
    )
    assert client.get(reverse("reports:cadre_verdicts", args=["SNV1"]) + AS_OF).status_code == 404


def test_lists_export_to_xlsx(client_as):
    client = client_as("btv1", role="btv")
    response = client.get(reverse("reports:people") + AS_OF + "&chi_so=thieu_dai_hoc&xuat=xlsx")
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    codes = [row[0] for row in sheet.iter_rows(min_row=4, values_only=True)]
    assert codes == ["DT2", "HOI", "PL1", "SNV2"]
    for name in ("reports:eligible", "reports:rotation_pool", "reports:nonlocal"):
        response = client.get(reverse(name) + AS_OF + "&xuat=xlsx")
        assert response["Content-Type"].startswith("application/vnd.openxmlformats"), name


def test_cadre_verdicts_page_and_other_pages_render(client_as, django_assert_max_num_queries):
    client = client_as("btv1", role="btv")
    with django_assert_max_num_queries(23):  # up to 3 record the view in the audit log
        page = client.get(reverse("reports:cadre_verdicts", args=["PL1"]) + AS_OF)
    text = page.content.decode()
    assert "Nợ bằng đại học" in text and "Chuyên viên" in text
    assert "Thuộc nguồn luân chuyển" in text and "quy hoạch “Giám đốc Sở” nhiệm kỳ 2015–2020" in text
    pool = client.get(reverse("reports:rotation_pool") + AS_OF)
    assert codes(pool) == ["PL1"]
    nonlocal_page = client.get(reverse("reports:nonlocal") + AS_OF)
    assert codes(nonlocal_page) == ["DT1"]
    eligible = client.get(reverse("reports:eligible") + AS_OF + "&chuong_trinh=cao_cap_llct")
    assert codes(eligible) == ["PL1", "SNV1", "TU1"]
    assert client.get(reverse("rules:list")).status_code == 200


def test_api_same_shapes_scoped(client_as):
    client = client_as("btv1", role="btv")
    review = client.get("/api/ra-soat/chi-so?as_of=2020-01-01").json()
    assert review["thieu_cao_cap_llct"] == 3
    assert set(review["thieu_trung_cap_chuyen_mon"]) == {"tong", "bo_nhiem", "quy_hoach"}
    assert client.get("/api/ra-soat/doi-tuong-dao-tao/PL1?as_of=2020-01-01").json()["ma"] == "PL1"
    assert client.get("/api/ra-soat/nguon-luan-chuyen?as_of=2020-01-01").json() == {
        "du_dieu_kien": ["PL1"],
        "loai_tru": [],
    }
    violations = client.get("/api/ra-soat/khong-dia-phuong?as_of=2020-01-01").json()["vi_pham"]
    assert violations[0]["ma_can_bo"] == "DT1"
    hr = client_as("hr", role="unit_hr", scope_unit="HU-DT")
    assert hr.get("/api/ra-soat/doi-tuong-dao-tao/PL1?as_of=2020-01-01").status_code == 404
    assert hr.get("/api/ra-soat/chi-so?as_of=2020-01-01&don_vi=SNV").status_code == 404


def test_people_list_query_count_does_not_grow_with_rows(client_as, small_province):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from canbo.people import services

    client = client_as("btv1", role="btv")
    url = reverse("reports:people") + AS_OF + "&chi_so=thieu_dai_hoc"
    client.get(url)  # the first visit stores the as-of date in the session
    with CaptureQueriesContext(connection) as few:
        assert len(client.get(url).context["table"].rows) == 4
    for n in range(6):
        cadre = services.cadre_create(
            actor=system_actor(),
            code=f"MORE{n}",
            full_name=f"Lê Văn {n}",
            birth_date=dt.date(1985, 1, 1),
            gender="nam",
            category="cong_chuc",
        )
        services.holding_add(
            actor=system_actor(),
            cadre=cadre,
            unit=small_province.units["SNV"],
            position_type=small_province.types["CV"],
            valid_from=dt.date(2016, 1, 1),
        )
    client.get(url)  # the first visit after a write computes the ids behind the figure and keeps them
    with CaptureQueriesContext(connection) as many:
        assert len(client.get(url).context["table"].rows) == 10

    def real(context):
        settings = ("SAVEPOINT", "SET LOCAL", "set_config")  # transaction and session settings
        return [q for q in context.captured_queries if not any(word in q["sql"] for word in settings)]

    assert len(real(many)) == len(real(few)) <= 13  # the posts, units and planning of the page: 3


def test_api_with_a_bearer_key_and_without_auth(client, small_province):
    from canbo.accounts.tokens import api_token_create

    user = small_province.user("hr", "unit_hr", "HU-DT")
    _token, key = api_token_create(actor=system_actor(), user=user)
    headers = {"HTTP_AUTHORIZATION": f"Bearer {key}"}
    review = client.get("/api/ra-soat/chi-so?as_of=2020-01-01", **headers).json()
    assert review["thieu_dai_hoc"] == 1 and review["thieu_cao_cap_llct"] == 0
    assert client.get("/api/ra-soat/chi-so?as_of=2020-01-01").status_code == 401
    assert client.get("/api/ra-soat/chi-so?as_of=31-12-2020", **headers).status_code == 422
    assert client.get("/api/openapi.json").status_code == 302  # the document needs a sign-in
