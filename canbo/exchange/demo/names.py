"""Vietnamese names built as family + middle + given, and the name patterns of Lâm Đồng's minorities."""

FAMILY = [
    ("Nguyễn", 310),
    ("Trần", 110),
    ("Lê", 95),
    ("Phạm", 70),
    ("Hoàng", 30),
    ("Huỳnh", 25),
    ("Phan", 45),
    ("Vũ", 20),
    ("Võ", 25),
    ("Đặng", 20),
    ("Bùi", 20),
    ("Đỗ", 14),
    ("Hồ", 13),
    ("Ngô", 13),
    ("Dương", 10),
    ("Lý", 5),
    ("Đinh", 8),
    ("Trương", 8),
    ("Lương", 5),
    ("Mai", 5),
    ("Đoàn", 6),
    ("Cao", 5),
    ("Hà", 5),
    ("Tạ", 3),
    ("Lâm", 4),
    ("Châu", 3),
]
MIDDLE = {
    "nam": [
        "Văn",
        "Văn",
        "Văn",
        "Hữu",
        "Minh",
        "Đức",
        "Công",
        "Quang",
        "Thanh",
        "Ngọc",
        "Xuân",
        "Đình",
        "Anh",
        "Quốc",
        "Tiến",
    ],
    "nu": ["Thị", "Thị", "Thị", "Thị", "Ngọc", "Thanh", "Thu", "Kim", "Minh", "Hồng", "Phương", "Bích"],
}
GIVEN = {
    "nam": [
        "Anh",
        "Bình",
        "Cường",
        "Dũng",
        "Đức",
        "Hải",
        "Hùng",
        "Hưng",
        "Khánh",
        "Long",
        "Minh",
        "Nam",
        "Phong",
        "Quang",
        "Sơn",
        "Tài",
        "Thắng",
        "Thành",
        "Tuấn",
        "Tùng",
        "Việt",
        "Vinh",
        "Hoàng",
        "Huy",
        "Lâm",
        "Phúc",
        "Toàn",
        "Trung",
        "Hiếu",
        "Kiên",
        "Lộc",
        "Tâm",
        "Thịnh",
        "Hòa",
        "Trí",
    ],
    "nu": [
        "Anh",
        "Châu",
        "Dung",
        "Giang",
        "Hà",
        "Hạnh",
        "Hằng",
        "Hoa",
        "Hương",
        "Huyền",
        "Lan",
        "Linh",
        "Loan",
        "Mai",
        "Nga",
        "Ngân",
        "Nhung",
        "Oanh",
        "Phương",
        "Quyên",
        "Thảo",
        "Thu",
        "Thủy",
        "Trang",
        "Tuyết",
        "Vân",
        "Yến",
        "Hiền",
        "Liên",
        "Ly",
    ],
}

# The region's minorities and their share among minority cadres; the first four are the
# indigenous peoples of Lâm Đồng with their own name patterns.
ETHNIC = [
    ("Cơ Ho", 55),
    ("Mạ", 12),
    ("Chu Ru", 10),
    ("Mnông", 6),
    ("Tày", 6),
    ("Nùng", 5),
    ("Hoa", 3),
    ("Chăm", 1),
    ("Thái", 1),
    ("Mường", 1),
]
INDIGENOUS = {"Cơ Ho", "Mạ", "Chu Ru", "Mnông"}
INDIGENOUS_FAMILY = {
    "Cơ Ho": [
        "Liêng Hót",
        "Liêng Jrang",
        "Cil",
        "Bon Niêng",
        "Kră Jăn",
        "Đa Cát",
        "Rơ Ông",
        "Păng Ting",
        "Kơ Să",
        "Sơ Ao",
        "Lơ Mu",
    ],
    "Mạ": ["Điểu", "Điểu", "Ka"],
    "Chu Ru": ["Touneh", "Ya", "Bơ Nahria", "Ma Ly"],
    "Mnông": ["Y", "H'", "Điểu"],
}
INDIGENOUS_GIVEN = [
    "Brơi",
    "Hô",
    "Ni",
    "Thu",
    "Múp",
    "Quyên",
    "Gioi",
    "Thơ",
    "Ninh",
    "Tâm",
    "Tiong",
    "Lang",
    "Sơn",
    "Điệp",
    "Đông",
    "Bình",
    "Sâm",
    "Dung",
    "Thương",
    "Bé",
    "Drim",
    "Jrang",
    "Kriêng",
    "Hiền",
    "Tuyết",
    "Thanh",
    "Ba",
    "Mai",
    "Yên",
    "Krai",
]
OTHER_FAMILY = {
    "Tày": ["Nông", "Hoàng", "Lục", "Vi", "Triệu"],
    "Nùng": ["Nông", "Lục", "Hoàng", "Vi", "Lường"],
    "Hoa": ["Lý", "Quách", "Trương", "Tăng", "Lâm"],
    "Chăm": ["Đàng", "Thuận", "Châu", "Quảng"],
    "Thái": ["Lò", "Lường", "Cầm"],
    "Mường": ["Bùi", "Đinh", "Quách"],
}


def weighted(rng, pairs):
    values, weights = zip(*pairs, strict=True)
    return rng.choices(values, weights)[0]


def full_name(rng, gender: str, ethnicity: str) -> str:
    if ethnicity in INDIGENOUS:
        pattern = rng.random()
        given = rng.choice(INDIGENOUS_GIVEN)
        if ethnicity == "Cơ Ho" and pattern < 0.45:
            return f"K'{given}" if gender == "nam" else f"Ka {given}"
        family = rng.choice(INDIGENOUS_FAMILY[ethnicity])
        if family.endswith("'"):
            return f"{family}{given}"
        if gender == "nu" and rng.random() < 0.5:
            return f"{family} Ha {given}" if family not in ("Điểu", "Ka") else f"{family} Thị {given}"
        return f"{family} {given}" if rng.random() < 0.6 else f"{family} K'{given}"
    family = rng.choice(OTHER_FAMILY[ethnicity]) if ethnicity in OTHER_FAMILY else weighted(rng, FAMILY)
    return f"{family} {rng.choice(MIDDLE[gender])} {rng.choice(GIVEN[gender])}"
