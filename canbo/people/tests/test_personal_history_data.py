"""The personal history form (Mẫu 2C-BNV/2008) filled with the personal data canbo keeps, as it stood at
the form's date: other names, religion, residences, Party official-member date, awards, the ID number,
the family (own and spouse's) and the salary steps."""

import datetime as dt
import io
from decimal import Decimal

import docx
import pytest

from canbo.accounts.models import Role
from canbo.accounts.system import system_actor
from canbo.org.services import rank_create
from canbo.people import services
from canbo.people.personal_history import personal_history

pytestmark = pytest.mark.django_db

AS_OF = dt.date(2020, 1, 1)


@pytest.fixture
def lan(small_province):
    system = system_actor()
    rank = rank_create(actor=system, code="01.003", name="Chuyên viên")
    senior = rank_create(actor=system, code="01.002", name="Chuyên viên chính")
    cadre = services.cadre_create(
        actor=system, code="LAN", full_name="Trần Thị Lan", birth_date=dt.date(1975, 3, 8), gender="nu",
        category="cong_chuc", ethnicity="Kinh", party_member=True, party_join_date=dt.date(2000, 5, 19),
        party_official_date=dt.date(2001, 5, 19), rank=rank, personal_id="068175004321",
        other_names="Út Lan", religion="Công giáo",
    )
    services.holding_add(actor=system, cadre=cadre, unit=small_province.units["HU-DT"],
                         position_type=small_province.types["CV"], valid_from=dt.date(1998, 1, 1))
    for kind, address, start, end in (
        ("thuong_tru", "Thôn 3, xã Hiệp Thạnh, huyện Đức Trọng", dt.date(1975, 3, 8), None),
        ("hien_nay", "Số 12 đường Trần Phú, thị trấn Liên Nghĩa", dt.date(1998, 1, 1), dt.date(2018, 12, 31)),
        ("hien_nay", "Số 5 đường Hùng Vương, thị trấn Liên Nghĩa", dt.date(2019, 1, 1), dt.date(2020, 6, 30)),
        ("hien_nay", "Số 9 đường Lê Lợi, Đà Lạt", dt.date(2020, 7, 1), None),  # after the date
    ):
        services.residence_add(actor=system, cadre=cadre, kind=kind, address=address, valid_from=start,
                               valid_to=end)
    services.award_add(actor=system, cadre=cadre, form="Giấy khen", decided_on=dt.date(2012, 5, 2))
    services.award_add(actor=system, cadre=cadre, form="Bằng khen", decided_by="Chủ tịch UBND tỉnh",
                       decided_on=dt.date(2018, 3, 15))
    services.award_add(actor=system, cadre=cadre, form="Huân chương Lao động hạng Ba",
                       decided_on=dt.date(2021, 9, 2))  # after the date
    for used, step, coefficient, start in ((rank, 5, "3.66", dt.date(2010, 7, 1)),
                                           (rank, 6, "3.99", dt.date(2013, 7, 1)),
                                           (senior, 2, "4.74", dt.date(2019, 7, 1)),
                                           (senior, 3, "5.08", dt.date(2022, 7, 1))):  # the last: after D
        services.salary_step_add(actor=system, cadre=cadre, rank=used, step=step,
                                 coefficient=Decimal(coefficient), valid_from=start)
    for relation, name, year, occupation, residence in (
        ("bo", "Trần Văn Hòa", 1945, "Làm ruộng", "Xã Hiệp Thạnh"),
        ("chong", "Lê Văn Minh", 1973, "Giáo viên", ""),
        ("con", "Lê Trần An", 2003, "Học sinh", ""),
        ("con", "Lê Trần Bình", 2021, "", ""),  # born after the date's year
        ("me_chong", "Nguyễn Thị Sen", 1950, "Hưu trí", "Đà Lạt"),
    ):
        services.family_member_add(actor=system, cadre=cadre, relation=relation, full_name=name,
                                   birth_year=year, occupation=occupation, residence=residence)
    return cadre


def _opened(small_province, code="LAN"):
    user = small_province.user("btc_2c", Role.BTC)
    _record, content = personal_history(actor=user, code=code, as_of=AS_OF, file_name="f.docx")
    return docx.Document(io.BytesIO(content))


def _left_blank(texts: list[str], label: str) -> bool:
    """The item is there with nothing but its dotted line (dots, or a tab with a dotted leader)."""
    line = next(t for t in texts if t.startswith(label))
    return line[len(label):].strip(".\t") == "" and line != label


def _texts(opened) -> list[str]:
    cells = [p.text for t in opened.tables for row in t.rows for c in row.cells for p in c.paragraphs]
    return [p.text for p in opened.paragraphs] + cells


def _rows(table) -> list[list[str]]:
    return [[cell.text for cell in row.cells] for row in table.rows[1:]]


def test_the_personal_items_are_filled_as_they_stood_at_the_date(small_province, lan):
    texts = _texts(_opened(small_province))
    for line in (
        "2) Tên gọi khác: Út Lan",
        "7) Tôn giáo: Công giáo",
        "8) Nơi đăng ký hộ khẩu thường trú: Thôn 3, xã Hiệp Thạnh, huyện Đức Trọng",
        "9) Nơi ở hiện nay: Số 5 đường Hùng Vương, thị trấn Liên Nghĩa",
        "14) Ngạch công chức (viên chức): Chuyên viên chính",  # the rank of the salary step at D
        "Mã ngạch: 01.002",
        "Bậc lương, hệ số, ngày hưởng: bậc 2, hệ số 4,74, từ ngày 01/07/2019",
        "16) Ngày vào Đảng Cộng sản Việt Nam: 19/05/2000",
        "Ngày chính thức: 19/05/2001",
        "21) Khen thưởng: Giấy khen, 2012; Bằng khen (Chủ tịch UBND tỉnh), 2018",
        "25) Số chứng minh nhân dân (căn cước công dân): 068175004321",
    ):
        assert line in texts, line
    assert _left_blank(texts, "Ngày cấp: ")  # canbo does not keep the issue date
    assert not any("Lê Lợi" in t or "Huân chương" in t or "Lê Trần Bình" in t for t in texts)


def test_the_family_and_salary_tables(small_province, lan):
    opened = _opened(small_province)
    own, spouse, salary = opened.tables[4], opened.tables[5], opened.tables[6]
    assert [c.text for c in own.rows[0].cells][:3] == ["Mối quan hệ", "Họ và tên", "Năm sinh"]
    assert _rows(own) == [
        ["Bố", "Trần Văn Hòa", "1945", "Làm ruộng; Xã Hiệp Thạnh"],
        ["Chồng", "Lê Văn Minh", "1973", "Giáo viên"],
        ["Con", "Lê Trần An", "2003", "Học sinh"],
    ]
    assert _rows(spouse) == [["Mẹ chồng", "Nguyễn Thị Sen", "1950", "Hưu trí; Đà Lạt"]]
    assert _rows(salary) == [
        ["07/2010", "Chuyên viên (01.003)", "5", "3,66"],
        ["07/2013", "Chuyên viên (01.003)", "6", "3,99"],
        ["07/2019", "Chuyên viên chính (01.002)", "2", "4,74"],
    ]


def test_a_record_without_them_keeps_the_dotted_lines(small_province):
    opened = _opened(small_province, "PL1")
    texts = _texts(opened)
    for label in ("2) Tên gọi khác: ", "7) Tôn giáo: ", "8) Nơi đăng ký hộ khẩu thường trú: ",
                  "9) Nơi ở hiện nay: ", "Bậc lương, hệ số, ngày hưởng: ", "Ngày chính thức: ",
                  "21) Khen thưởng: ", "25) Số chứng minh nhân dân (căn cước công dân): "):
        assert _left_blank(texts, label), label
    own, spouse, salary = opened.tables[4], opened.tables[5], opened.tables[6]
    assert _rows(own) == _rows(spouse) == _rows(salary) == []
