"""The projection pages (SPEC §14): the scenarios, building one (seats per programme per year and what
they cost), and projecting one or two side by side with the plan's targets, as a job, with XLSX."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from canbo.accounts.decorators import requires
from canbo.core.capabilities import Action, can
from canbo.documents.downloads import report_download, wants_download
from canbo.jobs.runner import job_start
from canbo.jobs.selectors import job_shown
from canbo.optimize.forms import ScenarioForm, grid_initial
from canbo.optimize.scenario_run import KIND, chart, comparison_report, comparison_rows, projection_run
from canbo.optimize.scenarios import budget, scenario_create, scenario_get, scenario_update, visible_scenarios
from canbo.rules.verdicts import PROGRAMMES


def _crumbs(*more) -> list:
    return [(_("Dự báo đào tạo, bồi dưỡng"), reverse("optimize:scenarios")), *more]


@requires(Action.VIEW_REVIEW)
def scenarios(request):
    here = reverse("optimize:scenarios")
    if request.method == "POST":
        chosen = [int(pk) for pk in request.POST.getlist("kich_ban") if pk.isdecimal()]
        if not 1 <= len(chosen) <= 2:
            messages.error(request, _("Chọn một hoặc hai kịch bản để dự báo."))
            return redirect(here)
        for pk in chosen:
            scenario_get(actor=request.user, pk=pk)
        job = job_start(actor=request.user, kind=KIND, work=projection_run, params={"kich_ban": chosen})
        return redirect(f"{here}?viec={job.pk}")
    job = job_shown(actor=request.user, kind=KIND, asked=request.GET.get("viec", ""))
    result = job.result if job is not None and job.finished_ok else None
    if result and wants_download(request):
        return report_download(request, comparison_report(result), filename=f"du-bao-{job.pk}")
    return render(
        request,
        "optimize/scenarios.html",
        {
            "scenarios": visible_scenarios(request.user).select_related("created_by"),
            "may_build": can(request.user, Action.BUILD_SCENARIOS),
            "job": job,
            "then": f"{here}?viec={job.pk}" if job else "",
            "result": result,
            "rows": comparison_rows(result) if result else None,
            "chart": chart(result) if result else None,
            "crumbs": _crumbs(),
        },
    )


def _years(request, scenario) -> range:
    first, last = (
        (scenario.first_year, scenario.last_year)
        if scenario
        else (request.as_of.year, request.as_of.year + 2)
    )
    if request.method == "POST":
        try:
            first, last = int(request.POST["tu_nam"]), int(request.POST["den_nam"])
        except (KeyError, ValueError):
            pass
    return range(first, last + 1 if 0 <= last - first <= 9 else first + 1)


def _budget_table(scenario) -> dict:
    years = budget(scenario)
    labels = {verdict.key: verdict.title for verdict in PROGRAMMES}
    rows = [
        (labels[row["key"]], [year["rows"][index] for year in years])
        for index, row in enumerate(years[0]["rows"])
        if any(year["rows"][index]["seats"] for year in years)
    ]
    return {
        "years": [year["year"] for year in years],
        "rows": rows,
        "totals": [(year["total"], year["unpriced"]) for year in years],
    }


def _scenario_form(request, scenario):
    years = _years(request, scenario)
    if scenario is None:
        initial = {"tu_nam": years.start, "den_nam": years.stop - 1}
    else:
        initial = {
            "ten": scenario.name,
            **grid_initial(scenario.first_year, scenario.last_year, scenario.seats),
        }
    if request.method == "POST" and "doi_nam" in request.POST:
        form = ScenarioForm(initial=request.POST.dict(), years=years)
    elif request.method == "POST":
        form = ScenarioForm(request.POST, years=years)
        if form.is_valid():
            data = form.cleaned_data
            fields = {"name": data["ten"], "first_year": data["tu_nam"], "last_year": data["den_nam"]}
            try:
                if scenario is None:
                    scenario = scenario_create(actor=request.user, seats=form.seats(), **fields)
                else:
                    scenario = scenario_update(
                        actor=request.user, scenario=scenario, seats=form.seats(), **fields
                    )
            except ValidationError as exc:
                form.add_error(None, exc.messages)
            else:
                messages.success(request, _("Đã lưu kịch bản “%(name)s”.") % {"name": scenario.name})
                return redirect("optimize:scenario_edit", pk=scenario.pk)
    else:
        form = ScenarioForm(initial=initial, years=years)
    title = _("Kịch bản mới") if scenario is None else scenario.name
    return render(
        request,
        "optimize/scenario_form.html",
        {
            "form": form,
            "scenario": scenario,
            "budget": _budget_table(scenario) if scenario else None,
            "title": title,
            "crumbs": _crumbs((title, "")),
        },
    )


@requires(Action.BUILD_SCENARIOS)
def scenario_new(request):
    return _scenario_form(request, None)


@requires(Action.BUILD_SCENARIOS)
def scenario_edit(request, pk: int):
    return _scenario_form(request, scenario_get(actor=request.user, pk=pk))
