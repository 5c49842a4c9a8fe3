"""Position types with their standards (plan III.1.1 and its footnotes) and civil-service ranks.

Each line of the tables: code | name | required llct, chuyen_mon, qlnn, ngoai_ngu, tin_hoc ("-" = none) |
the flags dien_btv, chu_chot, khong_nguoi_dia_phuong, tu_pho_phong as four digits | source.
"""

SOURCES = {
    "KH": "KH-2017-2020 III.1.1.a, fn 2 (CV 4741-CV/BTCTW)",
    "KH_TC": "KH-2017-2020 III.1.1.a (trung cấp LLCT)",
    "QD_XA": "QĐ 04/2004/QĐ-BNV; KH-2017-2020 III.1.1.b",
    "TT_NGACH": "TT 11/2014/TT-BNV",
}

_POSITION_TABLE = """
BT_TU | Bí thư Tỉnh ủy | cao_cap dai_hoc chuyen_vien_cao_cap bac_3 co_ban | 1111 | KH
PBT_TU | Phó Bí thư Tỉnh ủy | cao_cap dai_hoc chuyen_vien_cao_cap bac_3 co_ban | 1101 | KH
UV_BTV_TU | Ủy viên Ban Thường vụ Tỉnh ủy | cao_cap dai_hoc chuyen_vien_chinh bac_3 co_ban | 1101 | KH
UV_BCH_TU | Ủy viên Ban Chấp hành Đảng bộ tỉnh | cao_cap dai_hoc chuyen_vien_chinh bac_2 co_ban | 1001 | KH
CT_UBND_T | Chủ tịch UBND tỉnh | cao_cap dai_hoc chuyen_vien_cao_cap bac_3 co_ban | 1101 | KH
PCT_UBND_T | Phó Chủ tịch UBND tỉnh | cao_cap dai_hoc chuyen_vien_cao_cap bac_3 co_ban | 1101 | KH
CT_HDND_T | Chủ tịch HĐND tỉnh | cao_cap dai_hoc chuyen_vien_cao_cap bac_3 co_ban | 1101 | KH
PCT_HDND_T | Phó Chủ tịch HĐND tỉnh | cao_cap dai_hoc chuyen_vien_chinh bac_3 co_ban | 1101 | KH
GD_SO | Giám đốc sở và tương đương | cao_cap dai_hoc chuyen_vien_chinh bac_3 co_ban | 1101 | KH
PGD_SO | Phó giám đốc sở và tương đương | cao_cap dai_hoc chuyen_vien_chinh bac_2 co_ban | 1001 | KH
TP_TINH | Trưởng phòng và tương đương cấp tỉnh | cao_cap dai_hoc chuyen_vien bac_2 co_ban | 0001 | KH
PP_TINH | Phó trưởng phòng và tương đương cấp tỉnh | trung_cap dai_hoc chuyen_vien bac_2 co_ban | 0001 | KH_TC
CV_TINH | Chuyên viên cơ quan cấp tỉnh | - dai_hoc - - co_ban | 0000 | TT_NGACH
BT_HU | Bí thư Huyện ủy, Thành ủy | cao_cap dai_hoc chuyen_vien_chinh bac_2 co_ban | 1111 | KH
PBT_HU | Phó Bí thư Huyện ủy, Thành ủy | cao_cap dai_hoc chuyen_vien_chinh bac_2 co_ban | 1101 | KH
CT_UBND_H | Chủ tịch UBND huyện, thành phố | cao_cap dai_hoc chuyen_vien_chinh bac_2 co_ban | 1111 | KH
PCT_UBND_H | Phó Chủ tịch UBND huyện, thành phố | cao_cap dai_hoc chuyen_vien bac_2 co_ban | 1101 | KH
CT_HDND_H | Chủ tịch HĐND huyện, thành phố | cao_cap dai_hoc chuyen_vien_chinh bac_2 co_ban | 1101 | KH
PCT_HDND_H | Phó Chủ tịch HĐND huyện, thành phố | cao_cap dai_hoc chuyen_vien bac_2 co_ban | 0101 | KH
UV_BTV_HU | Ủy viên Ban Thường vụ Huyện ủy, Thành ủy | cao_cap dai_hoc chuyen_vien bac_2 co_ban | 0101 | KH
UV_HU | Huyện ủy viên, Thành ủy viên | cao_cap dai_hoc chuyen_vien - co_ban | 0001 | KH
TP_HUYEN | Trưởng phòng, ban, đoàn thể cấp huyện | cao_cap dai_hoc chuyen_vien bac_2 co_ban | 0001 | KH
PP_HUYEN | Phó trưởng phòng cấp huyện | trung_cap dai_hoc chuyen_vien bac_1 co_ban | 0001 | KH_TC
TRUONG_CA_H | Trưởng Công an huyện, thành phố | cao_cap dai_hoc - - co_ban | 0111 | KH
CHANH_AN_H | Chánh án Tòa án nhân dân huyện, thành phố | cao_cap dai_hoc - - co_ban | 0111 | KH
VT_VKS_H | Viện trưởng Viện Kiểm sát nhân dân huyện, thành phố | cao_cap dai_hoc - - co_ban | 0111 | KH
CHANH_TT_H | Chánh Thanh tra huyện, thành phố | cao_cap dai_hoc chuyen_vien bac_2 co_ban | 0111 | KH
CV_HUYEN | Chuyên viên cơ quan cấp huyện | - dai_hoc - - co_ban | 0000 | TT_NGACH
BT_DU_X | Bí thư Đảng ủy xã, phường, thị trấn | trung_cap trung_cap - - co_ban | 0100 | QD_XA
PBT_DU_X | Phó Bí thư Đảng ủy xã, phường, thị trấn | trung_cap trung_cap - - co_ban | 0100 | QD_XA
CT_HDND_X | Chủ tịch HĐND xã, phường, thị trấn | trung_cap trung_cap - - co_ban | 0100 | QD_XA
PCT_HDND_X | Phó Chủ tịch HĐND xã, phường, thị trấn | trung_cap trung_cap - - - | 0000 | QD_XA
CT_UBND_X | Chủ tịch UBND xã, phường, thị trấn | trung_cap trung_cap chuyen_vien - co_ban | 0100 | QD_XA
PCT_UBND_X | Phó Chủ tịch UBND xã, phường, thị trấn | trung_cap trung_cap - - co_ban | 0000 | QD_XA
CT_MTTQ_X | Chủ tịch Ủy ban MTTQ xã, phường, thị trấn | trung_cap trung_cap - - - | 0100 | QD_XA
CT_DT_X | Người đứng đầu đoàn thể xã, phường, thị trấn | trung_cap trung_cap - - - | 0000 | QD_XA
CC_XA | Công chức xã, phường, thị trấn | - trung_cap - - co_ban | 0000 | QD_XA
KCT_XA | Người hoạt động không chuyên trách cấp xã | - - - - - | 0000 | QD_XA
GD_DVSN | Người đứng đầu đơn vị sự nghiệp | trung_cap dai_hoc chuyen_vien bac_2 co_ban | 0001 | KH_TC
PGD_DVSN | Cấp phó đơn vị sự nghiệp | trung_cap dai_hoc - bac_2 co_ban | 0001 | KH_TC
VC_YTE | Viên chức y tế (bác sĩ, y sĩ, điều dưỡng) | - trung_cap - - co_ban | 0000 | TTLT 10/2015/TTLT-BYT-BNV
VC_GD | Giáo viên | - cao_dang - - co_ban | 0000 | TTLT 22/2015/TTLT-BGDĐT-BNV
VC_KHAC | Viên chức chuyên môn khác | - trung_cap - - - | 0000 | TT_NGACH
"""

_RANK_TABLE = """
01.001 | Chuyên viên cao cấp | chuyen_vien_cao_cap bac_3 co_ban
01.002 | Chuyên viên chính | chuyen_vien_chinh bac_3 co_ban
01.003 | Chuyên viên | chuyen_vien bac_2 co_ban
01.004 | Cán sự | - bac_1 co_ban
01.005 | Nhân viên | - - -
V.08.01.03 | Bác sĩ hạng III | - bac_2 co_ban
V.08.05.13 | Điều dưỡng hạng IV | - bac_1 co_ban
V.07.05.15 | Giáo viên trung học cơ sở hạng III | - bac_2 co_ban
V.07.03.09 | Giáo viên tiểu học hạng IV | - bac_1 co_ban
"""


def _levels(text: str) -> list:
    return [None if level == "-" else level for level in text.split()]


def _position_types() -> list[tuple]:
    rows = []
    for line in _POSITION_TABLE.strip().splitlines():
        code, name, levels, flags, source = (part.strip() for part in line.split("|"))
        rows.append(
            (code, name, *_levels(levels), *(int(flag) for flag in flags), SOURCES.get(source, source))
        )
    return rows


def _ranks() -> list[tuple]:
    rows = []
    for line in _RANK_TABLE.strip().splitlines():
        code, name, levels = (part.strip() for part in line.split("|"))
        rows.append((code, name, *_levels(levels)))
    return rows


# (ma, ten, llct, chuyen_mon, qlnn, ngoai_ngu, tin_hoc, dien_btv, chu_chot, khong_nguoi_dia_phuong,
#  tu_pho_phong, can_cu): the columns of the `chuc_danh` sheet.
POSITION_TYPES: list[tuple] = _position_types()
# (ma, ten, qlnn, ngoai_ngu, tin_hoc): the columns of the `ngach` sheet.
RANKS: list[tuple] = _ranks()
