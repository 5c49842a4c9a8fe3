"""Lâm Đồng in its 2017 shape: the province, its twelve districts and cities and their 147 communes,
wards and towns; plus the home provinces many of its cadres come from."""

import functools

PROVINCE = ("68", "Lâm Đồng")

# district code -> (name, kind of district, communes (wards and towns first))
DISTRICTS: dict[str, tuple[str, str, list[str]]] = {
    "672": (
        "Đà Lạt",
        "Thành phố",
        [f"Phường {n}" for n in range(1, 13)]
        + ["Xã Tà Nung", "Xã Xuân Trường", "Xã Xuân Thọ", "Xã Trạm Hành"],
    ),
    "673": (
        "Bảo Lộc",
        "Thành phố",
        [
            "Phường 1",
            "Phường 2",
            "Phường B'Lao",
            "Phường Lộc Phát",
            "Phường Lộc Sơn",
            "Phường Lộc Tiến",
            "Xã Lộc Châu",
            "Xã Lộc Nga",
            "Xã Lộc Thanh",
            "Xã Đại Lào",
            "Xã Đạm Bri",
        ],
    ),
    "674": (
        "Đam Rông",
        "Huyện",
        [
            "Xã Rô Men",
            "Xã Phi Liêng",
            "Xã Đạ K'Nàng",
            "Xã Liêng Srônh",
            "Xã Đạ Rsal",
            "Xã Đạ M'Rông",
            "Xã Đạ Tông",
            "Xã Đạ Long",
        ],
    ),
    "675": (
        "Lạc Dương",
        "Huyện",
        ["Thị trấn Lạc Dương", "Xã Đạ Nhim", "Xã Đạ Chais", "Xã Đưng K'Nớ", "Xã Lát", "Xã Đạ Sar"],
    ),
    "676": (
        "Lâm Hà",
        "Huyện",
        [
            "Thị trấn Đinh Văn",
            "Thị trấn Nam Ban",
            "Xã Mê Linh",
            "Xã Đông Thanh",
            "Xã Gia Lâm",
            "Xã Nam Hà",
            "Xã Phi Tô",
            "Xã Phúc Thọ",
            "Xã Tân Hà",
            "Xã Đan Phượng",
            "Xã Hoài Đức",
            "Xã Liên Hà",
            "Xã Tân Văn",
            "Xã Đạ Đờn",
            "Xã Phú Sơn",
            "Xã Tân Thanh",
        ],
    ),
    "677": (
        "Đơn Dương",
        "Huyện",
        [
            "Thị trấn Thạnh Mỹ",
            "Thị trấn D'Ran",
            "Xã Lạc Xuân",
            "Xã Lạc Lâm",
            "Xã Ka Đô",
            "Xã Quảng Lập",
            "Xã Pró",
            "Xã Ka Đơn",
            "Xã Tu Tra",
            "Xã Đạ Ròn",
        ],
    ),
    "678": (
        "Đức Trọng",
        "Huyện",
        [
            "Thị trấn Liên Nghĩa",
            "Xã Hiệp An",
            "Xã Liên Hiệp",
            "Xã Hiệp Thạnh",
            "Xã Bình Thạnh",
            "Xã N'Thol Hạ",
            "Xã Tân Hội",
            "Xã Tân Thành",
            "Xã Phú Hội",
            "Xã Ninh Gia",
            "Xã Tà Năng",
            "Xã Đa Quyn",
            "Xã Tà Hine",
            "Xã Đà Loan",
            "Xã Ninh Loan",
        ],
    ),
    "679": (
        "Di Linh",
        "Huyện",
        [
            "Thị trấn Di Linh",
            "Xã Đinh Trang Thượng",
            "Xã Tân Thượng",
            "Xã Tân Lâm",
            "Xã Tân Châu",
            "Xã Tân Nghĩa",
            "Xã Gia Hiệp",
            "Xã Đinh Lạc",
            "Xã Tam Bố",
            "Xã Đinh Trang Hòa",
            "Xã Liên Đầm",
            "Xã Gung Ré",
            "Xã Bảo Thuận",
            "Xã Hòa Ninh",
            "Xã Hòa Trung",
            "Xã Hòa Nam",
            "Xã Hòa Bắc",
            "Xã Sơn Điền",
            "Xã Gia Bắc",
        ],
    ),
    "680": (
        "Bảo Lâm",
        "Huyện",
        [
            "Thị trấn Lộc Thắng",
            "Xã Lộc Bảo",
            "Xã Lộc Lâm",
            "Xã Lộc Phú",
            "Xã Lộc Bắc",
            "Xã B'Lá",
            "Xã Lộc Ngãi",
            "Xã Lộc Quảng",
            "Xã Lộc Tân",
            "Xã Lộc Đức",
            "Xã Lộc An",
            "Xã Tân Lạc",
            "Xã Lộc Thành",
            "Xã Lộc Nam",
        ],
    ),
    "681": (
        "Đạ Huoai",
        "Huyện",
        [
            "Thị trấn Đạ M'ri",
            "Thị trấn Ma Đa Guôi",
            "Xã Hà Lâm",
            "Xã Đạ Tồn",
            "Xã Đạ Oai",
            "Xã Đạ Ploa",
            "Xã Ma Đa Guôi",
            "Xã Đoàn Kết",
            "Xã Phước Lộc",
        ],
    ),
    "682": (
        "Đạ Tẻh",
        "Huyện",
        [
            "Thị trấn Đạ Tẻh",
            "Xã An Nhơn",
            "Xã Quốc Oai",
            "Xã Mỹ Đức",
            "Xã Quảng Trị",
            "Xã Đạ Lây",
            "Xã Triệu Hải",
            "Xã Đạ Kho",
            "Xã Đạ Pal",
            "Xã Hương Lâm",
            "Xã Hà Đông",
        ],
    ),
    "683": (
        "Cát Tiên",
        "Huyện",
        [
            "Thị trấn Đồng Nai",
            "Thị trấn Phước Cát",
            "Xã Đức Phổ",
            "Xã Phước Cát 2",
            "Xã Gia Viễn",
            "Xã Nam Ninh",
            "Xã Mỹ Lâm",
            "Xã Tiên Hoàng",
            "Xã Quảng Ngãi",
            "Xã Đồng Nai Thượng",
            "Xã Tư Nghĩa",
            "Xã Phù Mỹ",
        ],
    ),
}

# Districts where the region's minorities (Cơ Ho, Mạ, Chu Ru, Mnông) are a large share of the people.
MINORITY_SHARE = {
    "672": 0.05,
    "673": 0.08,
    "674": 0.55,
    "675": 0.6,
    "676": 0.2,
    "677": 0.3,
    "678": 0.25,
    "679": 0.4,
    "680": 0.35,
    "681": 0.15,
    "682": 0.1,
    "683": 0.1,
}

# Home provinces outside Lâm Đồng (2017 codes) of cadres who came from elsewhere.
OTHER_PROVINCES = [
    ("01", "Hà Nội"),
    ("34", "Thái Bình"),
    ("35", "Hà Nam"),
    ("36", "Nam Định"),
    ("38", "Thanh Hóa"),
    ("40", "Nghệ An"),
    ("42", "Hà Tĩnh"),
    ("46", "Thừa Thiên Huế"),
    ("49", "Quảng Nam"),
    ("51", "Quảng Ngãi"),
    ("52", "Bình Định"),
    ("56", "Khánh Hòa"),
    ("58", "Ninh Thuận"),
    ("79", "Thành phố Hồ Chí Minh"),
]

FIRST_COMMUNE_CODE = 24778


@functools.cache
def _locality_rows() -> tuple[tuple, ...]:
    """Rows of the `dia_ban` sheet: (ma, ten, cap, ma_cha)."""
    rows = [(PROVINCE[0], PROVINCE[1], "tinh", None)]
    code = FIRST_COMMUNE_CODE
    communes = []
    for district, (name, kind, wards) in DISTRICTS.items():
        rows.append((district, f"{kind} {name}", "huyen", PROVINCE[0]))
        for ward in wards:
            communes.append((str(code), ward, "xa", district))
            code += 3
    rows += communes
    rows += [(c, n, "tinh", None) for c, n in OTHER_PROVINCES]
    return tuple(rows)


def locality_rows() -> list[tuple]:
    """Rows of the `dia_ban` sheet: (ma, ten, cap, ma_cha)."""
    return list(_locality_rows())


@functools.cache
def communes_of(district: str) -> tuple[str, ...]:
    """Codes of the communes of a district, in the order of `locality_rows`."""
    return tuple(row[0] for row in _locality_rows() if row[3] == district)


def all_places_of_province() -> tuple[str, ...]:
    """Codes of the province, its districts and communes."""
    return tuple(row[0] for row in _locality_rows() if row[0] == PROVINCE[0] or row[3] is not None)
