import pytest

from canbo.accounts.models import Role
from canbo.core.errors import NotFound
from canbo.org.selectors import unit_get, visible_units
from canbo.people.selectors import cadre_get, visible_cadres

pytestmark = pytest.mark.django_db


def codes(queryset):
    return set(queryset.values_list("code", flat=True))


@pytest.mark.parametrize("role", [Role.BTV, Role.THUONG_TRUC, Role.INSPECTOR, Role.SCHOOL])
def test_province_wide_roles_see_everything(small_province, as_of, role):
    user = small_province.user("u", role)
    assert codes(visible_cadres(user, as_of)) == set(small_province.cadres)
    assert codes(visible_units(user)) == set(small_province.units)


def test_btc_sees_party_and_front_blocs_and_every_btv_managed_cadre(small_province, as_of):
    user = small_province.user("btc", Role.BTC)
    assert codes(visible_units(user)) == {"TU", "BTC", "HLHPN", "HU-DT", "X-LN"}
    # TU1, DT1 and HOI by bloc; SNV1 holds a BTV-managed post; PL1 is planned for one.
    assert codes(visible_cadres(user, as_of)) == {"TU1", "DT1", "HOI", "SNV1", "PL1"}
    assert cadre_get(actor=user, code="SNV1", as_of=as_of).code == "SNV1"
    with pytest.raises(NotFound):
        cadre_get(actor=user, code="SNV2", as_of=as_of)
    with pytest.raises(NotFound):
        unit_get(actor=user, code="SNV")


def test_btc_planning_counts_only_while_in_force(small_province):
    import datetime as dt

    user = small_province.user("btc", Role.BTC)
    # Term 2015–2020 has ended in 2021: PL1 is then only a state-bloc specialist.
    assert "PL1" not in codes(visible_cadres(user, dt.date(2021, 6, 1)))
    # Approved on 01/06/2016: not yet in force at the start of 2016.
    assert "PL1" not in codes(visible_cadres(user, dt.date(2016, 1, 1)))


def test_snv_sees_the_state_bloc(small_province, as_of):
    user = small_province.user("snv", Role.SNV)
    assert codes(visible_units(user)) == {"SNV", "UB-DT"}
    assert codes(visible_cadres(user, as_of)) == {"SNV1", "SNV2", "PL1", "DT2"}
    with pytest.raises(NotFound):
        cadre_get(actor=user, code="TU1", as_of=as_of)


def test_unit_hr_sees_the_subtree_at_the_date(small_province, as_of):
    import datetime as dt

    user = small_province.user("hr", Role.UNIT_HR, scope_unit="HU-DT")
    assert codes(visible_units(user)) == {"HU-DT", "UB-DT", "X-LN"}
    assert codes(visible_cadres(user, as_of)) == {"DT1", "DT2"}
    # OLD left Đức Trọng at the end of 2015: in scope in 2015, out of it afterwards.
    assert "OLD" in codes(visible_cadres(user, dt.date(2015, 6, 1)))
    with pytest.raises(NotFound):
        cadre_get(actor=user, code="OLD", as_of=as_of)
    with pytest.raises(NotFound):
        cadre_get(actor=user, code="SNV1", as_of=as_of)
    with pytest.raises(NotFound):
        unit_get(actor=user, code="TU")
    assert unit_get(actor=user, code="X-LN").code == "X-LN"


def test_unit_hr_without_a_unit_sees_nothing(small_province, as_of):
    user = small_province.user("hr", Role.UNIT_HR)
    assert not visible_cadres(user, as_of).exists()
    assert not visible_units(user).exists()


def test_user_blocs_narrow_a_role(small_province, as_of):
    user = small_province.user("btc-front", Role.BTC, blocs=["mttq_doan_the"])
    assert codes(visible_units(user)) == {"HLHPN"}
    # The BTV-managed reach follows the narrowing too: only such cadres of the Front and unions.
    assert codes(visible_cadres(user, as_of)) == {"HOI"}


def test_visible_cadres_is_one_query(small_province, as_of, django_assert_num_queries):
    user = small_province.user("btc", Role.BTC)
    user = type(user).objects.select_related("scope_unit").get(pk=user.pk)
    with django_assert_num_queries(1):
        list(visible_cadres(user, as_of))


def test_anonymous_sees_nothing(small_province, as_of):
    from django.contrib.auth.models import AnonymousUser

    assert not visible_cadres(AnonymousUser(), as_of).exists()
    assert not visible_units(AnonymousUser()).exists()


def test_user_blocs_only_narrow_never_widen(small_province, as_of):
    # Sở Nội vụ covers the state blocs: a user of it given the Party bloc gets the intersection, nothing.
    user = small_province.user("snv-dang", Role.SNV, blocs=["dang"])
    assert not visible_units(user).exists()
    assert not visible_cadres(user, as_of).exists()
    narrowed = small_province.user("snv-state", Role.SNV, blocs=["nha_nuoc", "dang"])
    assert codes(visible_units(narrowed)) == {"SNV", "UB-DT"}


def test_btc_narrowed_to_a_subtree_loses_btv_managed_cadres_elsewhere(small_province, as_of):
    user = small_province.user("btc-dt", Role.BTC, scope_unit="HU-DT")
    assert codes(visible_units(user)) == {"HU-DT", "X-LN"}
    # DT1 by bloc and as Bí thư Huyện ủy; SNV1 (Giám đốc Sở) and PL1 (planned for it) are elsewhere.
    assert codes(visible_cadres(user, as_of)) == {"DT1"}


def test_a_province_wide_role_narrowed_to_a_unit(small_province, as_of):
    user = small_province.user("school-tu", Role.SCHOOL, scope_unit="TU")
    assert codes(visible_units(user)) == {"TU", "BTC"}
    assert codes(visible_cadres(user, as_of)) == {"TU1"}


def test_unknown_blocs_are_refused(small_province):
    from django.core.exceptions import ValidationError

    user = small_province.user("snv-typo", Role.SNV)
    user.blocs = ["nha_nuoc", "khoi_la"]
    with pytest.raises(ValidationError, match="khoi_la"):
        user.full_clean()
    user.blocs = "nha_nuoc"
    with pytest.raises(ValidationError):
        user.full_clean()
    user.blocs = ["nha_nuoc", "su_nghiep"]
    user.full_clean()


def test_scope_in_words(small_province):
    from canbo.core.capabilities import scope_label

    assert scope_label(small_province.user("btv", Role.BTV)) == "Toàn tỉnh"
    assert scope_label(small_province.user("snv-dang", Role.SNV, blocs=["dang"])).startswith("không khối nào")
    assert scope_label(small_province.user("hr", Role.UNIT_HR)) == "Chưa được giao đơn vị"
    btc = scope_label(small_province.user("btc-dt", Role.BTC, scope_unit="HU-DT"))
    assert btc == "Huyện ủy Đức Trọng; Khối Đảng, Mặt trận Tổ quốc, đoàn thể; cán bộ diện BTV quản lý"


def test_the_system_actor_sees_everything(small_province, as_of):
    from canbo.accounts.system import system_actor

    assert codes(visible_cadres(system_actor(), as_of)) == set(small_province.cadres)
    assert codes(visible_units(system_actor())) == set(small_province.units)


def test_sign_ins_and_failed_sign_ins_are_in_the_change_log(client, small_province):
    from canbo.accounts.testing import PASSWORD
    from canbo.audit.actions import AuditAction
    from canbo.audit.models import AuditEvent

    user = small_province.user("dang_nhap", "btc")
    client.post("/tai-khoan/dang-nhap/", {"username": "dang_nhap", "password": "sai-mat-khau"})
    failed = AuditEvent.objects.get(action=AuditAction.SIGN_IN_FAILED)
    assert failed.data == {"ten": "dang_nhap"} and failed.ip == "127.0.0.1"
    client.post("/tai-khoan/dang-nhap/", {"username": "dang_nhap", "password": PASSWORD})
    signed_in = AuditEvent.objects.get(action=AuditAction.SIGN_IN)
    assert signed_in.actor == user


@pytest.mark.parametrize(("role", "scope_unit", "blocs"), [
    (Role.BTC, None, None), (Role.BTC, None, ["dang"]), (Role.BTC, "HU-DT", None), (Role.SNV, None, None),
    (Role.UNIT_HR, "HU-DT", None), (Role.UNIT_HR, "SNV", None), (Role.BTV, None, None),
])
def test_the_whole_list_form_of_the_scope_holds_the_same_cadres(small_province, role, scope_unit, blocs):
    """The set form that lists read (`whole_lists`) and the per-cadre form that a record reads."""
    import datetime as dt

    user = small_province.user("u", role, scope_unit, blocs)
    for day in (dt.date(2015, 6, 1), dt.date(2016, 1, 1), dt.date(2018, 1, 1), dt.date(2021, 6, 1)):
        per_cadre = codes(visible_cadres(user, day))
        assert codes(visible_cadres(user, day, whole_lists=True)) == per_cadre, day
        assert per_cadre, day
