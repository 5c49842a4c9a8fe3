"""A proposal run from the page, as a job (`canbo.jobs`), and sending its pairs to step 1.

The run reports its stages (pairs, the optimum, the greedy choice, the explanations) and returns
everything the page shows as JSON: the optimum and the greedy choice of an official side by side
(total fit, seats filled), each chosen pair with why, each empty seat with why. Sending makes one
list of proposals (step 1 of R9) with one proposal per chosen pair through
`canbo.rotation.proposals.proposal_create`, so each is checked by the rules again on its start
date; a refused pair is reported and left out, the others are drafted.
"""

import dataclasses
import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from canbo.core.capabilities import Action, require
from canbo.core.errors import DomainError, NotFound
from canbo.jobs.models import Job
from canbo.jobs.selectors import job_get
from canbo.optimize.explain import chosen_pairs, empty_seats
from canbo.optimize.fit import Weights, weights_at
from canbo.optimize.proposals import STAGES, rotation_proposal
from canbo.optimize.seats import code_seats
from canbo.optimize.solve import assign_greedy
from canbo.rotation.models import ProposalList
from canbo.rotation.proposals import Draft, proposal_create
from canbo.rules.proposals import proposal_context

KIND = "toi_uu_luan_chuyen"
WEIGHT_KEYS = {
    "tieu_chuan": "standard",
    "quy_hoach": "planned",
    "so_nam": "years",
    "nu": "woman",
    "dan_toc": "minority",
    "tre": "young",
    "moi_don_vi": "per_unit",
}


def weights_of(values: dict) -> Weights:
    """The weights from their Vietnamese keys (the job's parameters)."""
    return Weights(**{WEIGHT_KEYS[key]: int(value) for key, value in values.items()})


def default_weights(as_of: dt.date) -> dict:
    """The weights of rule P1 in force at D, by their Vietnamese keys (the page's first values)."""
    defaults = dataclasses.asdict(weights_at(as_of))
    return {key: defaults[name] for key, name in WEIGHT_KEYS.items()}


def optimiser_run(progress, *, actor, ngay: str, vi_tri: list[list[str]] | None, trong_so: dict) -> dict:
    """The job's work: the seats (the key vacancies at `ngay`, or the posts `vi_tri` as [unit code,
    type code], one seat each), the optimum, the greedy choice and the explanations."""
    require(actor, Action.DRAFT_PROPOSALS)
    as_of = dt.date.fromisoformat(ngay)
    weights = weights_of(trong_so)
    posts = None
    if vi_tri is not None:
        posts, problems = code_seats([(n, unit, kind) for n, (unit, kind) in enumerate(vi_tri, start=1)])
        if problems:
            raise DomainError(" ".join(str(message) for *_where, message in problems))
    seats, pairs, optimum = rotation_proposal(
        actor=actor, as_of=as_of, posts=posts, weights=weights, progress=progress
    )
    progress(2, STAGES, _("Đang tính cách chọn lần lượt từng vị trí để so sánh"))
    counts = {key: post.count for key, post in seats.items()}
    order = sorted(seats, key=lambda key: (seats[key].unit_code, seats[key].type_code))
    greedy = assign_greedy(pairs, counts, weights.per_unit, order)
    progress(3, STAGES, _("Đang giải thích từng cặp được chọn và từng vị trí còn trống"))
    result = {
        "ngay": ngay,
        "so_vi_tri": sum(counts.values()),
        "so_cap": len(pairs),
        "toi_uu": {"tong": optimum.total, "so_cho": len(optimum.chosen), "chung_minh": optimum.proved},
        "tham_lam": {"tong": greedy.total, "so_cho": len(greedy.chosen)},
        "phan_cong": chosen_pairs(as_of, weights, seats, optimum),
        "vi_tri_trong": empty_seats(seats, pairs, optimum, weights.per_unit),
    }
    progress(STAGES, STAGES, _("Xong"))
    return result


def run_get(*, actor, pk: int) -> Job:
    """A finished run of the user's."""
    job = job_get(actor=actor, pk=pk, kind=KIND)
    if not job.finished_ok:
        raise NotFound(_("Không có lần chạy tối ưu đã xong số %(n)s của bạn.") % {"n": pk})
    return job


def run_send(
    *, actor, job: Job, name: str, start: dt.date, reasons: str
) -> tuple[ProposalList | None, list[str]]:
    """One list of rotation proposals, a draft at step 1, with a proposal per chosen pair of the
    run, from `start` for the minimum term of rotation; the refusals, one line per refused pair.
    No list is kept when every pair is refused."""
    require(actor, Action.DRAFT_PROPOSALS)
    if not name.strip():
        raise ValidationError({"name": _("Đặt tên cho danh sách.")})
    end = proposal_context(start)["luan_chuyen_som_nhat"] - dt.timedelta(days=1)
    refusals = []
    with transaction.atomic():
        batch = ProposalList.objects.create(name=name.strip(), created_by=actor)
        sent = 0
        for row in job.result["phan_cong"]:
            draft = Draft(row["ma_can_bo"], row["ma_don_vi"], row["ma_chuc_danh"])
            try:
                with transaction.atomic():
                    proposal_create(
                        actor=actor,
                        draft=draft,
                        kind="luan_chuyen",
                        start=start,
                        end=end,
                        reasons=reasons,
                        batch=batch,
                    )
                sent += 1
            except (ValidationError, NotFound) as refused:
                why = " ".join(refused.messages) if isinstance(refused, ValidationError) else refused.message
                refusals.append(
                    _("%(cadre)s → %(post)s, %(unit)s: %(why)s")
                    % {"cadre": row["ho_ten"], "post": row["chuc_danh"], "unit": row["don_vi"], "why": why}
                )
        if not sent:
            transaction.set_rollback(True)
            batch = None
    return batch, refusals
