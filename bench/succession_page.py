"""Benchmark of the succession page ("Nguồn kế cận theo chức danh", `/quy-hoach/`) on the demo
province, for btc and snv.

    .venv/bin/python bench/succession_page.py [--size 20000] [--as-of 2026-11-29] [--no-record]
    DATABASE_URL=postgres://… .venv/bin/python bench/succession_page.py --size 20000

The province is `canbo demo --size SIZE` (into bench/out/succession-SIZE.sqlite3 without DATABASE_URL;
a database that already holds a province is reused). Times the overview of every position type and
the page of the type with the most plannings (its current term: the first page, sorted by readiness,
the fifth page): the first request after the kept figures were forgotten, and again (best of three).
Records them in bench/RESULTS.md under "## Succession page".
"""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT))

import demo_pages  # noqa: E402

USERS = ("btc", "snv")


def pages() -> list[tuple[str, str]]:
    type_code = most_planned_type()
    chosen = f"/quy-hoach/?as_of={{day}}&chuc_danh={type_code}"
    return [
        ("overview of every type", "/quy-hoach/?as_of={day}"),
        (f"{type_code}, page 1", chosen),
        (f"{type_code}, sorted by readiness", chosen + "&sap_xep=dat_chuan"),
        (f"{type_code}, page 5", chosen + "&trang=5"),
    ]


def most_planned_type() -> str:
    from django.db.models import Count

    from canbo.people.models import PlanningEntry

    top = PlanningEntry.objects.values("position_type__code").annotate(n=Count("id")).order_by("-n").first()
    return top["position_type__code"]


def main() -> None:
    demo_pages.run(description=__doc__.splitlines()[0], name="succession", section="Succession page",
                   users=USERS, pages=pages)


if __name__ == "__main__":
    main()
