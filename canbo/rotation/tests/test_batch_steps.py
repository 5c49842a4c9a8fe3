"""A step for a whole list, or the proposals selected of it: each proposal checked by the rules again and
taken through the step on its own; one refused with its own reason while the others go on; the page
shows each one's outcome; a wrong role is refused before any proposal moves."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from canbo.accounts.system import system_actor
from canbo.people import services
from canbo.rotation.batch_steps import proposals_step
from canbo.rotation.models import Proposal
from canbo.rotation.proposals import Draft, opinion_add, proposal_list_create
from canbo.rotation.tests import test_procedure as procedure
from canbo.workflow.models import Step

S, START, END, w = procedure.S, procedure.START, procedure.END, procedure.w

pytestmark = pytest.mark.django_db


@pytest.fixture
def listed(w):
    """A list of three rotations; the second cadre is disciplined after the list was drafted."""
    cadres = [
        w.person(w.hu_dt, w.truong_phong),
        w.person(w.hu_dt, w.pho_phong),
        w.person(w.hu_dt, w.pho_phong),
    ]
    batch = proposal_list_create(
        actor=w.users["btc"],
        name="Đợt 1",
        kind="luan_chuyen",
        start=START,
        end=END,
        reasons="Quy hoạch",
        drafts=[
            Draft(cadres[0].code, "HU-DL", "TP"),
            Draft(cadres[1].code, "HU-DL", "PP"),
            Draft(cadres[2].code, "HU-DL", "PP"),
        ],
    )
    services.discipline_add(
        actor=system_actor(), cadre=cadres[1], form="Cảnh cáo", decided_on=dt.date(2017, 9, 1)
    )
    return batch, [batch.proposals.get(cadre=c) for c in cadres]


def test_each_proposal_is_checked_again_and_a_refused_one_leaves_the_others_to_go_on(w, listed):
    _batch, (one, disciplined, three) = listed
    outcomes = proposals_step(
        actor=w.users["btc"],
        proposals=[one, disciplined, three],
        source=S.DU_THAO,
        to=S.TRINH_THUONG_TRUC,
        comment="Tờ trình số 12",
        files=[SimpleUploadedFile("to-trinh.pdf", b"%PDF-1.4\n%%EOF\n")],
    )
    assert [o.taken for o in outcomes] == [True, False, True]
    assert "R2" in " ".join(outcomes[1].reasons)
    states = dict(Proposal.objects.values_list("pk", "state"))
    assert (states[one.pk], states[disciplined.pk], states[three.pk]) == (
        S.TRINH_THUONG_TRUC,
        S.DU_THAO,
        S.TRINH_THUONG_TRUC,
    )
    steps = Step.objects.filter(target=S.TRINH_THUONG_TRUC)
    assert steps.count() == 2 and all(s.comment == "Tờ trình số 12" and s.files.count() == 1 for s in steps)


def test_the_step_needs_what_it_needs_for_each_proposal(w, listed):
    _batch, (one, _disciplined, three) = listed
    proposals_step(actor=w.users["btc"], proposals=[one, three], source=S.DU_THAO, to=S.TRINH_THUONG_TRUC)
    opinion_add(actor=w.users["thuong_truc"], proposal=one, party="thuong_truc", verdict="dong_y")
    outcomes = proposals_step(
        actor=w.users["btc"], proposals=[one, three], source=S.TRINH_THUONG_TRUC, to=S.XIN_Y_KIEN
    )
    assert [o.taken for o in outcomes] == [True, False]
    assert "Chưa có ý kiến của Thường trực" in outcomes[1].reasons[0]


def test_a_wrong_role_moves_nothing(w, listed):
    _batch, proposals = listed
    with pytest.raises(PermissionDenied):
        proposals_step(actor=w.users["thuong_truc"], proposals=proposals, source=S.DU_THAO,
                       to=S.TRINH_THUONG_TRUC)
    assert set(Proposal.objects.values_list("state", flat=True)) == {S.DU_THAO}


def test_the_page_steps_the_selected_proposals_and_shows_each_outcome(client, w, listed):
    batch, (one, disciplined, three) = listed
    client.force_login(w.users["btc"])
    listing = client.get(reverse("rotation:proposals"), {"danh_sach": batch.pk}).content.decode()
    url = reverse("rotation:batch_step")
    query = f"?buoc={S.DU_THAO}&den={S.TRINH_THUONG_TRUC}&danh_sach={batch.pk}"
    assert f"{url}{query}".replace("&", "&amp;") in listing
    page = client.get(url + query).content.decode()
    assert page.count('name="de_xuat"') == 3 and "R2" in page  # why the disciplined one may not go
    response = client.post(url + query, {"de_xuat": [one.pk, disciplined.pk]})
    page = response.content.decode()
    assert 'id="ket-qua-chuyen-buoc"' in page and "Không chuyển" in page and "Đã chuyển" in page
    states = dict(Proposal.objects.values_list("pk", "state"))
    assert (states[one.pk], states[disciplined.pk], states[three.pk]) == (
        S.TRINH_THUONG_TRUC,
        S.DU_THAO,
        S.DU_THAO,
    )  # the third was not selected
    back = client.post(
        f"{url}?buoc={S.TRINH_THUONG_TRUC}&den={S.DU_THAO}&danh_sach={batch.pk}", {"de_xuat": [one.pk]}
    )
    assert "cần ghi rõ lý do" in back.content.decode()
    assert Proposal.objects.get(pk=one.pk).state == S.TRINH_THUONG_TRUC
    assert client.get(f"{url}?buoc={S.DU_THAO}&den={S.DA_TRIEN_KHAI}").status_code == 404


def test_the_page_refuses_a_wrong_role(client, w, listed):
    batch, proposals = listed
    client.force_login(w.users["thuong_truc"])
    url = f"{reverse('rotation:batch_step')}?buoc={S.DU_THAO}&den={S.TRINH_THUONG_TRUC}&danh_sach={batch.pk}"
    assert "Bạn không có quyền" in client.get(url).content.decode()
    assert client.post(url, {"de_xuat": [p.pk for p in proposals]}).status_code == 403
    assert set(Proposal.objects.values_list("state", flat=True)) == {S.DU_THAO}
