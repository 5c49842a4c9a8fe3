import pytest
from django.urls import reverse

from canbo.accounts.models import Role
from canbo.core.capabilities import Action
from canbo.core.navigation import ITEMS, NavItem, navigation_for

pytestmark = pytest.mark.django_db


def test_home_shows_scope_and_counts(client_as):
    client = client_as("hr", role=Role.UNIT_HR, scope_unit="HU-DT")
    response = client.get(reverse("core:home"), {"as_of": "01/01/2020"})
    assert response.status_code == 200
    assert response.context["figures"] == {
        "cadres": 2, "holding_cadres": 2, "units": 3, "holdings": 2, "planned": 0,
    }
    html = response.content.decode()
    assert "Huyện ủy Đức Trọng" in html
    assert "01/01/2020" in html
    assert "Đang xem dữ liệu tại ngày 01/01/2020" in html


def test_as_of_is_kept_in_the_session_and_bad_dates_are_explained(client_as):
    client = client_as("btv", role=Role.BTV)
    client.get(reverse("core:home"), {"as_of": "01/06/2016"})
    assert client.get(reverse("core:home")).context["as_of"].isoformat() == "2016-06-01"
    response = client.get(reverse("core:home"), {"as_of": "31/02/2020"}, follow=True)
    assert "không hợp lệ" in response.content.decode()


def test_navigation_shows_only_pages_that_exist_and_the_role_may_use(client_as, small_province, monkeypatch):
    user = small_province.user("school", Role.SCHOOL)
    monkeypatch.setattr("canbo.core.navigation.ITEMS", (
        *ITEMS, NavItem("reports", "Không tồn tại", "reports:does_not_exist", Action.VIEW_RECORDS),
        NavItem("reports", "Chỉ người sửa quy tắc", "core:home", Action.EDIT_RULES),
    ))
    labels = [link["label"] for area in navigation_for(user) for link in area["links"]]
    assert "Danh sách cán bộ" in labels
    assert "Danh sách đủ điều kiện đào tạo" in labels
    assert "Rà soát" not in labels
    assert "Không tồn tại" not in labels
    assert "Chỉ người sửa quy tắc" not in labels


def test_language_switch_to_english(client_as):
    client = client_as("btv", role=Role.BTV)
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    html = client.get(reverse("core:home")).content.decode()
    assert "Overview" in html


def test_domain_errors_become_pages_with_their_message(client_as, settings):
    settings.DEBUG = False
    client = client_as("hr", role=Role.UNIT_HR, scope_unit="HU-DT")
    missing = client.get(reverse("people:cadre_detail", args=["SNV1"]))
    assert missing.status_code == 404
    assert "Không có cán bộ mã “SNV1” trong phạm vi của bạn." in missing.content.decode()
    refused = client.get(reverse("rules:parameter_edit", args=[1]))
    assert refused.status_code == 403
    assert "Sửa tham số, bộ quy tắc" in refused.content.decode()
