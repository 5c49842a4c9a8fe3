"""The progress page of a plan period: per degree programme, the cadres owed at the start, planned,
trained and still owed, for the period and by year, with a chart of the chosen programme by year; per
fostering family, the cadres planned and trained; each figure opens its people; XLSX of the same
figures."""

from urllib.parse import urlencode

from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from canbo.accounts.decorators import requires
from canbo.core.capabilities import Action
from canbo.core.xlsx import xlsx_response
from canbo.rules.selectors import rule_set_in_force
from canbo.rules.verdicts import PROGRAMMES, PROGRAMMES_BY_KEY
from canbo.training import progress
from canbo.training.budget_views import subtree

LABELS = {"no_dau_ky": gettext_lazy("Nợ đầu kỳ"), "ke_hoach": gettext_lazy("Có trong kế hoạch"),
          "da_dao_tao": gettext_lazy("Đã đào tạo"), "con_no": gettext_lazy("Còn nợ cuối kỳ")}
CHARTED = ("no_dau_ky", "da_dao_tao", "con_no")
FOSTERING_LABELS = {"ke_hoach": gettext_lazy("Có trong kế hoạch"), "da_dao_tao": gettext_lazy("Đã bồi dưỡng")}


def _years(request) -> tuple[int, int]:
    """`tu_nam`, `den_nam`; by default the period of the rule set in force at the as-of date."""
    defaults = dict(zip(("tu_nam", "den_nam"), progress.default_years(request.as_of), strict=True))

    def year(name):
        text = request.GET.get(name, "")
        return int(text) if text.isdecimal() and 2000 <= int(text) <= 2100 else defaults[name]
    first, last = year("tu_nam"), year("den_nam")
    first, last = min(first, last), max(first, last)
    return max(first, last - 9), last  # at most ten years


def _chart(years, key: str) -> list[dict]:
    counts = [(y.year, y.counts(key)) for y in years]
    top = max([figures[f] for _year, figures in counts for f in CHARTED] + [1])
    return [{"year": year,
             "bars": [(f, LABELS[f], figures[f], round(100 * figures[f] / top, 1)) for f in CHARTED]}
            for year, figures in counts]


def _xlsx(years, whole, families, first, last):
    rows = [[str(v.title), _("Cả giai đoạn"), *whole.counts(v.key).values()] for v in PROGRAMMES]
    rows += [[str(v.title), y.year, *y.counts(v.key).values()] for v in PROGRAMMES for y in years]
    for family in families:  # no degree owed: the owed columns stay empty
        rows.append([family.name, _("Cả giai đoạn"), None, *[len(v) for v in family.whole().values()], None])
        rows += [[family.name, year, None, *[len(v) for v in figures.values()], None]
                 for year, figures in family.years.items()]
    return xlsx_response(
        filename=f"tien-do-dao-tao-{first}-{last}",
        title=_("Tiến độ đào tạo %(first)s–%(last)s") % {"first": first, "last": last},
        columns=[_("Chương trình"), _("Năm"), *[str(label) for label in LABELS.values()]], rows=rows)


def _fostering_rows(families) -> list[dict]:
    """Per family, the period and the years with anyone planned or trained."""
    return [{"family": family,
             "whole": [(f, len(v)) for f, v in family.whole().items()],
             "years": [(year, [(f, len(v)) for f, v in figures.items()])
                       for year, figures in family.years.items() if any(figures.values())]}
            for family in families]


def _listed(request, years, whole, families, chosen, unit):
    """The people behind the figure the request names (`xem`, `nam`, and `nhom` for a fostering
    family), with the title of their list; None when it names none."""
    figure, year = request.GET.get("xem", ""), request.GET.get("nam", "")
    family_code = request.GET.get("nhom", "")
    family = next((f for f in families if f.code == family_code), None)
    if family is not None and figure in FOSTERING_LABELS:
        source = family.years.get(int(year)) if year.isdecimal() else None
        ids = (source if source is not None else family.whole())[figure]
        return progress.people(ids), f"{family.name} – {FOSTERING_LABELS[figure]}"
    if family_code or figure not in LABELS:
        return None, ""
    source = {str(y.year): y for y in years}.get(year, whole)
    ids = progress.behind(actor=request.user, figures=source, key=chosen, figure=figure, unit=unit)
    return progress.people(ids), f"{PROGRAMMES_BY_KEY[chosen].title} – {LABELS[figure]}"


@requires(Action.VIEW_REVIEW)
def progress_page(request):
    first, last = _years(request)
    unit = subtree(request)
    years = progress.progress(actor=request.user, first_year=first, last_year=last, as_of=request.as_of,
                              unit=unit)
    whole = progress.period(years)
    families = progress.fostering(actor=request.user, first_year=first, last_year=last, unit=unit,
                                  rule_set=rule_set_in_force(request.as_of), as_of=request.as_of)
    if request.GET.get("xuat") == "xlsx":
        return _xlsx(years, whole, families, first, last)
    chosen = request.GET.get("chuong_trinh", "")
    chosen = chosen if chosen in PROGRAMMES_BY_KEY else PROGRAMMES[0].key
    query = urlencode({"tu_nam": first, "den_nam": last, **({"don_vi": unit.code} if unit else {})})
    listed, listed_title = _listed(request, years, whole, families, chosen, unit)
    year = request.GET.get("nam", "")
    return render(request, "training/progress.html", {
        "first": first, "last": last, "unit": unit, "query": query, "labels": LABELS.items(),
        "programmes": [(v, list(whole.counts(v.key).items())) for v in PROGRAMMES],
        "chosen": PROGRAMMES_BY_KEY[chosen],
        "by_year": [(y.year, list(y.counts(chosen).items())) for y in years],
        "chart": _chart(years, chosen), "listed": listed, "listed_title": listed_title, "year": year,
        "fostering": _fostering_rows(families), "fostering_labels": FOSTERING_LABELS.items(),
        "crumbs": [(_("Tiến độ đào tạo theo chương trình"), "")],
    })
