"""The short load run: `bench/load.py --short` starts gunicorn on a free port of the loopback over
a demo province of 2,000 cadres on SQLite, drives four signed-in officials through sign-in, the
cadre list, records, the review page and an XLSX export for 20 seconds, and stops it; any failed
request fails the test. Its times are printed, never asserted (the long run records them)."""

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.load
def test_short_load_run_has_no_error():
    done = subprocess.run(  # noqa: S603 (this interpreter running the repository's own script)
        [sys.executable, str(ROOT / "bench" / "load.py"), "--short"],
        capture_output=True, text=True, timeout=600, cwd=ROOT,
    )
    assert done.returncode == 0, done.stdout + done.stderr[-5000:]
    assert ", 0 errors." in done.stdout
    for task in ("sign-in", "cadre list", "cadre record", "review page", "XLSX export"):
        assert f"| {task} |" in done.stdout
