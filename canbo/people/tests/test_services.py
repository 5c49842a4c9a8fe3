import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from canbo.accounts.system import system_actor
from canbo.audit.models import AuditEvent
from canbo.core.dates import Precision
from canbo.org.services import locality_create, position_type_create, unit_create
from canbo.people import services

pytestmark = pytest.mark.django_db


def test_cadre_with_history_is_audited_and_derived():
    system = system_actor()
    province = locality_create(actor=system, code="68", name="Lâm Đồng", level="tinh")
    district = locality_create(actor=system, code="672", name="Đức Trọng", level="huyen", parent=province)
    unit = unit_create(
        actor=system, code="HU-DT", name="Huyện ủy Đức Trọng", level="huyen", bloc="dang", locality=district
    )
    assert district.path == f"/{province.id}/{district.id}/"
    head = position_type_create(
        actor=system, code="BT-HU", name="Bí thư Huyện ủy", req_llct=3, key_position=True
    )
    cadre = services.cadre_create(
        actor=system,
        code="CB1",
        full_name="Nguyễn Thị Đào",
        birth_date=dt.date(1966, 9, 1),
        birth_precision=Precision.MONTH,
        gender="nu",
        category="can_bo",
        hometown=district,
    )
    assert cadre.search_text == "nguyen thi dao cb1"
    assert cadre.retirement_date == dt.date(2022, 5, 31)
    services.holding_add(
        actor=system, cadre=cadre, unit=unit, position_type=head, valid_from=dt.date(2015, 1, 1)
    )
    services.qualification_add(
        actor=system, cadre=cadre, kind="llct", level="cu_nhan", obtained_on=dt.date(2010, 5, 1)
    )
    assert cadre.qualifications.get().rank == 3
    assert (
        AuditEvent.objects.filter(action__in=["cadre_create", "holding_add", "qualification_add"]).count()
        == 3
    )


def test_unknown_level_is_refused_and_nothing_written():
    system = system_actor()
    cadre = services.cadre_create(
        actor=system,
        code="CB2",
        full_name="Lê Văn A",
        birth_date=dt.date(1980, 1, 1),
        gender="nam",
        category="cong_chuc",
    )
    with pytest.raises(ValidationError, match="không thuộc"):
        services.qualification_add(
            actor=system, cadre=cadre, kind="llct", level="tien_si", obtained_on=dt.date(2010, 1, 1)
        )
    assert not cadre.qualifications.exists()


def test_holding_end_before_start_is_refused():
    system = system_actor()
    province = locality_create(actor=system, code="68", name="Lâm Đồng", level="tinh")
    unit = unit_create(actor=system, code="TU", name="Tỉnh ủy", level="tinh", bloc="dang", locality=province)
    pt = position_type_create(actor=system, code="CV", name="Chuyên viên")
    cadre = services.cadre_create(
        actor=system,
        code="CB3",
        full_name="Trần B",
        birth_date=dt.date(1980, 1, 1),
        gender="nam",
        category="cong_chuc",
    )
    with pytest.raises(ValidationError):
        services.holding_add(
            actor=system,
            cadre=cadre,
            unit=unit,
            position_type=pt,
            valid_from=dt.date(2020, 1, 1),
            valid_to=dt.date(2019, 1, 1),
        )


def test_a_units_hr_writes_only_about_cadres_in_its_scope(small_province):
    from django.core.exceptions import PermissionDenied

    from canbo.core.errors import NotFound

    hr = small_province.user("hr_ghi", "unit_hr", "HU-DT")
    inside, outside = small_province.cadres["DT1"], small_province.cadres["SNV2"]
    services.evaluation_add(actor=hr, cadre=inside, year=2019, rating="tot")
    with pytest.raises(NotFound):
        services.evaluation_add(actor=hr, cadre=outside, year=2019, rating="tot")
    # A cadre it has just added gets a first post in one of its units, then the rest of the record.
    newcomer = services.cadre_create(
        actor=hr, code="MOI1", full_name="Ka Huyền", birth_date=dt.date(1990, 3, 1), gender="nu",
        category="cong_chuc",
    )
    with pytest.raises(NotFound):
        services.holding_add(actor=hr, cadre=newcomer, unit=small_province.units["SNV"],
                             position_type=small_province.types["CV"], valid_from=dt.date(2019, 1, 1))
    services.holding_add(actor=hr, cadre=newcomer, unit=small_province.units["X-LN"],
                         position_type=small_province.types["CV"], valid_from=dt.date(2019, 1, 1))
    services.qualification_add(actor=hr, cadre=newcomer, kind="chuyen_mon", level="dai_hoc",
                               obtained_on=dt.date(2012, 6, 1))
    with pytest.raises(PermissionDenied):
        services.evaluation_add(actor=small_province.user("truong_ghi", "school"), cadre=inside, year=2019,
                                rating="tot")
    assert AuditEvent.objects.filter(actor=hr).count() == 4
