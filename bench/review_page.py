"""Time the review page for each demo role through the test client.

Usage: CANBO_DATA_DIR=/tmp/demo .venv/bin/python bench/review_page.py [runs]
The database must hold the demo province (`canbo demo`); the demo sign-ins are created if missing.
Prints, per role, the best of `runs` warm requests (default 3) and the number of queries.
"""

import os
import platform
import sys
import time

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.urls import reverse  # noqa: E402
from officials import demo_sign_ins  # noqa: E402

from canbo.accounts.models import User  # noqa: E402
from canbo.people.models import Cadre  # noqa: E402

ROLES = tuple(os.environ.get("CANBO_BENCH_ROLES", "btv btc snv hr_ductrong hr_so").split())


def time_page(client: Client, url: str, runs: int) -> tuple[float, int]:
    client.get(url)  # warm caches and the connection
    best = float("inf")
    for _ in range(runs):
        started = time.perf_counter()
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        best = min(best, time.perf_counter() - started)
        assert response.status_code == 200, response.status_code
    return best, len(queries)


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    settings.ALLOWED_HOSTS = ["*"]
    demo_sign_ins(Cadre.objects.count())
    print(f"{platform.node()} · {os.cpu_count()} cores · {connection.vendor} · "
          f"{Cadre.objects.count():,} cadres · {time.strftime('%d/%m/%Y %H:%M UTC', time.gmtime())}")
    url = reverse("reports:review")
    for username in ROLES:
        client = Client()
        client.force_login(User.objects.get(username=username))
        seconds, queries = time_page(client, url, runs)
        print(f"{username:<12} {seconds:6.2f} s  {queries:3d} queries")


if __name__ == "__main__":
    main()
