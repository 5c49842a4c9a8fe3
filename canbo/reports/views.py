"""Pages of the review: the six figures, the people behind each, a person's verdicts, the eligible
lists, the rotation pool and the non-local violations. Every page honours `request.as_of` and the
user's scope; every list exports to XLSX (`?xuat=xlsx`)."""

from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from canbo.accounts.decorators import requires
from canbo.audit.services import cadre_viewed
from canbo.core.capabilities import Action
from canbo.core.errors import NotFound
from canbo.core.report import (
    ReportPage,
    arranged,
    requested_ordering,
    requested_page,
)
from canbo.documents.downloads import report_download, wants_download
from canbo.org.selectors import unit_get
from canbo.people.selectors import cadre_get
from canbo.reports import chart, lists, selectors
from canbo.rules import explain
from canbo.rules.verdicts import PROGRAMMES, PROGRAMMES_BY_KEY, REVIEW


def _unit(request):
    code = request.GET.get("don_vi") or ""
    return unit_get(actor=request.user, code=code) if code else None


def _figure_rows(counts: dict, rules: dict) -> list[dict]:
    """One row per figure; a figure whose rule the rule set in force lacks says so (it counts nothing)."""
    rows = []
    for verdict in REVIEW:
        value = counts[verdict.key]
        total = value["tong"] if isinstance(value, dict) else value
        rows.append(
            {
                "key": verdict.key,
                "title": verdict.title,
                "value": total,
                "split": value if isinstance(value, dict) else None,
                "absent": "" if verdict.rule in rules else explain.absent_text(verdict.rule),
            }
        )
    return rows


@requires(Action.VIEW_REVIEW)
def review(request):
    unit = _unit(request)
    counts = selectors.review(actor=request.user, as_of=request.as_of, unit=unit)
    chosen = request.GET.get("chi_so") or REVIEW[0].key
    if chosen not in {v.key for v in REVIEW}:
        chosen = REVIEW[0].key
    split = chart.review_chart(actor=request.user, as_of=request.as_of, key=chosen, unit=unit)
    bars = [{"unit": bar_unit, "value": value} for bar_unit, value in split.bars]
    if split.rest:
        bars.append({"unit": None, "value": split.rest})
    peak = max([c["value"] for c in bars] + [1])
    for item in bars:
        item["percent"] = round(100 * item["value"] / peak)
    return render(
        request,
        "reports/review.html",
        {
            "figures": _figure_rows(counts, explain.citations(request.as_of)),
            "unit": unit,
            "chart": bars,
            "chart_hidden": split.hidden,
            "chosen": chosen,
            "remainder_label": _remainder_label(),
            "chosen_title": next(v.title for v in REVIEW if v.key == chosen),
            "crumbs": [(_("Rà soát nợ bằng"), "")],
        },
    )


def _remainder_label() -> str:
    """The chart's last bar: the people of the figure under none of the units shown."""
    return _("Không thuộc đơn vị nào ở trên")


@requires(Action.VIEW_REVIEW)
def people(request):
    """The people behind one figure, with the reason per person."""
    key = request.GET.get("chi_so", "")
    verdict = selectors.verdict_for_key(key)
    unit = _unit(request)
    outside = None
    if request.GET.get("con_lai") == "1":
        outside = chart.shown_units(actor=request.user, as_of=request.as_of, key=key, unit=unit)
    title = str(verdict.title)
    if key.startswith("thieu_trung_cap_chuyen_mon."):
        title = _("Nợ bằng trung cấp chuyên môn – %(part)s") % {"part": verdict.title}
    if outside is not None:
        title = _("%(title)s – %(rest)s") % {"title": title, "rest": _remainder_label()}
    report = lists.people_report(
        actor=request.user, as_of=request.as_of, key=key, unit=unit, outside=outside,
        title=f"{title} – {request.as_of:%d/%m/%Y}",
        ordering=requested_ordering(request, lists.people_columns()),
        page_number=requested_page(request),
        whole=wants_download(request),
    )
    if wants_download(request):
        return report_download(request, report, filename=f"{key}-{request.as_of:%Y%m%d}")
    return render(
        request,
        "reports/people.html",
        {
            "title": title,
            "table": ReportPage(report),
            "unit": unit,
            "crumbs": [(_("Rà soát nợ bằng"), reverse("reports:review")), (title, "")],
        },
    )


def _shown(request, report):
    """Render or export a report built whole: sorted as asked, cut into pages when rendered."""
    return arranged(report, requested_ordering(request, report.columns), requested_page(request))


@requires(Action.VIEW_REVIEW)
def cadre_verdicts(request, code):
    cadre = cadre_get(actor=request.user, code=code, as_of=request.as_of)
    cadre_viewed(request.user, cadre)
    verdicts = selectors.cadre_verdicts(cadre=cadre, as_of=request.as_of)
    return render(
        request,
        "reports/cadre_verdicts_page.html",
        {
            "cadre": cadre,
            "verdicts": verdicts,
            "crumbs": [(_("Rà soát nợ bằng"), reverse("reports:review")), (cadre.full_name, "")],
        },
    )


@requires(Action.VIEW_TRAINING)
def eligible(request):
    programme = request.GET.get("chuong_trinh") or PROGRAMMES[0].key
    if programme not in PROGRAMMES_BY_KEY:
        raise NotFound(_("Không có chương trình “%(key)s”.") % {"key": programme})
    unit = _unit(request)
    report = _shown(request, lists.eligible_report(
        actor=request.user, as_of=request.as_of, programme=programme, unit=unit))
    if wants_download(request):
        return report_download(request, report, filename=f"du-dieu-kien-{programme}-{request.as_of:%Y%m%d}")
    verdict = PROGRAMMES_BY_KEY[programme]
    return render(
        request,
        "reports/eligible.html",
        {
            "programmes": PROGRAMMES,
            "programme": verdict,
            "rule": explain.citations(request.as_of).get(verdict.rule),
            "table": ReportPage(report),
            "unit": unit,
            "crumbs": [(_("Danh sách đủ điều kiện đào tạo"), "")],
        },
    )


@requires(Action.VIEW_ROTATION)
def rotation_pool(request):
    unit = _unit(request)
    report, pool = lists.rotation_pool_report(actor=request.user, as_of=request.as_of, unit=unit)
    report = _shown(request, report)
    if wants_download(request):
        return report_download(request, report, filename=f"nguon-luan-chuyen-{request.as_of:%Y%m%d}")
    return render(
        request,
        "reports/rotation_pool.html",
        {
            "table": ReportPage(report),
            "eligible_count": len(pool["du_dieu_kien"]),
            "excluded_count": len(pool["loai_tru"]),
            "unit": unit,
            "crumbs": [(_("Nguồn luân chuyển"), "")],
        },
    )


@requires(Action.VIEW_ROTATION)
def non_local(request):
    report = _shown(request, lists.non_local_report(actor=request.user, as_of=request.as_of))
    if wants_download(request):
        return report_download(request, report, filename=f"khong-dia-phuong-{request.as_of:%Y%m%d}")
    return render(
        request,
        "reports/nonlocal.html",
        {"table": ReportPage(report), "crumbs": [(_("Bố trí không là người địa phương"), "")]},
    )
