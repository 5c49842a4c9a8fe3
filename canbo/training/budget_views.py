"""The budget page: for a span of years and a unit's subtree, the estimate of the approved plans against
the courses' actual cost by unit, programme, year and funding source; each figure opens the plan lines or
course shares behind it; the four tables export to one XLSX sheet (money as numbers)."""

from urllib.parse import urlencode

from django.shortcuts import render
from django.utils.translation import gettext as _

from canbo.accounts.decorators import requires
from canbo.core.capabilities import Action
from canbo.core.xlsx import xlsx_response
from canbo.org.selectors import unit_get
from canbo.training import budget


def year_span(request) -> tuple[int, int]:
    """The years asked for (`tu_nam`, `den_nam`), each the as-of date's year when absent or not a year
    canbo reads; swapped when given the wrong way round."""
    def year(name):
        text = request.GET.get(name, "")
        return int(text) if text.isdecimal() and 2000 <= int(text) <= 2100 else request.as_of.year
    first, last = year("tu_nam"), year("den_nam")
    return min(first, last), max(first, last)


def subtree(request):
    code = request.GET.get("don_vi") or ""
    return unit_get(actor=request.user, code=code) if code else None


def span_query(first: int, last: int, unit) -> str:
    """The query of the page's filters, for the links to the figures and the export."""
    return urlencode({"tu_nam": first, "den_nam": last, **({"don_vi": unit.code} if unit else {})})


def _xlsx(tables, first, last, unit):
    rows = [[str(budget.BY[by]), row["label"], row["du_toan"], row["thuc_chi"], row["chenh_lech"]]
            for by, _label, found, _total in tables for row in found]
    title = _("Kinh phí đào tạo, bồi dưỡng %(first)s–%(last)s") % {"first": first, "last": last}
    if unit is not None:
        title += f" – {unit.name}"
    return xlsx_response(filename=f"kinh-phi-{first}-{last}", title=title, rows=rows, columns=[
        _("Theo"), _("Mục"), _("Dự toán (đồng)"), _("Thực chi (đồng)"), _("Chênh lệch (đồng)")])


@requires(Action.VIEW_PLANS)
def budget_page(request):
    first, last = year_span(request)
    unit = subtree(request)
    estimated = budget.estimates(actor=request.user, first_year=first, last_year=last, unit=unit)
    spent = budget.actuals(actor=request.user, first_year=first, last_year=last, unit=unit)
    total = {"du_toan": budget.totals(estimated), "thuc_chi": budget.totals(spent)}
    total["chenh_lech"] = total["thuc_chi"] - total["du_toan"]
    tables = [(by, label, budget.table(estimated=estimated, spent=spent, by=by), total)
              for by, label in budget.BY.items()]
    if request.GET.get("xuat") == "xlsx":
        return _xlsx(tables, first, last, unit)
    shown, by, key = request.GET.get("xem", ""), request.GET.get("theo", ""), request.GET.get("ma", "")
    items = {"du_toan": estimated, "thuc_chi": spent}.get(shown)
    listed = None
    if items is not None and by in budget.BY:
        listed = budget.behind(items, by, key)
    return render(request, "training/budget.html", {
        "first": first, "last": last, "unit": unit, "tables": tables, "shown": shown, "listed": listed,
        "listed_total": budget.totals(listed or []), "unpriced": budget.unpriced(estimated, spent),
        "query": span_query(first, last, unit),
        "crumbs": [(_("Kinh phí đào tạo, bồi dưỡng"), "")],
    })
