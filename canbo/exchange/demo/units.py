"""The unit tree of the demo province and its seats: the posts (unit, position type) people hold.

Every unit of a district hangs under its Party committee (Huyện ủy, Thành ủy) and every unit of a
commune under its Party committee (Đảng ủy), so a district's or commune's subtree is all of it.
"""

from dataclasses import dataclass, field

from canbo.exchange.demo.places import DISTRICTS, PROVINCE, communes_of, locality_rows

P = PROVINCE[0]


@dataclass
class Tree:
    units: list[tuple] = field(
        default_factory=list
    )  # rows of `don_vi`: (ma, ten, cap, khoi, ma_cha, dia_ban, tu_ngay, den_ngay, ma_don_vi_ke_thua)
    seats: list[tuple] = field(default_factory=list)  # leadership and fixed posts: (unit code, position type)
    staff_units: list[tuple] = field(default_factory=list)  # (unit code, staff position type, weight)
    info: dict[str, dict] = field(default_factory=dict)  # unit code -> {level, bloc, district, commune}

    def unit(
        self, code, name, level, bloc, parent, locality, district=None, commune=None, seats=(), staff=None
    ):
        self.units.append((code, name, level, bloc, parent, locality, None, None, None))
        self.info[code] = {
            "level": level,
            "bloc": bloc,
            "district": district,
            "commune": commune,
            "name": name,
        }
        for position_type, count in seats:
            self.seats += [(code, position_type)] * count
        if staff:
            self.staff_units.append((code, *staff))
        return code


POLITICAL_SCHOOL = ("TCT", "Trường Chính trị tỉnh Lâm Đồng")  # a provider of courses, and the school's unit
PARTY_BOARDS = [
    ("BTC", "Ban Tổ chức Tỉnh ủy"),
    ("BTG", "Ban Tuyên giáo Tỉnh ủy"),
    ("BDV", "Ban Dân vận Tỉnh ủy"),
    ("UBKT", "Ủy ban Kiểm tra Tỉnh ủy"),
    ("BNC", "Ban Nội chính Tỉnh ủy"),
    ("VPTU", "Văn phòng Tỉnh ủy"),
    POLITICAL_SCHOOL,
]
INTERNAL = [
    ("CA", "Công an tỉnh Lâm Đồng", None),
    ("TAND", "Tòa án nhân dân tỉnh Lâm Đồng", None),
    ("VKS", "Viện Kiểm sát nhân dân tỉnh Lâm Đồng", None),
    ("TTT", "Thanh tra tỉnh", "UBND"),
    ("STP", "Sở Tư pháp", "UBND"),
]
DEPARTMENTS = [
    ("SNV", "Sở Nội vụ"),
    ("STC", "Sở Tài chính"),
    ("SKHDT", "Sở Kế hoạch và Đầu tư"),
    ("SGDDT", "Sở Giáo dục và Đào tạo"),
    ("SYT", "Sở Y tế"),
    ("SNN", "Sở Nông nghiệp và Phát triển nông thôn"),
    ("SCT", "Sở Công Thương"),
    ("SXD", "Sở Xây dựng"),
    ("SGTVT", "Sở Giao thông vận tải"),
    ("STNMT", "Sở Tài nguyên và Môi trường"),
    ("SLDTBXH", "Sở Lao động – Thương binh và Xã hội"),
    ("SVHTTDL", "Sở Văn hóa, Thể thao và Du lịch"),
    ("SKHCN", "Sở Khoa học và Công nghệ"),
    ("STTTT", "Sở Thông tin và Truyền thông"),
    ("BDT", "Ban Dân tộc tỉnh"),
    ("VPUB", "Văn phòng UBND tỉnh"),
    ("VPHD", "Văn phòng Đoàn ĐBQH và HĐND tỉnh"),
]
MASS_ORGS = [
    ("MTTQ", "Ủy ban MTTQ Việt Nam tỉnh Lâm Đồng"),
    ("HND", "Hội Nông dân tỉnh"),
    ("HLHPN", "Hội Liên hiệp Phụ nữ tỉnh"),
    ("TDTN", "Tỉnh đoàn Lâm Đồng"),
    ("LDLD", "Liên đoàn Lao động tỉnh"),
    ("HCCB", "Hội Cựu chiến binh tỉnh"),
]
PUBLIC = [
    ("BVDK", "Bệnh viện Đa khoa tỉnh Lâm Đồng", "SYT", "VC_YTE", 60),
    ("BV2", "Bệnh viện II Lâm Đồng", "SYT", "VC_YTE", 40),
    ("BVN", "Bệnh viện Nhi Lâm Đồng", "SYT", "VC_YTE", 20),
    ("BVYHCT", "Bệnh viện Y học cổ truyền Phạm Ngọc Thạch", "SYT", "VC_YTE", 12),
    ("CDYT", "Trường Cao đẳng Y tế Lâm Đồng", "SYT", "VC_GD", 8),
    ("CDSP", "Trường Cao đẳng Sư phạm Đà Lạt", "SGDDT", "VC_GD", 10),
    ("THPT_TL", "Trường THPT chuyên Thăng Long", "SGDDT", "VC_GD", 8),
    ("THPT_BTX", "Trường THPT Bùi Thị Xuân", "SGDDT", "VC_GD", 8),
    ("THPT_BL", "Trường THPT chuyên Bảo Lộc", "SGDDT", "VC_GD", 7),
    ("TTKSBT", "Trung tâm Kiểm soát bệnh tật tỉnh", "SYT", "VC_YTE", 8),
    ("DPTTH", "Đài Phát thanh – Truyền hình Lâm Đồng", "UBND", "VC_KHAC", 8),
]
DIVISIONS = {
    "dang": ["Văn phòng", "Phòng Tổng hợp", "Phòng Nghiệp vụ", "Phòng Địa bàn"],
    "noi_chinh": ["Văn phòng", "Phòng Tổ chức cán bộ", "Phòng Nghiệp vụ 1", "Phòng Nghiệp vụ 2"],
    "nha_nuoc": ["Văn phòng", "Thanh tra", "Phòng Kế hoạch – Tài chính", "Phòng Quản lý chuyên ngành"],
    "mttq_doan_the": ["Văn phòng", "Ban Tổ chức – Kiểm tra", "Ban Tuyên giáo – Phong trào"],
}
DISTRICT_BOARDS = [
    ("BTC", "Ban Tổ chức"),
    ("UBKT", "Ủy ban Kiểm tra"),
    ("BTG", "Ban Tuyên giáo"),
    ("BDV", "Ban Dân vận"),
    ("VP", "Văn phòng"),
    ("TTCT", "Trung tâm Bồi dưỡng chính trị"),
]
DISTRICT_OFFICES = [
    ("NV", "Phòng Nội vụ"),
    ("TCKH", "Phòng Tài chính – Kế hoạch"),
    ("TNMT", "Phòng Tài nguyên và Môi trường"),
    ("NN", "Phòng Nông nghiệp và Phát triển nông thôn"),
    ("GD", "Phòng Giáo dục và Đào tạo"),
    ("YT", "Phòng Y tế"),
    ("LDTBXH", "Phòng Lao động – Thương binh và Xã hội"),
    ("VHTT", "Phòng Văn hóa và Thông tin"),
    ("TP", "Phòng Tư pháp"),
    ("KTHT", "Phòng Kinh tế và Hạ tầng"),
    ("DT", "Phòng Dân tộc"),
    ("VP", "Văn phòng HĐND và UBND"),
]
DISTRICT_MASS = [
    ("MTTQ", "Ủy ban MTTQ Việt Nam"),
    ("HND", "Hội Nông dân"),
    ("HPN", "Hội Liên hiệp Phụ nữ"),
    ("DTN", "Đoàn Thanh niên"),
    ("HCCB", "Hội Cựu chiến binh"),
]


def _body(tree: Tree, code, name, bloc, parent, divisions=True, head="GD_SO", deputies=3):
    tree.unit(
        code, name, "tinh", bloc, parent, P, seats=[(head, 1), ("PGD_SO", deputies)], staff=("CV_TINH", 3)
    )
    if divisions:
        for n, division in enumerate(DIVISIONS[bloc], start=1):
            tree.unit(
                f"{code}.P{n}",
                f"{division} – {name}",
                "tinh",
                bloc,
                code,
                P,
                seats=[("TP_TINH", 1), ("PP_TINH", 1 + n % 2)],
                staff=("CV_TINH", 6),
            )


def _province(tree: Tree):
    tree.unit(
        "TU",
        "Tỉnh ủy Lâm Đồng",
        "tinh",
        "dang",
        None,
        P,
        seats=[("BT_TU", 1), ("PBT_TU", 2), ("UV_BTV_TU", 8)],
    )
    tree.unit(
        "HDND",
        "Hội đồng nhân dân tỉnh Lâm Đồng",
        "tinh",
        "nha_nuoc",
        None,
        P,
        seats=[("CT_HDND_T", 1), ("PCT_HDND_T", 2)],
    )
    tree.unit(
        "UBND",
        "Ủy ban nhân dân tỉnh Lâm Đồng",
        "tinh",
        "nha_nuoc",
        None,
        P,
        seats=[("CT_UBND_T", 1), ("PCT_UBND_T", 3)],
    )
    for code, name in PARTY_BOARDS:
        _body(tree, code, name, "dang", "TU")
    for code, name, parent in INTERNAL:
        _body(tree, code, name, "noi_chinh", parent)
    for code, name in DEPARTMENTS:
        _body(tree, code, name, "nha_nuoc", "HDND" if code == "VPHD" else "UBND")
    for code, name in MASS_ORGS:
        _body(tree, code, name, "mttq_doan_the", None)
    for code, name, parent, staff, weight in PUBLIC:
        tree.unit(
            code,
            name,
            "tinh",
            "su_nghiep",
            parent,
            P,
            seats=[("GD_DVSN", 1), ("PGD_DVSN", 2)],
            staff=(staff, weight),
        )


def _district(tree: Tree, district: str, name: str, kind: str):
    full = f"{kind} {name}"
    party = "Thành ủy" if kind == "Thành phố" else "Huyện ủy"

    def unit(suffix, title, bloc, parent, seats, staff=("CV_HUYEN", 2)):
        return tree.unit(
            f"{district}.{suffix}",
            title,
            "huyen",
            bloc,
            parent,
            district,
            district=district,
            seats=seats,
            staff=staff,
        )

    hu = unit(
        "HU",
        f"{party} {name}",
        "dang",
        "TU",
        [("BT_HU", 1), ("PBT_HU", 2), ("UV_BTV_HU", 5), ("UV_HU", 15)],
        staff=None,
    )
    for suffix, title in DISTRICT_BOARDS:
        unit(f"HU.{suffix}", f"{title} {party} {name}", "dang", hu, [("TP_HUYEN", 1), ("PP_HUYEN", 2)])
    unit("HDND", f"HĐND {full}", "nha_nuoc", hu, [("CT_HDND_H", 1), ("PCT_HDND_H", 1)], staff=None)
    ubnd = unit("UBND", f"UBND {full}", "nha_nuoc", hu, [("CT_UBND_H", 1), ("PCT_UBND_H", 3)], staff=None)
    for n, (suffix, title) in enumerate(DISTRICT_OFFICES):
        unit(f"P.{suffix}", f"{title} {full}", "nha_nuoc", ubnd, [("TP_HUYEN", 1), ("PP_HUYEN", 1 + n % 2)])
    unit("TTRA", f"Thanh tra {full}", "noi_chinh", ubnd, [("CHANH_TT_H", 1), ("PP_HUYEN", 1)])
    unit(
        "CA", f"Công an {full}", "noi_chinh", hu, [("TRUONG_CA_H", 1), ("PP_HUYEN", 3)], staff=("CV_HUYEN", 4)
    )
    unit("TAND", f"Tòa án nhân dân {full}", "noi_chinh", hu, [("CHANH_AN_H", 1), ("PP_HUYEN", 1)])
    unit("VKS", f"Viện Kiểm sát nhân dân {full}", "noi_chinh", hu, [("VT_VKS_H", 1), ("PP_HUYEN", 1)])
    for suffix, title in DISTRICT_MASS:
        unit(suffix, f"{title} {full}", "mttq_doan_the", hu, [("TP_HUYEN", 1), ("PP_HUYEN", 1)])
    unit(
        "TTYT",
        f"Trung tâm Y tế {full}",
        "su_nghiep",
        hu,
        [("GD_DVSN", 1), ("PGD_DVSN", 2)],
        staff=("VC_YTE", 14),
    )
    unit(
        "THPT", f"Trường THPT {name}", "su_nghiep", hu, [("GD_DVSN", 1), ("PGD_DVSN", 2)], staff=("VC_GD", 10)
    )
    unit(
        "THCS",
        f"Trường THCS thuộc {full}",
        "su_nghiep",
        f"{district}.P.GD",
        [("GD_DVSN", 1), ("PGD_DVSN", 1)],
        staff=("VC_GD", 12),
    )


def _commune(tree: Tree, district: str, commune: str, name: str, district_name: str):
    label = f"{name} ({district_name})"

    def unit(suffix, title, bloc, parent, seats):
        return tree.unit(
            f"{commune}.{suffix}",
            title,
            "xa",
            bloc,
            parent,
            commune,
            district=district,
            commune=commune,
            seats=seats,
        )

    party = unit("DU", f"Đảng ủy {label}", "dang", f"{district}.HU", [("BT_DU_X", 1), ("PBT_DU_X", 1)])
    unit("HDND", f"HĐND {label}", "nha_nuoc", party, [("CT_HDND_X", 1), ("PCT_HDND_X", 1)])
    unit(
        "UBND",
        f"UBND {label}",
        "nha_nuoc",
        party,
        [("CT_UBND_X", 1), ("PCT_UBND_X", 2), ("CC_XA", 8), ("KCT_XA", 8)],
    )
    unit("MTTQ", f"Ủy ban MTTQ {label}", "mttq_doan_the", party, [("CT_MTTQ_X", 1), ("CT_DT_X", 4)])


def build_tree() -> Tree:
    tree = Tree()
    _province(tree)
    names = {row[0]: row[1] for row in locality_rows()}
    for district, (name, kind, _wards) in DISTRICTS.items():
        _district(tree, district, name, kind)
        for commune in communes_of(district):
            _commune(tree, district, commune, names[commune], name)
    return tree
