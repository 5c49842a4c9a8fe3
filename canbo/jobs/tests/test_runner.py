import datetime as dt
import threading

import pytest
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from canbo.core.errors import DomainError, NotFound
from canbo.jobs.models import Job, JobState
from canbo.jobs.runner import _run, job_start
from canbo.jobs.selectors import job_get, latest_job

pytestmark = pytest.mark.django_db


@pytest.fixture
def officer(db):
    return get_user_model().objects.create_user("nguoi_chay", password="x" * 12)


def count_to(progress, *, actor, until):
    for done in range(1, until + 1):
        progress(done, until, f"Đã đếm {done}")
    return {"dem": until, "nguoi": actor.username}


def refuse(progress, *, actor):
    raise DomainError("Không có vị trí nào để chọn.")


def crash(progress, *, actor):
    raise ZeroDivisionError


def test_a_job_runs_with_its_params_and_keeps_its_result(officer):
    job = job_start(actor=officer, kind="dem", work=count_to, params={"until": 3})
    assert (job.state, job.result, job.params) == (
        JobState.DONE,
        {"dem": 3, "nguoi": "nguoi_chay"},
        {"until": 3},
    )
    assert (job.done, job.total, job.message, job.percent) == (3, 3, "Đã đếm 3", 100)
    assert job.finished is not None and job.error == ""


def test_a_refusal_is_the_jobs_error_for_the_user(officer):
    job = job_start(actor=officer, kind="dem", work=refuse, params={})
    assert (job.state, job.error, job.result) == (JobState.FAILED, "Không có vị trí nào để chọn.", None)


def test_a_crash_is_logged_and_the_user_told_without_the_trace(officer, caplog):
    job = job_start(actor=officer, kind="dem", work=crash, params={})
    assert job.state == JobState.FAILED
    assert "ZeroDivisionError" not in job.error and "Lỗi máy chủ" in job.error
    assert "ZeroDivisionError" in caplog.text


def test_progress_between_stages_is_written_now_and_then(officer, monkeypatch):
    monkeypatch.setattr("canbo.jobs.runner.WRITE_EVERY", 3600)
    seen = []

    def watch(progress, *, actor):
        for done in range(1, 6):
            progress(done, 10)
            seen.append(Job.objects.get(kind="xem").done)
        return {}

    job_start(actor=officer, kind="xem", work=watch, params={})
    assert seen[0] == 1 and seen[1:] == [1, 1, 1, 1]  # the first write, then none until the end


def test_a_new_stage_flushed_is_written_at_once(officer, monkeypatch):
    monkeypatch.setattr("canbo.jobs.runner.WRITE_EVERY", 3600)
    seen = []

    def watch(progress, *, actor):
        progress(1, 10, "Đọc")
        progress(2, 10, "Đọc")
        seen.append(Job.objects.get(kind="xem").done)  # the same stage: not written again
        progress(3, 10, "Kiểm tra")
        seen.append(Job.objects.get(kind="xem").done)  # a new stage: written at once
        progress(9, 10, flush=True)
        seen.append(Job.objects.get(kind="xem").done)
        return {}

    job_start(actor=officer, kind="xem", work=watch, params={})
    assert seen == [1, 3, 9]


def test_a_job_silent_for_long_was_cut_off(officer):
    job = Job.objects.create(kind="dem", actor=officer, state=JobState.RUNNING)
    assert not job.cut_off and job.percent == 0
    job.touched = timezone.now() - dt.timedelta(minutes=3)
    assert job.cut_off
    job.state = JobState.DONE
    assert not job.cut_off and job.percent == 100


def test_only_the_user_who_started_a_job_sees_it(officer):
    other = get_user_model().objects.create_user("nguoi_khac", password="x" * 12)
    first = job_start(actor=officer, kind="dem", work=count_to, params={"until": 1})
    second = job_start(actor=officer, kind="dem", work=count_to, params={"until": 2})
    assert job_get(actor=officer, pk=first.pk) == first
    with pytest.raises(NotFound):
        job_get(actor=other, pk=first.pk)
    assert latest_job(actor=officer, kind="dem") == second
    assert latest_job(actor=other, kind="dem") is None


def test_the_state_page_answers_the_owner_only(client, officer):
    job = job_start(actor=officer, kind="dem", work=count_to, params={"until": 4})
    client.force_login(officer)
    answer = client.get(f"/viec/{job.pk}/")
    assert answer.json() == {
        "trang_thai": "xong",
        "nhan": "Đã xong",
        "da_lam": 4,
        "tong": 4,
        "phan_tram": 100,
        "dang_lam": "Đã đếm 4",
        "loi": "",
    }
    client.force_login(get_user_model().objects.create_user("nguoi_khac", password="x" * 12))
    assert client.get(f"/viec/{job.pk}/").status_code == 404


@pytest.mark.django_db(transaction=True)
def test_a_job_runs_in_a_thread_after_the_request_commits(settings, officer):
    settings.CANBO_JOBS_INLINE = False
    started = threading.Event()
    release = threading.Event()

    def wait_then_count(progress, *, actor):
        started.set()
        assert release.wait(10)
        progress(1, 1, "xong")
        return {"ok": True}

    job = job_start(actor=officer, kind="cho", work=wait_then_count, params={})
    assert started.wait(10)
    job.refresh_from_db()
    assert job.state == JobState.RUNNING
    release.set()
    for runner in [t for t in threading.enumerate() if t.name == f"canbo-job-{job.pk}"]:
        runner.join(10)
    job.refresh_from_db()
    assert (job.state, job.result, job.message) == (JobState.DONE, {"ok": True}, "xong")


def test_progress_from_inside_the_works_transaction_reaches_the_page_at_once(officer, settings, tmp_path):
    settings.JOBS_PROGRESS_DIR = tmp_path
    seen = {}

    def write_in_one_transaction(progress, *, actor):
        progress(1, 4, "Đọc tệp")
        with transaction.atomic():
            progress(3, 4, "Ghi trang can_bo (3 dòng)", flush=True)
            Job.objects.filter(pk=job_pk).update(touched=timezone.now() - dt.timedelta(minutes=5))
            shown = job_get(actor=actor, pk=job_pk)
            seen["shown"] = (shown.done, shown.message, shown.cut_off)
            seen["file"] = (tmp_path / f"{job_pk}.json").exists()
        return {}

    job_pk = Job.objects.create(kind="nhap", actor=officer).pk
    _run(job_pk, write_in_one_transaction)
    # while the work ran: the file's progress, newer than the row, and not taken for a stopped server
    assert seen == {"shown": (3, "Ghi trang can_bo (3 dòng)", False), "file": True}
    done = job_get(actor=officer, pk=job_pk)
    assert (done.state, done.done, done.message) == (JobState.DONE, 1, "Đọc tệp")
    assert not list(tmp_path.iterdir())  # the file goes with the job's end


@pytest.mark.django_db(transaction=True)
def test_a_report_the_database_refuses_for_a_lock_is_written_by_the_next(officer, monkeypatch):
    """A reader holding the job's table (SQLite's shared cache) makes a progress write fail at once:
    the work goes on, and the next report writes the stage it missed."""
    from django.db import OperationalError
    from django.db.models import QuerySet

    from canbo.jobs.runner import Progress

    monkeypatch.setattr("canbo.jobs.runner.WRITE_EVERY", 3600)
    job = Job.objects.create(kind="xem", actor=officer, params={})
    update, refused = QuerySet.update, []

    def locked_once(queryset, **fields):
        if not refused:
            refused.append(fields)
            raise OperationalError("database table is locked: jobs_job")
        return update(queryset, **fields)

    monkeypatch.setattr(QuerySet, "update", locked_once)
    progress = Progress(job.pk)
    progress(1, 10, "Đọc")
    job.refresh_from_db()
    assert refused and (job.done, job.message) == (0, "")
    progress(2, 10, "Đọc")  # the same stage, but not yet written
    job.refresh_from_db()
    assert (job.done, job.message) == (2, "Đọc")
