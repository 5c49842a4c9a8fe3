"""A sortable, paginated table over a queryset, rendered by `includes/table.html`.

Views build `Table(request, queryset, columns, default_sort="code")`; the template include
renders the header with sort links (`?sort=key` / `?sort=-key`), one row per object through a
row template of the page's own, the empty state and the pagination.
"""

from dataclasses import dataclass

from django.core.paginator import Paginator

from canbo.core.report import requested_page

PER_PAGE = 50


@dataclass(frozen=True)
class Column:
    key: str
    label: str
    # ORM orderings this column sorts by; empty = the column does not sort.
    order_by: tuple[str, ...] = ()
    numeric: bool = False

    @property
    def sortable(self) -> bool:
        return bool(self.order_by)


class Table:
    def __init__(
        self, request, queryset, columns, *, default_sort: str, per_page: int = PER_PAGE, relevance=()
    ):
        """`relevance`: an ordering that replaces `default_sort` while the request names no sort
        (the best search hits first)."""
        self.columns = list(columns)
        by_key = {column.key: column for column in self.columns if column.sortable}
        requested = request.GET.get("sort", default_sort)
        key = requested.lstrip("-")
        if key not in by_key:
            requested, key = default_sort, default_sort.lstrip("-")
        self.sort_key = key
        self.descending = requested.startswith("-")
        sign = "-" if self.descending else ""
        ordering = [f"{sign}{field}" for field in by_key[key].order_by] + [f"{sign}pk"]
        if relevance and "sort" not in request.GET:
            self.sort_key, ordering = None, [*relevance, "pk"]
        self.paginator = Paginator(queryset.order_by(*ordering), per_page)
        self.page = self.paginator.get_page(requested_page(request, "page"))

    @property
    def headers(self) -> list[dict]:
        headers = []
        for column in self.columns:
            current = column.key == self.sort_key
            state = ("descending" if self.descending else "ascending") if current else None
            next_sort = f"-{column.key}" if current and not self.descending else column.key
            headers.append({"column": column, "state": state, "next_sort": next_sort})
        return headers

    @property
    def rows(self):
        return self.page.object_list
