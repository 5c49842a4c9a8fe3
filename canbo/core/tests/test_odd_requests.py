"""Odd requests get a clear 4xx, never a 500: NUL characters in the address, pages far past the
end or before the start, and, under /api/, JSON errors whatever goes wrong."""

import pytest
from django.test import Client, RequestFactory
from django.urls import reverse

from canbo.accounts.models import Role, User
from canbo.core.report import PAGE_SIZE, Column, Report, database_rows, requested_page

pytestmark = pytest.mark.django_db

NUL_URLS = ["/can-bo/?q=%00", "/can-bo/a%00b/", "/to-chuc/don-vi/%00/", "/ra-soat/?don_vi=%00",
            "/nhat-ky/?ma_can_bo=%00", "/quy-tac/?bo=%00", "/can-bo/?a%00=1"]


@pytest.mark.parametrize("url", NUL_URLS)
def test_a_nul_character_in_a_page_address_is_a_400(client_as, url):
    client = client_as("btc", role=Role.BTC)
    response = client.get(url)
    assert response.status_code == 400
    assert "không hợp lệ" in response.content.decode()


@pytest.mark.parametrize("url", ["/api/can-bo/?q=%00", "/api/can-bo/%00", "/api/don-vi/a%00",
                                 "/api/ra-soat/chi-so?as_of=2017-06-30&don_vi=%00"])
def test_a_nul_character_in_an_api_address_is_a_json_400(client_as, url):
    response = client_as("btc", role=Role.BTC).get(url)
    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    assert response.json()["detail"]


@pytest.mark.parametrize("url", ["/api/khong-co", "/api/can-bo/a/b", "/api/ra-soat/doi-tuong-dao-tao/a/b",
                                 "/api/"])
def test_an_unknown_api_address_is_a_json_404(client_as, url):
    response = client_as("btc", role=Role.BTC).get(url)
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert response.json()["detail"]


def test_an_unknown_page_address_says_so_without_the_resolver_s_words(client_as):
    page = client_as("btc", role=Role.BTC).get("/khong-co-trang-nay/")
    assert page.status_code == 404
    text = page.content.decode()
    assert "canbo không có trang nào ở địa chỉ “/khong-co-trang-nay/”" in text
    assert "Resolver404" not in text and "ngoài phạm vi" not in text


def test_an_api_failure_is_a_json_500(client_as, monkeypatch):
    def broken(**kwargs):
        raise RuntimeError("hỏng")

    monkeypatch.setattr("canbo.people.api.cadre_search", broken)
    client = client_as("btc", role=Role.BTC)
    client.raise_request_exception = False
    response = client.get("/api/can-bo/")
    assert response.status_code == 500
    assert response["Content-Type"] == "application/json"
    assert "hỏng" not in response.json()["detail"]
    page = client.get(reverse("core:home"))
    assert page.status_code == 200


def test_pages_are_clamped(small_province):
    for n in range(60):
        User.objects.create(username=f"u{n:02d}")
    factory = RequestFactory()
    pages = {}
    for typed in ("-5", "0", "x", "", "1e3", "99999999999999999999999", "9" * 5000, "2"):
        report = Report(title="", columns=[Column("ten", "Tên")], rows=[], empty_message="")
        page = requested_page(factory.get("/", {"trang": typed}))
        pages[typed] = database_rows(report, User.objects.order_by("username"), page, list).page_number
    last = -(-User.objects.count() // PAGE_SIZE)
    assert last == 2
    assert pages == {"-5": 1, "0": 1, "x": 1, "": 1, "1e3": 1, "99999999999999999999999": last,
                     "9" * 5000: 1, "2": 2}
    for typed, expected in (("-5", 1), ("x", 1), ("99999999999999999999999", 10**23 - 1), ("9" * 5000, 1)):
        assert requested_page(factory.get("/", {"trang": typed})) == expected


def test_api_pages_past_the_last_are_the_last(client_as):
    client = client_as("btv", role=Role.BTV)
    for url in ("/api/can-bo/", "/api/don-vi/"):
        last = client.get(url, {"page": "99999999999999999999999", "page_size": "3"})
        assert last.status_code == 200
        body = last.json()
        assert 0 < len(body["items"]) <= 3 and body["count"] > 3
        last_page = -(-body["count"] // 3)
        assert body["items"] == client.get(url, {"page": last_page, "page_size": "3"}).json()["items"]
    assert client.get("/api/can-bo/", {"page": "-1"}).status_code == 422


@pytest.mark.parametrize("url", ["/can-bo/?trang=-3", "/nhat-ky/?trang=99999999999999999999999",
                                 "/ra-soat/danh-sach/?chi_so=thieu_cao_cap_llct&trang=-1",
                                 "/ra-soat/du-dieu-kien/?trang=99999999999999999999999",
                                 "/vi-tri-khuyet/?trang=abc"])
def test_list_pages_answer_odd_page_numbers(client_as, url):
    assert client_as("btc", role=Role.BTC).get(url).status_code == 200


def test_the_login_page_is_not_touched_by_nul_in_a_form(small_province):
    response = Client().post(reverse("accounts:login"), {"username": "a\x00b", "password": "x"})
    assert response.status_code in (200, 400)
