"""The rotation or transfer decision as a Party document: numbered from the register when step 4 issues
it (once, never reused), a draft without number before; Điều 1 names the cadre and both posts; the
download within the proposal's reach, audited; PDF through LibreOffice."""

import datetime as dt
import io
import re
import shutil

import docx
import pytest
from django.urls import reverse

from canbo.accounts.models import Role, User
from canbo.audit.models import AuditEvent
from canbo.documents.models import IssuedNumber
from canbo.rotation import decision as module
from canbo.rotation.tests import test_procedure as procedure
from canbo.workflow.services import transition

S, rotation, through_step_three = procedure.S, procedure.rotation, procedure.through_step_three
w = procedure.w

pytestmark = pytest.mark.django_db

ISSUE_DAY = dt.date(2017, 11, 5)


@pytest.fixture(autouse=True)
def issue_day(monkeypatch):
    """The decisions are issued, and the drafts printed, on ISSUE_DAY (a dated step's day is
    `test_procedure`'s)."""
    monkeypatch.setattr(module, "today", lambda: ISSUE_DAY)
    monkeypatch.setattr(module, "issue_day", lambda step: ISSUE_DAY)


@pytest.fixture
def decided(w):
    """A rotation of the head of a department of Huyện ủy Đức Trọng to Huyện ủy Di Linh, decided."""
    cadre = w.person(w.hu_dt, w.truong_phong)
    proposal = rotation(w, cadre)
    through_step_three(w, proposal)
    transition(actor=w.users["btv"], obj=proposal, to=S.DA_QUYET_DINH)
    return proposal


def _text(client, proposal) -> list[str]:
    response = client.get(reverse("rotation:proposal_decision", args=[proposal.pk]))
    assert response.status_code == 200 and response["Content-Disposition"].endswith('.docx"')
    document = docx.Document(io.BytesIO(response.content))
    cells = [p.text for t in document.tables for row in t.rows for c in row.cells for p in c.paragraphs]
    header = [p.text for p in document.sections[0].first_page_header.paragraphs]
    return header + cells + [p.text for p in document.paragraphs]


def test_a_draft_before_step_four_has_no_number(client, w, decided):
    client.force_login(w.users["btc"])
    text = _text(client, decided)
    assert "DỰ THẢO" in text
    assert not any(re.match(r"Số \d+-QĐ/TU", line) for line in text)
    assert "Lâm Đồng, ngày\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0tháng" in "\n".join(text)
    assert IssuedNumber.objects.count() == 0


def test_the_issued_decision_has_the_registers_number_and_its_parts(client, w, decided):
    transition(actor=w.users["btc"], obj=decided, to=S.DA_BAN_HANH)
    decided.refresh_from_db()
    issued = IssuedNumber.objects.get()
    assert (issued.text, issued.series.term, issued.issued_on) == ("Số 1-QĐ/TU", "2015-2020", ISSUE_DAY)
    assert (decided.decision_no, decided.decision_date) == ("1-QĐ/TU", ISSUE_DAY)
    client.force_login(w.users["btc"])
    text = _text(client, decided)
    assert "DỰ THẢO" not in text
    for line in (
        "ĐẢNG CỘNG SẢN VIỆT NAM",
        "TỈNH ỦY LÂM ĐỒNG",
        "*",
        "Số 1-QĐ/TU",
        "Lâm Đồng, ngày 05 tháng 11 năm 2017",
        "QUYẾT ĐỊNH",
        "về việc luân chuyển cán bộ",
        "BAN THƯỜNG VỤ TỈNH ỦY",
        "QUYẾT ĐỊNH:",
        "T/M BAN THƯỜNG VỤ",
        "BÍ THƯ",
        "Nơi nhận:",
        "- Lưu VPTU.",
    ):
        assert line in text, line
    article = next(line for line in text if line.startswith("Điều 1."))
    name = decided.cadre.full_name
    assert name in article
    assert f"{w.truong_phong.name} {w.hu_dt.name}" in article  # the post left
    assert f"{decided.position_type.name} {w.hu_dl.name}" in article  # the post taken
    assert "01/01/2018" in article and "31/12/2020" in article
    assert text.index("QUYẾT ĐỊNH:") < text.index(article)
    assert all(any(line.startswith(f"Điều {n}.") for line in text) for n in (2, 3))
    export = AuditEvent.objects.filter(action="document_export").latest("id")
    assert export.data["van_ban"] == "Số 1-QĐ/TU"


def test_the_number_is_kept_and_the_next_decision_takes_the_next(client, w, decided):
    transition(actor=w.users["btc"], obj=decided, to=S.DA_BAN_HANH)
    client.force_login(w.users["btc"])
    _text(client, decided)
    _text(client, decided)
    other = rotation(w, w.person(w.hu_dt, w.pho_phong), position_type=w.pho_phong)
    through_step_three(w, other)
    transition(actor=w.users["btv"], obj=other, to=S.DA_QUYET_DINH)
    transition(actor=w.users["btc"], obj=other, to=S.DA_BAN_HANH)
    other.refresh_from_db()
    assert other.decision_no == "2-QĐ/TU"
    assert list(IssuedNumber.objects.values_list("number", flat=True)) == [1, 2]


def test_article_two_gives_the_one_time_support_when_the_check_does(client, w):
    key = w.person(w.xa_ln, w.chu_chot_xa)
    supported = rotation(w, key)
    assert supported.check_result["ho_tro_mot_lan"] is True
    client.force_login(w.users["btc"])
    article = next(line for line in _text(client, supported) if line.startswith("Điều 2."))
    assert "hỗ trợ một lần kinh phí" in article and "811-QĐ/TU" in article
    transfer = rotation(w, key, kind="dieu_dong", end=None)
    assert transfer.check_result["ho_tro_mot_lan"] is False
    text = _text(client, transfer)
    assert "về việc điều động cán bộ" in text
    assert not any("hỗ trợ một lần" in line or "thời gian luân chuyển" in line for line in text)
    assert next(line for line in text if line.startswith("Điều 1.")).startswith("Điều 1. Điều động đồng chí")


def test_the_page_links_the_decision_and_out_of_scope_is_not_found(client, w, decided):
    url = reverse("rotation:proposal_decision", args=[decided.pk])
    client.force_login(w.users["btc"])
    page = client.get(reverse("rotation:proposal_detail", args=[decided.pk])).content.decode()
    assert f'action="{url}"' in page
    assert 'name="dinh_dang" value="pdf"' in page and 'name="dinh_dang" value="docx"' in page
    outsider = User.objects.create_user(
        username="hr_snv", password="x", role=Role.UNIT_HR, scope_unit=w.so_nv
    )
    client.force_login(outsider)
    assert client.get(url).status_code == 404
    assert not AuditEvent.objects.filter(action="document_export").exists()


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
def test_the_pdf(client, w, decided):
    transition(actor=w.users["btc"], obj=decided, to=S.DA_BAN_HANH)
    client.force_login(w.users["btc"])
    response = client.get(reverse("rotation:proposal_decision", args=[decided.pk]) + "?dinh_dang=pdf")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert re.findall(rb"/Type\s*/Page[^s]", response.content)
