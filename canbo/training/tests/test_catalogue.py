"""The shipped catalogue, its dating by rule set and its copy into the next period's set."""

import datetime as dt

import pytest

from canbo.accounts.models import Role, User
from canbo.accounts.system import system_actor
from canbo.audit.models import AuditEvent
from canbo.audit.render import summary
from canbo.rules.kh_2017_2020 import CODE
from canbo.rules.models import Parameter, RuleSet
from canbo.rules.selectors import rule_set_in_force
from canbo.rules.services import parameter_version_create, rule_set_copy
from canbo.rules.verdicts import PROGRAMMES
from canbo.training.models import Category, Programme, ProgrammeFamily
from canbo.training.selectors import catalogue
from canbo.training.services import programme_update

pytestmark = pytest.mark.django_db


def _shipped():
    return RuleSet.objects.get(code=CODE)


def _rows(rule_set, as_of=dt.date(2018, 1, 1)):
    return {row["programme"].code: row for family in catalogue(rule_set=rule_set, as_of=as_of)
            for row in family["programmes"]}


def test_the_eight_programmes_of_spec_9_keep_the_eligibility_keys():
    codes = set(Programme.objects.filter(rule_set=_shipped()).values_list("code", flat=True))
    assert {verdict.key for verdict in PROGRAMMES} <= codes


def test_the_nine_fostering_families_of_iii_1_2_each_have_courses():
    families = ProgrammeFamily.objects.filter(rule_set=_shipped(), category=Category.BOI_DUONG)
    assert families.count() == 9
    assert all(family.programmes.exists() for family in families)
    assert all(family.citation.startswith("III.1.2") for family in families)


def test_what_a_pass_gives():
    programmes = {p.code: p for p in Programme.objects.filter(rule_set=_shipped())}
    assert programmes["cao_cap_llct"].qualifications == [
        {"kind": "llct", "level": "cao_cap", "as_required": False}]
    assert programmes["sau_dai_hoc"].qualifications[0]["level"] == "thac_si"
    assert programmes["qlnn"].qualifications == [{"kind": "qlnn", "level": "", "as_required": True}]
    assert [(q["kind"], q["as_required"]) for q in programmes["ngoai_ngu_tin_hoc"].qualifications] == [
        ("ngoai_ngu", True), ("tin_hoc", True)]
    assert "Đề án 165" in programmes["ngoai_ngu_tin_hoc"].quota_source
    assert programmes["qpan_doi_tuong_1"].qualifications[0]["level"] == "doi_tuong_1"


def test_lengths_follow_spec_14_and_reuse_the_rule_set_parameters():
    rows = _rows(_shipped())
    assert {code: rows[code]["years"].value for code in (
        "cao_cap_llct", "trung_cap_llct", "hoan_chinh_trung_cap_llct", "qlnn", "ngoai_ngu_tin_hoc",
        "sau_dai_hoc", "trung_cap_chuyen_mon", "dai_hoc")} == {
        "cao_cap_llct": 1, "trung_cap_llct": 1, "hoan_chinh_trung_cap_llct": 1, "qlnn": 1,
        "ngoai_ngu_tin_hoc": 1, "sau_dai_hoc": 2, "trung_cap_chuyen_mon": 2, "dai_hoc": 4}
    dai_hoc = Programme.objects.get(rule_set=_shipped(), code="dai_hoc")
    assert dai_hoc.years is None and dai_hoc.years_parameter == "nam_dao_tao_dai_hoc"
    assert rows["dai_hoc"]["commitment"].value == 5 and rows["dai_hoc"]["commitment"].parameter is not None


def test_a_new_parameter_value_reaches_the_programme_from_its_date():
    parameter = Parameter.objects.get(rule_set=_shipped(), key="nam_dao_tao_dai_hoc")
    parameter_version_create(actor=system_actor(), parameter=parameter, value=5,
                             valid_from=dt.date(2019, 1, 1), reason="Chương trình mới", decision="QĐ 1")
    assert _rows(_shipped(), dt.date(2018, 12, 31))["dai_hoc"]["years"].value == 4
    assert _rows(_shipped(), dt.date(2019, 1, 1))["dai_hoc"]["years"].value == 5


def test_copying_a_rule_set_copies_its_catalogue_and_the_copy_is_edited_alone():
    btc = User.objects.create_user(username="btc", password="x-very-long-1", role=Role.BTC)
    source = _shipped()
    copy = rule_set_copy(actor=btc, source=source, code="KH-2021-2025", name="Kế hoạch 2021 – 2025",
                         valid_from=dt.date(2021, 1, 1))
    copied_count = Programme.objects.filter(rule_set=copy).count()
    assert copied_count == Programme.objects.filter(rule_set=source).count() == 32
    assert ProgrammeFamily.objects.filter(rule_set=copy).count() == 12
    copied = Programme.objects.get(rule_set=copy, code="sau_dai_hoc")
    assert copied.family.rule_set == copy
    programme_update(actor=btc, programme=copied, years=3)
    assert Programme.objects.get(rule_set=source, code="sau_dai_hoc").years == 2
    assert rule_set_in_force(dt.date(2022, 1, 1)) == copy
    assert _rows(copy, dt.date(2022, 1, 1))["sau_dai_hoc"]["years"].value == 3
    event = AuditEvent.objects.get(action="programmes_copy")
    assert event.actor == btc and event.data["tu"] == CODE
    assert summary(event) == (
        f"Sao chép {copied_count} chương trình đào tạo, bồi dưỡng từ {CODE} sang KH-2021-2025")


def test_an_emptied_database_gets_the_shipped_catalogue_back_with_the_shipped_rule_set():
    RuleSet.objects.all().delete()
    assert not Programme.objects.exists()
    rule_set = rule_set_in_force(dt.date(2018, 1, 1))
    assert Programme.objects.filter(rule_set=rule_set, code="dai_hoc").exists()
    assert ProgrammeFamily.objects.filter(rule_set=rule_set).count() == 12
