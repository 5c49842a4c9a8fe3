import pytest
from django.test import Client

from canbo.accounts.models import ApiToken, Role
from canbo.accounts.system import system_actor
from canbo.accounts.tokens import api_token_create

pytestmark = pytest.mark.django_db


def bearer(key):
    return {"HTTP_AUTHORIZATION": f"Bearer {key}"}


def test_no_credentials_is_401(small_province):
    assert Client().get("/api/can-bo/").status_code == 401


def test_token_auth_lists_only_the_scope(small_province):
    user = small_province.user("hr", Role.UNIT_HR, scope_unit="HU-DT")
    token, key = api_token_create(actor=system_actor(), user=user)
    assert ApiToken.objects.get().key_hash != key and key not in token.key_hash
    response = Client().get("/api/can-bo/", {"as_of": "2020-01-01"}, **bearer(key))
    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 2
    assert {item["ma"] for item in body["items"]} == {"DT1", "DT2"}
    assert Client().get("/api/can-bo/SNV1", **bearer(key)).status_code == 404
    assert Client().get("/api/don-vi/TU", **bearer(key)).status_code == 404
    assert Client().get("/api/can-bo/", **bearer("wrong-key")).status_code == 401
    ApiToken.objects.update(revoked=True)
    assert Client().get("/api/can-bo/", **bearer(key)).status_code == 401


def test_list_filters_and_detail_with_histories(small_province):
    user = small_province.user("btv", Role.BTV)
    _token, key = api_token_create(actor=system_actor(), user=user)
    client = Client()
    body = client.get("/api/can-bo/", {"q": "dao", "as_of": "2020-01-01"}, **bearer(key)).json()
    assert [item["ma"] for item in body["items"]] == ["DT1"]
    assert body["items"][0]["chuc_danh"][0]["ma_don_vi"] == "HU-DT"
    state = client.get("/api/can-bo/", {"khoi": "nha_nuoc", "as_of": "2020-01-01"}, **bearer(key)).json()
    assert state["count"] == 4
    detail = client.get("/api/can-bo/DT1", {"as_of": "2020-01-01"}, **bearer(key)).json()
    assert detail["tuoi"] == 51
    assert detail["que_quan"] == "672"
    assert detail["trinh_do"][0]["bac"] == "cao_cap"
    assert detail["danh_gia"][0]["xep_loai"] == "tot"
    assert detail["luan_chuyen"][0]["so_quyet_dinh"] == "123-QĐ/TU"
    units = client.get("/api/don-vi/", **bearer(key)).json()
    assert units["count"] == 7
    unit = client.get("/api/don-vi/HU-DT", {"as_of": "2020-01-01"}, **bearer(key)).json()
    assert unit["don_vi"]["ma"] == "HU-DT" and unit["don_vi"]["dia_ban"] == "672"
    assert set(unit["don_vi_truc_thuoc"]) == {"UB-DT", "X-LN"}
    assert unit["cong_tac"][0]["ma_can_bo"] == "DT1"


def test_session_auth_reads_and_needs_csrf_to_write(small_province):
    user = small_province.user("snv", Role.SNV)
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    body = client.get("/api/can-bo/", {"as_of": "2020-01-01"}).json()
    assert {item["ma"] for item in body["items"]} == {"SNV1", "SNV2", "PL1", "DT2"}
    assert client.get("/api/tai-khoan/toi").json()["role"] == "snv"
    # An unsafe method without the CSRF token is refused; with it, allowed.
    refused = client.post("/api/tai-khoan/khoa", {"label": "x"}, content_type="application/json")
    assert refused.status_code in (401, 403)
    client.get("/")  # any page with a form sets the CSRF cookie
    csrf = client.cookies["csrftoken"].value
    response = client.post("/api/tai-khoan/khoa", {"label": "x"}, content_type="application/json",
                           HTTP_X_CSRFTOKEN=csrf)
    assert response.status_code == 201
    key = response.json()["key"]
    assert Client().get("/api/tai-khoan/toi", **bearer(key)).json()["username"] == "snv"


def test_a_key_cannot_mint_keys(small_province):
    """A key (no CSRF needed) reaches the endpoint, which refuses it: new keys need a session."""
    user = small_province.user("btc", Role.BTC)
    _token, key = api_token_create(actor=system_actor(), user=user)
    client = Client(enforce_csrf_checks=True)
    response = client.post("/api/tai-khoan/khoa", {}, content_type="application/json", **bearer(key))
    assert response.status_code == 403
    assert "Khóa API không cấp được khóa mới" in response.json()["detail"]
    assert ApiToken.objects.count() == 1


def test_openapi_docs_need_sign_in_and_load_nothing_from_outside(small_province):
    assert Client().get("/api/docs").status_code == 302
    assert Client().get("/api/openapi.json").status_code == 302
    client = Client()
    client.force_login(small_province.user("school", Role.SCHOOL))
    assert client.get("/api/openapi.json").status_code == 200
    html = client.get("/api/docs").content.decode()
    assert "/static/ninja/swagger-ui-bundle.js" in html
    assert "cdn" not in html.lower() and "https://" not in html


def test_every_endpoint_declares_its_responses_and_errors():
    from config.api import api

    schema = api.get_openapi_schema()
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            declared = {str(code): response for code, response in operation["responses"].items()}
            assert {"401", "403", "404", "422"} <= set(declared), (method, path)
            success = [code for code in declared if code.startswith("2")]
            assert success and all("content" in declared[c] for c in success), (method, path)
            assert path.isascii() and "_" not in path, path


def test_errors_are_json_with_a_message(small_province):
    user = small_province.user("school", Role.SCHOOL)
    _token, key = api_token_create(actor=user, user=user)
    refused = Client().get("/api/ra-soat/chi-so", {"as_of": "2020-01-01"}, **bearer(key))
    assert refused.status_code == 403
    assert "Xem rà soát nợ bằng" in refused.json()["detail"]
    missing = Client().get("/api/can-bo/NOBODY", **bearer(key))
    assert missing.status_code == 404
    assert "NOBODY" in missing.json()["detail"]
    invalid = Client().get("/api/ra-soat/doi-tuong-dao-tao/TU1", {"as_of": "x"}, **bearer(key))
    assert invalid.status_code == 422 and isinstance(invalid.json()["detail"], list)


def test_token_command_prints_a_key_once(small_province, capsys):
    from django.core.management import call_command

    small_province.user("inspector", Role.INSPECTOR)
    call_command("token", "inspector")
    key = capsys.readouterr().out.strip()
    assert Client().get("/api/tai-khoan/toi", **bearer(key)).json()["role"] == "inspector"
    with pytest.raises(Exception, match="Không có người dùng"):
        call_command("token", "nobody")
