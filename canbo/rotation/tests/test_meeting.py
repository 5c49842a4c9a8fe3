"""The list for the Standing Committee's meeting: a list's proposals (or those reported for decision) with
names, birth dates, posts, form, term, the opinions of both units and the cadre and the rules' warnings;
the same table in XLSX; the DOCX in the Party layout on a landscape page; a zip of it with each cadre's
personal history form, DOCX or PDF; every download in the change log."""

import io
import re
import shutil
import zipfile

import docx
import openpyxl
import pytest
from django.urls import reverse
from docx.enum.section import WD_ORIENT

from canbo.accounts.models import Role, User
from canbo.audit.models import AuditEvent
from canbo.documents import pdf
from canbo.rotation.proposals import Draft, proposal_list_create
from canbo.rotation.tests import test_procedure as procedure

S, START, END, w = procedure.S, procedure.START, procedure.END, procedure.w

pytestmark = pytest.mark.django_db
URL = reverse("rotation:meeting_list")


@pytest.fixture
def batch(w):
    """Two rotations of Huyện ủy Đức Trọng's heads to Huyện ủy Di Linh, one taken to step 3 with opinions."""
    one, two = w.person(w.hu_dt, w.truong_phong), w.person(w.hu_dt, w.pho_phong)
    batch = proposal_list_create(
        actor=w.users["btc"],
        name="Đợt 1 năm 2018",
        drafts=[Draft(one.code, "HU-DL", "TP"), Draft(two.code, "HU-DL", "PP")],
        kind="luan_chuyen",
        start=START,
        end=END,
        reasons="Đào tạo qua thực tiễn",
    )
    first = batch.proposals.get(cadre=one)
    procedure.through_step_three(w, first)
    first.opinions.filter(party="don_vi_den").update(text="Cần cán bộ ngay")
    return batch


def _docx_text(content: bytes) -> tuple[docx.Document, list[str]]:
    document = docx.Document(io.BytesIO(content))
    cells = [p.text for t in document.tables for row in t.rows for c in row.cells for p in c.paragraphs]
    return document, cells + [p.text for p in document.paragraphs]


def test_the_page_lists_each_proposal_with_opinions_and_warnings(client, w, batch):
    client.force_login(w.users["thuong_truc"])
    page = client.get(URL, {"danh_sach": batch.pk}).content.decode()
    one, two = (p.cadre for p in batch.proposals.order_by("pk"))
    assert one.full_name in page and two.full_name in page and 'data-total="2"' in page
    assert "Đồng ý: Cần cán bộ ngay" in page and "Luân chuyển" in page
    assert "01/01/2018 – 31/12/2020" in page
    assert f"{w.truong_phong.name} {w.hu_dt.name}" in page  # the post held now
    assert "Chưa đạt tiêu chuẩn" in page  # the warnings of the check each proposal went past
    reported = client.get(URL).content.decode()  # without a list: those reported for decision
    assert one.full_name in reported and two.full_name not in reported


def test_the_workbook_has_the_pages_columns(client, w, batch):
    client.force_login(w.users["btc"])
    export = client.get(URL, {"danh_sach": batch.pk, "xuat": "xlsx"})
    sheet = openpyxl.load_workbook(io.BytesIO(export.content)).active
    header = [cell.value for cell in sheet[3]]
    assert header[:3] == ["TT", "Họ và tên", "Ngày sinh"] and "Ý kiến đơn vị đến" in header
    rows = list(sheet.iter_rows(min_row=4, values_only=True))
    assert [row[0] for row in rows] == [1, 2]
    assert AuditEvent.objects.filter(action="data_export", data__so_dong=2).exists()


def test_the_docx_in_the_party_layout_on_a_landscape_page(client, w, batch):
    client.force_login(w.users["btc"])
    response = client.get(URL, {"danh_sach": batch.pk, "dinh_dang": "docx"})
    assert response["Content-Disposition"].endswith('.docx"')
    document, text = _docx_text(response.content)
    assert document.sections[0].orientation == WD_ORIENT.LANDSCAPE
    assert document.sections[0].page_width > document.sections[0].page_height
    for line in (
        "ĐẢNG CỘNG SẢN VIỆT NAM",
        "TỈNH ỦY LÂM ĐỒNG",
        "BAN TỔ CHỨC",
        "*",
        "DANH SÁCH",
        "cán bộ đề nghị luân chuyển, điều động trình Ban Thường vụ Tỉnh ủy",
        "TRƯỞNG BAN",
        "Nơi nhận:",
        "- Lưu BTCTU.",
    ):
        assert line in text, line
    assert any(re.fullmatch(r"Số\s+-DS/BTCTU", line) for line in text)
    table = document.tables[-2]  # the list; the signature table is last
    assert [c.text for c in table.rows[0].cells][:3] == ["TT", "Họ và tên", "Ngày sinh"]
    assert len(table.rows) == 3 and "Đề xuất số" not in [c.text for c in table.rows[0].cells]
    assert "Đồng ý: Cần cán bộ ngay" in [c.text for c in table.rows[1].cells]
    assert AuditEvent.objects.filter(action="data_export", data__tep__endswith=".docx").exists()


def test_the_zip_holds_the_list_and_each_cadres_form(client, w, batch):
    client.force_login(w.users["btc"])
    response = client.get(URL, {"danh_sach": batch.pk, "dinh_dang": "zip"})
    assert response["Content-Type"] == "application/zip"
    names = zipfile.ZipFile(io.BytesIO(response.content)).namelist()
    codes = [p.cadre.code for p in batch.proposals.all()]
    assert names[0].startswith("danh-sach-trinh-btv-") and names[0].endswith(".docx")
    assert len(names) == 3
    assert all(any(n.startswith(f"so-yeu-ly-lich-{c}-") for n in names[1:]) for c in codes)
    forms = AuditEvent.objects.filter(action="data_export", cadre_code__in=codes)
    assert forms.count() == 2


def test_a_list_out_of_reach_is_not_found(client, w, batch):
    outsider = User.objects.create_user(username="hr", password="x", role=Role.UNIT_HR, scope_unit=w.so_nv)
    client.force_login(outsider)
    assert client.get(URL, {"danh_sach": batch.pk}).status_code == 404
    client.force_login(w.users["btv"])
    assert client.get(URL, {"dinh_dang": "zip", "danh_sach": 999999}).status_code == 404


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
def test_the_pdf(client, w, batch):
    client.force_login(w.users["btc"])
    response = client.get(URL, {"danh_sach": batch.pk, "dinh_dang": "pdf"})
    assert response.status_code == 200 and response.content.startswith(b"%PDF")


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
def test_the_pdf_zip_holds_the_list_and_each_cadres_form_as_pdf(client, w, batch):
    client.force_login(w.users["btc"])
    response = client.get(URL, {"danh_sach": batch.pk, "dinh_dang": "zip_pdf"})
    opened = zipfile.ZipFile(io.BytesIO(response.content))
    names = opened.namelist()
    assert len(names) == 3 and all(name.endswith(".pdf") for name in names)
    assert names[0].startswith("danh-sach-trinh-btv-")
    assert all(opened.read(name).startswith(b"%PDF") for name in names)


def test_without_libreoffice_the_pdf_zip_offers_the_docx_zip(client, w, batch, monkeypatch):
    monkeypatch.setattr(pdf, "soffice", lambda: None)
    client.force_login(w.users["btc"])
    refused = client.get(URL, {"danh_sach": batch.pk, "dinh_dang": "zip_pdf"})
    assert refused.status_code == 503
    assert f'href="{URL}?danh_sach={batch.pk}&amp;dinh_dang=zip"' in refused.content.decode()
