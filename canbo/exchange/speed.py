"""Bulk work creates millions of small objects that hold no reference cycles: pausing the cyclic
garbage collector meanwhile saves its repeated scans of everything already alive."""

import contextlib
import gc


@contextlib.contextmanager
def paused_gc():
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
