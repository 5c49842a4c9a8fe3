"""A decision is issued by the body its authority names: a transfer within the state bloc routed to the
Party committee of the People's Committee is carried by Sở Nội vụ (Ban Tổ chức does not reach it) and
becomes a decision of the province's People's Committee in the State layout, numbered per year; a
rotation within a district is a decision of the district committee's standing board, numbered in the
district's own register."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from canbo.documents.models import IssuedNumber
from canbo.people.models import Movement
from canbo.rotation.proposals import Draft, opinion_add, proposal_create
from canbo.rotation.tests import test_procedure as procedure
from canbo.rotation.tests.test_decision_document import _text, issue_day  # noqa: F401 (fixture)
from canbo.workflow.process import TransitionRefused
from canbo.workflow.services import transition

S, START, rotation = procedure.S, procedure.START, procedure.rotation
w = procedure.w

pytestmark = pytest.mark.django_db


def _run(w, proposal, runner):
    """Steps 1 to 3 with `runner` carrying the proposal and Thường trực giving its opinion."""
    standing = w.users["thuong_truc"]
    transition(actor=runner, obj=proposal, to=S.TRINH_THUONG_TRUC,
               files=[SimpleUploadedFile("to-trinh.pdf", b"%PDF-1.4\n%%EOF\n")])
    opinion_add(actor=standing, proposal=proposal, party="thuong_truc", verdict="dong_y")
    transition(actor=runner, obj=proposal, to=S.XIN_Y_KIEN)
    for party in ("don_vi_di", "don_vi_den", "can_bo"):
        opinion_add(actor=runner, proposal=proposal, party=party, verdict="dong_y")
    transition(actor=runner, obj=proposal, to=S.TRINH_BTV)


def test_a_state_bloc_transfer_is_carried_by_so_noi_vu_and_issued_by_the_peoples_committee(client, w):
    snv = w.users["snv"]
    cadre = w.person(w.so_nv, w.truong_phong, planned=False)
    proposal = proposal_create(actor=snv, draft=Draft(cadre.code, w.xa_ln.code, w.truong_phong.code),
                               kind="dieu_dong", start=START, end=None, reasons="Kiện toàn cán bộ xã")
    assert proposal.check_result["tham_quyen"] == "bcs_dang_ubnd"
    with pytest.raises(TransitionRefused, match="không thuộc phạm vi"):
        transition(actor=w.users["btc"], obj=proposal, to=S.TRINH_THUONG_TRUC)
    _run(w, proposal, snv)
    transition(actor=snv, obj=proposal, to=S.DA_QUYET_DINH)
    transition(actor=snv, obj=proposal, to=S.DA_BAN_HANH)
    transition(actor=w.users["thuong_truc"], obj=proposal, to=S.DA_GAP_CAN_BO)
    transition(actor=snv, obj=proposal, to=S.DA_TRIEN_KHAI)
    issued = IssuedNumber.objects.get()
    assert (issued.text, issued.series.issuer, issued.series.term) == ("Số: 1/QĐ-UBND", "UBND", "2017")
    assert Movement.objects.get(cadre=cadre).decision_no == "1/QĐ-UBND"
    client.force_login(snv)
    text = _text(client, proposal)
    for line in ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG", "Số: 1/QĐ-UBND",
                 "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG", "QUYẾT ĐỊNH:", "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"):
        assert line in text, line
    assert "BAN THƯỜNG VỤ TỈNH ỦY" not in text and "ĐẢNG CỘNG SẢN VIỆT NAM" not in text
    article = next(line for line in text if line.startswith("Điều 3."))
    assert article.startswith("Điều 3. Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc Sở Nội vụ")


def test_a_rotation_within_a_district_is_the_district_standing_boards_decision(client, w):
    snv = w.users["snv"]
    cadre = w.person(w.xa_ln, w.pho_phong, planned=True)
    proposal = proposal_create(actor=snv, draft=Draft(cadre.code, w.ub_dt.code, w.pho_phong.code),
                               kind="luan_chuyen", start=START, end=procedure.END, reasons="Rèn luyện")
    assert proposal.check_result["tham_quyen"] == "cap_uy_don_vi"
    _run(w, proposal, snv)
    with pytest.raises(TransitionRefused):
        transition(actor=w.users["btv"], obj=proposal, to=S.DA_QUYET_DINH)
    issued_before = IssuedNumber.objects.count()
    client.force_login(snv)
    text = _text(client, proposal)
    for line in ("ĐẢNG CỘNG SẢN VIỆT NAM", "ĐẢNG BỘ TỈNH LÂM ĐỒNG", "HUYỆN ỦY ĐỨC TRỌNG",
                 "BAN THƯỜNG VỤ HUYỆN ỦY", "T/M BAN THƯỜNG VỤ", "BÍ THƯ"):
        assert line in text, line
    assert IssuedNumber.objects.count() == issued_before  # a draft takes no number
    assert not any(line.startswith("Số") and "QĐ/TU" in line for line in text)
