"""The personal history form (Sơ yếu lý lịch, Mẫu 2C-BNV/2008, DOCUMENTS.md §3) of one cadre as their
record stood at a date: canbo fills what it keeps (name, birth, sex, birthplace, hometown, ethnicity,
posts, rank, the highest levels of 15.2–15.6, Party entry, discipline, the training table from the
qualifications and the career summary from the positions held) and leaves a dotted line for the rest,
to be written by hand.
"""

import datetime as dt
import io
import zipfile

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _
from docx.shared import Mm

from canbo.audit.actions import AuditAction
from canbo.audit.services import audit_record
from canbo.core.capabilities import Action, require
from canbo.core.dates import birth_text, show_date
from canbo.core.levels import Kind, label_of
from canbo.documents.content import Table
from canbo.documents.docx import CELL_PADDING_MM, Writer
from canbo.documents.layouts import FORM_2C
from canbo.documents.pdf import docx_to_pdf
from canbo.documents.text import date_words
from canbo.org.models import Unit
from canbo.people.models import BirthPrecision
from canbo.people.selectors import CadreFilters, CadreRecord, cadre_record, cadre_search

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
        self.item(_("2) Tên gọi khác"), "", items, width)
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
        self.item(_("7) Tôn giáo"), "", items, width)
        writer.settle(items)

    def work(self):
        record, cadre = self.record, self.record.cadre
        self.item(_("8) Nơi đăng ký hộ khẩu thường trú"))
        self.item(_("9) Nơi ở hiện nay"))
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
        rank = cadre.rank
        self.item(_("14) Ngạch công chức (viên chức)"), rank.name if rank else "")
        self.item(_("Mã ngạch"), rank.code if rank else "")
        self.item(_("Bậc lương, hệ số, ngày hưởng"))
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
        self.item(_("Ngày chính thức"))
        self.item(_("17) Ngày tham gia tổ chức chính trị - xã hội"))
        self.item(_("18) Ngày nhập ngũ, ngày xuất ngũ, quân hàm cao nhất"))
        self.item(_("19) Danh hiệu được phong tặng cao nhất"))
        self.item(_("20) Sở trường công tác"))
        self.item(_("21) Khen thưởng"))
        disciplines = "; ".join(f"{d.form} ({show_date(d.decided_on)})" for d in record.disciplines)
        self.item(_("22) Kỷ luật (hình thức, năm)"), disciplines or _("Không"))
        self.item(_("23) Tình trạng sức khỏe, chiều cao, cân nặng, nhóm máu"))
        self.item(_("24) Là thương binh hạng; là con gia đình chính sách"))
        self.item(_("25) Số chứng minh nhân dân (căn cước công dân), ngày cấp"))
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

    def by_hand(self):
        for title, count in (
            (_("29) ĐẶC ĐIỂM LỊCH SỬ BẢN THÂN"), 3),
            (_("30) QUAN HỆ GIA ĐÌNH"), 0),
            (_("a) Về bản thân: cha, mẹ, vợ (hoặc chồng), các con, anh chị em ruột"), 4),
            (_("b) Về bên vợ (hoặc chồng): cha, mẹ, anh chị em ruột"), 3),
            (_("31) DIỄN BIẾN QUÁ TRÌNH LƯƠNG CỦA CÁN BỘ, CÔNG CHỨC"), 3),
            (_("32) NHẬN XÉT, ĐÁNH GIÁ CỦA CƠ QUAN, ĐƠN VỊ QUẢN LÝ VÀ SỬ DỤNG CÁN BỘ, CÔNG CHỨC"), 4),
        ):
            self.section(title)
            self.lines(count)

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
        form.by_hand()
        form.signatures()
        core = form.document.core_properties
        core.title = _("Sơ yếu lý lịch %(name)s") % {"name": record.cadre.full_name}
        return form.writer.bytes()


def file_stem(code: str, as_of: dt.date) -> str:
    return f"so-yeu-ly-lich-{code}-{as_of.isoformat()}".replace("/", "-")


def _exported(actor, record: CadreRecord, file_name: str) -> None:
    """Each form taken is an export of personal data (Decree 13/2023), in the cadre's log."""
    title = _("Sơ yếu lý lịch (Mẫu 2C-BNV/2008) tại ngày %(day)s") % {"day": show_date(record.as_of)}
    audit_record(
        actor=actor,
        action=AuditAction.DATA_EXPORT,
        obj=record.cadre,
        data={"tep": file_name, "danh_sach": title, "so_dong": 1},
    )


@transaction.atomic
def personal_history(*, actor, code: str, as_of: dt.date, file_name: str) -> tuple[CadreRecord, bytes]:
    """The form of one cadre the actor sees at D (NotFound otherwise), recorded as an export."""
    require(actor, Action.PRINT_PERSONAL_HISTORY)
    record = cadre_record(actor=actor, code=code, as_of=as_of)
    _exported(actor, record, file_name)
    return record, personal_history_docx(record)


@transaction.atomic
def personal_history_batch(
    *,
    actor,
    as_of: dt.date,
    filters: CadreFilters,
    extension: str,
) -> list[tuple[CadreRecord, bytes]]:
    """The forms of the cadres of a list (the cadre list's filters), each recorded as an export; refused
    above `CANBO_2C_BATCH_MAX` cadres with the count."""
    require(actor, Action.PRINT_PERSONAL_HISTORY)
    codes = list(
        cadre_search(actor=actor, as_of=as_of, filters=filters)
        .order_by("sort_key", "code")
        .values_list("code", flat=True)[: settings.CANBO_2C_BATCH_MAX + 1]
    )
    return personal_history_forms(actor=actor, as_of=as_of, codes=codes, extension=extension)


@transaction.atomic
def personal_history_forms(
    *, actor, as_of: dt.date, codes: list[str], extension: str
) -> list[tuple[CadreRecord, bytes]]:
    """The forms of the cadres `codes` (each one the actor sees at D, NotFound otherwise), each recorded as
    an export; refused above `CANBO_2C_BATCH_MAX` cadres with the count, and when there is none."""
    require(actor, Action.PRINT_PERSONAL_HISTORY)
    limit = settings.CANBO_2C_BATCH_MAX
    if len(codes) > limit:
        raise ValidationError(
            _(
                "Danh sách có hơn %(limit)s cán bộ: mỗi lần tải tối đa %(limit)s sơ yếu lý lịch. "
                "Lọc thêm theo đơn vị, khối, cấp hoặc tên rồi tải lại."
            )
            % {"limit": limit},
            code="too_many",
        )
    if not codes:
        raise ValidationError(_("Danh sách không có cán bộ nào."), code="empty")
    forms = []
    for code in codes:
        record = cadre_record(actor=actor, code=code, as_of=as_of)
        _exported(actor, record, f"{file_stem(code, as_of)}.{extension}")
        forms.append((record, personal_history_docx(record)))
    return forms


def personal_history_archive(
    forms: list[tuple[CadreRecord, bytes]], extension: str, *, more: dict | None = None
) -> bytes:
    """One zip of the forms (as PDF when `extension` is pdf: PdfUnavailable when LibreOffice fails), with
    the files of `more` (name -> bytes) first."""
    files = {f"{file_stem(record.cadre.code, record.as_of)}.docx": docx for record, docx in forms}
    if extension == "pdf":
        files = {name.removesuffix(".docx") + ".pdf": pdf for name, pdf in docx_to_pdf(files).items()}
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in {**(more or {}), **files}.items():
            archive.writestr(name, content)
    return buffer.getvalue()
