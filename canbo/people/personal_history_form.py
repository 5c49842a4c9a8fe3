"""The personal history form (Sơ yếu lý lịch, Mẫu 2C-BNV/2008, DOCUMENTS.md §3) of one cadre as their
record stood at a date: canbo fills what it keeps (name and other names, birth, sex, birthplace,
hometown, ethnicity, religion, the permanent and current residence in force at the date, posts, rank
and the salary step at the date, the highest levels of 15.2–15.6, Party entry and official-member
dates, awards, discipline, the personal identification number, the training table from the
qualifications, the career summary from the positions held, the family members born by the date's
year and the salary steps begun by the date) and leaves a dotted line for the rest, to be written by
hand.
"""

import datetime as dt

from django.utils import translation
from django.utils.translation import gettext as _
from docx.shared import Mm

from canbo.core.dates import birth_text, show_date
from canbo.core.levels import Kind, label_of
from canbo.documents.content import Table
from canbo.documents.docx import CELL_PADDING_MM, Writer
from canbo.documents.layouts import FORM_2C
from canbo.documents.text import date_words
from canbo.org.models import Unit
from canbo.people.models import BirthPrecision, Relation, ResidenceKind
from canbo.people.selectors import CadreRecord

PHOTO_MM = (40, 60)


def _place(locality) -> str:
    """A locality with the localities above it: `Thị trấn Liên Nghĩa, Đức Trọng, Lâm Đồng`."""
    names = []
    while locality is not None:
        names.append(locality.name)
        locality = locality.parent
    return ", ".join(names)


def _highest(record: CadreRecord, kind: str) -> str:
    held = [q for q in record.qualifications if q.kind == kind]
    if not held:
        return ""
    best = max(held, key=lambda q: (q.rank, q.obtained_on))
    words = label_of(kind, best.rank)
    return f"{words}, {best.major}" if best.major else words


def _month(day: dt.date | None) -> str:
    return f"{day.month:02d}/{day.year}" if day else ""


# Item 30: a) the cadre's own family, b) the spouse's.
SPOUSE_FAMILY = frozenset({Relation.BO_VO, Relation.ME_VO, Relation.BO_CHONG, Relation.ME_CHONG})


def _residence(record: CadreRecord, kind: str) -> str:
    """The address of `kind` in force at the record's date."""
    found = [r for r in record.residences if r.kind == kind and r.in_force]
    return found[0].address if found else ""


def _coefficient(step) -> str:
    return f"{step.coefficient:.2f}".replace(".", ",")


class Form:
    """The form being written: items as "label: value", or the label and a dotted line."""

    def __init__(self, record: CadreRecord):
        self.record = record
        self.writer = Writer(FORM_2C)
        self.document = self.writer.document

    def item(self, label: str, value: str = "", container=None, width: float | None = None):
        paragraph = self.writer.paragraph(container or self.document, "", "item", before=3)
        self.writer.run(paragraph, f"{label}: ", "item")
        if value:
            self.writer.run(paragraph, value, "item", bold=True)
        elif width is None:
            self.writer.dotted(paragraph, "item")
        else:
            self.writer.dots(paragraph, "item", f"{label}: ", width)
        return paragraph

    def lines(self, count: int):
        for _line in range(count):
            self.writer.dotted(self.writer.paragraph(self.document, "", "item", before=3), "item")

    def section(self, text: str):
        self.writer.paragraph(self.document, text, "section", before=9, after=3)

    def header(self):
        writer, record = self.writer, self.record
        widths = FORM_2C.header_columns_mm
        table = writer.table(self.document, widths, grid=False)
        left, right = writer.row(table, widths)
        holding = self._main_holding()
        unit = holding.unit if holding else None
        managing = Unit.objects.filter(pk=int(unit.path.strip("/").split("/")[0])).first() if unit else None
        for label, body in (
            (_("Cơ quan, đơn vị có thẩm quyền quản lý CBCC"), managing),
            (_("Cơ quan, đơn vị sử dụng CBCC"), unit),
        ):
            self.item(label, body.name if body else "", left, widths[0] - CELL_PADDING_MM - 2)
        writer.paragraph(right, "Mẫu 2C-BNV/2008", "form_code")
        writer.paragraph(
            right, _("Số hiệu cán bộ, công chức: %(code)s") % {"code": record.cadre.code}, "form_header"
        )
        for cell in (left, right):
            writer.settle(cell)
        writer.paragraph(
            self.document, _("SƠ YẾU LÝ LỊCH CÁN BỘ, CÔNG CHỨC"), "form_title", before=12, after=6
        )

    def _main_holding(self):
        held = [h for h in self.record.holdings if h.held_at_date]
        return min(held, key=lambda h: (not h.position_type.key_position, h.valid_from)) if held else None

    def identity(self):
        """The photo box beside items 1–7."""
        writer, cadre = self.writer, self.record.cadre
        widths = (PHOTO_MM[0], FORM_2C.text_width_mm() - PHOTO_MM[0])
        table = writer.table(self.document, widths, grid=False)
        photo, items = writer.row(table, widths)
        table.rows[0].height = Mm(PHOTO_MM[1])
        writer.box(photo)
        writer.paragraph(photo, _("Ảnh màu\n(4 × 6 cm)"), "photo")
        writer.settle(photo)
        width = widths[1] - CELL_PADDING_MM - 2
        self.item(_("1) Họ và tên khai sinh (viết chữ in hoa)"), cadre.full_name.upper(), items, width)
        self.item(_("2) Tên gọi khác"), cadre.other_names, items, width)
        born = (
            date_words(cadre.birth_date).removeprefix("ngày ")
            if cadre.birth_precision == BirthPrecision.DAY
            else birth_text(cadre.birth_date, cadre.birth_precision)
        )
        self.item(
            _("3) Sinh ngày"),
            f"{born}, " + _("giới tính (nam, nữ): %(g)s") % {"g": cadre.get_gender_display()},
            items,
            width,
        )
        self.item(_("4) Nơi sinh"), _place(cadre.birthplace), items, width)
        self.item(_("5) Quê quán"), _place(cadre.hometown), items, width)
        self.item(_("6) Dân tộc"), cadre.ethnicity, items, width)
        self.item(_("7) Tôn giáo"), cadre.religion, items, width)
        writer.settle(items)

    def work(self):
        record, cadre = self.record, self.record.cadre
        self.item(_("8) Nơi đăng ký hộ khẩu thường trú"), _residence(record, ResidenceKind.THUONG_TRU))
        self.item(_("9) Nơi ở hiện nay"), _residence(record, ResidenceKind.HIEN_NAY))
        self.item(_("10) Nghề nghiệp khi được tuyển dụng"))
        self.item(
            _("11) Ngày tuyển dụng"), show_date(cadre.employment_start) if cadre.employment_start else ""
        )
        self.item(_("Cơ quan tuyển dụng"))
        held = [h for h in record.holdings if h.held_at_date]
        main = self._main_holding()
        self.item(
            _("12) Chức vụ (chức danh) hiện tại"),
            f"{main.position_type.name}, {main.unit.name}" if main else "",
        )
        others = [f"{h.position_type.name}, {h.unit.name}" for h in held if h is not main]
        self.item(_("Chức vụ (chức danh) kiêm nhiệm"), "; ".join(others))
        self.item(_("13) Công việc chính được giao"))
        step = next((s for s in record.salary_steps if s.in_force), None)
        rank = step.rank if step else cadre.rank  # the rank paid at D, when the salary history says it
        self.item(_("14) Ngạch công chức (viên chức)"), rank.name if rank else "")
        self.item(_("Mã ngạch"), rank.code if rank else "")
        self.item(
            _("Bậc lương, hệ số, ngày hưởng"),
            _("bậc %(step)s, hệ số %(coefficient)s, từ ngày %(day)s")
            % {"step": step.step, "coefficient": _coefficient(step), "day": show_date(step.valid_from)}
            if step
            else "",
        )
        self.item(_("Phụ cấp chức vụ, phụ cấp khác"))

    def levels(self):
        self.item(_("15.1) Trình độ giáo dục phổ thông (lớp mấy/hệ nào)"))
        for label, kind in (
            (_("15.2) Trình độ chuyên môn cao nhất"), Kind.CHUYEN_MON),
            (_("15.3) Lý luận chính trị"), Kind.LLCT),
            (_("15.4) Quản lý nhà nước"), Kind.QLNN),
            (_("15.5) Ngoại ngữ"), Kind.NGOAI_NGU),
            (_("15.6) Tin học"), Kind.TIN_HOC),
        ):
            self.item(label, _highest(self.record, kind))

    def party_and_more(self):
        record = self.record
        joined = show_date(record.party_join_date) if record.party_join_date else ""
        self.item(_("16) Ngày vào Đảng Cộng sản Việt Nam"), joined)
        official = record.party_official_date
        self.item(_("Ngày chính thức"), show_date(official) if official else "")
        self.item(_("17) Ngày tham gia tổ chức chính trị - xã hội"))
        self.item(_("18) Ngày nhập ngũ, ngày xuất ngũ, quân hàm cao nhất"))
        self.item(_("19) Danh hiệu được phong tặng cao nhất"))
        self.item(_("20) Sở trường công tác"))
        awards = [
            f"{a.form}{f' ({a.decided_by})' if a.decided_by else ''}, {a.decided_on.year}"
            for a in sorted(record.awards, key=lambda a: a.decided_on)
        ]
        self.item(_("21) Khen thưởng"), "; ".join(awards))
        disciplines = "; ".join(f"{d.form} ({show_date(d.decided_on)})" for d in record.disciplines)
        self.item(_("22) Kỷ luật (hình thức, năm)"), disciplines or _("Không"))
        self.item(_("23) Tình trạng sức khỏe, chiều cao, cân nặng, nhóm máu"))
        self.item(_("24) Là thương binh hạng; là con gia đình chính sách"))
        self.item(_("25) Số chứng minh nhân dân (căn cước công dân)"), record.cadre.personal_id)
        self.item(_("Ngày cấp"))
        self.item(_("26) Số sổ BHXH"))

    def training(self):
        self.section(
            _("27) ĐÀO TẠO, BỒI DƯỠNG VỀ CHUYÊN MÔN, NGHIỆP VỤ, LÝ LUẬN CHÍNH TRỊ, NGOẠI NGỮ, TIN HỌC")
        )
        columns = (
            _("Tên trường"),
            _("Chuyên ngành đào tạo, bồi dưỡng"),
            _("Từ tháng, năm – đến tháng, năm"),
            _("Hình thức đào tạo"),
            _("Văn bằng, chứng chỉ, trình độ gì"),
        )
        rows = [
            (
                q.issuer,
                q.major or Kind(q.kind).label,
                f"… – {_month(q.obtained_on)}",
                q.get_mode_display(),
                label_of(q.kind, q.rank),
            )
            for q in sorted(self.record.qualifications, key=lambda q: q.obtained_on)
        ]
        self._table(columns, rows, (38, 40, 30, 25, 37))

    def career(self):
        self.section(_("28) TÓM TẮT QUÁ TRÌNH CÔNG TÁC"))
        columns = (
            _("Từ tháng, năm đến tháng, năm"),
            _("Chức danh, chức vụ, đơn vị công tác (đảng, chính quyền, đoàn thể, tổ chức xã hội)"),
        )
        rows = []
        for holding in sorted(self.record.holdings, key=lambda h: (h.valid_from, h.pk)):
            until = _month(holding.ended_on) if holding.ended_on else _("nay")
            rows.append(
                (
                    f"{_month(holding.valid_from)} – {until}",
                    f"{holding.position_type.name}, {holding.unit.name}",
                )
            )
        self._table(columns, rows, (45, 125))

    def _table(self, columns, rows, widths):
        self.writer.data_table(self.document, Table(tuple(columns), tuple(map(tuple, rows)), widths))
        if not rows:
            self.lines(2)

    def history(self):
        self.section(_("29) ĐẶC ĐIỂM LỊCH SỬ BẢN THÂN"))
        self.lines(3)

    def family(self):
        """Item 30: the family members of the record, own and spouse's, each in the form's table."""
        self.section(_("30) QUAN HỆ GIA ĐÌNH"))
        columns = (
            _("Mối quan hệ"),
            _("Họ và tên"),
            _("Năm sinh"),
            _("Quê quán, nghề nghiệp, chức danh, chức vụ, đơn vị công tác, học tập, nơi ở"),
        )
        for title, spouse in (
            (_("a) Về bản thân: cha, mẹ, vợ (hoặc chồng), các con, anh chị em ruột"), False),
            (_("b) Về bên vợ (hoặc chồng): cha, mẹ, anh chị em ruột"), True),
        ):
            self.writer.paragraph(self.document, title, "item", before=3, after=3)
            rows = [
                (
                    member.get_relation_display(),
                    member.full_name,
                    str(member.birth_year or ""),
                    "; ".join(filter(None, (member.occupation, member.residence))),
                )
                for member in self.record.family
                if (member.relation in SPOUSE_FAMILY) == spouse
            ]
            self._table(columns, rows, (25, 45, 20, 80))

    def salary(self):
        """Item 31: the salary steps begun by the record's date, oldest first."""
        self.section(_("31) DIỄN BIẾN QUÁ TRÌNH LƯƠNG CỦA CÁN BỘ, CÔNG CHỨC"))
        columns = (_("Tháng, năm"), _("Ngạch (mã ngạch)"), _("Bậc"), _("Hệ số lương"))
        rows = [
            (_month(s.valid_from), f"{s.rank.name} ({s.rank.code})", str(s.step), _coefficient(s))
            for s in sorted(self.record.salary_steps, key=lambda step: step.valid_from)
        ]
        self._table(columns, rows, (30, 90, 20, 30))

    def assessment(self):
        self.section(_("32) NHẬN XÉT, ĐÁNH GIÁ CỦA CƠ QUAN, ĐƠN VỊ QUẢN LÝ VÀ SỬ DỤNG CÁN BỘ, CÔNG CHỨC"))
        self.lines(4)

    def signatures(self):
        writer = self.writer
        widths = (80, FORM_2C.text_width_mm() - 80)
        table = writer.table(self.document, widths, grid=False)
        left, right = writer.row(table, widths)
        writer.paragraph(left, _("Người khai"), "signature_title", before=12)
        writer.paragraph(
            left, _("Tôi xin cam đoan những lời khai trên đây là đúng sự thật"), "signature_note"
        )
        writer.paragraph(left, _("(Ký tên, ghi rõ họ tên)"), "signature_note")
        writer.paragraph(right, _("…, ngày … tháng … năm …"), "signature_note", before=12)
        writer.paragraph(right, _("Thủ trưởng cơ quan, đơn vị quản lý và sử dụng CBCC"), "signature_title")
        writer.paragraph(right, _("(Ký tên, đóng dấu)"), "signature_note")
        for cell in (left, right):
            writer.settle(cell)
        note = _("Lập từ hồ sơ canbo tại ngày %(day)s; các mục để dòng chấm do người khai ghi tay.")
        writer.paragraph(self.document, note % {"day": show_date(self.record.as_of)}, "note", before=24)


def personal_history_docx(record: CadreRecord) -> bytes:
    """The form of `record` (from `cadre_record`, which checks the actor's scope) as DOCX bytes."""
    with translation.override("vi"):
        form = Form(record)
        form.header()
        form.identity()
        form.work()
        form.levels()
        form.party_and_more()
        form.training()
        form.career()
        form.history()
        form.family()
        form.salary()
        form.assessment()
        form.signatures()
        core = form.document.core_properties
        core.title = _("Sơ yếu lý lịch %(name)s") % {"name": record.cadre.full_name}
        return form.writer.bytes()
