"""REST API of cadre records: the list with the page's filters, and one cadre with every history."""

import datetime as dt

from ninja import Query, Router, Schema
from ninja.pagination import paginate

from canbo.accounts.api import API_AUTH, IsoDate, Pages, as_of_or_today, requires_api, responses
from canbo.audit.services import cadre_viewed
from canbo.core.capabilities import Action
from canbo.core.dates import format_partial_date
from canbo.people.selectors import CadreFilters, cadre_record, cadre_search

router = Router(tags=["cán bộ"], auth=API_AUTH)


class CadreQuery(Schema):
    q: str = ""
    don_vi: str = ""
    khoi: str = ""
    cap: str = ""
    loai: str = ""
    gioi_tinh: str = ""
    dan_toc: str = ""
    trang_thai: str = ""
    as_of: IsoDate | None = None


class HoldingOut(Schema):
    unit_code: str
    unit_name: str
    position_type_code: str
    position_type_name: str
    valid_from: dt.date
    valid_to: dt.date | None


def _holding(h) -> dict:
    return {
        "unit_code": h.unit.code, "unit_name": h.unit.name,
        "position_type_code": h.position_type.code, "position_type_name": h.position_type.name,
        "valid_from": h.valid_from, "valid_to": h.valid_to,
    }


class CadreOut(Schema):
    code: str
    full_name: str
    birth_date: str
    gender: str
    ethnicity: str
    category: str
    retirement_date: dt.date
    positions: list[HoldingOut]

    @staticmethod
    def resolve_birth_date(cadre):
        return format_partial_date(cadre.birth_date, cadre.birth_precision)

    @staticmethod
    def resolve_positions(cadre):
        return [_holding(h) for h in cadre.current_holdings]


class QualificationOut(Schema):
    kind: str
    level: str
    obtained_on: dt.date
    mode: str
    grade: str
    major: str
    issuer: str


class PlanningOut(Schema):
    position_type_code: str
    unit_code: str | None
    term_start: int
    term_end: int
    approved_on: dt.date
    in_force: bool


class DisciplineOut(Schema):
    form: str
    decided_on: dt.date
    effective_until: dt.date | None


class EvaluationOut(Schema):
    year: int
    rating: str
    prestige_decline: bool


class MovementOut(Schema):
    kind: str
    from_unit: str
    to_unit: str
    new_position_type: str | None
    valid_from: dt.date
    valid_to: dt.date | None
    decision_no: str


class CadreDetailOut(Schema):
    code: str
    full_name: str
    birth_date: str
    gender: str
    ethnicity: str
    hometown: str | None
    birthplace: str | None
    party_member: bool
    party_join_date: dt.date | None
    category: str
    rank: str | None
    employment_start: dt.date | None
    retirement_date: dt.date
    as_of: dt.date
    age: int
    retired: bool
    holdings: list[HoldingOut]
    qualifications: list[QualificationOut]
    planning: list[PlanningOut]
    disciplines: list[DisciplineOut]
    evaluations: list[EvaluationOut]
    movements: list[MovementOut]


@router.get("/", response=responses(list[CadreOut]), summary="Cán bộ trong phạm vi, lọc như trang danh sách")
@requires_api(Action.VIEW_RECORDS)
@paginate(Pages, page_size=50)
def cadre_list(request, filters: Query[CadreQuery]):
    values = filters.dict()
    day = as_of_or_today(values.pop("as_of"))
    return cadre_search(actor=request.auth, as_of=day, filters=CadreFilters(**values)).order_by("code")


@router.get("/{ma}", response=responses(CadreDetailOut),
            summary="Hồ sơ một cán bộ với mọi quá trình, tại ngày")
@requires_api(Action.VIEW_RECORDS)
def cadre_detail(request, ma: str, as_of: IsoDate | None = None):
    day = as_of_or_today(as_of)
    record = cadre_record(actor=request.auth, code=ma, as_of=day)
    cadre = record.cadre
    cadre_viewed(request.auth, cadre)
    return {
        "code": cadre.code, "full_name": cadre.full_name,
        "birth_date": format_partial_date(cadre.birth_date, cadre.birth_precision),
        "gender": cadre.gender, "ethnicity": cadre.ethnicity,
        "hometown": cadre.hometown.code if cadre.hometown else None,
        "birthplace": cadre.birthplace.code if cadre.birthplace else None,
        "party_member": cadre.party_member, "party_join_date": cadre.party_join_date,
        "category": cadre.category, "rank": cadre.rank.code if cadre.rank else None,
        "employment_start": cadre.employment_start, "retirement_date": cadre.retirement_date,
        "as_of": day, "age": record.age, "retired": record.retired,
        "holdings": [_holding(h) for h in record.holdings],
        "qualifications": [
            {"kind": q.kind, "level": q.level, "obtained_on": q.obtained_on, "mode": q.mode, "grade": q.grade,
             "major": q.major, "issuer": q.issuer}
            for q in record.qualifications
        ],
        "planning": [
            {"position_type_code": p.position_type.code, "unit_code": p.unit.code if p.unit else None,
             "term_start": p.term_start, "term_end": p.term_end, "approved_on": p.approved_on,
             "in_force": p.in_force}
            for p in record.planning
        ],
        "disciplines": [
            {"form": d.form, "decided_on": d.decided_on, "effective_until": d.effective_until}
            for d in record.disciplines
        ],
        "evaluations": [
            {"year": e.year, "rating": e.rating, "prestige_decline": e.prestige_decline}
            for e in record.evaluations
        ],
        "movements": [
            {"kind": m.kind, "from_unit": m.from_unit.code, "to_unit": m.to_unit.code,
             "new_position_type": m.new_position_type.code if m.new_position_type else None,
             "valid_from": m.valid_from, "valid_to": m.valid_to, "decision_no": m.decision_no}
            for m in record.movements
        ],
    }
