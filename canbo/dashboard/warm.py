"""The figures that every user's home page sums are counted beside the requests, so that the next
visitor finds them kept rather than counting them: the whole workforce's counts grouped by the units
that decide scopes (`canbo.people.reach`) for today's date — the review on the same day of the last
four years, the scope's counts, the rotation target, the non-local violations and the key vacancies —
those behind each review figure both a year ago and today (the comparison of two dates), and those
owed each programme at the start and end of each year of the training progress page's period.
After a write that touched a few cadres this moves the kept counts by those cadres' rows
(`canbo.core.deltas`, a fraction of a second); after one that may change everyone it counts them
all again, keeping each cadre's rows (a request that counts them keeps only the sums, which costs
less on PostgreSQL, so only the warming and the reading commands make them movable).

A process warms them after any request that finds the data or the date changed since it last
warmed them: after a write made in its pages, and at the first request after an import, a job, a
command or another process changed the data, after the server started, and on the first request
of a new day. One warming runs at a time in a process, in a thread with its own database
connection (as the jobs do, `canbo.jobs.runner`), and one process warms at a time; a change during
a warming asks for one more after it. A warming stores what it counts under the data token it read
before counting (`canbo.core.data_cache`), so a write committed meanwhile makes the result
unreachable: figures of older data are never served as current. `CANBO_WARM_AFTER_WRITE=0` turns
it off (the tests do)."""

import datetime as dt
import fcntl
import logging
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone

from canbo.accounts.system import system_actor
from canbo.core.data_cache import data_token
from canbo.core.dates import add_years
from canbo.core.deltas import keeping_rows
from canbo.dashboard.cards import review_trend, rotation_status
from canbo.people.scope_counts import scope_figures
from canbo.rules.engine import context_for, review_pair_sums_by_reach
from canbo.training import progress

log = logging.getLogger(__name__)

_lock = threading.Lock()
_state: dict = {"running": False, "again": False, "warmed": None}


def warm_home(as_of: dt.date) -> None:
    """Count what every scope's home page sums at D (the system actor's figures are all of them),
    keeping the rows that later writes move them by."""
    actor = system_actor()
    with keeping_rows():
        review_trend(actor=actor, as_of=as_of)
        scope_figures(actor=actor, as_of=as_of)
        rotation_status(actor=actor, as_of=as_of)
        # The comparison page's first pair of dates (`canbo.dashboard.compare_views`).
        review_pair_sums_by_reach(context_for(add_years(as_of, -1)), context_for(as_of))
        progress.warm(as_of)  # the owed figures of the training progress page's default period


def warm_if_changed() -> None:
    """Warm today's figures unless this process warmed them for the same data and date."""
    with _lock:
        if _state["warmed"] == (data_token(), timezone.localdate()):
            return
    warm_soon()


def warm_soon() -> None:
    """Warm today's figures in a thread once the current transaction commits."""
    with _lock:
        if _state["running"]:
            _state["again"] = True
            return
        _state["running"] = True
    thread = threading.Thread(target=_warm_while_asked, name="canbo-warm", daemon=True)
    transaction.on_commit(thread.start)


@contextmanager
def _one_process_at_a_time() -> Iterator[None]:
    """Waits until no other process warms: each server process starts its own warming after a
    request that finds the data changed, and after a write that may change everyone they would
    otherwise all count everything at once on the same cores; the one that waited then finds the
    figures kept, or counts what changed since (a lock on a file of the data directory, released
    when the warming ends or its process does)."""
    with open(settings.DATA_DIR / "warming.lock", "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def _warm_while_asked() -> None:
    with _one_process_at_a_time():
        _warm_alone()


def _warm_alone() -> None:
    try:
        asked = True
        while asked:
            seen = (data_token(), timezone.localdate())
            with _lock:
                _state["warmed"] = seen  # what is being warmed: not asked again (nor after a failure)
            warm_home(seen[1])
            with _lock:
                asked, _state["again"] = _state["again"], False
    except Exception:
        log.exception("warming the home page's figures failed")
    finally:
        with _lock:
            _state["running"] = _state["again"] = False
        connection.close()
