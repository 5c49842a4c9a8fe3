"""Keeping what a reading command prints (`canbo.core.kept_output` prints it again without Django),
and the rows of what it counts, so that after a write that touched a few cadres the next run moves
its figures by their rows (`canbo.core.deltas`) rather than counting everyone again."""

import sys
from collections.abc import Callable

from django.db import DatabaseError

from canbo.core.data_cache import data_token, keep
from canbo.core.deltas import keeping_rows
from canbo.core.kept_output import output_key


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
    key = output_key(arguments)  # before running: a command that ends after midnight keeps the day it took
    try:
        token = data_token()  # before running: a write committed meanwhile makes the output unreachable
    except DatabaseError:
        token = None  # no tables yet: the command says what is wrong, and nothing is kept
    copy = _Copy(sys.stdout)
    sys.stdout = copy
    try:
        with keeping_rows():
            run()
    finally:
        sys.stdout = copy.target
    if token is not None:
        keep(key, token, {"out": "".join(copy.parts)})
