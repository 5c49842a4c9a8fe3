"""The plan as a document: the province's plan in the Party layout under the Tỉnh ủy, numbered once
per approved version from the register; the state bloc's plan in the State layout; a draft before
approval; only the issuing office, within the plan's reach; PDF through LibreOffice."""

import datetime as dt
import io
import re
import shutil

import docx
import pytest
from django.urls import reverse

from canbo.accounts.models import Role, User
from canbo.accounts.system import system_actor
from canbo.accounts.testing import PASSWORD
from canbo.audit.models import AuditEvent
from canbo.core.dates import moment_on
from canbo.documents.docx import official_docx
from canbo.documents.models import IssuedNumber, NumberSeries
from canbo.org.services import position_type_create
from canbo.people.services import holding_add
from canbo.rules.kh_2017_2020 import CODE
from canbo.training import plan_document as module
from canbo.training.models import PlanState as S
from canbo.training.models import Programme
from canbo.training.plan_document import plan_document
from canbo.training.plan_lines import line_add
from canbo.training.plans import plan_amend, plan_create
from canbo.training.services import programme_update
from canbo.workflow.process import TransitionRefused
from canbo.workflow.services import transition

pytestmark = pytest.mark.django_db

ISSUE_DAY = dt.date(2017, 2, 5)


@pytest.fixture(autouse=True)
def issue_day(monkeypatch):
    monkeypatch.setattr(module, "today", lambda: ISSUE_DAY)


@pytest.fixture
def users(small_province):
    users = {
        name: small_province.user(name, role, unit)
        for name, role, unit in (
            ("hr_dt", Role.UNIT_HR, "HU-DT"),
            ("btc", Role.BTC, None),
            ("snv", Role.SNV, None),
            ("btv", Role.BTV, None),
        )
    }
    # Ban Tổ chức reports Sở Nội vụ's plans to the Standing Board without reaching them (the plan cycle's
    # scope): an administrator takes that step here.
    users["admin"] = User.objects.create_superuser(username="quan_tri", password=PASSWORD)
    return users


def _programme(code):
    return Programme.objects.get(rule_set__code=CODE, code=code)


def _plan(users, small_province, unit, drafter, lines, *, to=S.DA_PHE_DUYET):
    """A plan drafted in January 2017 and taken a day a step to `to`, approved (if it is) on ISSUE_DAY."""
    plan = plan_create(actor=users[drafter], unit=small_province.units[unit], year=2018, content="",
                       at=moment_on(ISSUE_DAY - dt.timedelta(days=20)))
    for code, mode, count in lines:
        line_add(actor=users[drafter], plan=plan, programme=_programme(code), mode=mode, headcount=count)
    aggregator = "snv" if unit == "SNV" else "btc"
    reporter = "admin" if unit == "SNV" else "btc"
    _steps(users, plan, [(S.DA_GUI, drafter), (S.DA_TONG_HOP, aggregator), (S.DA_TRINH, reporter),
                         (S.DA_PHE_DUYET, "btv")], to, ISSUE_DAY)
    return plan


def _steps(users, plan, path, to, approved_on):
    """`path`'s steps up to `to`, a day apart, the last of the whole path on `approved_on`."""
    for n, (state, who) in enumerate(path):
        transition(actor=users[who], obj=plan, to=state,
                   at=moment_on(approved_on - dt.timedelta(days=len(path) - 1 - n), 17))
        if state == to:
            break


@pytest.fixture
def province_plan(users, small_province):
    programme_update(actor=users["btc"], programme=_programme("qpan_doi_tuong_2"), cost_full_time=3_500_000)
    _plan(users, small_province, "HU-DT", "hr_dt", [("qpan_doi_tuong_2", "tap_trung", 4)], to=S.DA_TONG_HOP)
    return _plan(
        users,
        small_province,
        "TU",
        "btc",
        [("qpan_doi_tuong_2", "tap_trung", 2), ("nghiep_vu_dang", "tap_trung", 30)],
    )


def _open(document) -> docx.Document:
    return docx.Document(io.BytesIO(official_docx(document)))


def _cells(table) -> list[str]:
    return [cell.text for row in table.rows for cell in row.cells]


def test_the_province_plan_in_the_party_layout(users, province_plan):
    opened = _open(plan_document(actor=users["btc"], plan=province_plan))
    header, signature, by_unit, by_programme = opened.tables
    left, right, number, place = _cells(header)
    assert left.split("\n") == ["TỈNH ỦY LÂM ĐỒNG", "*"]
    assert right == "ĐẢNG CỘNG SẢN VIỆT NAM\n"  # then the rule, an empty line with a bottom border
    assert number == "Số 1-KH/TU" and place == "Lâm Đồng, ngày 05 tháng 02 năm 2017"
    national = header.rows[0].cells[1].paragraphs[0].runs[0]
    assert (national.font.size.pt, national.font.bold) == (15, True)
    assert header.rows[0].cells[1].paragraphs[1]._p.xpath("./w:pPr/w:pBdr/w:bottom")
    assert header.rows[1].cells[1].paragraphs[0].runs[0].font.italic
    texts = [p.text for p in opened.paragraphs]
    assert "KẾ HOẠCH" in texts and "Đào tạo, bồi dưỡng cán bộ, công chức, viên chức năm 2018" in texts
    assert "(Kèm theo Kế hoạch số 1-KH/TU)" in texts
    assert "I. MỤC ĐÍCH, YÊU CẦU" in texts and "II. NỘI DUNG" in texts and "III. TỔ CHỨC THỰC HIỆN" in texts
    assert (
        "- Kiến thức quốc phòng – an ninh đối tượng 2 (Quân khu 7): 6 người (tập trung 6); kinh phí dự "
        "kiến 21.000.000 đồng."
    ) in texts
    assert "- Nghiệp vụ công tác Đảng: 30 người (tập trung 30); chưa có định mức kinh phí." in texts
    body = next(p for p in opened.paragraphs if p.text.startswith("Nâng cao trình độ"))
    assert body.alignment == docx.enum.text.WD_ALIGN_PARAGRAPH.JUSTIFY
    assert body.paragraph_format.first_line_indent == docx.shared.Mm(12.7)
    recipients, signer = (cell.text.split("\n") for cell in signature.rows[0].cells)
    assert recipients[0] == "Nơi nhận:" and recipients[-1] == "- Lưu VPTU."
    assert signer[:2] == ["T/M BAN THƯỜNG VỤ", "BÍ THƯ"] and signer[-1] == "Trần Văn Bình"
    assert [row[1:] for row in _rows(by_unit)] == [
        ["Tỉnh ủy Lâm Đồng", "32", "7.000.000 (*)"],
        ["Huyện ủy Đức Trọng", "4", "14.000.000"],
        ["Tổng cộng", "36", "21.000.000 (*)"],
    ]
    assert _rows(by_programme)[-1] == ["", "Tổng cộng", "", "36", "21.000.000 (*)"]
    assert by_unit.style.name == "Table Grid" and header.style.name != "Table Grid"
    section = opened.sections[0]
    margins = (section.top_margin, section.bottom_margin, section.left_margin, section.right_margin)
    assert [round(length.mm, 1) for length in margins] == [20, 20, 30, 15]
    assert [round(section.page_width.mm), round(section.page_height.mm)] == [210, 297]
    assert section.different_first_page_header_footer
    assert section.header._element.xpath(".//w:instrText")[0].text.strip() == "PAGE"
    assert not section.first_page_header._element.xpath(".//w:instrText")
    assert opened.styles["Normal"].font.name == "Times New Roman"
    fonts = opened.styles["Normal"].element.rPr.rFonts
    assert fonts.get(docx.oxml.ns.qn("w:eastAsia")) == "Times New Roman"


def _rows(table) -> list[list[str]]:
    return [[cell.text for cell in row.cells] for row in table.rows[1:]]


def test_a_version_keeps_its_number_and_an_amendment_takes_the_next(users, province_plan):
    first = plan_document(actor=users["btc"], plan=province_plan)
    again = plan_document(actor=users["btc"], plan=province_plan)
    assert first.number == again.number == "Số 1-KH/TU"
    assert IssuedNumber.objects.get().text == "Số 1-KH/TU"
    assert AuditEvent.objects.filter(action="document_number_issue").count() == 1
    assert AuditEvent.objects.filter(action="document_export", object_key=province_plan.code).count() == 2
    amended = plan_amend(actor=users["btc"], plan=province_plan, reason="Thêm lớp",
                         at=moment_on(ISSUE_DAY + dt.timedelta(days=1)))
    draft = plan_document(actor=users["btc"], plan=amended)
    assert draft.draft and draft.number == "Số \u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0-KH/TU"
    assert draft.place_date.startswith("Lâm Đồng, ngày") and draft.place_date.endswith("năm 2017")
    path = [(S.DA_GUI, "btc"), (S.DA_TONG_HOP, "btc"), (S.DA_TRINH, "btc"), (S.DA_PHE_DUYET, "btv")]
    _steps(users, amended, path, S.DA_PHE_DUYET, ISSUE_DAY + dt.timedelta(days=5))
    approved = plan_document(actor=users["btc"], plan=amended)
    assert approved.number == "Số 2-KH/TU" and approved.place_date == "Lâm Đồng, ngày 10 tháng 02 năm 2017"
    assert plan_document(actor=users["btc"], plan=province_plan).number == "Số 1-KH/TU"


def test_an_approved_plan_printed_years_later_bears_the_day_it_was_approved(users, province_plan,
                                                                            monkeypatch):
    monkeypatch.setattr(module, "today", lambda: dt.date(2026, 11, 29))
    document = plan_document(actor=users["btc"], plan=province_plan)
    assert document.place_date == "Lâm Đồng, ngày 05 tháng 02 năm 2017" and document.number == "Số 1-KH/TU"
    assert IssuedNumber.objects.get().series.term == "2015-2020"  # the register of its approval's term


def test_a_draft_takes_no_number_and_says_so(users, small_province):
    plan = _plan(users, small_province, "TU", "btc", [("nghiep_vu_dang", "tap_trung", 3)], to=S.DA_TRINH)
    opened = _open(plan_document(actor=users["btc"], plan=plan))
    assert opened.sections[0].first_page_header.paragraphs[0].text == "DỰ THẢO"
    assert not IssuedNumber.objects.exists()


def test_the_state_plan_in_the_state_layout(users, small_province):
    plan = _plan(users, small_province, "SNV", "snv", [("nghiep_vu_nha_nuoc", "tap_trung", 5)])
    opened = _open(plan_document(actor=users["snv"], plan=plan))
    left, right, number, place = _cells(opened.tables[0])
    assert left.split("\n")[:2] == ["UBND TỈNH LÂM ĐỒNG", "SỞ NỘI VỤ"]
    assert right.split("\n")[:2] == ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]
    assert number == "Số: 1/KH-SNV" and place == "Lâm Đồng, ngày 05 tháng 02 năm 2017"
    assert "(Kèm theo Kế hoạch số 1/KH-SNV)" in [p.text for p in opened.paragraphs]
    assert [c.text for c in opened.tables[2].rows[-1].cells][-2:] == ["5", "(*)"]  # no cost known: not 0
    signer = opened.tables[1].rows[0].cells[1].text.split("\n")
    assert signer[0] == "GIÁM ĐỐC" and signer[-1] == "Lê Thị Hoa"
    assert IssuedNumber.objects.get().series.term == "2017"


def test_a_deputy_director_signs_the_state_plan_for_the_director(client, users, small_province):
    system = system_actor()
    deputy_post = position_type_create(actor=system, code="PGD-SO", name="Phó Giám đốc Sở", btv_managed=True)
    deputy = small_province.cadres["PL1"]
    holding_add(actor=system, cadre=deputy, unit=small_province.units["SNV"], position_type=deputy_post,
                valid_from=dt.date(2016, 1, 1))
    plan = _plan(users, small_province, "SNV", "snv", [("nghiep_vu_nha_nuoc", "tap_trung", 5)])
    client.force_login(users["snv"])
    page = client.get(reverse("training:plan_detail", args=[plan.pk])).content.decode()
    assert "Lê Thị Hoa – Giám đốc Sở" in page and "Võ Minh Khang – Phó Giám đốc Sở (ký thay)" in page
    response = client.get(reverse("training:plan_document", args=[plan.pk]) + f"?nguoi_ky={deputy.pk}")
    signer = docx.Document(io.BytesIO(response.content)).tables[1].rows[0].cells[1].text.split("\n")
    assert signer[:2] == ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"] and signer[-1] == "Võ Minh Khang"
    export = AuditEvent.objects.filter(action="document_export").latest("id")
    assert export.data["nguoi_ky"] == "Võ Minh Khang"

    # Numbered at that download, the plan keeps its signer: the page shows it, not the choice.
    page = client.get(reverse("training:plan_detail", args=[plan.pk])).content.decode()
    assert 'id="nguoi-ky"' not in page
    shown = page.split('id="nguoi-ky-da-ghi"')[1].split("</p>")[0]
    assert "<strong>Võ Minh Khang</strong> (KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC)" in shown
    again = client.get(reverse("training:plan_document", args=[plan.pk]))
    signer = docx.Document(io.BytesIO(again.content)).tables[1].rows[0].cells[1].text.split("\n")
    assert signer[-1] == "Võ Minh Khang"


def test_only_the_issuing_office_within_reach_gets_the_document(client, users, province_plan):
    url = reverse("training:plan_document", args=[province_plan.pk])
    client.force_login(users["btc"])
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert 'filename="ke-hoach-dao-tao-2018-TU-v1.docx"' in response["Content-Disposition"]
    client.force_login(users["snv"])
    assert client.get(url).status_code == 404  # a Party plan is outside Sở Nội vụ's reach
    client.force_login(users["hr_dt"])
    assert client.get(url).status_code == 403
    client.force_login(users["btv"])
    assert client.get(url).status_code == 403
    assert IssuedNumber.objects.count() == 1


def test_the_plan_page_links_the_document_for_its_office(client, users, province_plan):
    page = reverse("training:plan_detail", args=[province_plan.pk])
    client.force_login(users["btc"])
    url = reverse("training:plan_document", args=[province_plan.pk])
    assert f'action="{url}"' in client.get(page).content.decode()
    client.force_login(users["btv"])
    assert reverse("training:plan_document", args=[province_plan.pk]) not in client.get(page).content.decode()


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
def test_the_pdf_has_its_pages(client, users, province_plan, tmp_path):
    client.force_login(users["btc"])
    response = client.get(reverse("training:plan_document", args=[province_plan.pk]) + "?dinh_dang=pdf")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    pages = re.findall(rb"/Type\s*/Page[^s]", response.content)
    assert len(pages) >= 3  # the plan and its two annexes


def test_without_libreoffice_the_pdf_is_refused_with_the_reason(client, users, province_plan, monkeypatch):
    monkeypatch.setattr(shutil, "which", lambda name: None)
    client.force_login(users["btc"])
    response = client.get(reverse("training:plan_document", args=[province_plan.pk]) + "?dinh_dang=pdf")
    assert response.status_code == 503
    assert "Máy chủ chưa cài LibreOffice" in response.content.decode()


def test_a_plan_issued_on_paper_keeps_its_number(client, users, small_province):
    plan = _plan(users, small_province, "SNV", "snv", [("nghiep_vu_nha_nuoc", "tap_trung", 5)])
    client.force_login(users["snv"])
    url = reverse("training:plan_step", args=[plan.pk, S.CO_HIEU_LUC])
    assert "Số văn bản đã cấp trên giấy" in client.get(url).content.decode()
    assert client.post(url, {"so_tren_giay": "127"}).status_code == 302
    issued = IssuedNumber.objects.get()
    assert (issued.text, issued.issued_on) == ("Số: 127/KH-SNV", ISSUE_DAY)  # dated as its approval
    left, right, number, place = _cells(_open(plan_document(actor=users["snv"], plan=plan)).tables[0])
    assert number == "Số: 127/KH-SNV" and place == "Lâm Đồng, ngày 05 tháng 02 năm 2017"
    assert NumberSeries.objects.get().last == 127  # the register's next plan of 2017 is 128


def test_a_plan_numbered_at_its_download_refuses_another_number_on_paper(users, small_province):
    plan = _plan(users, small_province, "SNV", "snv", [("nghiep_vu_nha_nuoc", "tap_trung", 5)])
    plan_document(actor=users["snv"], plan=plan)  # the register's 1
    with pytest.raises(TransitionRefused, match="Văn bản đã có Số: 1/KH-SNV trong sổ từ ngày 05/02/2017"):
        transition(actor=users["snv"], obj=plan, to=S.CO_HIEU_LUC, inputs={"so_tren_giay": "9"})
    plan.refresh_from_db()
    assert plan.state == S.DA_PHE_DUYET
    transition(actor=users["snv"], obj=plan, to=S.CO_HIEU_LUC, inputs={"so_tren_giay": "1"})  # the same one
    assert list(IssuedNumber.objects.values_list("number", flat=True)) == [1]
