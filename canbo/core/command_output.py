"""Keeping what a reading command prints (`canbo.core.kept_output` prints it again without Django),
and the rows of what it counts, so that after a write that touched a few cadres the next run moves
its figures by their rows (`canbo.core.deltas`) rather than counting everyone again; a command that
printed from one such count says how (`printed_from_count`), and is then printed again from the
count moved, without Django (`canbo.core.kept_moves`)."""

import sys
import threading
from collections.abc import Callable

from django.db import DatabaseError

from canbo.core.data_cache import keep, version
from canbo.core.deltas import keeping_rows, noting_figures
from canbo.core.kept_output import output_key

_printed = threading.local()


def printed_from_count(module: str, name: str, **arguments) -> None:
    """Say that what the running reading command printed is `name(value, **arguments)` of
    `module` (a function with no Django in it) for the one grouped count it summed (`value` as
    `canbo.core.deltas.grouped` gives it), so that it can be printed again from that count moved."""
    _printed.render = [module, name, arguments]


class _Copy:
    """Standard output that also keeps what was written to it."""

    def __init__(self, target) -> None:
        self.target, self.parts = target, []

    def write(self, text: str) -> int:
        self.parts.append(text)
        return self.target.write(text)

    def __getattr__(self, name: str):
        return getattr(self.target, name)


def run_keeping(arguments: list[str], run: Callable[[], None]) -> None:
    """`run()` (the command of `arguments`, Django set up), keeping its output when it ends well and
    the rows of the figures it counts."""
    key = output_key(arguments)
    try:
        # Before running: a write committed meanwhile makes the output unreachable.
        token, wide = version("token", "wide_token")
    except DatabaseError:
        token = None  # no tables yet: the command says what is wrong, and nothing is kept
    copy = _Copy(sys.stdout)
    sys.stdout = copy
    _printed.render = None
    try:
        with keeping_rows(), noting_figures() as noted:
            run()
    finally:
        sys.stdout = copy.target
    if token is not None:
        value = {"out": "".join(copy.parts)}
        if _printed.render is not None and len(noted) == 1 and noted[0]["rows"] is not None:
            value["moves"] = {**noted[0], "render": _printed.render, "wide": wide}
        keep(key, token, value)
