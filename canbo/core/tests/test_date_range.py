"""Dates outside the range canbo reads (canbo.core.bounds.DATES) are refused everywhere with a
message: a page's as-of date, one already in the session, the API and the commands."""

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse

from canbo.accounts.models import Role
from canbo.core.middleware import SESSION_KEY

pytestmark = pytest.mark.django_db

FAR = ["31/12/9999", "9999-12-31", "0001-01-01", "01/01/1899", "01/01/2101"]


@pytest.mark.parametrize("typed", FAR)
def test_a_far_as_of_date_is_refused_and_not_kept(client_as, typed):
    client = client_as("btc", role=Role.BTC)
    client.get(reverse("core:home"), {"as_of": "01/06/2016"})
    response = client.get(reverse("reports:review"), {"as_of": typed})
    assert response.status_code == 200
    assert "01/01/1900" in response.content.decode() and "31/12/2100" in response.content.decode()
    assert response.context["as_of"].isoformat() == "2016-06-01"  # the date chosen before stays
    assert client.session[SESSION_KEY] == "2016-06-01"
    assert client.get(reverse("people:cadre_detail", args=["TU1"])).status_code == 200


def test_the_ends_of_the_range_are_accepted(client_as):
    client = client_as("btc", role=Role.BTC)
    for typed, kept in (("01/01/1900", "1900-01-01"), ("31/12/2100", "2100-12-31")):
        assert client.get(reverse("reports:review"), {"as_of": typed}).status_code == 200
        assert client.session[SESSION_KEY] == kept


@pytest.mark.parametrize("stored", ["9999-12-31", "0001-01-01", "không phải ngày"])
def test_a_bad_date_already_in_the_session_is_dropped(client_as, stored):
    client = client_as("btc", role=Role.BTC)
    session = client.session
    session[SESSION_KEY] = stored
    session.save()
    response = client.get(reverse("reports:review"))
    assert response.status_code == 200
    assert SESSION_KEY not in client.session
    assert response.context["as_of_is_today"]


@pytest.mark.parametrize("url", [
    "/api/ra-soat/chi-so", "/api/ra-soat/nguon-luan-chuyen", "/api/ra-soat/khong-dia-phuong",
    "/api/ra-soat/doi-tuong-dao-tao/TU1", "/api/can-bo/", "/api/can-bo/TU1", "/api/don-vi/",
    "/api/don-vi/TU",
])
def test_the_api_answers_a_far_as_of_with_json_and_a_message(client_as, url):
    client = client_as("btv", role=Role.BTV)
    response = client.get(url, {"as_of": "9999-12-31"})
    assert response.status_code == 422
    assert "31/12/2100" in str(response.json()["detail"])


def test_the_api_refuses_far_proposal_and_vacancy_dates(client_as):
    client = client_as("btv", role=Role.BTV)
    assert client.get("/api/luan-chuyen/vi-tri-khuyet", {"ngay": "0001-01-01"}).status_code == 422
    proposal = {"ma_can_bo": "TU1", "loai": "luan_chuyen", "den_don_vi": "HU-DT", "chuc_danh": "BT-HU",
                "tu_ngay": "2017-10-01"}
    assert client.get("/api/luan-chuyen/kiem-tra-de-xuat", proposal).status_code == 200
    for key, value in (("tu_ngay", "9999-12-31"), ("den_ngay", "9999-12-31")):
        response = client.get("/api/luan-chuyen/kiem-tra-de-xuat", {**proposal, key: value})
        assert response.status_code == 422, key


def test_page_forms_refuse_far_dates(client_as):
    client = client_as("btc", role=Role.BTC)
    response = client.get(reverse("rotation:check_proposal"), {
        "ma_can_bo": "TU1", "loai": "luan_chuyen", "den_don_vi": "HU-DT", "chuc_danh": "BT-HU",
        "tu_ngay": "01/10/2017", "den_ngay": "31/12/9999",
    })
    assert response.status_code == 200
    assert response.context["form"].errors["den_ngay"]
    log = client_as("kiemtra", role=Role.INSPECTOR).get(reverse("audit:list"), {"den_ngay": "31/12/9999"})
    assert log.status_code == 200
    assert log.context["filters"].invalid_days == ["den_ngay"]


@pytest.mark.parametrize("command,args", [
    ("review", []), ("rotation-pool", []), ("nonlocal", []), ("vacancies", []),
    ("eligibility", ["--cadre", "TU1"]),
])
def test_commands_refuse_a_far_as_of(small_province, command, args):
    with pytest.raises(CommandError, match="31/12/2100"):
        call_command(command, "--as-of", "9999-12-31", *args)


def test_check_proposal_and_retirement_refuse_far_dates(small_province):
    base = ["--cadre", "TU1", "--loai", "luan_chuyen", "--den-don-vi", "HU-DT", "--chuc-danh", "BT-HU"]
    with pytest.raises(CommandError, match="31/12/2100"):
        call_command("check-proposal", *base, "--tu-ngay", "2017-10-01", "--den-ngay", "9999-12-31")
    with pytest.raises(CommandError, match="01/01/1900"):
        call_command("retirement", "--gioi-tinh", "nam", "--ngay-sinh", "0001")
