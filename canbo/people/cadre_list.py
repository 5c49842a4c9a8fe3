"""The cadre list as a report: the cadres in the actor's scope at D that match the filters.

Sorted and paged by the database (the province holds up to 200,000 people): the page builds only
its 50 rows, the export every row, both from plain values in two queries (the cadres, then the
positions they hold at D), never a model object per row.
"""

import datetime as dt
from collections import defaultdict

from django.utils.translation import gettext as _

from canbo.core.data_cache import remembered_over
from canbo.core.dates import birth_text
from canbo.core.report import Column, DatabaseOrder, Kind, Link, Ordering, Report, database_rows, url_maker
from canbo.people.active import held_positions
from canbo.people.models import Category, Gender
from canbo.people.search import RELEVANCE
from canbo.people.selectors import CadreFilters, cadre_search
from canbo.people.working_lists import narrowed

ORDER = DatabaseOrder(
    fields={"ma": ("code",), "ho_ten": ("sort_key",), "ngay_sinh": ("birth_date",),
            "gioi_tinh": ("gender",), "dan_toc": ("ethnicity",), "loai": ("category",),
            "nghi_huu": ("retirement_date",)},
    default=("code",),
)
VALUES = ("pk", "code", "full_name", "birth_date", "birth_precision", "gender", "ethnicity", "category",
          "retirement_date")


def cadre_columns() -> list[Column]:
    columns = [
        Column("ma", _("Mã")),
        Column("ho_ten", _("Họ và tên"), Kind.CADRE),
        Column("ngay_sinh", _("Ngày sinh")),
        Column("gioi_tinh", _("Giới tính")),
        Column("dan_toc", _("Dân tộc")),
        Column("chuc_vu", _("Chức danh, đơn vị tại ngày xem"), Kind.LIST),
        Column("loai", _("Loại")),
        Column("nghi_huu", _("Ngày nghỉ hưu"), Kind.DATE),
    ]
    return [Column(c.key, c.label, c.kind, ORDER.sortable(c.key)) for c in columns]


def cadre_list_report(
    *, actor, as_of: dt.date, filters: CadreFilters, ordering: Ordering, page: int | None
) -> Report:
    """The page `page` of the list in the order asked (best search hits first while a search names
    no order), or with `page=None` every row, for the export."""
    cadres = cadre_search(actor=actor, as_of=as_of, filters=filters).prefetch_related(None)
    by_relevance = filters.q and not ORDER.sortable(ordering.key or "")
    cadres = cadres.order_by(*RELEVANCE, "pk") if by_relevance else cadres.order_by(*ORDER.order_by(ordering))
    report = Report(
        title=_("Danh sách cán bộ tại ngày %(day)s") % {"day": as_of.strftime("%d/%m/%Y")},
        columns=cadre_columns(),
        rows=[],
        empty_message=_("Không tìm thấy cán bộ nào khớp điều kiện."),
        empty_hint=_("Thử bỏ bớt điều kiện lọc, tìm theo tên không dấu, hoặc đổi ngày xem dữ liệu."),
        ordering=ordering if ORDER.sortable(ordering.key or "") else Ordering(),
    )
    count = None if filters.any() else _scope_count  # a filtered list is counted at each page
    return database_rows(report, cadres.values_list(*VALUES), page, lambda rows: _rows(rows, as_of), count)


def _scope_count(cadres) -> int:
    """How many cadres the actor's whole scope holds at D, kept until the data changes (the key is
    the count's SQL: the scope and the date are part of it, `canbo.core.data_cache`)."""
    counted = cadres.order_by()
    return remembered_over([counted], ("cadre list count",), counted.count)


def _rows(values: list[tuple], as_of: dt.date) -> list[dict]:
    posts = _posts_held(as_of, [row[0] for row in values])
    genders, categories = dict(Gender.choices), dict(Category.choices)
    record = url_maker("people:cadre_detail")
    retired = _("Đã nghỉ hưu")
    return [
        {"ma": code, "ho_ten": Link(name, record(code)), "ngay_sinh": birth_text(born, precision),
         "gioi_tinh": str(genders.get(gender, gender)), "dan_toc": ethnicity,
         "chuc_vu": posts.get(pk) or ([retired] if retirement < as_of else []),
         "loai": str(categories.get(category, category)), "nghi_huu": retirement}
        for pk, code, name, born, precision, gender, ethnicity, category, retirement in values
    ]


def _posts_held(as_of: dt.date, cadre_ids: list[int]) -> dict[int, list[str]]:
    """Per cadre id: "post – unit" of each position held at D, key posts first."""
    posts = defaultdict(list)
    held = (
        narrowed(held_positions(as_of), "cadre_id", cadre_ids)
        .order_by("-position_type__key_position", "valid_from", "id")
        .values_list("cadre_id", "position_type__name", "unit__name")
    )
    wanted = set(cadre_ids)
    for cadre_id, post, unit in held.iterator(chunk_size=5000):
        if cadre_id in wanted:
            posts[cadre_id].append(f"{post} – {unit}")
    return posts
