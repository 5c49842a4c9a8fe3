"""Projecting one or two scenarios as a job, and the comparison the page and the workbook show.

Each scenario is projected by `canbo.optimize.projection.projection` (the facts and rules of the
review, year by year). The plan's target for each of the six figures of SPEC §8 is to settle the
gap its review found (plan III.1.1: "Qua rà soát, hiện nay còn 175 đ/c nợ bằng…" are the cadres
to train) by the end of the plan's period: from the figure on 31 December before the first year, a
straight path down to 0 on 31 December of the last year of the rule set in force on 1 January of
the first year (of the projection's last year when that set has no end). Years after it aim at 0.
"""

import datetime as dt

from django.utils.translation import gettext as _

from canbo.core.errors import DomainError
from canbo.core.report import Column, Kind, Report
from canbo.optimize.projection import PROGRAMME_KEYS, ProjectionError, projection
from canbo.optimize.scenarios import budget, scenario_get
from canbo.reports.selectors import review
from canbo.rules.selectors import rule_set_in_force
from canbo.rules.verdicts import PROGRAMMES_BY_KEY, REVIEW

KIND = "du_bao"
FIGURES = [verdict.key for verdict in REVIEW]
REVIEW_TITLES = {verdict.key: verdict.title for verdict in REVIEW}


def _figures(counts: dict) -> dict[str, int]:
    return {key: (counts[key]["tong"] if isinstance(counts[key], dict) else counts[key]) for key in FIGURES}


def targets(base: dict[str, int], first: int, last: int) -> dict[str, dict[str, int]]:
    """Year -> figure -> the plan's target for 31 December of that year."""
    valid_to = rule_set_in_force(dt.date(first, 1, 1)).valid_to
    end = valid_to.year if valid_to else last
    span = max(end - (first - 1), 1)
    return {
        str(year): {key: round(base[key] * max(end - year, 0) / span) for key in FIGURES}
        for year in range(first, last + 1)
    }


def projection_run(progress, *, actor, kich_ban: list[int]) -> dict:
    """The job's work: the figures before the first year, the targets, each scenario projected."""
    scenarios = [scenario_get(actor=actor, pk=pk) for pk in kich_ban]
    first, last = min(s.first_year for s in scenarios), max(s.last_year for s in scenarios)
    steps = len(scenarios) + 1
    progress(0, steps, _("Đang rà soát số liệu đầu kỳ (31/12/%(y)s)") % {"y": first - 1})
    base = _figures(review(actor=actor, as_of=dt.date(first - 1, 12, 31)))
    projected = []
    for done, scenario in enumerate(scenarios, start=1):
        progress(done, steps, _("Đang dự báo kịch bản “%(name)s”") % {"name": scenario.name})
        try:
            years = projection(
                actor=actor, first=scenario.first_year, last=scenario.last_year, seats=scenario.seats_by_key()
            )["nam"]
        except ProjectionError as exc:
            raise DomainError(str(exc)) from exc
        costs = {row["year"]: row for row in budget(scenario)}
        projected.append(
            {
                "pk": scenario.pk,
                "ten": scenario.name,
                "nam": {
                    str(item["nam"]): {
                        "hoc_vien": item["hoc_vien"],
                        "chi_so": _figures(item["ra_soat"]),
                        "kinh_phi": costs[item["nam"]]["total"],
                        "cho_chua_co_don_gia": costs[item["nam"]]["unpriced"],
                    }
                    for item in years
                },
            }
        )
    progress(steps, steps, _("Xong"))
    return {
        "dau_ky": {"nam": first - 1, "chi_so": base},
        "muc_tieu": targets(base, first, last),
        "kich_ban": projected,
    }


def comparison_rows(result: dict) -> list[dict]:
    """One row per year and line (each figure with its target, the trainees of each programme, the
    budget), a value per scenario (None where a scenario does not cover the year)."""
    rows = []
    for year, goals in result["muc_tieu"].items():
        for key in FIGURES:
            rows.append(
                _row(result, year, str(REVIEW_TITLES[key]), goals[key], lambda y, key=key: y["chi_so"][key])
            )
        for key in PROGRAMME_KEYS:
            label = _("Học viên: %(p)s") % {"p": PROGRAMMES_BY_KEY[key].title}
            rows.append(_row(result, year, label, None, lambda y, key=key: y["hoc_vien"][key]))
        rows.append(_row(result, year, _("Kinh phí (đồng)"), None, lambda y: y["kinh_phi"]))
        label = _("Số chỗ chưa có kinh phí trong danh mục (không tính vào kinh phí)")
        rows.append(_row(result, year, label, None, lambda y: y["cho_chua_co_don_gia"]))
    return rows


def _row(result: dict, year: str, label: str, goal, value_of) -> dict:
    row = {"nam": int(year), "chi_so": label, "muc_tieu": goal}
    for number, scenario in enumerate(result["kich_ban"], start=1):
        found = scenario["nam"].get(year)
        row[f"kb_{number}"] = value_of(found) if found else None
    return row


def comparison_report(result: dict) -> Report:
    columns = [
        Column("nam", _("Năm"), Kind.SERIAL, sortable=False),
        Column("chi_so", _("Chỉ số"), sortable=False),
        Column("muc_tieu", _("Mục tiêu của kế hoạch"), Kind.NUMBER, sortable=False),
    ]
    columns += [
        Column(f"kb_{n}", scenario["ten"], Kind.NUMBER, sortable=False)
        for n, scenario in enumerate(result["kich_ban"], start=1)
    ]
    names = " – ".join(scenario["ten"] for scenario in result["kich_ban"])
    return Report(
        _("Dự báo: %(names)s") % {"names": names}, columns, comparison_rows(result), _("Không có số liệu.")
    )


def chart(result: dict) -> list[dict]:
    """Per figure, per year, each scenario's bar (width in % of the figure's largest value) and where
    the target falls."""
    figures = []
    for key in FIGURES:
        values = [result["dau_ky"]["chi_so"][key]]
        values += [y["chi_so"][key] for s in result["kich_ban"] for y in s["nam"].values()]
        top = max(values + [1])
        years = []
        for year, goals in result["muc_tieu"].items():
            bars = []
            for number, scenario in enumerate(result["kich_ban"], start=1):
                found = scenario["nam"].get(year)
                if found:
                    value = found["chi_so"][key]
                    bars.append(
                        {"kb": number, "ten": scenario["ten"], "value": value, "width": 100 * value / top}
                    )
            years.append({"nam": year, "bars": bars, "goal": goals[key], "goal_at": 100 * goals[key] / top})
        figures.append(
            {"key": key, "label": REVIEW_TITLES[key], "base": result["dau_ky"]["chi_so"][key], "years": years}
        )
    return figures
