"""Start-up of a `canbo` command, timed by hyperfine (`apt-get install hyperfine`).

    .venv/bin/python bench/startup.py [--before DIR] [--runs 20] [--no-record]
    DATABASE_URL=postgres://… .venv/bin/python bench/startup.py

Times, each as a whole process (`hyperfine -N`, in rounds of five runs, the commands taking
turns): `python -c pass`, `django.setup()` with canbo's settings, `canbo review --help` (Django and
the command, no query) and `canbo review --as-of 2017-06-30 --json` run again and again on the
database of DATABASE_URL, or on an empty SQLite province in bench/out/ without it (after the first
run its output is kept: it prints it without setting Django up, `canbo.core.kept_output`).
`--before DIR` runs the same commands a second time with the `canbo` and `config` packages of DIR
first on the path (another checkout, e.g. `git archive main canbo config | tar -x -C DIR`),
alternately with the current code.

Prints wall time (median, mean ± standard deviation, and the fastest run) and the user + system
CPU time of the process, and appends them to bench/RESULTS.md under "## Start-up of a `canbo` command".
"""

import argparse
import datetime as dt
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
BIN = Path(sys.executable).parent
sys.path.insert(0, str(ROOT / "bench"))

from review import machine  # noqa: E402 (bench/ on the path first)

ROUND_RUNS = 5
PYTHON, CANBO = str(BIN / "python"), str(BIN / "canbo")
COMMANDS = [
    ("`python -c pass`", [PYTHON, "-c", "pass"]),
    (
        "`django.setup()` with canbo's settings",
        ["env", "DJANGO_SETTINGS_MODULE=config.settings", PYTHON, "-c", "import django; django.setup()"],
    ),
    ("`canbo review --help`", [CANBO, "review", "--help"]),
    (
        "`canbo review --as-of 2017-06-30 --json` (run again on the same data)",
        [CANBO, "review", "--as-of", "2017-06-30", "--json"],
    ),
]


def hyperfine(commands: list[list[str]], runs: int) -> list[dict]:
    """Each command's times (in seconds: `times` per run, `cpu` the user + system mean of each round,
    counted once per run), run without a shell by
    hyperfine in rounds of ROUND_RUNS, the commands taking turns: a shared machine's speed drifts
    over minutes, and each command then meets the same drift."""
    merged = [{"times": [], "cpu": []} for _command in commands]
    for size in [ROUND_RUNS] * (runs // ROUND_RUNS) + [runs % ROUND_RUNS] * bool(runs % ROUND_RUNS):
        for sums, result in zip(merged, _one_round(commands, size), strict=True):
            sums["times"] += result["times"]
            sums["cpu"] += [result["user"] + result["system"]] * size
    return merged


def _one_round(commands: list[list[str]], runs: int) -> list[dict]:
    with tempfile.TemporaryDirectory() as folder:
        exported = Path(folder) / "runs.json"
        subprocess.run(
            ["hyperfine", "-N", "-w1", f"-r{runs}", "--style", "none", "--export-json", str(exported)]
            + [_quoted(command) for command in commands],
            check=True,
            cwd=OUT,  # not the checkout: `python -c` puts its folder first on the path
            stdout=subprocess.DEVNULL,
        )
        return json.loads(exported.read_text())["results"]


def _quoted(command: list[str]) -> str:
    """One hyperfine command line: hyperfine splits it like a shell, so arguments with spaces are quoted."""
    return " ".join(f"'{part}'" if " " in part else part for part in command)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--before", type=Path, help="a folder with the canbo and config packages to compare")
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--no-record", action="store_true", help="print only; leave bench/RESULTS.md alone")
    args = parser.parse_args()
    if shutil.which("hyperfine") is None:
        raise SystemExit("hyperfine is missing: apt-get install hyperfine")
    OUT.mkdir(parents=True, exist_ok=True)
    where = "the database of DATABASE_URL" if "DATABASE_URL" in os.environ else "an empty SQLite province"
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{OUT / 'startup.sqlite3'}")
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)  # compiled once, as an installed canbo is
    subprocess.run([str(BIN / "canbo"), "migrate", "-v0"], check=True, cwd=ROOT)
    vendor = "PostgreSQL" if os.environ["DATABASE_URL"].startswith("postgres") else "SQLite"
    variants = [("", [])]
    if args.before:
        variants = [("before: ", ["env", f"PYTHONPATH={args.before.resolve()}"]), ("after: ", ["env"])]
    rows = [(prefix + label, env + command) for label, command in COMMANDS for prefix, env in variants]
    load_start = os.getloadavg()[0]
    results = hyperfine([command for _label, command in rows], args.runs)
    load_end = os.getloadavg()[0]
    lines = [
        f"### {vendor}, {dt.datetime.now(dt.UTC):%d/%m/%Y %H:%M} UTC",
        "",
        f"`bench/startup.py{' --before DIR' if args.before else ''}` (`hyperfine -N -w1`, {args.runs} runs "
        f"in rounds of {ROUND_RUNS}, the commands taking turns), "
        f"{vendor}, {where}. "
        f"Machine: {machine()}. Load average (1 min) at the start and end: {load_start:.1f} and "
        f"{load_end:.1f} (2 cores shared with other work).",
        "",
        "| command | median (ms) | mean ± σ (ms) | fastest (ms) | user + system CPU (ms) |",
        "|---|---:|---:|---:|---:|",
    ]
    for (label, _command), result in zip(rows, results, strict=True):
        times = [seconds * 1000 for seconds in result["times"]]
        cpu = statistics.fmean(result["cpu"]) * 1000
        lines.append(
            f"| {label} | {statistics.median(times):.0f} | {statistics.fmean(times):.0f} ± "
            f"{statistics.stdev(times):.0f} | {min(times):.0f} | {cpu:.0f} |"
        )
    lines.append("")
    print("\n".join(lines))
    if not args.no_record:
        from results import record_section

        record_section("Start-up of a `canbo` command", lines)


if __name__ == "__main__":
    main()
