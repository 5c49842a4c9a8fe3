"""Load and soak of the web pages: gunicorn on the loopback, signed-in officials driven by locust.

    DATABASE_URL=postgres://… .venv/bin/python bench/load.py [--size 50000] [--users 16] [--duration 600]
    .venv/bin/python bench/load.py --short      # 2,000 cadres on SQLite, 4 users, 20 s (the test suite)

The province is `canbo demo --size N` (timed) in the database of DATABASE_URL, or in
bench/out/load-N.sqlite3 without it; a database that already holds N cadres is reused. gunicorn
serves it on a free port of 127.0.0.1 (sync workers, CANBO_2FA_REQUIRED=0 so that the demo
sign-ins need only their password); locust, as a library, runs USERS officials — btc, snv, btv and
hr_ductrong in turn — each signed in once and then, after a pause of `--wait` seconds between
tasks: signing in again (a new session: the form, the POST with its CSRF token, then the home
page), the cadre list with filters, a cadre record from the list, the review page and an XLSX
export of a list.
The RSS of gunicorn's workers and the load average are sampled every 10 s, the CPU time of the
workers, of a local PostgreSQL and of locust counted. Prints p50/p95/p99 per task, errors and
requests per second, the memory, the CPU and the load average; records them in bench/RESULTS.md
under "## Load and soak" (not with --short or --no-record). Exits 1 on any error.
"""

from gevent import monkey

monkey.patch_all()  # before anything opens a socket; locust would do it on import anyway

import argparse  # noqa: E402
import datetime as dt  # noqa: E402
import html  # noqa: E402
import os  # noqa: E402
import random  # noqa: E402
import re  # noqa: E402
import shutil  # noqa: E402
import socket  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402
from urllib.parse import urlsplit  # noqa: E402

import gevent  # noqa: E402
import psutil  # noqa: E402
from locust import HttpUser, between, task  # noqa: E402
from locust.env import Environment  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
BIN = Path(sys.executable).parent
sys.path.insert(0, str(ROOT / "bench"))

from officials import FILTERS, LOGINS, PASSWORD, picker_units  # noqa: E402
from results import record_section  # noqa: E402
from review import machine  # noqa: E402

CODE_LINK = re.compile(r'href="/can-bo/([^/"?]+)/"')
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
WAITING = re.compile(r'id="home-cards" data-src="([^"]+)"')
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
TASKS = ("sign-in form", "sign-in", "home page", "cadre list", "cadre record", "review page", "XLSX export")
SAMPLE_EVERY = 10.0
WARM_UP = 60.0  # seconds before the memory slope is counted: workers import modules at their first requests


class Official(HttpUser):
    """A signed-in official working through the pages of their scope."""

    wait_time = between(0.5, 1.5)
    logins = iter(())

    def on_start(self):
        self.username = next(self.logins)
        self.codes: list[str] = []
        self.units: list[str] = []
        self.sign_in()

    def _check(self, response, ok: bool, why: str) -> None:
        if ok:
            response.success()
        else:
            response.failure(f"{response.status_code} {why}")

    @task(1)
    def sign_in(self):
        self.client.cookies.clear()
        with self.client.get("/tai-khoan/dang-nhap/", name="sign-in form", catch_response=True) as form:
            token = CSRF.search(form.text)
            self._check(form, form.status_code == 200 and token is not None, "no sign-in form")
        if token is None:
            return
        data = {"username": self.username, "password": PASSWORD, "csrfmiddlewaretoken": token.group(1)}
        with self.client.post("/tai-khoan/dang-nhap/", data=data, name="sign-in", catch_response=True,
                              allow_redirects=False,
                              headers={"Referer": self.host + "/tai-khoan/dang-nhap/"}) as signed:
            home_url = signed.headers.get("Location", "").rstrip("/") in ("", self.host)
            self._check(signed, signed.status_code == 302 and home_url, "not signed in")
        with self.client.get("/", name="home page", catch_response=True) as home:
            waiting = WAITING.search(home.text)  # its figures still to count: the page's script asks
            self._check(home, home.status_code == 200 and ("data-count" in home.text or waiting is not None),
                        "no home figures")
        if waiting is not None:
            source = html.unescape(waiting.group(1))
            named = "home page's figures, counted apart"
            with self.client.get(source, name=named, catch_response=True) as apart:
                self._check(apart, apart.status_code == 200 and "data-count" in apart.text, "no home figures")

    @task(6)
    def cadre_list(self):
        query = dict(random.choice(FILTERS))
        if self.units and random.random() < 0.3:
            query["don_vi"] = random.choice(self.units)
        with self.client.get("/can-bo/", params=query, name="cadre list", catch_response=True) as page:
            self._check(page, page.status_code == 200 and "data-total=" in page.text, "no list")
            self.codes = CODE_LINK.findall(page.text) or self.codes
            self.units = self.units or picker_units(page.text)

    @task(6)
    def cadre_record(self):
        if not self.codes:
            return self.cadre_list()
        code = random.choice(self.codes)
        with self.client.get(f"/can-bo/{code}/", name="cadre record", catch_response=True) as page:
            self._check(page, page.status_code == 200 and code in page.text, "no record")

    @task(2)
    def review(self):
        with self.client.get("/ra-soat/", name="review page", catch_response=True) as page:
            self._check(page, page.status_code == 200 and "data-count" in page.text, "no figures")

    @task(1)
    def export(self):
        query = {"xuat": "xlsx", **random.choice(FILTERS[:7])}
        if self.units:
            query["don_vi"] = random.choice(self.units)
        with self.client.get("/can-bo/", params=query, name="XLSX export", catch_response=True) as file:
            ok = file.status_code == 200 and file.headers.get("Content-Type", "").startswith(XLSX)
            self._check(file, ok, "no workbook")


def canbo(env: dict, *args: str) -> str:
    return subprocess.run([str(BIN / "canbo"), *args], env=env, cwd=ROOT, check=True, capture_output=True,
                          text=True).stdout


def province(env: dict, size: int, rebuild: bool) -> float | None:
    """Migrate and load the demo province of `size` cadres unless the database holds it already;
    returns the seconds `canbo demo` took, or None when the province was reused."""
    canbo(env, "migrate", "-v0")
    count = "from canbo.people.models import Cadre; print(Cadre.objects.count())"
    if not rebuild and int(canbo(env, "shell", "-v0", "-c", count)) == size:
        return None
    started = time.perf_counter()
    canbo(env, "demo", "--size", str(size), "--replace")
    return time.perf_counter() - started


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_gunicorn(env: dict, workers: int, log: Path) -> tuple[subprocess.Popen, str]:
    port = free_port()
    server = subprocess.Popen(
        [str(BIN / "gunicorn"), "config.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", str(workers),
         "--timeout", "120", "--no-control-socket", "--error-logfile", str(log)],
        env=env, cwd=ROOT,
    )
    host = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"gunicorn stopped:\n{log.read_text()}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return server, host
        except OSError:
            time.sleep(0.2)
    server.terminate()
    raise SystemExit("gunicorn did not answer in 60 s")


def workers(server: subprocess.Popen) -> list[psutil.Process]:
    return psutil.Process(server.pid).children()


def worker_rss(server: subprocess.Popen) -> float:
    """Resident memory of gunicorn's workers together, in MB."""
    total = 0
    for child in workers(server):
        try:
            total += child.memory_info().rss
        except psutil.NoSuchProcess:
            pass
    return total / 2**20


def cpu_seconds(processes) -> float:
    return sum(sum(process.cpu_times()[:2]) for process in processes)


def database_server(database_url: str) -> psutil.Process | None:
    """The local PostgreSQL server listening on the URL's port (`postgres … -p PORT`), if any."""
    port = urlsplit(database_url).port
    for process in psutil.process_iter(["name", "cmdline"]):
        command = process.info["cmdline"] or []
        if process.info["name"] == "postgres" and "-p" in command[:-1]:
            if command[command.index("-p") + 1] == str(port):
                return process
    return None


def database_cpu(server: psutil.Process | None) -> float | None:
    """CPU seconds of the server's processes: the live ones and the connections it has reaped."""
    if server is None:
        return None
    times = server.cpu_times()
    return cpu_seconds([server, *server.children()]) + times.children_user + times.children_system


def run_load(host: str, server: subprocess.Popen, database: psutil.Process | None, users: int, seconds: float,
             wait: tuple) -> dict:
    """Run the officials for `seconds`; the times and errors per task, the (seconds, workers' MB,
    load average) samples, and the CPU seconds the workers, the database and this process spent."""
    run = {"timings": {name: [] for name in TASKS}, "errors": dict.fromkeys(TASKS, 0), "samples": []}

    def on_request(name, response_time, exception, **_kwargs):
        run["timings"].setdefault(name, []).append(response_time)
        if exception is not None:
            run["errors"][name] = run["errors"].get(name, 0) + 1
            print(f"error: {name}: {exception}", file=sys.stderr)

    Official.host = host
    Official.wait_time = between(*wait)
    Official.logins = iter([LOGINS[i % len(LOGINS)] for i in range(users)])
    env = Environment(user_classes=[Official])
    env.events.request.add_listener(on_request)
    runner = env.create_local_runner()
    me = psutil.Process()
    cpu_before = (cpu_seconds(workers(server)), cpu_seconds([me]), database_cpu(database))
    started = time.monotonic()

    def sample():
        while True:
            run["samples"].append((time.monotonic() - started, worker_rss(server), os.getloadavg()[0]))
            gevent.sleep(SAMPLE_EVERY)

    sampler = gevent.spawn(sample)
    runner.start(users, spawn_rate=users)
    gevent.spawn_later(seconds, runner.quit)
    runner.greenlet.join()
    run["elapsed"] = time.monotonic() - started
    run["samples"].append((run["elapsed"], worker_rss(server), os.getloadavg()[0]))
    sampler.kill()
    run["cpu_workers"] = cpu_seconds(workers(server)) - cpu_before[0]
    run["cpu_locust"] = cpu_seconds([me]) - cpu_before[1]
    run["cpu_database"] = None if database is None else database_cpu(database) - cpu_before[2]
    return run


def service_costs(host: str, server: subprocess.Popen, database: psutil.Process | None, rounds: int = 10):
    """What each task costs apart from waiting for the machine: one official (btc) alone runs it
    `rounds` times after once to warm up; mean wall time, gunicorn CPU and PostgreSQL CPU per run."""
    failures = []
    env = Environment(user_classes=[Official])
    env.events.request.add_listener(lambda exception, **_kw: exception and failures.append(exception))
    Official.host = host
    Official.logins = iter(["btc"])
    official = Official(env)
    official.on_start()
    tasks = (("sign-in (form, POST and home page)", official.sign_in), ("cadre list", official.cadre_list),
             ("cadre record", official.cadre_record), ("review page", official.review),
             ("XLSX export", official.export))
    lines = ["| task | wall (ms) | gunicorn CPU (ms) | PostgreSQL CPU (ms) |", "|---|---:|---:|---:|"]
    for name, action in tasks:
        action()
        before = (time.perf_counter(), cpu_seconds(workers(server)), database_cpu(database))
        for _ in range(rounds):
            action()
        wall, cpu = time.perf_counter() - before[0], cpu_seconds(workers(server)) - before[1]
        db = "–" if database is None else f"{1000 * (database_cpu(database) - before[2]) / rounds:.0f}"
        lines.append(f"| {name} | {1000 * wall / rounds:.0f} | {1000 * cpu / rounds:.0f} | {db} |")
    if failures:
        raise SystemExit(f"errors while measuring the tasks alone: {failures[:3]}")
    return lines


def slope_per_minute(samples: list[tuple[float, float]]) -> float:
    """Least-squares slope of (seconds, MB) samples, in MB per minute."""
    n = len(samples)
    mean_t = sum(t for t, _mb in samples) / n
    mean_mb = sum(mb for _t, mb in samples) / n
    spread = sum((t - mean_t) ** 2 for t, _mb in samples)
    return 60 * sum((t - mean_t) * (mb - mean_mb) for t, mb in samples) / spread if spread else 0.0


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))] if ordered else 0.0


def summary(run: dict) -> list[str]:
    timings, errors, samples, elapsed = run["timings"], run["errors"], run["samples"], run["elapsed"]
    total = sum(len(values) for values in timings.values())
    lines = ["| task | requests | errors | p50 (ms) | p95 (ms) | p99 (ms) | max (ms) |",
             "|---|---:|---:|---:|---:|---:|---:|"]
    for name, values in timings.items():
        times = " | ".join(f"{percentile(values, share):.0f}" for share in (0.5, 0.95, 0.99, 1))
        lines.append(f"| {name} | {len(values):,} | {errors.get(name, 0)} | {times} |")
    warm = [(t, mb) for t, mb, _load in samples if t >= min(WARM_UP, elapsed / 4)]
    rss = [mb for _t, mb in warm]
    load = [load for _t, _mb, load in samples]
    lines += [
        "",
        f"{total:,} requests in {elapsed:.0f} s: {total / elapsed:.1f} requests/s, "
        f"{sum(errors.values())} errors. Load average (1 min) during the run, sampled every "
        f"{SAMPLE_EVERY:.0f} s: mean {sum(load) / len(load):.1f}, from {load[0]:.1f} to {load[-1]:.1f}, "
        f"max {max(load):.1f}. CPU spent: gunicorn's workers {run['cpu_workers']:.0f} s "
        f"({1000 * run['cpu_workers'] / max(total, 1):.0f} ms a request), {database_share(run, total)}"
        f"locust {run['cpu_locust']:.0f} s. gunicorn workers' RSS together: "
        f"{samples[0][1]:.0f} MB before the first request; from {warm[0][0]:.0f} s on, start "
        f"{rss[0]:.0f} MB, end {rss[-1]:.0f} MB, max {max(rss):.0f} MB, "
        f"slope {slope_per_minute(warm):+.2f} MB/min.",
    ]
    return lines


def database_share(run: dict, total: int) -> str:
    if run["cpu_database"] is None:
        return "the database not measured (not a local PostgreSQL), "
    seconds = run["cpu_database"]
    return f"PostgreSQL {seconds:.0f} s ({1000 * seconds / max(total, 1):.0f} ms a request), "


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=50_000)
    parser.add_argument("--users", type=int, default=16)
    parser.add_argument("--duration", type=float, default=600, help="seconds of load")
    parser.add_argument("--workers", type=int, default=4, help="gunicorn sync workers")
    parser.add_argument("--wait", type=float, nargs=2, default=(0.5, 1.5), help="pause between tasks (s)")
    parser.add_argument("--short", action="store_true", help="2,000 cadres on SQLite, 4 users, 20 s")
    parser.add_argument("--rebuild", action="store_true", help="load the province again even if it is there")
    parser.add_argument("--no-record", action="store_true")
    args = parser.parse_args()
    scratch = Path(tempfile.mkdtemp(prefix="canbo-load-"))
    try:
        measure(args, scratch)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)  # the SQLite file of --short, gunicorn's log


def measure(args, scratch: Path) -> None:
    env = {**os.environ, "CANBO_DEBUG": "0", "CANBO_2FA_REQUIRED": "0", "CANBO_ALLOWED_HOSTS": "127.0.0.1",
           "CANBO_SECRET_KEY": "canbo-load-bench-key-0123456789-abcdefghijklmnopqrstuvwxyz"}
    if args.short:
        args.size, args.users, args.duration, args.workers, args.no_record = 2000, 4, 20, 2, True
        env["CANBO_DATA_DIR"] = str(scratch)
        env["DATABASE_URL"] = f"sqlite:///{scratch / 'canbo.sqlite3'}"
    else:
        OUT.mkdir(exist_ok=True)
        env.setdefault("DATABASE_URL", f"sqlite:///{OUT / f'load-{args.size}.sqlite3'}")
    built = province(env, args.size, args.rebuild)
    if built is not None:
        print(f"# canbo demo --size {args.size}: {built:.0f} s", file=sys.stderr)
    server, host = start_gunicorn(env, args.workers, scratch / "gunicorn.log")
    try:
        database = database_server(env["DATABASE_URL"])
        costs = [] if args.short else service_costs(host, server, database)
        run = run_load(host, server, database, args.users, args.duration, args.wait)
    finally:
        server.terminate()
        server.wait(30)
    lines = summary(run)
    if costs:
        alone = "Each task alone (one official, btc, ten runs after a first; the table above is under load):"
        lines += ["", alone, "", *costs]
    print("\n".join(lines))
    if not args.no_record:
        record_section("Load and soak", heading(args, env["DATABASE_URL"], built) + lines + [""])
    if sum(run["errors"].values()):
        print((scratch / "gunicorn.log").read_text()[-5000:], file=sys.stderr)
        raise SystemExit(1)


def heading(args, database_url: str, built: float | None) -> list[str]:
    database = "PostgreSQL" if database_url.startswith("postgres") else "SQLite"
    demo = "reused" if built is None else f"built by `canbo demo --size {args.size}` in {built:.0f} s"
    return [
        f"### {database}, {args.size:,} cadres, {args.users} users, {args.duration / 60:.0f} min",
        "",
        f"`bench/load.py --size {args.size} --users {args.users} --duration {args.duration:.0f}`, "
        f"{dt.datetime.now(dt.UTC):%d/%m/%Y %H:%M} UTC. Machine: {machine()}, shared with other work. "
        f"gunicorn {args.workers} sync workers and locust on the same machine (loopback); each user "
        f"pauses {args.wait[0]:g}–{args.wait[1]:g} s between tasks (weights: sign-in 1, list 6, record 6, "
        f"review 2, export 1); \"sign-in\" is the POST (the password's hash), \"home page\" the page it "
        f"leads to. Province {demo}.",
        "",
    ]


if __name__ == "__main__":
    main()
