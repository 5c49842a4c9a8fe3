"""Benchmark of `canbo backup` and `canbo restore` on the demo province, SQLite and PostgreSQL.

    .venv/bin/python bench/backup.py [--size 20000] [--views 100000] [--database-url postgres://…]
                                     [--no-record]

Loads the demo workbook of `--size` cadres (`canbo demo`, seed 2017, kept in bench/out/) into a new
SQLite database and adds `--views` chained audit events (records viewed by a user, as months of use
leave them), then times each as a whole `canbo` process: the backup, its restore over the
same data (`--yes`) and into a new database. With `--database-url` (a PostgreSQL server; the
database `canbo_bench_backup` is made again) the SQLite backup is restored into PostgreSQL, backed
up there and restored again; the rows of the two backups must be the same (besides the restore's
own audit event), and `canbo audit verify` must pass after every restore.

Prints the figures and records them in bench/RESULTS.md under "## Backup and restore".
"""

import argparse
import datetime as dt
import json
import os
import shutil
import subprocess
import sys
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
from postgres import fresh_database  # noqa: E402
from results import record_section  # noqa: E402
from review import CANBO, OUT, SEED, machine  # noqa: E402

WORK = OUT / "backup"


def canbo(data_dir: Path, database_url: str | None, *args: str) -> tuple[float, str]:
    """Run one `canbo` command on that data folder and database; its wall time and output."""
    env = {**os.environ, "CANBO_DATA_DIR": str(data_dir)}
    env.pop("DATABASE_URL", None)
    if database_url:
        env["DATABASE_URL"] = database_url
    started = time.perf_counter()
    done = subprocess.run([CANBO, *args], check=True, capture_output=True, text=True, cwd=ROOT, env=env)
    return time.perf_counter() - started, done.stdout


def rows_of(path: Path) -> dict[str, list]:
    """Every table's rows in a backup, parsed (JSON objects compare whatever their key order)."""
    with zipfile.ZipFile(path) as archive:
        contents = json.loads(archive.read("muc_luc.json"))
        return {
            entry["mo_hinh"]: [
                row for line in archive.read(entry["tep"]).splitlines()[1:] for row in json.loads(line)
            ]
            for entry in contents["bang"]
        }


def same_data(first: Path, second: Path) -> bool:
    """The second backup, made after restoring the first, holds its rows and one audit event more."""
    one, two = rows_of(first), rows_of(second)
    events_one, events_two = one.pop("audit.auditevent"), two.pop("audit.auditevent")
    return one == two and events_two[:-1] == events_one and len(events_two) == len(events_one) + 1


def province(data_dir: Path, size: int, views: int) -> float:
    workbook = OUT / f"demo-{size}-seed{SEED}.xlsx"
    started = time.perf_counter()
    canbo(data_dir, None, "migrate", "-v0")
    if workbook.exists():
        canbo(data_dir, None, "import", str(workbook))
    else:
        canbo(data_dir, None, "demo", "--size", str(size), "--seed", str(SEED), "--out", str(workbook))
    env = {**os.environ, "CANBO_DATA_DIR": str(data_dir)}
    env.pop("DATABASE_URL", None)
    subprocess.run([sys.executable, __file__, "--add-views", str(views)], check=True, cwd=ROOT, env=env)
    return time.perf_counter() - started


def add_views(count: int) -> None:
    """`count` views of records by an inspector, chained to the log as `audit_record` chains
    them, written in bulk."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.utils import timezone

    from canbo.accounts.models import User
    from canbo.audit.chain import event_hash, fields_of
    from canbo.audit.models import AuditEvent
    from canbo.people.models import Cadre

    actor, _ = User.objects.get_or_create(username="kiemtra", defaults={"role": "inspector"})
    codes = list(Cadre.objects.values_list("code", flat=True))
    seq, previous = AuditEvent.objects.order_by("-seq").values_list("seq", "hash").first()
    start, events = timezone.now() - dt.timedelta(days=120), []
    for n in range(1, count + 1):
        code = codes[n % len(codes)]
        event = AuditEvent(
            seq=seq + n, at=start + dt.timedelta(seconds=n * 7, microseconds=n % 1000), actor=actor,
            action="cadre_view", object_type="people.Cadre", object_key=code, cadre_code=code,
            ip=f"10.0.{n % 250}.{n % 199 + 1}", prev_hash=previous,
        )
        event.hash = previous = event_hash(fields_of(event), previous)
        events.append(event)
    AuditEvent.objects.bulk_create(events, batch_size=5000)


def verified(data_dir: Path, url: str | None) -> str:
    return canbo(data_dir, url, "audit", "verify")[1].strip()


def measure(size: int, views: int, postgres: str | None) -> list[tuple[str, float, str]]:
    shutil.rmtree(WORK, ignore_errors=True)
    sqlite, fresh, pg_dir = WORK / "sqlite", WORK / "sqlite-new", WORK / "postgresql"
    for folder in (sqlite, fresh, pg_dir):
        folder.mkdir(parents=True)
    print(f"# province of {size:,} loaded in {province(sqlite, size, views):.0f} s", file=sys.stderr)
    first = WORK / "sqlite.zip"
    runs = [("SQLite: backup", canbo(sqlite, None, "backup", str(first))[0], "")]
    runs.append(("SQLite: restore over the same data (--yes)",
                 canbo(sqlite, None, "restore", str(first), "--yes")[0], verified(sqlite, None)))
    canbo(fresh, None, "migrate", "-v0")
    runs.append(("SQLite: restore into a new database", canbo(fresh, None, "restore", str(first))[0],
                 verified(fresh, None)))
    if postgres:
        url = fresh_database(postgres, "canbo_bench_backup")
        canbo(pg_dir, url, "migrate", "-v0")
        runs.append(("PostgreSQL: restore of the SQLite backup into a new database",
                     canbo(pg_dir, url, "restore", str(first))[0], verified(pg_dir, url)))
        second = WORK / "postgresql.zip"
        runs.append(("PostgreSQL: backup", canbo(pg_dir, url, "backup", str(second))[0], ""))
        if not same_data(first, second):
            raise SystemExit("the PostgreSQL backup differs from the SQLite one it was restored from")
        runs.append(("PostgreSQL: restore over the same data (--yes)",
                     canbo(pg_dir, url, "restore", str(second), "--yes")[0], verified(pg_dir, url)))
    return runs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=20_000)
    parser.add_argument("--views", type=int, default=100_000, help="audit events added to the demo's log")
    parser.add_argument("--database-url", help="a PostgreSQL server to measure as well")
    parser.add_argument("--no-record", action="store_true", help="print only; leave bench/RESULTS.md alone")
    parser.add_argument("--add-views", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.add_views is not None:
        add_views(args.add_views)
        return
    load_start = os.getloadavg()[0]
    runs = measure(args.size, args.views, args.database_url)
    made = [WORK / name for name in ("sqlite.zip", "postgresql.zip") if (WORK / name).exists()]
    sizes = {path.name: path.stat().st_size for path in made}
    with zipfile.ZipFile(WORK / "sqlite.zip") as archive:
        contents = json.loads(archive.read("muc_luc.json"))
    rows, tables = sum(entry["so_dong"] for entry in contents["bang"]), len(contents["bang"])
    for name, seconds, check in runs:
        print(f"{name:<62} {seconds:6.1f} s  {check}")
    for name, size in sizes.items():
        print(f"{name}: {size / 1e6:.1f} MB")
    if args.no_record:
        return
    when = f"{dt.datetime.now(dt.UTC):%d/%m/%Y %H:%M} UTC"
    files = ", ".join(f"{name} {size / 1e6:.1f} MB" for name, size in sizes.items())
    same = " The PostgreSQL backup, made from the restored SQLite one, holds the same rows." * (len(made) > 1)
    lines = [
        f"### {args.size:,} cadres and {args.views:,} audit events more ({rows:,} rows, {tables} tables)",
        "",
        f"`bench/backup.py --size {args.size} --views {args.views}`, {when}. Machine: {machine()}. "
        f"Load average (1 min) at the start and end: {load_start:.1f} and {os.getloadavg()[0]:.1f}. Each "
        "figure is one whole `canbo` process (start-up included); every restore was followed by a passing "
        "`canbo audit verify`.",
        "",
        "| operation | seconds |",
        "|---|---:|",
        *(f"| {name} | {seconds:.1f} |" for name, seconds, _check in runs),
        "",
        f"Backup files: {files}.{same}",
    ]
    record_section("Backup and restore", lines)
    print("recorded in bench/RESULTS.md")


if __name__ == "__main__":
    main()
