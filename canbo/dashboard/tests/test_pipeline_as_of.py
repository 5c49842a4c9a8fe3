"""The rotation card and the proposals list as of the date viewed: each proposal counted at the step it
had reached by the end of D (not at all before it was drafted), R10's reminders from the deployments
and evaluations recorded by D, for btc and for a district's HR officer; every bar and reminder equals
the list it opens, and the bars add up to the list's total."""

import datetime as dt
import html
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from canbo.accounts.models import Role, User
from canbo.accounts.testing import PASSWORD
from canbo.core.dates import today
from canbo.dashboard.cards import rotation_pipeline
from canbo.rotation.models import Proposal, ProposalState, RotationEvaluation
from canbo.rotation.proposal_selectors import rotations_in_progress
from canbo.rotation.proposals import Draft, opinion_add, proposal_create, rotation_evaluation_add
from canbo.rotation.tests.world import World, written_on
from canbo.workflow.models import Step
from canbo.workflow.services import transition

pytestmark = pytest.mark.django_db
S = ProposalState
START, END = dt.date(2018, 1, 1), dt.date(2020, 12, 31)
# What each step needs first: the opinions recorded, by whom.
OPINIONS = {S.XIN_Y_KIEN: ("thuong_truc",), S.TRINH_BTV: ("don_vi_di", "don_vi_den", "can_bo")}
TAKEN_BY = {S.DA_QUYET_DINH: Role.BTV, S.DA_GAP_CAN_BO: Role.THUONG_TRUC}
PIPELINE_LINK = re.compile(r'<a href="([^"]*buoc=[^"]*)" data-count="(\d+)"')
REMINDER_LINK = re.compile(r'<a class="figure[^"]*" href="([^"]*nhom=[^"]*)" data-count="(\d+)"')
TOTAL = re.compile(r'data-total="(\d+)"')
PDF = b"%PDF-1.4\n%%EOF\n"


@pytest.fixture
def w(settings, tmp_path):
    settings.FILES_DIR = tmp_path / "tep"
    return four_proposals()


def four_proposals() -> World:
    """Four proposals moved on different days of late 2017 and early 2018 (A, B, C from Đức Trọng to Di
    Linh, D from Sở Nội vụ), C deployed and evaluated; btc is `u_btc`, Đức Trọng's officer `hr_dt`."""
    world = World()
    world.users = {role: User.objects.create_user(username=f"u_{role}", password=PASSWORD, role=role)
                   for role in (Role.BTC, Role.THUONG_TRUC, Role.BTV)}
    world.hr = User.objects.create_user(
        username="hr_dt", password=PASSWORD, role=Role.UNIT_HR, scope_unit=world.hu_dt
    )
    world.receiving = User.objects.create_user(
        username="hr_dl", password=PASSWORD, role=Role.UNIT_HR, scope_unit=world.hu_dl
    )
    a = drafted(world, world.hu_dt, dt.date(2017, 10, 2))
    c = drafted(world, world.hu_dt, dt.date(2017, 10, 2))
    d = drafted(world, world.so_nv, dt.date(2017, 10, 2))
    b = drafted(world, world.hu_dt, dt.date(2017, 10, 10))
    moved(world, a, [(S.TRINH_THUONG_TRUC, "2017-10-10"), (S.XIN_Y_KIEN, "2017-11-01")])
    moved(world, d, [(S.TRINH_THUONG_TRUC, "2017-10-10")])
    moved(world, c, [(S.TRINH_THUONG_TRUC, "2017-10-10"), (S.XIN_Y_KIEN, "2017-10-20"),
                     (S.TRINH_BTV, "2017-11-01"), (S.DA_QUYET_DINH, "2017-11-10"),
                     (S.DA_BAN_HANH, "2017-11-20"), (S.DA_GAP_CAN_BO, "2017-12-01"),
                     (S.DA_TRIEN_KHAI, "2018-02-01")])
    rotation_evaluation_add(actor=world.receiving, proposal=c, year=2018, rating="tot")
    written_on(dt.date(2019, 2, 10), RotationEvaluation.objects.all())
    world.proposals = {"A": a, "B": b, "C": c, "D": d}
    return world


def drafted(w, unit, day: dt.date) -> Proposal:
    cadre = w.person(unit, w.truong_phong)
    draft = Draft(cadre.code, w.hu_dl.code, w.truong_phong.code)
    proposal = proposal_create(actor=w.users[Role.BTC], draft=draft, kind="luan_chuyen", start=START, end=END,
                               reasons="Đào tạo qua thực tiễn")
    written_on(day, Proposal.objects.filter(pk=proposal.pk))
    return proposal


def moved(w, proposal, steps) -> None:
    """Take `steps` (state, ISO day) in order, each dated on its day."""
    for state, day in steps:
        for party in OPINIONS.get(state, ()):
            by = Role.THUONG_TRUC if party == "thuong_truc" else Role.BTC
            opinion_add(actor=w.users[by], proposal=proposal, party=party, verdict="dong_y")
        files = [SimpleUploadedFile("to-trinh.pdf", PDF)] if state == S.TRINH_THUONG_TRUC else []
        taken = transition(actor=w.users[TAKEN_BY.get(state, Role.BTC)], obj=proposal, to=state, files=files)
        written_on(dt.date.fromisoformat(day), Step.objects.filter(pk=taken.pk))


def steps_at(actor, day: dt.date) -> dict[str, int]:
    """The card's bars at `day` that are not empty, by state."""
    return {step["url"].rsplit("=", 1)[1]: step["count"]
            for step in rotation_pipeline(actor=actor, as_of=day)["steps"] if step["count"]}


# (day, btc's bars, the Đức Trọng officer's bars): D is out of the officer's reach.
EXPECTED = [
    (dt.date(2017, 10, 1), {}, {}),
    (dt.date(2017, 10, 5), {"du_thao": 3}, {"du_thao": 2}),
    (dt.date(2017, 10, 10), {"du_thao": 1, "trinh_thuong_truc": 3}, {"du_thao": 1, "trinh_thuong_truc": 2}),
    (dt.date(2017, 11, 15), {"du_thao": 1, "trinh_thuong_truc": 1, "xin_y_kien": 1, "da_quyet_dinh": 1},
     {"du_thao": 1, "xin_y_kien": 1, "da_quyet_dinh": 1}),
    (dt.date(2018, 1, 15), {"du_thao": 1, "trinh_thuong_truc": 1, "xin_y_kien": 1, "da_gap_can_bo": 1},
     {"du_thao": 1, "xin_y_kien": 1, "da_gap_can_bo": 1}),
    (dt.date(2018, 6, 1), {"du_thao": 1, "trinh_thuong_truc": 1, "xin_y_kien": 1, "da_trien_khai": 1},
     {"du_thao": 1, "xin_y_kien": 1, "da_trien_khai": 1}),
]


@pytest.mark.parametrize(("day", "for_btc", "for_officer"), EXPECTED)
def test_the_card_counts_each_proposal_at_its_step_at_the_end_of_the_day(w, day, for_btc, for_officer):
    assert steps_at(w.users[Role.BTC], day) == for_btc
    assert steps_at(w.hr, day) == for_officer


def test_today_and_later_show_the_steps_now(w):
    now = {"du_thao": 1, "trinh_thuong_truc": 1, "xin_y_kien": 1, "da_trien_khai": 1}
    assert steps_at(w.users[Role.BTC], today()) == now
    assert steps_at(w.users[Role.BTC], dt.date(2100, 12, 31)) == now


def test_a_rotation_is_in_progress_once_deployed_and_evaluated_only_from_the_day_recorded(w):
    c = w.proposals["C"].pk

    def listed(day):
        found = rotations_in_progress(actor=w.receiving, as_of=day, within_days=90)
        return {name: [p.pk for p in found[name]] for name in ("running", "yearly_due")}

    # started on 01/01/2018, the decision deployed on 01/02/2018
    assert listed(dt.date(2018, 1, 15)) == {"running": [], "yearly_due": []}
    assert listed(dt.date(2018, 2, 1)) == {"running": [c], "yearly_due": []}
    # the evaluation of 2018 recorded on 10/02/2019
    assert listed(dt.date(2019, 2, 9)) == {"running": [c], "yearly_due": [c]}
    assert listed(dt.date(2019, 2, 10)) == {"running": [c], "yearly_due": []}


def _followed(client, links) -> int:
    for url, count in links:
        page = client.get(html.unescape(url)).content.decode()
        assert int(TOTAL.search(page)[1]) == count, url
    return len(links)


@pytest.mark.parametrize("who", ["btc", "hr"])
@pytest.mark.parametrize("day", ["05/10/2017", "15/11/2017", "15/01/2018", "09/02/2019"])
def test_every_bar_and_reminder_equals_the_list_it_opens(w, client, who, day):
    client.force_login(w.users[Role.BTC] if who == "btc" else w.hr)
    home = client.get(reverse("core:home"), {"as_of": day}).content.decode()
    bars = [(url, int(n)) for url, n in PIPELINE_LINK.findall(home)]
    assert _followed(client, bars) == len(S.values)
    assert _followed(client, [(url, int(n)) for url, n in REMINDER_LINK.findall(home)]) == 3
    listed = client.get(reverse("rotation:proposals")).content.decode()
    assert int(TOTAL.search(listed)[1]) == sum(n for _url, n in bars) > 0
    assert f"tại cuối ngày {day}" in listed


def test_the_list_at_a_past_date_shows_each_step_then_and_offers_no_step(w, client):
    client.force_login(w.users[Role.BTC])
    page = client.get(reverse("rotation:proposals"), {"buoc": "da_quyet_dinh", "as_of": "15/11/2017"})
    text = page.content.decode()
    c = w.proposals["C"]
    assert TOTAL.search(text)[1] == "1" and f'href="/de-xuat/{c.pk}/"' in text
    assert "3. Đã quyết định" in text and "(nay: 5. Đã triển khai quyết định)" in text
    assert "chuyen-buoc-ca-danh-sach" not in text
    today = client.get(reverse("rotation:proposals"), {"buoc": "trinh_thuong_truc", "as_of": ""})
    assert "chuyen-buoc-ca-danh-sach" in today.content.decode()
