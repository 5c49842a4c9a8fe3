"""Small exchange workbooks built with openpyxl, typed the way clerks type them."""

import datetime as dt
import zipfile
from pathlib import Path

import openpyxl

from canbo.people import schema


def valid_sheets() -> dict[str, list[list]]:
    """A tiny province: rows per sheet in schema column order, with number-typed codes, real date
    cells, dd/mm/yyyy text and stray spaces."""
    return {
        "dia_ban": [
            ["68", "Lâm Đồng", "tinh", None],
            [672, " Đà Lạt ", "huyen", 68],
            [24778.0, "Phường 1", "xa", "672"],
        ],
        "don_vi": [
            ["TU", "Tỉnh ủy Lâm Đồng", "tinh", "dang", None, 68],
            ["BTC", "Ban Tổ chức Tỉnh ủy", "tinh", "dang", "TU", "68"],
            ["TUDL", "Thành ủy Đà Lạt", "huyen", "dang", "TU", 672],
        ],
        "chuc_danh": [
            [
                "BT",
                "Bí thư Thành ủy",
                "cao_cap",
                "dai_hoc",
                "chuyen_vien_chinh",
                "bac_3",
                "co_ban",
                1,
                1,
                1,
                1,
                None,
            ],
            ["TP", "Trưởng phòng", "cao_cap", "dai_hoc", None, None, None, "0", 0, 0, "1", "HD 4741"],
        ],
        "ngach": [["01.003", "Chuyên viên", "chuyen_vien", "bac_2", "co_ban"]],
        "can_bo": [
            [
                "CB001",
                "Nguyễn Văn An",
                dt.date(1965, 3, 4),
                "nam",
                "Kinh",
                672,
                "672",
                1,
                "01/02/1990",
                "can_bo",
                "01.003",
                "1988-07-01",
                "068065001234",
                " Ba An ",
                "Không",
                "01/02/1991",
            ],
            ["CB002", "K'Brơi", "1970", "nu", "Cơ Ho", None, None, "1", None, "cong_chuc", None, None,
             " 068170004321", None, "Tin Lành", None],
            [" CB003 ", "Lê Thị Hoa", "1980-05", "nu", None, None, None, 0, None, "vien_chuc", None, None],
        ],
        "cong_tac": [
            ["CB001", "TUDL", "BT", dt.date(2015, 10, 1), None],
            ["CB002", "BTC", "TP", "01/01/2010", "2016-12-31"],
            ["CB003", "BTC", "TP", "2017-01-01", None],
        ],
        "trinh_do": [
            ["CB001", "llct", "cu_nhan", "2005-06-01", None, None, None, None, "Học viện Chính trị"],
            ["CB001", "chuyen_mon", "dai_hoc", dt.date(1987, 6, 30), "chinh_quy", "kha", "Luật", 260, None],
        ],
        "quy_hoach": [["CB003", "TP", "BTC", "2020-2025", "2018-03-01"]],
        "ky_luat": [["CB002", "Khiển trách", "2016-05-01", None]],
        "danh_gia": [["CB001", 2016, "tot", 0], ["CB001", 2017.0, "xuat_sac", None]],
        "luan_chuyen": [["CB002", "dieu_dong", "BTC", "TUDL", "TP", "2017-01-01", None, "12-QĐ/TU"]],
        "vi_tri": [["TUDL", "BT", 1, None, None], ["BTC", "TP", 2.0, "01/01/2016", "2020-12-31"]],
        "noi_o": [
            ["CB001", "thuong_tru", "Thôn 3, Xã Tà Nung, Thành phố Đà Lạt", "04/03/1965", None],
            ["CB001", "hien_nay", "Số 12 đường Trần Phú, Phường 1", "1990-01-01", "2016-12-31"],
            ["CB001", "hien_nay", "Số 5 đường Hùng Vương, Phường 10", dt.date(2017, 1, 1), None],
        ],
        "khen_thuong": [
            ["CB001", "Bằng khen", "Chủ tịch UBND tỉnh", "123/QĐ-UBND", "2018-03-15", "Hoàn thành xuất sắc"],
            ["CB001", "Giấy khen", None, None, dt.date(2012, 5, 2), None],
        ],
        "luong": [
            ["CB001", "01.003", 5, "3,66", "2010-07-01"],
            ["CB001", "01.003", 6.0, 3.99, "01/07/2013"],
            ["CB001", "01.003", 7, "4.32", "2016-07-01"],
        ],
        "gia_dinh": [
            ["CB001", "bo", "Nguyễn Văn Bình", 1938, "Làm ruộng", "Xã Tà Nung"],
            ["CB001", "vo", "Trần Thị Lan", 1967.0, "Giáo viên", None],
            ["CB001", " con ", "Nguyễn Văn Nam", "2019", "Học sinh", None],
        ],
    }


def write_workbook(
    path,
    sheets: dict[str, list[list]],
    headers: dict[str, list[str]] | None = None,
    extra_sheets: tuple[str, ...] = (),
) -> str:
    book = openpyxl.Workbook()
    book.remove(book.active)
    for sheet in schema.SHEETS:
        if sheet.name not in sheets:
            continue
        page = book.create_sheet(sheet.name)
        page.append(list((headers or {}).get(sheet.name, sheet.keys)))
        for row in sheets[sheet.name]:
            page.append(row)
    for name in extra_sheets:
        book.create_sheet(name).append(["ghi_chu"])
    book.save(path)
    _preserve_spaces(Path(path))
    return str(path)


def _preserve_spaces(path: Path) -> None:
    """Keep the spaces around a text as Excel and LibreOffice do (`xml:space="preserve"`); openpyxl
    leaves it out, and readers then drop a cell of spaces."""
    with zipfile.ZipFile(path) as source:
        items = [(item, source.read(item)) for item in source.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for item, content in items:
            if item.filename.startswith("xl/worksheets/"):
                content = content.replace(b"<t>", b'<t xml:space="preserve">')
            target.writestr(item, content)
