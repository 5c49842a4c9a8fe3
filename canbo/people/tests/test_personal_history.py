"""The personal history form (Mẫu 2C-BNV/2008): filled from the record as of a date, dotted lines for
what canbo does not keep, only within the actor's scope, each form an audited export; the list's forms
as a zip up to a cap."""

import datetime as dt
import io
import shutil
import zipfile

import docx
import pytest
from django.urls import reverse

from canbo.accounts.models import Role
from canbo.accounts.system import system_actor
from canbo.audit.models import AuditEvent
from canbo.people import services
from canbo.people.personal_history import personal_history

pytestmark = pytest.mark.django_db

AS_OF = dt.date(2020, 1, 1)


@pytest.fixture
def users(small_province):
    return {
        name: small_province.user(name, role, unit)
        for name, role, unit in (
            ("btc", Role.BTC, None),
            ("hr_dt", Role.UNIT_HR, "HU-DT"),
            ("school", Role.SCHOOL, None),
        )
    }


@pytest.fixture
def dao(small_province):
    system = system_actor()
    cadre = small_province.cadres["DT1"]
    services.qualification_add(
        actor=system,
        cadre=cadre,
        kind="chuyen_mon",
        level="dai_hoc",
        obtained_on=dt.date(1990, 6, 30),
        mode="chinh_quy",
        major="Kinh tế nông nghiệp",
        issuer="Trường Đại học Đà Lạt",
    )
    services.qualification_add(
        actor=system, cadre=cadre, kind="qlnn", level="chuyen_vien_chinh", obtained_on=dt.date(2021, 5, 1)
    )  # after the date: not on the form
    services.holding_add(
        actor=system,
        cadre=cadre,
        unit=small_province.units["UB-DT"],
        position_type=small_province.types["CV"],
        valid_from=dt.date(1991, 1, 1),
        valid_to=dt.date(2014, 12, 31),
    )
    services.discipline_add(actor=system, cadre=cadre, form="Khiển trách", decided_on=dt.date(2019, 3, 1))
    return cadre


def _form(users, code="DT1", who="btc"):
    _record, content = personal_history(actor=users[who], code=code, as_of=AS_OF, file_name="f.docx")
    return docx.Document(io.BytesIO(content))


def _texts(opened) -> list[str]:
    cells = [p.text for t in opened.tables for row in t.rows for c in row.cells for p in c.paragraphs]
    return [p.text for p in opened.paragraphs] + cells


def test_the_form_is_filled_from_the_record_as_of_the_date(users, dao):
    opened = _form(users)
    texts = _texts(opened)
    assert "Mẫu 2C-BNV/2008" in texts and "SƠ YẾU LÝ LỊCH CÁN BỘ, CÔNG CHỨC" in texts
    assert "1) Họ và tên khai sinh (viết chữ in hoa): NGUYỄN THỊ ĐÀO" in texts
    assert "3) Sinh ngày: 01 tháng 9 năm 1968, giới tính (nam, nữ): Nữ" in texts
    assert "5) Quê quán: Đức Trọng, Lâm Đồng" in texts and "6) Dân tộc: K'Ho" in texts
    assert "12) Chức vụ (chức danh) hiện tại: Bí thư Huyện ủy, Huyện ủy Đức Trọng" in texts
    assert "15.2) Trình độ chuyên môn cao nhất: Đại học, Kinh tế nông nghiệp" in texts
    assert "15.3) Lý luận chính trị: Cao cấp" in texts
    assert "22) Kỷ luật (hình thức, năm): Khiển trách (01/03/2019)" in texts
    religion = next(p for p in texts if p.startswith("7) Tôn giáo: "))
    assert religion.endswith("....")  # a dotted line to write in
    residence = next(p for p in opened.paragraphs if p.text.startswith("8) Nơi đăng ký hộ khẩu"))
    assert residence.runs[-1].text == "\t"
    assert residence.paragraph_format.tab_stops[0].leader == docx.enum.text.WD_TAB_LEADER.DOTS
    qlnn = next(p for p in texts if p.startswith("15.4) Quản lý nhà nước: "))
    assert "Chuyên viên chính" not in qlnn  # obtained after the form's date
    training, career = opened.tables[2], opened.tables[3]
    assert [c.text for c in training.rows[1].cells] == [
        "Trường Đại học Đà Lạt",
        "Kinh tế nông nghiệp",
        "… – 06/1990",
        "Chính quy",
        "Đại học",
    ]
    assert [[c.text for c in row.cells] for row in career.rows[1:]] == [
        ["01/1991 – 12/2014", "Chuyên viên, UBND huyện Đức Trọng"],
        ["01/2015 – nay", "Bí thư Huyện ủy, Huyện ủy Đức Trọng"],
    ]
    section = opened.sections[0]
    assert [round(x.mm) for x in (section.top_margin, section.left_margin, section.right_margin)] == [
        20,
        25,
        15,
    ]
    assert section.header._element.xpath(".//w:instrText")[0].text.strip() == "PAGE"
    event = AuditEvent.objects.get(action="data_export")
    assert event.cadre_code == "DT1" and event.data["tep"] == "f.docx"


def test_the_record_page_links_the_form_and_the_scope_is_the_records(client, users, dao):
    client.force_login(users["hr_dt"])
    page = client.get(reverse("people:cadre_detail", args=["DT1"]) + "?as_of=2020-01-01").content.decode()
    url = reverse("people:personal_history", args=["DT1"])
    assert f"{url}?as_of=2020-01-01&amp;dinh_dang=pdf" in page
    response = client.get(f"{url}?as_of=2020-01-01")
    assert (
        response.status_code == 200
        and 'filename="so-yeu-ly-lich-DT1-2020-01-01.docx"' in response["Content-Disposition"]
    )
    assert (
        client.get(reverse("people:personal_history", args=["SNV1"]) + "?as_of=2020-01-01").status_code == 404
    )
    client.force_login(users["school"])
    assert client.get(f"{url}?as_of=2020-01-01").status_code == 403
    assert url not in client.get(reverse("people:cadre_detail", args=["DT1"])).content.decode()
    assert list(AuditEvent.objects.filter(action="data_export").values_list("cadre_code", flat=True)) == [
        "DT1"
    ]


def test_a_list_gives_a_zip_of_its_forms_within_the_cap(client, users, dao, settings):
    client.force_login(users["hr_dt"])
    url = reverse("people:personal_history_zip") + "?as_of=2020-01-01&don_vi=HU-DT"
    response = client.get(url)
    assert response.status_code == 200 and response["Content-Type"] == "application/zip"
    names = zipfile.ZipFile(io.BytesIO(response.content)).namelist()
    assert names == ["so-yeu-ly-lich-DT1-2020-01-01.docx", "so-yeu-ly-lich-DT2-2020-01-01.docx"]  # by name
    assert AuditEvent.objects.filter(action="data_export").count() == 2
    settings.CANBO_2C_BATCH_MAX = 1
    response = client.get(url)
    assert response.status_code == 400
    assert "Danh sách có hơn 1 cán bộ: mỗi lần tải tối đa 1 sơ yếu lý lịch." in response.content.decode()
    assert AuditEvent.objects.filter(action="data_export").count() == 2
    page = client.get(reverse("people:cadre_list") + "?don_vi=HU-DT").content.decode()
    assert reverse("people:personal_history_zip") + "?don_vi=HU-DT&amp;dinh_dang=docx" in page


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
def test_the_forms_as_pdf(client, users, dao):
    client.force_login(users["hr_dt"])
    response = client.get(
        reverse("people:personal_history", args=["DT1"]) + "?as_of=2020-01-01&dinh_dang=pdf"
    )
    assert response.status_code == 200 and response.content.startswith(b"%PDF")
    response = client.get(
        reverse("people:personal_history_zip") + "?as_of=2020-01-01&don_vi=HU-DT&dinh_dang=pdf"
    )
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    assert sorted(archive.namelist()) == [
        "so-yeu-ly-lich-DT1-2020-01-01.pdf",
        "so-yeu-ly-lich-DT2-2020-01-01.pdf",
    ]
    assert all(archive.read(name).startswith(b"%PDF") for name in archive.namelist())
