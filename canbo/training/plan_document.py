"""The annual plan as the office that aggregates it issues it (DOCUMENTS.md §1, §2): Ban Tổ chức the
province's plan in the Party layout under the Tỉnh ủy (`Số …-KH/TU`), Sở Nội vụ the state bloc's plan in
the State layout (`Số: …/KH-SNV`).

The plan of the issuing body's own unit (Tỉnh ủy, Sở Nội vụ) is the province's (or the bloc's) plan: it
covers its own lines and those of every plan of the year the same office aggregates that has been
aggregated and not superseded; another unit's plan covers its own lines. An approved version takes a
number from the register once (every later download of that version shows the same number and date); a
version not yet approved prints as a draft, with blanks for the number and the date.
"""

import datetime as dt
from collections import defaultdict

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _

from canbo.audit.actions import AuditAction
from canbo.audit.services import audit_record
from canbo.core.capabilities import PLAN_AGGREGATORS, Action, aggregated_blocs, plan_aggregator, require
from canbo.core.dates import today
from canbo.core.roles import Role
from canbo.documents.content import Annex, Heading, Note, OfficialDocument, Paragraph, Table
from canbo.documents.layouts import PARTY, STATE
from canbo.documents.services import (
    NUMBER_ON_PAPER,
    issued_number,
    number_issue,
    number_issue_in_step,
    signed,
)
from canbo.documents.text import amount, place_and_date
from canbo.org.selectors import province_name
from canbo.people.issuers import Issuer, province_unit
from canbo.training.models import Category, PlanLine, PlanState, TrainingPlan
from canbo.workflow.selectors import reached_on

NUMBERED_STATES = frozenset({PlanState.DA_PHE_DUYET, PlanState.CO_HIEU_LUC, PlanState.DA_THAY_THE})
COVERED_STATES = frozenset(
    {PlanState.DA_TONG_HOP, PlanState.DA_TRINH, PlanState.DA_PHE_DUYET, PlanState.CO_HIEU_LUC}
)
DOC_TYPE = "KH"


ISSUERS = {
    Role.BTC: Issuer(
        layout=PARTY,
        code="TU",
        superior="",
        name="Tỉnh ủy {province}",
        authority="T/M BAN THƯỜNG VỤ",
        position="BÍ THƯ",
        per_year=False,
        find=province_unit("dang"),
        recipients=(
            "- Ban Tổ chức Trung ương,",
            "- Thường trực Tỉnh ủy,",
            "- Các ban, đơn vị thuộc Tỉnh ủy,",
            "- Các huyện ủy, thành ủy, đảng ủy trực thuộc,",
            "- Trường Chính trị tỉnh,",
            "- Lưu VPTU.",
        ),
    ),
    Role.SNV: Issuer(
        layout=STATE,
        code="SNV",
        superior="UBND tỉnh {province}",
        name="Sở Nội vụ",
        authority="",
        position="GIÁM ĐỐC",
        per_year=True,
        find=province_unit("nha_nuoc", "Sở Nội vụ"),
        recipients=(
            "- Bộ Nội vụ;",
            "- UBND tỉnh;",
            "- Các sở, ban, ngành;",
            "- UBND các huyện, thành phố;",
            "- Lưu: VT, CCVC.",
        ),
    ),
}


def issuer_of(plan: TrainingPlan) -> Issuer:
    return ISSUERS[PLAN_AGGREGATORS[plan.unit.bloc]]


def _covered(plan: TrainingPlan, issuer: Issuer) -> list[TrainingPlan]:
    """The plans the document covers: its own, and for the issuing body's own plan, the latest
    aggregated version of each other plan of the year that the same office aggregates."""
    if plan.unit_id != getattr(issuer.unit(), "pk", None):
        return [plan]
    blocs = [bloc for bloc, role in PLAN_AGGREGATORS.items() if ISSUERS[role] is issuer]
    others = (
        TrainingPlan.objects.filter(year=plan.year, unit__bloc__in=blocs, state__in=COVERED_STATES)
        .exclude(unit=plan.unit_id)
        .select_related("unit")
        .order_by("unit__path", "-version")
    )
    latest = {}
    for other in others:
        latest.setdefault(other.unit_id, other)
    return [plan, *latest.values()]


def _money(value: int | None) -> str:
    return amount(value) if value is not None else _("chưa có định mức")


def _programme_lines(lines: list[PlanLine]) -> dict:
    """Lines summed by programme (in the catalogue's order), each with its modes."""
    grouped: dict = {}
    for line in sorted(
        lines, key=lambda li: (li.programme.family.order, li.programme.order, li.programme.code)
    ):
        entry = grouped.setdefault(
            line.programme_id,
            {"programme": line.programme, "modes": defaultdict(int), "people": 0, "cost": 0, "unknown": 0},
        )
        entry["modes"][line.get_mode_display()] += line.headcount
        entry["people"] += line.headcount
        if line.cost_estimate is None:
            entry["unknown"] += 1
        else:
            entry["cost"] += line.cost_estimate
    return grouped


def _content(plan: TrainingPlan, lines: list[PlanLine]) -> tuple:
    grouped = _programme_lines(lines)
    blocks = [
        Heading(_("I. MỤC ĐÍCH, YÊU CẦU")),
        Paragraph(
            _(
                "Nâng cao trình độ, năng lực của đội ngũ cán bộ, công chức, viên chức đáp ứng tiêu chuẩn "
                "chức danh, vị trí việc làm; gắn đào tạo, bồi dưỡng với quy hoạch, bố trí và sử dụng cán "
                "bộ, ưu tiên cán bộ trong quy hoạch các chức danh diện Ban Thường vụ Tỉnh ủy quản lý."
            )
        ),
        Paragraph(
            _(
                "Cử đúng đối tượng, đủ điều kiện theo quy định; bảo đảm số lượng, thời gian và kinh phí; "
                "không để ảnh hưởng đến việc thực hiện nhiệm vụ chính trị của cơ quan, đơn vị."
            )
        ),
        *[Paragraph(text.strip()) for text in plan.content.splitlines() if text.strip()],
        Heading(_("II. NỘI DUNG")),
    ]
    for number, category in enumerate(Category, start=1):
        entries = [e for e in grouped.values() if e["programme"].family.category == category]
        blocks.append(Heading(f"{number}. {category.label}"))
        if not entries:
            blocks.append(Paragraph(_("Năm %(year)s không cử cán bộ.") % {"year": plan.year}))
        for entry in entries:
            modes = ", ".join(f"{mode.lower()} {n}" for mode, n in entry["modes"].items())
            cost = (
                _("kinh phí dự kiến %(cost)s đồng") % {"cost": amount(entry["cost"])}
                if not entry["unknown"]
                else _("chưa có định mức kinh phí")
            )
            blocks.append(
                Paragraph(
                    _("- %(name)s: %(n)s người (%(modes)s); %(cost)s.")
                    % {"name": entry["programme"].name, "n": entry["people"], "modes": modes, "cost": cost}
                )
            )
    known = [line.cost_estimate for line in lines if line.cost_estimate is not None]
    blocks += [
        Heading(_("3. Kinh phí")),
        Paragraph(
            _(
                "Tổng số %(n)s lượt cán bộ; kinh phí dự kiến %(cost)s đồng%(missing)s, từ ngân sách tỉnh "
                "theo phân cấp và các nguồn hợp pháp khác (chi tiết tại các phụ lục)."
            )
            % {
                "n": sum(line.headcount for line in lines),
                "cost": amount(sum(known)),
                "missing": _(", chưa tính %(k)s dòng chưa có định mức") % {"k": len(lines) - len(known)}
                if len(known) < len(lines)
                else "",
            }
        ),
        Heading(_("III. TỔ CHỨC THỰC HIỆN")),
        Paragraph(
            _(
                "1. Ban Tổ chức Tỉnh ủy, Sở Nội vụ theo chức năng, nhiệm vụ hướng dẫn, theo dõi, đôn đốc "
                "các cơ quan, đơn vị thực hiện kế hoạch; tổng hợp kết quả, báo cáo Ban Thường vụ Tỉnh ủy."
            )
        ),
        Paragraph(
            _(
                "2. Các cấp ủy, tổ chức đảng, cơ quan, đơn vị cử cán bộ đi đào tạo, bồi dưỡng đúng đối "
                "tượng, số lượng trong kế hoạch; tạo điều kiện để cán bộ hoàn thành khóa học."
            )
        ),
        Paragraph(
            _(
                "3. Trường Chính trị tỉnh và các cơ sở đào tạo phối hợp mở lớp, quản lý học viên, báo cáo "
                "kết quả học tập về cơ quan cử cán bộ đi học."
            )
        ),
    ]
    return blocks, grouped


def _annexes(number_text: str, covered: list, lines: list[PlanLine], grouped: dict) -> tuple[Annex, ...]:
    note = _("(Kèm theo Kế hoạch số %(number)s)") % {
        "number": number_text.removeprefix("Số").removeprefix(":").strip()
    }
    by_unit = defaultdict(lambda: [0, 0, 0])
    units = {plan.pk: plan.unit for plan in covered}
    for line in lines:
        entry = by_unit[line.plan_id]
        entry[0] += line.headcount
        entry[1] += line.cost_estimate or 0
        entry[2] += line.cost_estimate is None
    unit_rows = tuple(
        (str(n), units[pk].name, str(people), _partial(cost, unknown))
        for n, (pk, (people, cost, unknown)) in enumerate(
            ((pk, by_unit[pk]) for pk in units if pk in by_unit), start=1
        )
    )
    people = sum(line.headcount for line in lines)
    cost = sum(line.cost_estimate or 0 for line in lines)
    total = _partial(cost, sum(line.cost_estimate is None for line in lines))
    programme_rows = tuple(
        (
            str(n),
            e["programme"].name,
            ", ".join(e["modes"]),
            str(e["people"]),
            _partial(e["cost"], e["unknown"]),
        )
        for n, e in enumerate(grouped.values(), start=1)
    )
    star = (
        (Note(_("(*) Chưa tính dòng chưa có định mức kinh phí.")),)
        if any(line.cost_estimate is None for line in lines)
        else ()
    )
    return (
        Annex(
            _("PHỤ LỤC 1. SỐ NGƯỜI VÀ KINH PHÍ THEO ĐƠN VỊ"),
            note,
            (
                Table(
                    (_("TT"), _("Đơn vị"), _("Số người"), _("Kinh phí dự kiến (đồng)")),
                    unit_rows,
                    (12, 91, 22, 40),
                    frozenset({2, 3}),
                    ("", _("Tổng cộng"), str(people), total),
                ),
                *star,
            ),
        ),
        Annex(
            _("PHỤ LỤC 2. SỐ NGƯỜI VÀ KINH PHÍ THEO CHƯƠNG TRÌNH"),
            note,
            (
                Table(
                    (_("TT"), _("Chương trình"), _("Hình thức"), _("Số người"), _("Kinh phí dự kiến (đồng)")),
                    programme_rows,
                    (12, 71, 24, 20, 38),
                    frozenset({3, 4}),
                    ("", _("Tổng cộng"), "", str(people), total),
                ),
                *star,
            ),
        ),
    )


def _partial(cost: int, unknown: int) -> str:
    """A cost, marked (*) when lines without a cost are left out of it; "(*)" alone when all are."""
    if not unknown:
        return amount(cost)
    return f"{amount(cost)} (*)" if cost else "(*)"


def _check(actor, plan: TrainingPlan) -> None:
    require(actor, Action.ISSUE_PLAN_DOCUMENTS)
    if plan.unit.bloc not in aggregated_blocs(actor):
        raise PermissionDenied(
            _("Văn bản kế hoạch của %(bloc)s do %(role)s ban hành.")
            % {"bloc": plan.unit.get_bloc_display(), "role": plan_aggregator(plan.unit.bloc)}
        )


def document_day(plan: TrainingPlan) -> dt.date | None:
    """The day an approved version bears: its number's, once it has one, else the day Ban Thường vụ
    approved it; None for an earlier version (a draft, dated when it is signed)."""
    if plan.state not in NUMBERED_STATES:
        return None
    issued = issued_number(plan, DOC_TYPE)
    return issued.issued_on if issued else reached_on(plan, PlanState.DA_PHE_DUYET) or today()


def _register_entry(plan: TrainingPlan, day: dt.date) -> dict:
    """Where and how the plan's number goes in its issuer's register, dated `day`."""
    issuer = issuer_of(plan)
    return {"obj": plan, "issuer": issuer.code, "doc_type": DOC_TYPE, "term": issuer.term(day),
            "issued_on": day, "text": lambda n: issuer.number(n, DOC_TYPE)}


def number_on_paper(actor, plan: TrainingPlan, step) -> None:
    """Putting an approved plan in force: the number it bore on paper, when one was typed, goes into its
    issuer's register now, dated as its document (the day it was approved); without one, its first
    download takes the register's next."""
    if NUMBER_ON_PAPER.name in step.inputs:
        entry = _register_entry(plan, document_day(plan))
        number_issue_in_step(step, actor=actor, **entry)


@transaction.atomic
def plan_document(*, actor, plan: TrainingPlan, file_name: str = "", signer: int | None = None
                  ) -> OfficialDocument:
    """The plan's document; an approved version takes its number here (once), and the download is
    recorded. `plan` must come from `plan_get` (the actor's reach); `signer` is the cadre who signs for
    the issuing body, its head when None (`Issuer.signature`); a numbered version keeps the signer of
    its first download (`signed`)."""
    _check(actor, plan)
    issuer = issuer_of(plan)
    province = province_name()
    with translation.override("vi"):
        day = document_day(plan)
        issued = number_issue(actor=actor, **_register_entry(plan, day)) if day is not None else None
        number_text = issued.text if issued else issuer.number(None, DOC_TYPE)
        signature = signed(actor=actor, issued=issued, signer=signer,
                           sign=lambda who: issuer.signature(day or today(), who))
        covered = _covered(plan, issuer)
        lines = list(PlanLine.objects.filter(plan__in=covered).select_related("programme__family", "plan"))
        blocks, grouped = _content(plan, lines)
        document = OfficialDocument(
            layout=issuer.layout,
            superior=issuer.superior.format(province=province),
            issuer=issuer.name.format(province=province),
            number=number_text,
            place_date=place_and_date(province, day, plan.year - 1 if day is None else None),
            doc_type=_("Kế hoạch"),
            summary=_("Đào tạo, bồi dưỡng cán bộ, công chức, viên chức năm %(year)s") % {"year": plan.year},
            signature=signature,
            recipients=issuer.recipients,
            blocks=tuple(blocks),
            annexes=_annexes(number_text, covered, lines, grouped),
            draft=issued is None,
            title=_("Kế hoạch đào tạo, bồi dưỡng năm %(year)s") % {"year": plan.year},
        )
    audit_record(
        actor=actor,
        action=AuditAction.DOCUMENT_EXPORT,
        obj=plan,
        data={
            "van_ban": number_text if issued else _("dự thảo kế hoạch %(code)s") % {"code": plan.code},
            "tep": file_name,
            "nguoi_ky": signature.name,
        },
    )
    return document
