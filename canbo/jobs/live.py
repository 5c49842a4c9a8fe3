"""Progress a job reports from inside its own transaction (an import's write, a projection that rolls
its assumptions back): an update of the job's row there would be seen only when the transaction ends
(and not at all when it rolls back), and on SQLite another connection could not write it meanwhile.
Such progress goes to a small file per job under the data folder, which every server process reads;
a job's row and its file together say how far it has got."""

import datetime as dt
import json
import os
from pathlib import Path

from django.conf import settings
from django.utils import timezone


def _path(job_pk: int) -> Path:
    return Path(settings.JOBS_PROGRESS_DIR) / f"{job_pk}.json"


def live_write(job_pk: int, fields: dict) -> None:
    """Keep `fields` (done, total, message, touched) as the job's latest progress."""
    path = _path(job_pk)
    path.parent.mkdir(parents=True, exist_ok=True)
    kept = {key: value.isoformat() if key == "touched" else value for key, value in fields.items()}
    part = path.with_suffix(".part")
    part.write_text(json.dumps(kept), encoding="utf-8")
    os.replace(part, path)  # a reader sees the old or the new progress, never half of it


def live_clear(job_pk: int) -> None:
    _path(job_pk).unlink(missing_ok=True)


def with_live_progress(job):
    """The job with its progress from its file when that is newer than its row (not saved)."""
    if job is None:
        return None
    try:
        kept = json.loads(_path(job.pk).read_text(encoding="utf-8"))
    except (FileNotFoundError, ValueError):
        return job
    touched = dt.datetime.fromisoformat(kept.pop("touched"))
    if job.finished is None and touched > job.touched:
        for key, value in kept.items():
            setattr(job, key, value)
        job.touched = timezone.localtime(touched)
    return job
