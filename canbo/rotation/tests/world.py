"""A province for the proposal checks: units at each level and of each bloc, built through the
services (`canbo.reports.tests.builders.Province` plus a commune, a mass organisation and a
public-service unit), and the dating of rotation records written earlier."""

import datetime as dt

from django.db.models import QuerySet
from django.utils import timezone

from canbo.accounts.system import system_actor
from canbo.core.dates import add_years
from canbo.org.services import post_add, unit_create
from canbo.reports.tests.builders import Province
from canbo.rotation.models import Proposal as ProposalRow
from canbo.rotation.models import RotationEvaluation
from canbo.rules.pairs import Proposal
from canbo.rules.proposals import proposal_check
from canbo.workflow.models import Step

WRITTEN_AT = {ProposalRow: "created_at", Step: "at", RotationEvaluation: "at"}


def written_on(day: dt.date, *rows: QuerySet) -> None:
    """Date rows the services wrote now (proposals, their steps, evaluations) at noon of `day`, as if
    written then."""
    moment = timezone.make_aware(dt.datetime.combine(day, dt.time(12)))
    for found in rows:
        found.update(**{WRITTEN_AT[found.model]: moment})


class World(Province):
    def __init__(self):
        super().__init__()
        self.xa_ln = unit_create(
            actor=system_actor(),
            code="X-LN",
            name="UBND thị trấn Liên Nghĩa",
            level="xa",
            bloc="nha_nuoc",
            locality=self.lien_nghia,
            parent=self.ub_dt,
        )
        self.mat_tran = unit_create(
            actor=system_actor(),
            code="MT",
            name="Ủy ban MTTQ tỉnh",
            level="tinh",
            bloc="mttq_doan_the",
            locality=self.lam_dong,
        )
        self.benh_vien = unit_create(
            actor=system_actor(),
            code="BV",
            name="Bệnh viện tỉnh",
            level="tinh",
            bloc="su_nghiep",
            locality=self.lam_dong,
        )

    def person(self, unit, position_type, *, start=dt.date(2010, 1, 1), planned=True, **extra):
        cadre = self.cadre(**extra)
        self.hold(cadre, position_type, unit, start)
        if planned:
            self.plan(cadre, self.bi_thu, term=(2015, 2020), approved=dt.date(2016, 1, 1))
        return cadre

    def post(self, unit, position_type, seats=1, start=None, end=None):
        return post_add(
            actor=system_actor(), unit=unit, position_type=position_type, seats=seats,
            valid_from=start, valid_to=end,
        )

    def check(
        self,
        cadre,
        unit,
        position_type,
        kind="luan_chuyen",
        start=dt.date(2018, 1, 1),
        end="3y",
        exception=False,
    ):
        if end == "3y":
            end = add_years(start, 3) - dt.timedelta(days=1)
        result, _explanation = proposal_check(
            cadre=cadre,
            unit=unit,
            position_type=position_type,
            proposal=Proposal(kind, start, end, exception),
        )
        return result
