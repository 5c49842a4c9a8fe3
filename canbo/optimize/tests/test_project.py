"""`canbo project` (SPEC §14) on a hand-made province: course lengths, 31 December, a cadre picked
for one programme passed over by a later one, the levels granted as required, the records untouched."""

import datetime as dt
import json

import pytest
import xlsxwriter
from django.core.management import CommandError, call_command

from canbo.people.models import Qualification
from canbo.reports.tests.builders import Province

pytestmark = pytest.mark.django_db


@pytest.fixture
def p():
    return Province()


def _sheet(tmp_path, rows, header=("nam", "chuong_trinh", "so_cho")):
    path = tmp_path / "cho.xlsx"
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet()
    for n, row in enumerate([header, *rows]):
        sheet.write_row(n, 0, row)
    book.close()
    return str(path)


def _project(capsys, tmp_path, first, last, rows):
    call_command(
        "project", "--tu-nam", str(first), "--den-nam", str(last), "--cho", _sheet(tmp_path, rows), "--json"
    )
    return {item["nam"]: item for item in json.loads(capsys.readouterr().out)["nam"]}


def _clerk(p, **extra):
    """A clerk (the type requires trung cấp) with no professional degree: owes it, eligible for it."""
    cadre = p.cadre(**extra)
    p.hold(cadre, p.chuyen_vien)
    return cadre


def test_a_two_year_course_closes_the_gap_on_31_december_of_its_second_year(p, capsys, tmp_path):
    _clerk(p)
    years = _project(capsys, tmp_path, 2018, 2019, [(2018, "trung_cap_chuyen_mon", 1)])
    assert years[2018]["hoc_vien"]["trung_cap_chuyen_mon"] == 1
    assert years[2018]["ra_soat"]["thieu_trung_cap_chuyen_mon"]["tong"] == 1
    assert years[2019]["ra_soat"]["thieu_trung_cap_chuyen_mon"]["tong"] == 0


def test_a_one_year_course_counts_on_31_december_of_the_same_year(p, capsys, tmp_path):
    cadre = p.cadre()
    p.hold(cadre, p.truong_phong)  # requires qlnn chuyen_vien
    years = _project(capsys, tmp_path, 2018, 2018, [(2018, "qlnn", 1)])
    assert years[2018]["hoc_vien"]["qlnn"] == 1
    assert years[2018]["ra_soat"]["thieu_qlnn"] == 0


def test_a_cadre_in_a_course_is_passed_over_later_that_year_and_the_next(p, capsys, tmp_path):
    """Both owe qlnn (the rank requires it); the woman ranks first by her priority group, but the
    trung cấp course took her first (programmes go in SPEC §9's order) and keeps her until 2019."""
    _clerk(p, gender="nu", rank=p.ngach_cv, birth=dt.date(1985, 1, 1))
    second = p.cadre(rank=p.ngach_cv, code="CB-B")
    p.hold(second, p.nhan_vien)
    rows = [(year, "qlnn", 1) for year in (2018, 2019, 2020)] + [(2018, "trung_cap_chuyen_mon", 1)]
    years = _project(capsys, tmp_path, 2018, 2020, rows)
    assert [years[y]["hoc_vien"]["qlnn"] for y in (2018, 2019, 2020)] == [1, 0, 1]
    assert years[2018]["hoc_vien"]["trung_cap_chuyen_mon"] == 1
    # 2018: the second cadre; 2019: nobody free owes it; 2020: the first, out of her course.
    assert [years[y]["ra_soat"]["thieu_qlnn"] for y in (2018, 2019, 2020)] == [1, 1, 0]


def test_the_levels_granted_are_those_required_on_1_january(p, capsys, tmp_path):
    """The secretary's post requires qlnn chuyen_vien_chinh: a chuyen_vien certificate would leave the
    gap open. The rank requires ngoai_ngu bac_2 and tin_hoc co_ban; language is held already."""
    secretary = p.cadre()
    p.hold(secretary, p.bi_thu, p.hu_dt)
    clerk = p.cadre(rank=p.ngach_cv)
    p.hold(clerk, p.nhan_vien)
    p.qualify(clerk, "qlnn", "chuyen_vien")
    p.qualify(clerk, "ngoai_ngu", "bac_3")
    before = Qualification.objects.count()
    years = _project(capsys, tmp_path, 2018, 2018, [(2018, "qlnn", 1), (2018, "ngoai_ngu_tin_hoc", 1)])
    assert years[2018]["hoc_vien"]["qlnn"] == 1 and years[2018]["hoc_vien"]["ngoai_ngu_tin_hoc"] == 1
    assert years[2018]["ra_soat"]["thieu_qlnn"] == 0
    assert years[2018]["ra_soat"]["thieu_ngoai_ngu_tin_hoc"] == 0
    assert Qualification.objects.count() == before  # the projection wrote nothing that stays


def test_every_programme_is_listed_and_rows_of_a_year_add_up(p, capsys, tmp_path):
    for _n in range(3):
        _clerk(p)
    years = _project(
        capsys, tmp_path, 2018, 2019, [(2018, "trung_cap_chuyen_mon", 1), (2018, "trung_cap_chuyen_mon", 1)]
    )
    assert list(years[2018]["hoc_vien"]) == [
        "cao_cap_llct",
        "hoan_chinh_trung_cap_llct",
        "trung_cap_llct",
        "sau_dai_hoc",
        "dai_hoc",
        "trung_cap_chuyen_mon",
        "qlnn",
        "ngoai_ngu_tin_hoc",
    ]
    assert years[2018]["hoc_vien"]["trung_cap_chuyen_mon"] == 2
    assert years[2019]["hoc_vien"]["trung_cap_chuyen_mon"] == 0
    assert list(years[2018]["ra_soat"]) == [
        "thieu_cao_cap_llct",
        "thieu_trung_cap_llct",
        "thieu_dai_hoc",
        "thieu_trung_cap_chuyen_mon",
        "thieu_ngoai_ngu_tin_hoc",
        "thieu_qlnn",
    ]
    assert years[2019]["ra_soat"]["thieu_trung_cap_chuyen_mon"]["tong"] == 1


@pytest.mark.parametrize(
    ("rows", "header", "named"),
    [
        ([(2018, "khong_co", 1)], None, r"3|2 .*chuong_trinh .*khong_co"),
        ([(2018, "qlnn", -1)], None, r"so_cho .*-1"),
        ([("abc", "qlnn", 1)], None, r"nam .*abc"),
        ([(2018, "qlnn", 1)], ("nam", "chuong_trinh", "cho"), r"so_cho"),
    ],
)
def test_a_bad_sheet_is_refused_naming_the_row_and_value(p, tmp_path, rows, header, named):
    path = _sheet(tmp_path, rows, header or ("nam", "chuong_trinh", "so_cho"))
    with pytest.raises(CommandError, match=named):
        call_command("project", "--tu-nam", "2018", "--den-nam", "2018", "--cho", path, "--json")


@pytest.mark.parametrize(
    ("first", "last", "named"), [("20x8", "2019", "20x8"), ("2019", "2018", "2018"), ("2018", "2300", "2300")]
)
def test_bad_years_end_the_command_naming_the_value(p, tmp_path, first, last, named):
    path = _sheet(tmp_path, [(2018, "qlnn", 1)])
    with pytest.raises(CommandError, match=named):
        call_command("project", "--tu-nam", first, "--den-nam", last, "--cho", path, "--json")
