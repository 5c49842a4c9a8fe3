"""Whatever an address carries, no page fails: every page without a path argument (from the URL conf),
asked by a province-wide user with each query parameter canbo reads set to text no form would send
(digits int() refuses, a NUL, a huge number, a negative one, a path, a quote), answers with a page or a
refusal, never a server error (the test client raises what a view raises, and 5xx answers are listed)."""

import pytest
from django.urls import get_resolver

from canbo.accounts.models import Role
from canbo.accounts.tests.test_access_matrix import _walk

pytestmark = pytest.mark.django_db

PARAMETERS = (
    "nam", "tu_nam", "den_nam", "don_vi", "xuat", "dinh_dang", "nhom", "danh_sach", "chuong_trinh", "xem",
    "chi_so", "bo", "viec", "cot", "dong", "buoc", "trang_thai", "tinh_ngay", "theo", "qua_han", "q",
    "trang", "sap_xep", "moc_tuoi", "ma_can_bo", "ma", "ket_qua", "den", "cua_toi", "con_lai", "chuc_danh",
    "chu_chot", "chieu", "chi_tieu", "as_of", "tu_ngay", "den_ngay", "nhiem_ky", "nguoi_ky", "kich_ban",
)
HOSTILE = ("²⁰¹⁸", "\x00", "9" * 30, "-1", "../..", "' OR 1=1 --")
# Pages that leave the site or sign the user out, whatever they are asked.
LEAVING = {"accounts:logout"}


def _pages() -> list[str]:
    return sorted({f"/{route}" for route, name in _walk(get_resolver().url_patterns)
                   if "<" not in route and not route.startswith(("admin", "api")) and name not in LEAVING})


def test_no_page_fails_on_what_its_address_carries(client, small_province):
    client.force_login(small_province.user("btv", Role.BTV))
    failed, answered = [], []
    for path in _pages():
        for value in HOSTILE:
            status = client.get(path, {name: value for name in PARAMETERS}).status_code
            answered.append(status)
            if status >= 500:
                failed.append((path, repr(value), status))
    assert failed == []
    assert 200 in answered and 404 in answered  # signed in: pages served, unknown units and codes refused
