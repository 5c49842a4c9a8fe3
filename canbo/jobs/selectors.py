"""A job is seen only by the user who started it."""

from django.utils.translation import gettext as _

from canbo.core.errors import NotFound
from canbo.jobs.live import with_live_progress
from canbo.jobs.models import Job


def job_get(*, actor, pk: int, kind: str | None = None) -> Job:
    """The user's job `pk` (of `kind` when given: a page shows only its own kind of work)."""
    jobs = Job.objects.filter(pk=pk, actor_id=actor.pk)
    job = (jobs if kind is None else jobs.filter(kind=kind)).first()
    if job is None:
        raise NotFound(_("Không có việc này."))
    return with_live_progress(job)


def latest_job(*, actor, kind: str) -> Job | None:
    """The user's latest job of a kind, to show again when they come back to its page."""
    latest = Job.objects.filter(actor_id=actor.pk, kind=kind).order_by("-created", "-pk").first()
    return with_live_progress(latest)


def job_shown(*, actor, kind: str, asked: str) -> Job | None:
    """The job a page shows: the one its address names (`asked`, the text of `?viec=`), or else the
    user's latest of the page's kind."""
    if asked.isdecimal():
        return job_get(actor=actor, pk=int(asked), kind=kind)
    return latest_job(actor=actor, kind=kind)
