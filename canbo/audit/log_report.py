"""The change log as a report: the events the filters select, newest first, in the reader's language.

Sorted and paged by the database (the log only grows): a page renders its 50 events, the export
every event the filters select.
"""

from django.utils import timezone
from django.utils.translation import gettext as _

from canbo.audit import render
from canbo.audit.actions import AuditAction
from canbo.audit.selectors import AuditFilters, audit_events
from canbo.core.report import Column, DatabaseOrder, Kind, Link, Ordering, Report, database_rows, url_maker

ORDER = DatabaseOrder(
    fields={"so": ("seq",), "thoi_diem": ("at",), "nguoi": ("actor__username",), "thao_tac": ("action",),
            "can_bo": ("cadre_code",)},
    default=("-seq",),
)


def log_columns() -> list[Column]:
    columns = [
        Column("so", _("Số"), Kind.SERIAL),
        Column("thoi_diem", _("Thời điểm")),
        Column("nguoi", _("Người thực hiện")),
        Column("thao_tac", _("Thao tác")),
        Column("noi_dung", _("Nội dung")),
        Column("can_bo", _("Cán bộ")),
        Column("thay_doi", _("Giá trị trước → sau"), Kind.LIST),
        Column("ip", _("Địa chỉ IP")),
    ]
    return [Column(c.key, c.label, c.kind, ORDER.sortable(c.key)) for c in columns]


def audit_log_report(*, actor, filters: AuditFilters, ordering: Ordering, page: int | None) -> Report:
    """The page `page` of the events the filters select (every one with `page=None`, for the export)."""
    events = audit_events(actor=actor, filters=filters).order_by(*ORDER.order_by(ordering))
    report = Report(
        title=_("Nhật ký thay đổi"),
        columns=log_columns(),
        rows=[],
        empty_message=_("Chưa có sự kiện nào khớp điều kiện."),
        empty_hint=_("Thử bỏ bớt điều kiện lọc hoặc mở rộng khoảng ngày."),
        ordering=ordering if ORDER.sortable(ordering.key or "") else Ordering(),
    )
    return database_rows(report, events, page, _rows)


def _rows(events) -> list[dict]:
    record = url_maker("people:cadre_detail")
    events = list(events)
    with render.codes_named(events):
        return [
            {"so": event.seq,
             "thoi_diem": timezone.localtime(event.at).strftime("%d/%m/%Y %H:%M:%S"),
             "nguoi": event.actor.get_full_name() or event.actor.username,
             "thao_tac": event.get_action_display(),
             "noi_dung": render.summary(event),
             "can_bo": _cadre_link(event, record),
             "thay_doi": [_change_text(change, both=event.before is not None and event.after is not None)
                          for change in render.changes(event)],
             "ip": event.ip or ""}
            for event in events
        ]


def _cadre_link(event, record) -> Link | str:
    """The cadre's record; a removal leads to its removed rows, where it may be put back."""
    if not event.cadre_code:
        return ""
    anchor = "#h-removed" if event.action == AuditAction.HISTORY_ROW_DELETE else ""
    return Link(event.cadre_code, record(event.cadre_code) + anchor)


def _change_text(change: render.Change, *, both: bool) -> str:
    if both:
        return f"{change.label}: {change.before} → {change.after}"
    return f"{change.label}: {change.after or change.before}"
