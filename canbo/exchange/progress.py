"""A plain progress line on stderr when it is a terminal; silent otherwise."""

import sys
import time

from django.utils.translation import gettext as _

STAGES = {"read": _("Đọc"), "check": _("Kiểm tra"), "write": _("Ghi")}


def format_count(value: int) -> str:
    """A count the Vietnamese way: 20.000."""
    return f"{value:,}".replace(",", ".")


class ProgressBar:
    """Called as `progress(stage, sheet, rows)` after each sheet and before the checks; draws one line
    that redraws itself."""

    def __init__(self, total_steps: int, stream=None):
        self.stream = stream or sys.stderr
        self.enabled = self.stream.isatty()
        self.total = total_steps
        self.done = 0
        self.started = time.monotonic()

    def __call__(self, stage: str, sheet: str, rows: int) -> None:
        self.done = min(self.done + 1, self.total)
        if not self.enabled:
            return
        width = 30
        filled = int(width * self.done / self.total)
        bar = "#" * filled + "-" * (width - filled)
        elapsed = time.monotonic() - self.started
        what = " ".join(filter(None, (STAGES.get(stage, stage), sheet)))
        label = f"{what} ({format_count(rows)} {_('dòng')})"
        self.stream.write(f"\r[{bar}] {self.done}/{self.total} {elapsed:5.1f}s {label:<45}")
        if self.done == self.total:
            self.stream.write("\n")
        self.stream.flush()

    def finish(self) -> None:
        if self.enabled and self.done < self.total:
            self.stream.write("\n")
            self.stream.flush()
