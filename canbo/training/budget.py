"""The training budget: the estimate of the approved plans' lines against what the courses
actually cost, by unit, programme, year and funding source, within the actor's reach and a unit's subtree.

The estimate of a line is its head count times the programme's cost per participant in its mode, in the
plan's year; it counts the lines of the approved plans (approved or in force, not a version replaced by
an amendment). A course's actual cost, in its starting year and funding source, is shared among its
trainees equally and reaches the unit whose plan line sent each trainee: a unit's share of a course is
the cost times its trainees over all the course's trainees, rounded to the đồng. Cancelled courses and
courses without trainees spend nothing here. Every figure is the sum of the lines or course shares that
`behind` lists for it.
"""

from dataclasses import dataclass

from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from canbo.org.models import Unit
from canbo.training.models import APPROVED_STATES, Course, CourseState, Enrolment, Funding, PlanLine
from canbo.training.plan_selectors import plans_within

# The groupings a figure is read by: the key of each item, then its label.
BY = {"don_vi": _("Đơn vị"), "chuong_trinh": _("Chương trình"), "nam": _("Năm"), "nguon": _("Nguồn kinh phí")}


@dataclass(frozen=True)
class Item:
    """One line's estimate or one unit's share of a course, with what it is grouped by."""

    amount: int
    year: int
    unit: Unit
    programme_code: str
    programme_name: str
    funding: str
    source: object  # the PlanLine, or the Course
    programme_order: tuple = ()  # the catalogue's: family, then programme
    trainees: int = 0  # of a course share: the unit's trainees on the course

    def key(self, by: str) -> str:
        return {"don_vi": self.unit.code, "chuong_trinh": self.programme_code, "nam": str(self.year),
                "nguon": self.funding}[by]

    def label(self, by: str) -> str:
        return {"don_vi": self.unit.name, "chuong_trinh": self.programme_name, "nam": str(self.year),
                "nguon": str(Funding(self.funding).label)}[by]


def estimates(*, actor, first_year: int, last_year: int, unit: Unit | None = None) -> list[Item]:
    lines = (PlanLine.objects.filter(plans_within(actor, unit), plan__state__in=APPROVED_STATES,
                                     plan__year__gte=first_year, plan__year__lte=last_year)
             .select_related("plan__unit", "programme__family").prefetch_related("cadres")
             .order_by("plan__year", "plan__unit__path", "pk"))
    return [Item(line.cost_estimate or 0, line.plan.year, line.plan.unit, line.programme.code,
                 line.programme.name, line.funding, line, _order(line.programme)) for line in lines]


def _order(programme) -> tuple:
    return (programme.family.order, programme.order, programme.name)


def actuals(*, actor, first_year: int, last_year: int, unit: Unit | None = None) -> list[Item]:
    enrolments = Enrolment.objects.exclude(course__state=CourseState.DA_HUY).filter(
        course__start__year__gte=first_year, course__start__year__lte=last_year)
    on_course = dict(enrolments.values("course").annotate(n=Count("pk")).values_list("course", "n"))
    shares = list(enrolments.filter(plans_within(actor, unit, "plan_line__"))
                  .values("course", "plan_line__plan__unit").annotate(n=Count("pk")).order_by())
    units = Unit.objects.in_bulk({s["plan_line__plan__unit"] for s in shares})
    courses = Course.objects.select_related("programme__family").in_bulk({s["course"] for s in shares})
    items = []
    for share in shares:
        course, n, total = courses[share["course"]], share["n"], on_course[share["course"]]
        amount = ((course.actual_cost or 0) * n * 2 + total) // (2 * total)  # rounded half up
        items.append(Item(amount, course.start.year, units[share["plan_line__plan__unit"]],
                          course.programme.code, course.programme.name, course.funding, course,
                          _order(course.programme), n))
    return sorted(items, key=lambda i: (i.year, i.unit.path, i.source.code))


def table(*, estimated: list[Item], spent: list[Item], by: str) -> list[dict]:
    """Rows of the grouping `by`: key, label, estimate, actual and the difference (actual − estimate),
    ordered by unit tree, programme name, year or the order of the sources."""
    rows: dict[str, dict] = {}
    for kind, items in (("du_toan", estimated), ("thuc_chi", spent)):
        for item in items:
            row = rows.setdefault(item.key(by), {"key": item.key(by), "label": item.label(by), "du_toan": 0,
                                                 "thuc_chi": 0, "sort": _sort(item, by)})
            row[kind] += item.amount
    ordered = sorted(rows.values(), key=lambda r: r["sort"])
    for row in ordered:
        row["chenh_lech"] = row["thuc_chi"] - row["du_toan"]
    return ordered


def _sort(item: Item, by: str):
    if by == "don_vi":
        return item.unit.path
    if by == "nguon":
        return Funding.values.index(item.funding)
    if by == "nam":
        return item.year
    return item.programme_order


def behind(items: list[Item], by: str, key: str) -> list[Item]:
    return [item for item in items if item.key(by) == key]


def unpriced(estimated: list[Item], spent: list[Item]) -> dict[str, int]:
    """How many lines have no cost per participant in the catalogue, and how many courses no actual
    cost: each counts 0 đ in the figures."""
    return {"lines": sum(1 for i in estimated if i.source.cost_each is None),
            "courses": len({i.source.pk for i in spent if i.source.actual_cost is None})}


def totals(items: list[Item]) -> int:
    return sum(item.amount for item in items)
