"""Building small provinces for the tests, through canbo's own services."""

import datetime as dt
from itertools import count

from canbo.accounts.system import system_actor
from canbo.org.services import locality_create, position_type_create, rank_create, unit_create
from canbo.people import services

_serial = count(1)


class Province:
    """A province with two districts, a few units and position types covering the rules."""

    def __init__(self):
        system = system_actor()
        self.lam_dong = locality_create(actor=system, code="68", name="Lâm Đồng", level="tinh")
        self.duc_trong = locality_create(
            actor=system, code="672", name="Đức Trọng", level="huyen", parent=self.lam_dong
        )
        self.lien_nghia = locality_create(
            actor=system, code="24820", name="Liên Nghĩa", level="xa", parent=self.duc_trong
        )
        self.di_linh = locality_create(
            actor=system, code="674", name="Di Linh", level="huyen", parent=self.lam_dong
        )
        self.tinh_uy = unit_create(
            actor=system, code="TU", name="Tỉnh ủy Lâm Đồng", level="tinh", bloc="dang",
            locality=self.lam_dong
        )
        self.so_nv = unit_create(
            actor=system, code="SNV", name="Sở Nội vụ", level="tinh", bloc="nha_nuoc", locality=self.lam_dong
        )
        self.cong_an = unit_create(
            actor=system, code="CA", name="Công an tỉnh", level="tinh", bloc="noi_chinh",
            locality=self.lam_dong
        )
        self.hu_dt = unit_create(
            actor=system,
            code="HU-DT",
            name="Huyện ủy Đức Trọng",
            level="huyen",
            bloc="dang",
            locality=self.duc_trong,
            parent=self.tinh_uy,
        )
        self.ub_dt = unit_create(
            actor=system,
            code="UB-DT",
            name="UBND huyện Đức Trọng",
            level="huyen",
            bloc="nha_nuoc",
            locality=self.duc_trong,
            parent=self.hu_dt,
        )
        self.hu_dl = unit_create(
            actor=system,
            code="HU-DL",
            name="Huyện ủy Di Linh",
            level="huyen",
            bloc="dang",
            locality=self.di_linh,
            parent=self.tinh_uy,
        )
        self.bi_thu = position_type_create(
            actor=system,
            code="BT-HU",
            name="Bí thư Huyện ủy",
            req_llct=3,
            req_chuyen_mon=3,
            req_qlnn=2,
            btv_managed=True,
            key_position=True,
            non_local_required=True,
            deputy_head_or_above=True,
        )
        self.truong_phong = position_type_create(
            actor=system,
            code="TP",
            name="Trưởng phòng",
            req_llct=3,
            req_chuyen_mon=3,
            req_qlnn=1,
            deputy_head_or_above=True,
        )
        self.pho_phong = position_type_create(
            actor=system,
            code="PP",
            name="Phó trưởng phòng",
            req_llct=2,
            req_chuyen_mon=3,
            req_qlnn=1,
            deputy_head_or_above=True,
        )
        self.chuyen_vien = position_type_create(actor=system, code="CV", name="Chuyên viên", req_chuyen_mon=1)
        self.nhan_vien = position_type_create(actor=system, code="NV", name="Nhân viên")
        self.uy_vien = position_type_create(
            actor=system, code="UV-BCH", name="Ủy viên BCH Đảng bộ tỉnh", req_llct=3, btv_managed=True
        )
        self.chu_chot_xa = position_type_create(
            actor=system, code="CT-XA", name="Chủ tịch UBND xã", req_llct=2, req_chuyen_mon=2,
            key_position=True
        )
        self.ngach_cv = rank_create(
            actor=system, code="01.003", name="Chuyên viên", req_qlnn=1, req_ngoai_ngu=2, req_tin_hoc=1
        )

    def cadre(self, *, code=None, birth=dt.date(1980, 6, 15), gender="nam", precision="day", **extra):
        system = system_actor()
        code = code or f"CB{next(_serial):05d}"
        return services.cadre_create(
            actor=system,
            code=code,
            full_name=f"Nguyễn Văn {code}",
            birth_date=birth,
            birth_precision=precision,
            gender=gender,
            **{"category": "cong_chuc", **extra},
        )

    def hold(self, cadre, position_type, unit=None, start=dt.date(2010, 1, 1), end=None):
        system = system_actor()
        return services.holding_add(
            actor=system,
            cadre=cadre,
            unit=unit or self.so_nv,
            position_type=position_type,
            valid_from=start,
            valid_to=end,
        )

    def qualify(self, cadre, kind, level, on=dt.date(2005, 1, 1), **extra):
        system = system_actor()
        return services.qualification_add(
            actor=system, cadre=cadre, kind=kind, level=level, obtained_on=on, **extra
        )

    def plan(self, cadre, position_type, term=(2020, 2025), approved=dt.date(2017, 3, 1)):
        system = system_actor()
        return services.planning_add(
            actor=system,
            cadre=cadre,
            position_type=position_type,
            term_start=term[0],
            term_end=term[1],
            approved_on=approved,
        )
