"""Writes to the catalogue: who may, what is refused and why, and the audit of each."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from canbo.accounts.models import Role, User
from canbo.audit.models import AuditEvent
from canbo.audit.render import changes, summary
from canbo.rules.kh_2017_2020 import CODE
from canbo.rules.models import RuleSet
from canbo.training.models import Programme, ProgrammeFamily
from canbo.training.services import programme_create, programme_delete, programme_update

pytestmark = pytest.mark.django_db


@pytest.fixture
def snv():
    return User.objects.create_user(username="snv", password="x-very-long-1", role=Role.SNV)


@pytest.fixture
def rule_set():
    return RuleSet.objects.get(code=CODE)


def _family(rule_set, code="quan_ly_kinh_te"):
    return ProgrammeFamily.objects.get(rule_set=rule_set, code=code)


def _new(actor, rule_set, **values):
    fields = {"code": "dau_thau", "name": "Nghiệp vụ đấu thầu", "years": 1, "full_time": True,
              "cost_full_time": 3_500_000, "qualifications": []} | values
    return programme_create(actor=actor, rule_set=rule_set, family=_family(rule_set), **fields)


def test_snv_adds_a_course_and_the_log_records_it(snv, rule_set):
    programme = _new(snv, rule_set)
    event = AuditEvent.objects.get(action="programme_create")
    assert event.actor == snv and event.object_key == "dau_thau"
    assert event.after["cost_full_time"] == 3_500_000
    assert summary(event) == f"Thêm chương trình Nghiệp vụ đấu thầu vào {CODE}"
    assert programme.modes() == ["tap_trung"] and programme.cost("tap_trung") == 3_500_000


@pytest.mark.parametrize("role", [Role.UNIT_HR, Role.SCHOOL, Role.BTV, Role.INSPECTOR])
def test_other_roles_are_refused_with_who_may(role, rule_set):
    user = User.objects.create_user(username="u", password="x-very-long-1", role=role)
    with pytest.raises(PermissionDenied, match="Ban Tổ chức Tỉnh ủy, Sở Nội vụ"):
        _new(user, rule_set)
    assert not Programme.objects.filter(code="dau_thau").exists()


@pytest.mark.parametrize(("values", "field"), [
    ({"full_time": False, "cost_full_time": None}, "full_time"),
    ({"full_time": False}, "cost_full_time"),
    ({"years": None}, "years"),
    ({"code": "Đấu thầu"}, "code"),
    ({"code": "dai_hoc"}, "code"),
    ({"qualifications": [{"kind": "llct", "level": "khong_co", "as_required": False}]}, "qualifications"),
    ({"qualifications": [{"kind": "qpan", "level": "", "as_required": True}]}, "qualifications"),
])
def test_a_malformed_programme_is_refused_on_its_field(snv, rule_set, values, field):
    with pytest.raises(ValidationError) as refused:
        _new(snv, rule_set, **values)
    assert field in refused.value.message_dict
    assert not AuditEvent.objects.filter(action="programme_create").exists()


def test_an_edit_records_only_what_changed_in_words(snv, rule_set):
    programme = Programme.objects.get(rule_set=rule_set, code="trung_cap_llct")
    programme_update(actor=snv, programme=programme, cost_in_service=8_000_000,
                     qualifications=[{"kind": "llct", "level": "trung_cap", "as_required": False}])
    event = AuditEvent.objects.get(action="programme_update")
    assert set(event.after) == {"cost_in_service"}
    assert [(c.label, c.before, c.after) for c in changes(event)] == [
        ("kinh phí một học viên, tại chức (đồng)", "—", "8000000")]
    programme_update(actor=snv, programme=programme, qualifications=[
        {"kind": "llct", "level": "cao_cap", "as_required": False}])
    event = AuditEvent.objects.filter(action="programme_update").latest("seq")
    assert "Lý luận chính trị: Trung cấp → Lý luận chính trị: Cao cấp" in summary(event)


def test_a_length_kept_by_a_parameter_is_changed_on_the_rules_page(snv, rule_set):
    programme = Programme.objects.get(rule_set=rule_set, code="dai_hoc")
    with pytest.raises(ValidationError, match="nam_dao_tao_dai_hoc"):
        programme_update(actor=snv, programme=programme, years=5)
    programme.refresh_from_db()
    assert programme.years is None and programme.years_parameter == "nam_dao_tao_dai_hoc"


def test_the_programmes_of_the_eligibility_lists_cannot_be_deleted(snv, rule_set):
    programme = Programme.objects.get(rule_set=rule_set, code="cao_cap_llct")
    with pytest.raises(ValidationError, match="quy tắc T1"):
        programme_delete(actor=snv, programme=programme)
    assert Programme.objects.filter(pk=programme.pk).exists()


def test_a_course_is_deleted_with_everything_it_held_in_the_log(snv, rule_set):
    programme = _new(snv, rule_set)
    programme_delete(actor=snv, programme=programme)
    assert not Programme.objects.filter(pk=programme.pk).exists()
    event = AuditEvent.objects.get(action="programme_delete")
    assert event.before["name"] == "Nghiệp vụ đấu thầu" and event.before["cost_full_time"] == 3_500_000
    assert summary(event) == f"Xóa chương trình Nghiệp vụ đấu thầu khỏi {CODE}"
