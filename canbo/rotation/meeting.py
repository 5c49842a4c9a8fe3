"""The list Ban Tổ chức brings to the Standing Committee's meeting (R9 step 3): for a list of proposals, or
the proposals reported for decision, each cadre's name, birth date, current and proposed posts, the form
(luân chuyển or điều động), the term, the opinions of the sending unit, the receiving unit and the cadre,
and the warnings of the rules. One table for the page and the workbook (`canbo.core.report`), the DOCX in
the Party layout, and a zip of it with each cadre's personal history form (Mẫu 2C), as DOCX or PDF."""

import datetime as dt

from django.db import transaction
from django.db.models import QuerySet
from django.utils import translation
from django.utils.translation import gettext as _

from canbo.audit.services import data_exported
from canbo.core.capabilities import Action, require
from canbo.core.dates import birth_text, show_date, today
from canbo.core.report import Column, Kind, Link, Report, cell_text, url_maker
from canbo.documents.content import Note, OfficialDocument, Paragraph, Signature, Table
from canbo.documents.docx import official_docx
from canbo.documents.layouts import PARTY_LANDSCAPE
from canbo.documents.text import place_and_date
from canbo.org.selectors import province_name
from canbo.people.personal_history import personal_history_archive, personal_history_forms
from canbo.people.selectors import visible_cadres
from canbo.rotation.checking import titles
from canbo.rotation.decision import post_left
from canbo.rotation.models import Party, Proposal, ProposalList, ProposalState
from canbo.rotation.proposal_selectors import visible_proposals

OPINION_COLUMNS = {"y_kien_don_vi_di": Party.DON_VI_DI, "y_kien_don_vi_den": Party.DON_VI_DEN,
                   "y_kien_can_bo": Party.CAN_BO}
# The printed table: every column of the page but the link to the proposal, widths in millimetres.
PRINTED = {"stt": 10, "ho_ten": 27, "ngay_sinh": 23, "chuc_vu_hien_nay": 29, "chuc_vu_de_xuat": 29,
           "hinh_thuc": 17, "thoi_han": 22, "y_kien_don_vi_di": 20, "y_kien_don_vi_den": 20,
           "y_kien_can_bo": 20, "canh_bao": 35}


def meeting_proposals(*, actor, batch: ProposalList | None = None) -> QuerySet[Proposal]:
    """The proposals of `batch` within the actor's reach, or, without one, those reported for decision."""
    require(actor, Action.VIEW_ROTATION)
    proposals = visible_proposals(actor).prefetch_related("opinions")
    proposals = proposals.filter(batch=batch) if batch else proposals.filter(state=ProposalState.TRINH_BTV)
    return proposals.order_by("cadre__sort_key", "cadre__code", "pk")


def _opinion(proposal: Proposal, party: str) -> str:
    """The latest opinion of `party` on the proposal: the verdict and what it says."""
    given = [o for o in proposal.opinions.all() if o.party == party]
    if not given:
        return ""
    latest = max(given, key=lambda o: (o.at, o.pk))
    return f"{latest.get_verdict_display()}: {latest.text}" if latest.text else latest.get_verdict_display()


def _term(proposal: Proposal) -> str:
    if proposal.end is None:
        return _("từ %(start)s") % {"start": show_date(proposal.start)}
    return f"{show_date(proposal.start)} – {show_date(proposal.end)}"


def meeting_report(*, actor, batch: ProposalList | None = None) -> Report:
    record, page = url_maker("people:cadre_detail"), url_maker("rotation:proposal_detail")
    rows = []
    for number, p in enumerate(meeting_proposals(actor=actor, batch=batch), start=1):
        rows.append({
            "stt": number,
            "ho_ten": Link(p.cadre.full_name, record(p.cadre.code)),
            "ngay_sinh": birth_text(p.cadre.birth_date, p.cadre.birth_precision),
            "chuc_vu_hien_nay": post_left(p),
            "chuc_vu_de_xuat": f"{p.position_type.name} {p.to_unit.name}",
            "hinh_thuc": p.get_kind_display(),
            "thoi_han": _term(p),
            **{key: _opinion(p, party) for key, party in OPINION_COLUMNS.items()},
            "canh_bao": titles(p.check_result.get("canh_bao", [])),
            "de_xuat": Link(str(p.pk), page(str(p.pk))),
        })
    columns = [
        Column("stt", _("TT"), Kind.NUMBER),
        Column("ho_ten", _("Họ và tên"), Kind.CADRE),
        Column("ngay_sinh", _("Ngày sinh")),
        Column("chuc_vu_hien_nay", _("Chức vụ, đơn vị hiện nay")),
        Column("chuc_vu_de_xuat", _("Chức vụ, đơn vị dự kiến")),
        Column("hinh_thuc", _("Hình thức")),
        Column("thoi_han", _("Thời hạn")),
        Column("y_kien_don_vi_di", _("Ý kiến đơn vị đi")),
        Column("y_kien_don_vi_den", _("Ý kiến đơn vị đến")),
        Column("y_kien_can_bo", _("Ý kiến cán bộ")),
        Column("canh_bao", _("Cảnh báo theo quy tắc"), Kind.LIST),
        Column("de_xuat", _("Đề xuất số")),
    ]
    title = _("Danh sách cán bộ đề nghị luân chuyển, điều động trình Ban Thường vụ Tỉnh ủy")
    return Report(
        f"{title}: {batch.name}" if batch else title,
        columns,
        rows,
        _("Không có đề xuất nào trong danh sách này.")
        if batch
        else _("Không có đề xuất nào đang trình quyết định."),
        _("Danh sách gồm các đề xuất của một danh sách dự kiến, hoặc các đề xuất đã trình cấp có thẩm quyền "
          "quyết định (bước 3)."),
    )


def _document(report: Report, batch: ProposalList | None) -> OfficialDocument:
    columns = [c for c in report.columns if c.key in PRINTED]
    province = province_name()
    return OfficialDocument(
        layout=PARTY_LANDSCAPE,
        superior=_("Tỉnh ủy %(province)s") % {"province": province},
        issuer=_("Ban Tổ chức"),
        number=PARTY_LANDSCAPE.number(None, "DS", "BTCTU"),
        place_date=place_and_date(province, None, today().year),
        doc_type=_("Danh sách"),
        summary=_("cán bộ đề nghị luân chuyển, điều động trình Ban Thường vụ Tỉnh ủy"),
        signature=Signature("", _("Trưởng ban"), ""),
        recipients=(_("- Thường trực Tỉnh ủy,"), _("- Các đồng chí Ủy viên Ban Thường vụ Tỉnh ủy,"),
                    _("- Lưu BTCTU.")),
        blocks=(
            Paragraph(_("Ban Tổ chức Tỉnh ủy báo cáo danh sách chính thức %(what)s, kèm ý kiến của lãnh đạo "
                        "đơn vị đi, đơn vị đến và của cán bộ (Kế hoạch, mục II.3, III.2), như sau:")
                      % {"what": f"“{batch.name}”" if batch else _("cán bộ đề nghị luân chuyển, điều động")}),
            Table(tuple(c.label for c in columns),
                  tuple(tuple(cell_text(row.get(c.key)) for c in columns) for row in report.rows),
                  tuple(PRINTED[c.key] for c in columns), numeric=frozenset({0})),
            Note(_("Cảnh báo: các tiêu chuẩn của chức danh dự kiến mà cán bộ chưa đạt và vị trí không còn "
                   "khuyết, theo kết quả kiểm tra tại bước trình gần nhất.")),
        ),
        title=report.title,
    )


@transaction.atomic
def meeting_docx(*, actor, batch: ProposalList | None, file_name: str) -> bytes:
    """The list as DOCX in the Party layout; the download is an export of personal data in the log."""
    with translation.override("vi"):
        report = meeting_report(actor=actor, batch=batch)
        content = official_docx(_document(report, batch))
    data_exported(actor, filename=file_name, title=report.title, rows=len(report.rows))
    return content


@transaction.atomic
def meeting_archive(*, actor, batch: ProposalList | None, as_of: dt.date, stem: str, extension: str = "docx"
                    ) -> bytes:
    """A zip of the list and the personal history form of each of its cadres the actor sees at D, as DOCX
    or PDF (`extension`; the builder and the cap of the cadre list's zip; each form an export in the
    log)."""
    listed = meeting_proposals(actor=actor, batch=batch)
    seen = set(
        visible_cadres(actor, as_of).filter(pk__in=listed.values("cadre_id")).values_list("code", flat=True)
    )
    codes = list(dict.fromkeys(p.cadre.code for p in listed if p.cadre.code in seen))
    forms = personal_history_forms(actor=actor, as_of=as_of, codes=codes, extension=extension)
    docx = meeting_docx(actor=actor, batch=batch, file_name=f"{stem}.{extension}")
    return personal_history_archive(forms, extension, more={f"{stem}.docx": docx})
