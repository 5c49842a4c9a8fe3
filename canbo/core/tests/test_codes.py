"""Codes have one alphabet (canbo.core.codes): checked by model validation, the admin and the import;
pages keep working, with every link encoded, for codes stored before the alphabet was enforced."""

import re
from urllib.parse import unquote

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from canbo.accounts.models import Role
from canbo.accounts.system import system_actor
from canbo.core.codes import code_problem
from canbo.org.models import CivilServiceRank, Locality, PositionType, Unit
from canbo.org.services import unit_create
from canbo.people.models import Cadre
from canbo.rules.models import RuleSet

ODD = ["A/B", "C?D", "E#F", "G&H", "I%J", "K L", "Đ1", "..", "-X", "", "1\n", "them", "so-yeu-ly-lich"]


@pytest.mark.parametrize("code", ["672", "24778", "01.003", "KH-2017-2020", "BT_TU", "BTC.P1", "CB000001",
                                  "HU-DT", "a" * 30])
def test_the_codes_of_spec_and_the_demo_are_codes(code):
    assert code_problem(code) is None


@pytest.mark.parametrize("code", ODD)
def test_other_text_is_not_a_code(code):
    assert code_problem(code)


@pytest.mark.django_db
@pytest.mark.parametrize("model", [Locality, Unit, PositionType, CivilServiceRank, Cadre, RuleSet])
def test_model_validation_refuses_a_code_outside_the_alphabet(small_province, model):
    CivilServiceRank.objects.create(code="01.003", name="Chuyên viên")
    obj = model.objects.first()
    obj.code = "A/B"
    with pytest.raises(ValidationError) as exc:
        obj.full_clean()
    assert "code" in exc.value.message_dict
    obj.code = "A-B.1_c"
    obj.full_clean()


@pytest.mark.django_db
def test_services_and_the_admin_refuse_a_bad_code(small_province, admin_client):
    with pytest.raises(ValidationError):
        unit_create(actor=system_actor(), code="P1?x", name="Phòng", level="tinh", bloc="dang",
                    locality=small_province.units["TU"].locality)
    response = admin_client.post("/quan-tri/org/unit/add/", {
        "code": "P1/2", "name": "Phòng 1", "level": "tinh", "bloc": "dang",
        "locality": small_province.units["TU"].locality_id,
    })
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["code"]
    assert not Unit.objects.filter(code="P1/2").exists()


def _store_odd_codes(small_province) -> dict[str, str]:
    """Codes a database may hold from before the alphabet: written below validation."""
    codes = {"cadre": "D/T?1", "unit": "HU#D&T", "type": "BT/HU", "rank": "01/003"}
    Cadre.objects.filter(code="DT1").update(code=codes["cadre"])
    Unit.objects.filter(code="HU-DT").update(code=codes["unit"])
    PositionType.objects.filter(code="BT-HU").update(code=codes["type"])
    return codes


def _links(html: str) -> list[str]:
    return [unquote(href.replace("&amp;", "&")) for href in re.findall(r'href="([^"]*)"', html)]


@pytest.mark.django_db
def test_pages_link_to_records_with_odd_codes(client_as, small_province):
    codes = _store_odd_codes(small_province)
    client = client_as("btv", role=Role.BTV)
    for url in (reverse("people:cadre_list"), reverse("org:unit_tree"), reverse("rules:list"),
                reverse("reports:review"), reverse("people:cadre_list") + "?q=Đào"):
        response = client.get(url, {"as_of": "01/01/2020"})
        assert response.status_code == 200, url
    cadre_url = reverse("people:cadre_detail", args=[codes["cadre"]])
    assert "%3F" in cadre_url and client.get(cadre_url).status_code == 200
    unit_url = reverse("org:unit_detail", args=[codes["unit"]])
    assert "%23" in unit_url
    unit_page = client.get(unit_url)
    assert unit_page.status_code == 200
    listed = client.get(reverse("people:cadre_list"),
                        {"don_vi": codes["unit"], "trang_thai": "dang_cong_tac"})
    assert listed.status_code == 200 and listed.context["table"].report.count == 2
    assert f"/can-bo/?don_vi={codes['unit']}&trang_thai=dang_cong_tac" in _links(unit_page.content.decode())
    review = client.get(reverse("reports:review"), {"don_vi": codes["unit"]})
    assert review.status_code == 200
    assert any(f"don_vi={codes['unit']}&" in link or link.endswith(f"don_vi={codes['unit']}")
               for link in _links(review.content.decode()))
    assert client.get(reverse("reports:cadre_verdicts", args=[codes["cadre"]])).status_code == 200
    standard = reverse("rules:standard_version_new", args=["chuc-danh", codes["type"]])
    assert client_as("btc", role=Role.BTC).get(standard).status_code == 200
