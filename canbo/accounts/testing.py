"""A small province built through the services, shared by tests of pages, scope, API and browser.

Lâm Đồng with the provincial Party committee, Ban Tổ chức, Sở Nội vụ, the Women's Union, and the
district of Đức Trọng (Huyện ủy with the district People's Committee and one commune below).
"""

import datetime as dt
import time
from dataclasses import dataclass

from django_otp.oath import TOTP

from canbo.accounts.models import Role, User
from canbo.accounts.system import system_actor
from canbo.org.services import locality_create, position_type_create, unit_create
from canbo.people import services

AS_OF = dt.date(2020, 1, 1)
PASSWORD = "mat-khau-thu-2017"  # noqa: S105 (test users only)


@dataclass
class SmallProvince:
    units: dict
    types: dict
    cadres: dict

    def user(self, username: str, role: str, scope_unit: str | None = None, blocs=None) -> User:
        user = User.objects.create_user(
            username=username, password=PASSWORD, role=role,
            scope_unit=self.units[scope_unit] if scope_unit else None, blocs=blocs or [],
        )
        return user


def build_small_province() -> SmallProvince:
    system = system_actor()
    province = locality_create(actor=system, code="68", name="Lâm Đồng", level="tinh")
    duc_trong = locality_create(actor=system, code="672", name="Đức Trọng", level="huyen", parent=province)
    lien_nghia = locality_create(actor=system, code="24913", name="Thị trấn Liên Nghĩa", level="xa",
                                 parent=duc_trong)

    def unit(code, name, level, bloc, locality, parent=None):
        return unit_create(actor=system, code=code, name=name, level=level, bloc=bloc, locality=locality,
                           parent=units[parent] if parent else None)

    units = {}
    units["TU"] = unit("TU", "Tỉnh ủy Lâm Đồng", "tinh", "dang", province)
    units["BTC"] = unit("BTC", "Ban Tổ chức Tỉnh ủy", "tinh", "dang", province, "TU")
    units["SNV"] = unit("SNV", "Sở Nội vụ", "tinh", "nha_nuoc", province)
    units["HLHPN"] = unit("HLHPN", "Hội Liên hiệp Phụ nữ tỉnh", "tinh", "mttq_doan_the", province)
    units["HU-DT"] = unit("HU-DT", "Huyện ủy Đức Trọng", "huyen", "dang", duc_trong)
    units["UB-DT"] = unit("UB-DT", "UBND huyện Đức Trọng", "huyen", "nha_nuoc", duc_trong, "HU-DT")
    units["X-LN"] = unit("X-LN", "Đảng ủy thị trấn Liên Nghĩa", "xa", "dang", lien_nghia, "HU-DT")

    types = {
        "BT-TU": position_type_create(actor=system, code="BT-TU", name="Bí thư Tỉnh ủy", req_llct=3,
                                      btv_managed=True, key_position=True),
        "GD-SO": position_type_create(actor=system, code="GD-SO", name="Giám đốc Sở", req_llct=3,
                                      btv_managed=True),
        "BT-HU": position_type_create(actor=system, code="BT-HU", name="Bí thư Huyện ủy", req_llct=3,
                                      btv_managed=True, key_position=True, non_local_required=True),
        "CV": position_type_create(actor=system, code="CV", name="Chuyên viên", req_chuyen_mon=3),
    }

    def cadre(code, name, gender, born, *, unit_code, type_code, since=dt.date(2015, 1, 1), until=None,
              **extra):
        person = services.cadre_create(
            actor=system, code=code, full_name=name, birth_date=born, gender=gender,
            category=extra.pop("category", "cong_chuc"), hometown=duc_trong, **extra,
        )
        services.holding_add(actor=system, cadre=person, unit=units[unit_code],
                             position_type=types[type_code], valid_from=since, valid_to=until)
        return person

    cadres = {
        "TU1": cadre("TU1", "Trần Văn Bình", "nam", dt.date(1962, 3, 4), unit_code="TU",
                     type_code="BT-TU", category="can_bo", party_member=True,
                     party_join_date=dt.date(1985, 5, 19)),
        "SNV1": cadre("SNV1", "Lê Thị Hoa", "nu", dt.date(1970, 7, 1), unit_code="SNV", type_code="GD-SO"),
        "SNV2": cadre("SNV2", "Phạm Quốc Huy", "nam", dt.date(1985, 1, 1), unit_code="SNV", type_code="CV"),
        "DT1": cadre("DT1", "Nguyễn Thị Đào", "nu", dt.date(1968, 9, 1), unit_code="HU-DT", type_code="BT-HU",
                     ethnicity="K'Ho", category="can_bo"),
        "DT2": cadre("DT2", "Ka Điệp", "nu", dt.date(1990, 2, 2), unit_code="UB-DT", type_code="CV",
                     ethnicity="K'Ho"),
        "PL1": cadre("PL1", "Võ Minh Khang", "nam", dt.date(1980, 5, 5), unit_code="SNV", type_code="CV"),
        "OLD": cadre("OLD", "Đỗ Văn Cũ", "nam", dt.date(1960, 1, 1), unit_code="HU-DT", type_code="CV",
                     until=dt.date(2015, 12, 31)),
        "HOI": cadre("HOI", "Hoàng Thị Mai", "nu", dt.date(1975, 4, 4), unit_code="HLHPN", type_code="CV"),
    }
    services.planning_add(actor=system, cadre=cadres["PL1"], position_type=types["GD-SO"], term_start=2015,
                          term_end=2020, approved_on=dt.date(2016, 6, 1))
    services.qualification_add(actor=system, cadre=cadres["DT1"], kind="llct", level="cao_cap",
                               obtained_on=dt.date(2012, 6, 1))
    services.evaluation_add(actor=system, cadre=cadres["DT1"], year=2018, rating="tot")
    services.discipline_add(actor=system, cadre=cadres["SNV2"], form="Khiển trách",
                            decided_on=dt.date(2019, 3, 1))
    services.movement_add(actor=system, cadre=cadres["DT1"], kind="luan_chuyen", from_unit=units["TU"],
                          to_unit=units["HU-DT"], valid_from=dt.date(2015, 1, 1), decision_no="123-QĐ/TU")
    return SmallProvince(units=units, types=types, cadres=cadres)


ROLE_USERS = {
    "btv": (Role.BTV, None),
    "btc": (Role.BTC, None),
    "snv": (Role.SNV, None),
    "hr_dt": (Role.UNIT_HR, "HU-DT"),
}


def authenticator_code(device, *, steps_ahead: int = 0) -> str:
    """The code an authenticator app shows now for `device` (a TOTPDevice), or `steps_ahead` time
    steps later: a code is accepted once, so a second sign-in in the same 30 s uses the next one."""
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time() + steps_ahead * device.step
    return f"{totp.token():0{device.digits}d}"
