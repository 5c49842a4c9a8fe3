"""Who signs a decision: the deciding body's head by default, or a deputy for the head, chosen on the
download (DOCUMENTS.md §1, §2): a Party committee's deputy signs `T/M BAN THƯỜNG VỤ` / `PHÓ BÍ THƯ`, a
head's deputy `K/T` (Party) or `KT.` (State) before the head's post, under a State collective's `TM.`
line. A member of the body, or anyone else, is refused by name and nothing is recorded. An issued
decision keeps the signer of its first download; a draft is signed as chosen each time."""

import datetime as dt

import pytest
from django.urls import reverse

from canbo.accounts.system import system_actor
from canbo.audit.models import AuditEvent
from canbo.audit.render import summary
from canbo.documents.layouts import PARTY, STATE
from canbo.documents.models import IssuedNumber
from canbo.org.services import position_type_create
from canbo.people.issuers import Issuer
from canbo.people.models import Cadre
from canbo.rotation.models import ProposalState as S
from canbo.rotation.tests.test_decision_document import _text, decided, issue_day  # noqa: F401
from canbo.rotation.tests.test_procedure import w  # noqa: F401
from canbo.workflow.services import transition

pytestmark = pytest.mark.django_db

DAY = dt.date(2017, 11, 5)


@pytest.fixture
def board(w):  # noqa: F811
    """The Tỉnh ủy's Bí thư, a Phó Bí thư and a member of its executive committee."""
    deputy_post = position_type_create(
        actor=system_actor(), code="PBT-TU", name="Phó Bí thư Tỉnh ủy", btv_managed=True, key_position=True
    )
    people = []
    posts = ((w.bi_thu, "Nguyễn Văn Bí"), (deputy_post, "Trần Thị Phó"), (w.uy_vien, "Lê Văn Viên"))
    for post, name in posts:
        cadre = w.person(w.tinh_uy, post, planned=False)
        Cadre.objects.filter(pk=cadre.pk).update(full_name=name)
        people.append(cadre)
    return people


def _issuer(w, layout, authority, position):  # noqa: F811
    return Issuer(
        layout=layout, code="X", superior="", name="", authority=authority, position=position, per_year=True,
        recipients=(), find=lambda: w.tinh_uy,
    )


def test_the_head_signs_unless_a_deputy_is_chosen(client, w, decided, board):  # noqa: F811
    head, deputy, member = board
    client.force_login(w.users["btc"])
    page = client.get(reverse("rotation:proposal_detail", args=[decided.pk])).content.decode()
    assert "Nguyễn Văn Bí – Bí thư Huyện ủy" in page and "Trần Thị Phó – Phó Bí thư Tỉnh ủy (ký thay)" in page
    assert "Lê Văn Viên" not in page.split('id="nguoi-ky"')[1].split("</select>")[0]

    text = _text(client, decided)
    assert text[text.index("T/M BAN THƯỜNG VỤ") + 1] == "BÍ THƯ" and "Nguyễn Văn Bí" in text

    url = reverse("rotation:proposal_decision", args=[decided.pk])
    response = client.get(f"{url}?nguoi_ky={deputy.pk}")
    assert response.status_code == 200
    export = AuditEvent.objects.filter(action="document_export").latest("id")
    assert export.data["nguoi_ky"] == "Trần Thị Phó"
    assert summary(export).endswith("người ký Trần Thị Phó")


def test_a_deputy_signs_for_the_standing_board_without_k_t(w, board):  # noqa: F811
    _head, deputy, _member = board
    signature = _issuer(w, PARTY, "T/M BAN THƯỜNG VỤ", "BÍ THƯ").signature(DAY, deputy.pk)
    assert (signature.authority, signature.position, signature.name) == (
        "T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ", "Trần Thị Phó"
    )


def test_a_deputy_signs_for_a_head_k_t_in_the_party_and_kt_in_the_state(w, board):  # noqa: F811
    _head, deputy, _member = board
    party = _issuer(w, PARTY, "", "TRƯỞNG BAN").signature(DAY, deputy.pk)
    assert (party.authority, party.position) == ("K/T TRƯỞNG BAN", "PHÓ TRƯỞNG BAN")
    state = _issuer(w, STATE, "", "GIÁM ĐỐC").signature(DAY, deputy.pk)
    assert (state.authority, state.position) == ("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC")
    collective = _issuer(w, STATE, "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH").signature(DAY, deputy.pk)
    assert (collective.authority.splitlines(), collective.position) == (
        ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"], "PHÓ CHỦ TỊCH"
    )


def test_a_vacant_head_leaves_the_name_blank_not_the_deputys(w, board):  # noqa: F811
    head, deputy, _member = board
    head.holdings.update(valid_to=DAY - dt.timedelta(days=1))
    issuer = _issuer(w, PARTY, "T/M BAN THƯỜNG VỤ", "BÍ THƯ")
    assert [s.name for s in issuer.signers(DAY)] == ["Trần Thị Phó"]
    assert issuer.signature(DAY).name == ""
    assert issuer.signature(DAY, deputy.pk).name == "Trần Thị Phó"


def test_a_member_or_a_wrong_value_is_refused_and_nothing_recorded(client, w, decided, board):  # noqa: F811
    _head, _deputy, member = board
    client.force_login(w.users["btc"])
    url = reverse("rotation:proposal_decision", args=[decided.pk])
    refused = client.get(f"{url}?nguoi_ky={member.pk}")
    assert refused.status_code == 404
    said = refused.content.decode()
    assert "không là người đứng đầu hay cấp phó của cơ quan ban hành vào ngày 05/11/2017" in said
    wrong = client.get(f"{url}?nguoi_ky=abc")
    assert wrong.status_code == 404 and "Người ký “abc” không hợp lệ" in wrong.content.decode()
    assert not AuditEvent.objects.filter(action="document_export").exists()


def test_with_the_head_vacant_the_page_offers_the_blank_name_first(client, w, decided, board):  # noqa: F811
    head, _deputy, _member = board
    head.holdings.update(valid_to=dt.date(2017, 1, 1))
    client.force_login(w.users["btc"])
    page = client.get(reverse("rotation:proposal_detail", args=[decided.pk])).content.decode()
    options = page.split('id="nguoi-ky">')[1].split("</select>")[0]
    assert options.startswith('<option value="">Người đứng đầu (để trống tên, ký tay)</option>')
    assert "Nguyễn Văn Bí" not in options and "Trần Thị Phó" in options


def test_an_issued_decision_keeps_the_signer_of_its_first_download(client, w, decided, board):  # noqa: F811
    head, deputy, _member = board
    transition(actor=w.users["btc"], obj=decided, to=S.DA_BAN_HANH)
    client.force_login(w.users["btc"])
    url = reverse("rotation:proposal_decision", args=[decided.pk])
    assert client.get(f"{url}?nguoi_ky={deputy.pk}").status_code == 200
    issued = IssuedNumber.objects.get(object_key=str(decided.pk))
    assert issued.signature == {"cadre_id": deputy.pk, "authority": "T/M BAN THƯỜNG VỤ",
                                "position": "PHÓ BÍ THƯ", "name": "Trần Thị Phó"}
    recorded = AuditEvent.objects.get(action="document_signer_record")
    assert summary(recorded) == f"Ghi người ký văn bản {issued.text}: Trần Thị Phó"

    text = _text(client, decided)  # no signer asked: the recorded one, not the head
    assert text[text.index("T/M BAN THƯỜNG VỤ") + 1] == "PHÓ BÍ THƯ" and "Nguyễn Văn Bí" not in text
    page = client.get(reverse("rotation:proposal_detail", args=[decided.pk])).content.decode()
    assert 'id="nguoi-ky"' not in page
    assert "Người ký: <strong>Trần Thị Phó</strong>" in page.split('id="nguoi-ky-da-ghi"')[1].split("</p>")[0]

    refused = client.get(f"{url}?nguoi_ky={head.pk}")
    assert refused.status_code == 404
    assert f"Văn bản {issued.text} đã ghi người ký Trần Thị Phó" in refused.content.decode()
    assert AuditEvent.objects.filter(action="document_signer_record").count() == 1
    assert AuditEvent.objects.filter(action="document_export").count() == 2


def test_a_draft_is_signed_as_chosen_each_time(client, w, decided, board):  # noqa: F811
    head, deputy, _member = board
    client.force_login(w.users["btc"])
    url = reverse("rotation:proposal_decision", args=[decided.pk])
    for chosen, name in ((deputy, "Trần Thị Phó"), (head, "Nguyễn Văn Bí")):
        assert client.get(f"{url}?nguoi_ky={chosen.pk}").status_code == 200
        assert AuditEvent.objects.filter(action="document_export").latest("id").data["nguoi_ky"] == name
    assert not AuditEvent.objects.filter(action="document_signer_record").exists()
