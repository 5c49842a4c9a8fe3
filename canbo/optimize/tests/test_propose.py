"""`canbo propose` (SPEC §13) on hand-made provinces: the fit, the optimum against the greedy
choice, the cap per sending unit, empty seats, the JSON and bad input."""

import dataclasses
import datetime as dt
import json
import time

import pytest
import xlsxwriter
from django.core.management import CommandError, call_command

from canbo.accounts.system import system_actor
from canbo.optimize import solve
from canbo.optimize.fit import allowed_pairs, fit_of_pairs, weights_at
from canbo.optimize.seats import vacancy_seats
from canbo.optimize.solve import assign_greedy
from canbo.rotation.tests.world import World
from canbo.rules.models import Parameter
from canbo.rules.proposals import proposal_context, rotation_pairs
from canbo.rules.services import parameter_version_create

pytestmark = pytest.mark.django_db
D = dt.date(2018, 1, 1)


@pytest.fixture
def w():
    return World()


def _propose(capsys, *args, as_of="2018-01-01"):
    call_command("propose", "--as-of", as_of, *args, "--json")
    return json.loads(capsys.readouterr().out)


def _pairs(as_of, weights, **choice):
    table = allowed_pairs(as_of, weights, **choice)
    return [table.pair(index) for index in range(len(table))]


def _seated(payload):
    return {(r["ma_don_vi"], r["ma_chuc_danh"], r["ma_can_bo"]): r["diem"] for r in payload["phan_cong"]}


def test_the_fit_adds_the_weighted_terms_in_the_database_as_in_python(w):
    w.post(w.hu_dl, w.bi_thu)  # requires llct 3, chuyen_mon 3, qlnn 2; nothing of language or IT
    w.post(w.xa_ln, w.chu_chot_xa)  # requires llct 2, chuyen_mon 2; not planned for by anyone
    plain = w.person(w.so_nv, w.pho_phong)  # born 1980, man, Kinh: 15 years or more left
    qualified = w.person(w.so_nv, w.truong_phong, gender="nu", birth=dt.date(1990, 1, 1), ethnicity="Cơ Ho")
    w.qualify(qualified, "llct", "cao_cap")
    w.qualify(qualified, "chuyen_mon", "dai_hoc")
    leaving = w.person(w.ub_dt, w.pho_phong, birth=dt.date(1960, 5, 20))  # retires 31/05/2020: 2 years
    fits = {(p.cadre_code, p.unit_id): p.fit for p in _pairs(D, weights_at(D))}
    assert fits == {
        (plain.code, w.hu_dl.id): 2 * 20 + 30 + 15,
        (plain.code, w.xa_ln.id): 3 * 20 + 15,
        (qualified.code, w.hu_dl.id): 4 * 20 + 30 + 15 + 5 + 5 + 5,
        (qualified.code, w.xa_ln.id): 5 * 20 + 15 + 5 + 5 + 5,
        (leaving.code, w.hu_dl.id): 2 * 20 + 30 + 2,
        (leaving.code, w.xa_ln.id): 3 * 20 + 2,
    }
    ctx = proposal_context(D)
    for row in rotation_pairs(D):
        assert fit_of_pairs(D, weights_at(D)).of(row, ctx) == fits[(row["code"], row["target_unit_id"])]
    heavier = dataclasses.replace(weights_at(D), planned=100, years=5)
    fits = {(p.cadre_code, p.unit_id): p.fit for p in _pairs(D, heavier)}
    assert fits[(plain.code, w.hu_dl.id)] == 2 * 20 + 100 + 5


def test_the_weights_and_the_cap_are_rule_p1_parameters_in_force_at_the_date(w, capsys):
    w.post(w.hu_dl, w.bi_thu)
    plain = w.person(w.so_nv, w.pho_phong)
    before = _propose(capsys, "--vacancies")
    assert _seated(before) == {("HU-DL", "BT-HU", plain.code): 2 * 20 + 30 + 15}
    for key, value in (("diem_quy_hoach", 50), ("diem_so_nam_toi_da", 3)):
        parameter_version_create(
            actor=system_actor(),
            parameter=Parameter.objects.get(rule_set__code="KH-2017-2020", key=key),
            value=value,
            valid_from=D + dt.timedelta(days=1),
            reason="Ban Tổ chức điều chỉnh điểm phù hợp",
            decision="QĐ 9/2018",
        )
    assert _seated(_propose(capsys, "--vacancies")) == _seated(before)  # 01/01/2018: the old values
    later = _propose(capsys, "--vacancies", as_of="2018-01-02")
    assert _seated(later) == {("HU-DL", "BT-HU", plain.code): 2 * 20 + 50 + 3}
    assert weights_at(D + dt.timedelta(days=1)).per_unit == 2


def _official_beaten(w):
    """Two seats where the official's choice fills one: a strong cadre, and one from the commune."""
    w.post(w.hu_dl, w.bi_thu)
    w.post(w.xa_ln, w.chu_chot_xa)
    strong = w.person(w.so_nv, w.truong_phong)
    w.qualify(strong, "llct", "cao_cap")
    commune = w.person(w.xa_ln, w.pho_phong)  # may not go to its own unit
    return strong, commune


def test_the_optimum_beats_the_best_fit_first_choice_of_an_official(w, capsys):
    strong, commune = _official_beaten(w)
    payload = _propose(capsys, "--vacancies")
    # Seat by seat, the Di Linh secretary goes to the strongest; the commune seat then has nobody.
    seats = vacancy_seats(D)
    greedy = assign_greedy(
        allowed_pairs(D, weights_at(D)), {k: p.count for k, p in seats.items()}, 2, sorted(seats)
    )
    assert [(p.cadre_code, p.fit) for p in greedy.chosen] == [(strong.code, 3 * 20 + 30 + 15)]
    assert _seated(payload) == {
        ("HU-DL", "BT-HU", commune.code): 2 * 20 + 30 + 15,
        ("X-LN", "CT-XA", strong.code): 4 * 20 + 15,
    }
    assert payload["muc_tieu"] == 180 > greedy.total == 105
    assert payload["trang_thai"] == "toi_uu" and payload["can_tren"] == 180


def test_a_time_limit_that_ends_before_the_flow_gives_the_greedy_choice_and_a_bound(w, capsys, monkeypatch):
    strong, _commune = _official_beaten(w)
    optimum = solve._optimum

    def slow(*args):  # a flow that takes longer than the limit, however loaded the machine
        time.sleep(30)
        return optimum(*args)

    monkeypatch.setattr(solve, "_optimum", slow)
    payload = _propose(capsys, "--vacancies", "--time-limit", "0.5")
    assert payload["trang_thai"] == "kha_thi"
    assert _seated(payload) == {("HU-DL", "BT-HU", strong.code): 3 * 20 + 30 + 15}
    # Each seat's best fit (105 + 95) is above what the cadres' best fits add up to (105 + 85).
    assert (payload["muc_tieu"], payload["can_tren"]) == (105, 190)
    monkeypatch.setattr(solve, "_optimum", optimum)
    assert _propose(capsys, "--vacancies", "--time-limit", "60")["trang_thai"] == "toi_uu"


def test_at_most_two_cadres_from_one_sending_unit(w, capsys):
    w.post(w.hu_dl, w.bi_thu, seats=3)
    from_department = [w.person(w.so_nv, w.pho_phong) for _n in range(3)]
    for cadre in from_department:
        w.qualify(cadre, "llct", "cao_cap")
    weaker = w.person(w.cong_an, w.pho_phong)
    payload = _propose(capsys, "--vacancies")
    seated = [r["ma_can_bo"] for r in payload["phan_cong"]]
    assert len(seated) == 3 and weaker.code in seated
    assert len(set(seated) & {c.code for c in from_department}) == 2
    assert len(rotation_pairs(D)) == 4  # all four were allowed: the cap, not the rules, kept one out


def test_a_seat_with_no_allowed_candidate_stays_empty(w, capsys):
    w.post(w.hu_dt, w.bi_thu)  # Đức Trọng's secretary must not be a local (N1)
    w.post(w.hu_dl, w.bi_thu)
    local = w.person(w.so_nv, w.pho_phong, hometown=w.lien_nghia)
    payload = _propose(capsys, "--vacancies")
    assert _seated(payload) == {("HU-DL", "BT-HU", local.code): 2 * 20 + 30 + 15}


def test_the_json_has_the_keys_in_order_sorted_by_unit_type_and_cadre(w, capsys):
    w.post(w.hu_dl, w.bi_thu, seats=2)
    w.post(w.xa_ln, w.chu_chot_xa)
    people = [w.person(unit, w.pho_phong, code=code) for unit, code in ((w.so_nv, "Z1"), (w.cong_an, "A9"))]
    people.append(w.person(w.tinh_uy, w.pho_phong, code="M5"))
    payload = _propose(capsys, "--vacancies")
    assert list(payload) == ["trang_thai", "muc_tieu", "can_tren", "phan_cong"]
    rows = payload["phan_cong"]
    assert [list(r) for r in rows] == [["ma_can_bo", "ma_don_vi", "ma_chuc_danh", "diem"]] * 3
    keys = [(r["ma_don_vi"], r["ma_chuc_danh"], r["ma_can_bo"]) for r in rows]
    assert keys == sorted(keys) and [k[:2] for k in keys] == [("HU-DL", "BT-HU")] * 2 + [("X-LN", "CT-XA")]
    assert all(type(r["diem"]) is int for r in rows) and payload["muc_tieu"] == sum(r["diem"] for r in rows)
    assert payload["trang_thai"] == "toi_uu" and payload["can_tren"] == payload["muc_tieu"]


def test_no_vacancy_no_seat_and_an_empty_proposal(w, capsys):
    w.post(w.so_nv, w.truong_phong)  # not a key type
    w.person(w.so_nv, w.pho_phong)
    assert _propose(capsys, "--vacancies") == {
        "trang_thai": "toi_uu",
        "muc_tieu": 0,
        "can_tren": 0,
        "phan_cong": [],
    }


def _workbook(path, rows, header=("ma_don_vi", "ma_chuc_danh")):
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("vi_tri")
    for r, row in enumerate([header, *rows]):
        for c, value in enumerate(row):
            sheet.write(r, c, value)
    book.close()
    return str(path)


def test_posts_from_a_workbook_one_seat_per_row_whatever_the_vacancies(w, capsys, tmp_path):
    w.post(w.so_nv, w.truong_phong)
    w.person(w.so_nv, w.truong_phong, planned=False)  # the post is full: no vacancy
    movers = [w.person(w.hu_dl, w.pho_phong) for _n in range(2)] + [w.person(w.tinh_uy, w.pho_phong)]
    path = _workbook(tmp_path / "posts.xlsx", [(" SNV ", "TP"), ("SNV", "TP"), ("X-LN", "CT-XA"), ("", "")])
    payload = _propose(capsys, "--posts", path)
    assert [(r["ma_don_vi"], r["ma_chuc_danh"]) for r in payload["phan_cong"]] == [
        ("SNV", "TP"),
        ("SNV", "TP"),
        ("X-LN", "CT-XA"),
    ]
    assert {r["ma_can_bo"] for r in payload["phan_cong"]} == {c.code for c in movers}


@pytest.mark.parametrize(
    ("rows", "header", "named"),
    [
        ([("SNV", "TP"), ("KHONG-CO", "TP")], None, r"3 .*ma_don_vi .*KHONG-CO"),
        ([("SNV", "ZZ")], None, r"2 .*ma_chuc_danh .*ZZ"),
        ([("SNV", "")], None, r"2 .*ma_chuc_danh"),
        ([("SNV", "TP")], ("don_vi", "ma_chuc_danh"), r"ma_don_vi"),
        ([], None, r"không có dòng"),
    ],
)
def test_a_bad_sheet_is_refused_naming_the_row_and_value(w, tmp_path, rows, header, named):
    path = _workbook(tmp_path / "bad.xlsx", rows, header or ("ma_don_vi", "ma_chuc_danh"))
    with pytest.raises(CommandError, match=named):
        call_command("propose", "--as-of", "2018-01-01", "--posts", path, "--json")


@pytest.mark.parametrize(
    ("args", "named"),
    [
        (["--as-of", "2018-13-01", "--vacancies"], "2018-13-01"),
        (["--as-of", "2018-01-01", "--vacancies", "--time-limit", "abc"], "abc"),
        (["--as-of", "2018-01-01", "--vacancies", "--time-limit", "0"], "“0”"),
        (["--as-of", "2018-01-01", "--posts", "/khong/co.xlsx"], "/khong/co.xlsx"),
        (["--as-of", "2018-01-01"], "--vacancies"),
        (["--as-of", "2018-01-01", "--vacancies", "--posts", "x.xlsx"], "--posts"),
    ],
)
def test_bad_input_ends_the_command_naming_the_value(w, args, named):
    with pytest.raises(CommandError, match=named):
        call_command("propose", *args, "--json")


def test_a_file_that_is_not_a_workbook_is_refused(w, tmp_path):
    path = tmp_path / "posts.xlsx"
    path.write_text("ma_don_vi,ma_chuc_danh\nSNV,TP\n")
    with pytest.raises(CommandError, match="XLSX"):
        call_command("propose", "--as-of", "2018-01-01", "--posts", str(path))


def test_more_posts_than_sqlite_allows_terms_in_a_compound_select(w):
    w.post(w.hu_dl, w.bi_thu)
    mover = w.person(w.so_nv, w.pho_phong)
    posts = [(w.hu_dl.id, w.bi_thu.id)] + [(10**6 + n, w.bi_thu.id) for n in range(600)]
    assert [(p.cadre_code, p.unit_id) for p in _pairs(D, weights_at(D), posts=posts)] == [
        (mover.code, w.hu_dl.id)
    ]
