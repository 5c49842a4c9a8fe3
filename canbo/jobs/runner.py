"""Starting a job and running it beside the requests.

canbo runs on one server (docs/deploy.md), so a job runs in a thread of the process that served
the page which started it, with its own database connection; the page then asks for its state
(`canbo.jobs.views.job_state`). With `CANBO_JOBS_INLINE` (the tests) a job runs to its end inside
`job_start`. A job cut off by a stopped server is shown as such once it has been silent for
`SILENT_LIMIT`; nothing it did is half-written, because the work itself writes in transactions.
"""

import logging
import math
import threading
import time
from collections.abc import Callable

from django.conf import settings
from django.db import OperationalError, connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from canbo.core.errors import DomainError
from canbo.jobs.live import live_clear, live_write
from canbo.jobs.models import Job, JobState

log = logging.getLogger(__name__)

# Progress is written at most this often (seconds), and always at the end and when the message
# changes (a new stage).
WRITE_EVERY = 0.5


class Progress:
    """Called by the work as `progress(done, total, message)`; writes the job row now and then, and
    always at the end of the work's steps or when `flush` (a new stage the page should show at once)."""

    def __init__(self, job_pk: int):
        self.job_pk = job_pk
        self.written = -math.inf  # the first report is written (the clock may read less than WRITE_EVERY)
        self.said = None
        self.depth = len(connection.atomic_blocks)  # deeper: inside the work's own transaction

    def __call__(
        self, done: int, total: int | None = None, message: str | None = None, *, flush: bool = False
    ) -> None:
        now = time.monotonic()
        final = flush or (total is not None and done >= total)
        new_stage = message is not None and message != self.said
        if not (final or new_stage) and now - self.written < WRITE_EVERY:
            return
        fields = {"done": done, "touched": timezone.now()}
        if total is not None:
            fields["total"] = total
        if message is not None:
            fields["message"] = message[:255]
        if len(connection.atomic_blocks) > self.depth:
            live_write(self.job_pk, fields)
        else:
            try:
                Job.objects.filter(pk=self.job_pk).update(**fields)
            except OperationalError:
                if connection.in_atomic_block:
                    raise  # the transaction it would break is the work's
                return  # the table locked by a reader (SQLite's shared cache): the next report writes it
        self.written, self.said = now, message if message is not None else self.said


Work = Callable[..., dict]


def job_start(*, actor, kind: str, work: Work, params: dict) -> Job:
    """Record a job and run `work(progress, actor=actor, **params)` beside the request. `params` are
    kept on the job (JSON), so the page can show what was asked; `work` returns the result (JSON)."""
    job = Job.objects.create(kind=kind, actor=actor, params=params)
    if getattr(settings, "CANBO_JOBS_INLINE", False):
        _run(job.pk, work)
        job.refresh_from_db()
        return job
    runner = threading.Thread(
        target=_run_in_thread, args=(job.pk, work), name=f"canbo-job-{job.pk}", daemon=True
    )
    transaction.on_commit(runner.start)
    return job


def _run_in_thread(job_pk: int, work: Work) -> None:
    try:
        _run(job_pk, work)
    finally:
        connection.close()


def _run(job_pk: int, work: Work) -> None:
    job = Job.objects.select_related("actor").get(pk=job_pk)
    Job.objects.filter(pk=job_pk).update(state=JobState.RUNNING, touched=timezone.now())
    try:
        result = work(Progress(job_pk), actor=job.actor, **job.params)
    except DomainError as refused:
        _finish(job_pk, state=JobState.FAILED, error=refused.message)
    except Exception:
        log.exception("job %s (%s) failed", job_pk, job.kind)
        _finish(job_pk, state=JobState.FAILED, error=_("Lỗi máy chủ khi chạy việc này; lỗi đã được ghi lại."))
    else:
        _finish(job_pk, state=JobState.DONE, result=result)


def _finish(job_pk: int, **fields) -> None:
    now = timezone.now()
    Job.objects.filter(pk=job_pk).update(touched=now, finished=now, **fields)
    live_clear(job_pk)
