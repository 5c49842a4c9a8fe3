"""Importing the exchange workbook from a page: an upload, a dry run, then the load, each a job.

The workbook is checked (XLSX by its content, at most `settings.WORKBOOK_MAX_BYTES`) and kept under
the data folder by its checksum, like the documents of the approval steps; no page serves it. The
dry run (`canbo import FILE --dry-run`) runs as a job of the user who uploaded it; once it finds no
error, the same user confirms and the load (`canbo import FILE`, with `--replace` when asked) runs as a
second job. Both are the command's `workbook_import`: all of the workbook or nothing, one audit event
naming the user when it is written.
"""

from django.apps import apps
from django.conf import settings
from django.utils.translation import gettext as _

from canbo.core.capabilities import Action, require
from canbo.core.errors import DomainError
from canbo.exchange.progress import format_count
from canbo.exchange.services import province_record_counts, workbook_import
from canbo.jobs.models import Job
from canbo.jobs.runner import job_start
from canbo.jobs.selectors import latest_job
from canbo.people.schema import SHEETS
from canbo.workflow import files as stored_files

KIND = "nhap_du_lieu"


class JobSteps:
    """The import's `progress(stage, sheet, rows)` as the job's `progress(done, total, message)`: a step
    per sheet read, one for the checks, then a step per sheet written. The write runs in one
    transaction (a dry run rolls it back), so its steps reach the page through the job's progress file
    (`canbo.jobs.live`)."""

    def __init__(self, progress, *, dry_run: bool):
        self.progress = progress
        self.total = 2 * len(SHEETS) + 1
        self.done = 0
        self.dry_run = dry_run

    def __call__(self, stage: str, sheet: str, rows: int) -> None:
        self.done = min(self.done + 1, self.total - 1)
        counted = {"sheet": sheet, "rows": format_count(rows)}
        if stage == "read":
            label = _("Đọc trang %(sheet)s (%(rows)s dòng)") % counted
        elif stage == "check":
            self.done = len(SHEETS) + 1
            label = _("Đã đọc %(rows)s dòng; đang kiểm tra cả tệp") % counted
        elif self.dry_run:
            label = _("Ghi thử trang %(sheet)s (%(rows)s dòng), rồi huỷ") % counted
        else:
            label = _("Ghi trang %(sheet)s (%(rows)s dòng)") % counted
        self.progress(self.done, self.total, label, flush=True)


def import_work(progress, *, actor, tep: str, ten: str, thay_the: bool, chay_thu: bool) -> dict:
    """The job's work: the command's import of the stored workbook; the result as the page shows it."""
    progress(0, 2 * len(SHEETS) + 1, _("Đọc tệp %(name)s") % {"name": ten})
    result = workbook_import(
        actor=actor, path=stored_files.path_of(tep), name=ten, dry_run=chay_thu, replace=thay_the,
        progress=JobSteps(progress, dry_run=chay_thu),
    )
    return {
        "so_dong": result.counts,
        "loi": [finding.as_dict() for finding in result.errors],
        "canh_bao": [finding.as_dict() for finding in result.warnings],
        "da_ghi": result.written,
        "da_xoa": {
            str(apps.get_model(label)._meta.verbose_name_plural): count
            for label, count in result.replaced.items()
        },
    }


def import_check(*, actor, upload, replace: bool) -> Job:
    """Keep the uploaded workbook and start its dry run. Raises DomainError when the file is refused."""
    require(actor, Action.IMPORT_WORKBOOK)
    checked, problem = stored_files.check(upload, limit=settings.WORKBOOK_MAX_BYTES, only="xlsx")
    if problem:
        raise DomainError(problem)
    stored_files.store(checked)
    params = {"tep": checked.sha256, "ten": checked.name, "thay_the": replace, "chay_thu": True}
    return job_start(actor=actor, kind=KIND, work=import_work, params=params)


def replace_pending(dry_run: Job) -> dict[str, int]:
    """What a load replacing the province would delete (records per kind), if the dry run asked it."""
    if not dry_run.params.get("thay_the"):
        return {}
    return {label: count for label, count in province_record_counts().items() if count}


def import_load(*, actor, dry_run: Job, replace_confirmed: bool = False) -> Job:
    """Start the load of a workbook whose dry run (a job of this user) found no error. Replacing data
    the province already holds needs `replace_confirmed`, the second confirmation. Only the user's
    latest import job can be confirmed, so a dry run is loaded once."""
    require(actor, Action.IMPORT_WORKBOOK)
    if dry_run.kind != KIND or not dry_run.params.get("chay_thu") or dry_run.actor_id != actor.pk:
        raise DomainError(_("Việc này không phải một lần chạy thử nhập dữ liệu của bạn."))
    if not dry_run.finished_ok or dry_run.result["loi"]:
        raise DomainError(_("Chỉ nhập được tệp đã chạy thử xong và không có lỗi."))
    if replace_pending(dry_run) and not replace_confirmed:
        raise DomainError(_("Cần xác nhận lần thứ hai trước khi xoá dữ liệu tỉnh hiện có."))
    if latest_job(actor=actor, kind=KIND) != dry_run:
        raise DomainError(_("Đã có lần nhập sau lần chạy thử này; hãy tải tệp lên lại."))
    params = {**dry_run.params, "chay_thu": False}
    return job_start(actor=actor, kind=KIND, work=import_work, params=params)
