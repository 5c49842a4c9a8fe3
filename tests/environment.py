"""The settings module read as a fresh process reads it, under chosen environment variables."""

import os
import runpy
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE_ENV = ROOT / "deploy" / "canbo.env.example"


def example_environment() -> dict[str, str]:
    """The variables deploy/canbo.env.example sets."""
    lines = (line.strip() for line in EXAMPLE_ENV.read_text().splitlines())
    return dict(line.split("=", 1) for line in lines if line and not line.startswith("#"))


def settings_under(monkeypatch, data_dir: Path, **env) -> dict:
    """The values of config/settings.py under exactly these CANBO_ variables (data in `data_dir`)."""
    for name in list(os.environ):
        if name.startswith("CANBO_"):
            monkeypatch.delenv(name)
    monkeypatch.setenv("CANBO_DATA_DIR", str(data_dir))
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    return runpy.run_path(str(ROOT / "config" / "settings.py"))
