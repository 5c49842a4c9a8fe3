"""The rotation or transfer decision (R9 step 4) of the body its authority names (`decision_issuers`):
its number is taken from that body's document register (`Số 12-QĐ/TU`, per committee term; `Số: 3/QĐ-UBND`,
per year) in the transaction that issues it, never reused, or is the number it bore on paper when it was
issued before it was entered; before that the decision prints as a draft, with blanks for the number
and the date."""

import datetime as dt

from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from canbo.audit.actions import AuditAction
from canbo.audit.services import audit_record
from canbo.core.capabilities import Action, require
from canbo.core.dates import birth_text, show_date, today
from canbo.documents.content import Article, Centred, OfficialDocument, Paragraph
from canbo.documents.layouts import PARTY
from canbo.documents.models import IssuedNumber
from canbo.documents.services import issued_number, number_issue_in_step, signed
from canbo.documents.text import amount, place_and_date
from canbo.org.selectors import province_name
from canbo.people.active import held_q
from canbo.people.issuers import Signer
from canbo.people.models import PositionHolding
from canbo.rotation.allowance import allowance_of
from canbo.rotation.decision_issuers import Decider, decider_of
from canbo.rotation.models import Proposal
from canbo.rules.explain import citations
from canbo.rules.selectors import rule_set_in_force

DOC_TYPE = "QĐ"
LUAN_CHUYEN = "luan_chuyen"


def issue_day(step) -> dt.date:
    """The day a decision is issued: its step's (a step entered later keeps the day it was taken)."""
    return timezone.localdate(step.at)


def decision_number(actor, proposal: Proposal, step) -> None:
    """Step 4's effect: the decision's number from its issuer's register (or the one it bore on paper,
    when it was issued before it was entered) and its date, the day it is issued."""
    day = issue_day(step)
    decider = decider_of(proposal)
    issued = number_issue_in_step(
        step,
        actor=actor,
        obj=proposal,
        issuer=decider.series,
        doc_type=DOC_TYPE,
        term=decider.issuer.term(day),
        issued_on=day,
        text=lambda n: decider.issuer.number(n, DOC_TYPE),
    )
    proposal.decision_no = issued.text.removeprefix("Số").lstrip(":").strip()
    proposal.decision_date = issued.issued_on
    proposal.full_clean()
    proposal.save(update_fields=["decision_no", "decision_date"])


def issued_decision(proposal: Proposal) -> IssuedNumber | None:
    return issued_number(proposal, DOC_TYPE)


def decision_signers(proposal: Proposal) -> list[Signer]:
    """Who may sign the decision: the deciding body's head and deputies on its date (today for a draft)."""
    issued = issued_decision(proposal)
    return decider_of(proposal).issuer.signers(issued.issued_on if issued else today())


def post_left(proposal: Proposal) -> str:
    """The post the cadre leaves: held the day before the start, in the unit they leave."""
    holdings = PositionHolding.objects.filter(
        held_q(proposal.start - dt.timedelta(days=1)), cadre=proposal.cadre
    ).select_related("position_type", "unit")
    if proposal.from_unit_id:
        holdings = holdings.filter(unit=proposal.from_unit_id)
    holding = holdings.order_by("-position_type__key_position", "position_type__code").first()
    if holding is None:
        return _("công tác tại %(unit)s") % {"unit": proposal.from_unit.name if proposal.from_unit else "…"}
    return f"{holding.position_type.name} {holding.unit.name}"


def _articles(proposal: Proposal, decider: Decider) -> tuple:
    cadre = proposal.cadre
    rotation = proposal.kind == LUAN_CHUYEN
    first = _("%(verb)s đồng chí %(name)s, sinh ngày %(born)s, %(post)s, đến nhận công tác, giữ chức vụ "
              "%(new)s %(unit)s, kể từ ngày %(start)s") % {
        "verb": _("Luân chuyển") if rotation else _("Điều động"),
        "name": cadre.full_name,
        "born": birth_text(cadre.birth_date, cadre.birth_precision),
        "post": post_left(proposal),
        "new": proposal.position_type.name,
        "unit": proposal.to_unit.name,
        "start": show_date(proposal.start),
    }
    if rotation and proposal.end is not None:
        first += _("; thời gian luân chuyển đến ngày %(end)s") % {"end": show_date(proposal.end)}
    second = _("Đồng chí %(name)s được hưởng các chế độ, chính sách theo quy định hiện hành") % {
        "name": cadre.full_name
    }
    support = allowance_of(proposal)
    if support is not None:
        rule = citations(proposal.start).get("R8")
        second += _(
            " và được hỗ trợ một lần kinh phí đối với cán bộ luân chuyển, mức %(amount)s đồng (%(basis)s)"
        ) % {"amount": amount(support), "basis": rule.citation if rule else "R8"}
    units = ", ".join(
        unit.name for unit in (proposal.from_unit, proposal.to_unit) if unit is not None
    )
    third = _(
        "%(executors)s, %(units)s và đồng chí %(name)s căn cứ Quyết định thi hành. Quyết định có hiệu lực "
        "kể từ ngày ký."
    ) % {"executors": decider.executors, "units": units, "name": cadre.full_name}
    return (
        Article(_("Điều 1."), f"{first}."),
        Article(_("Điều 2."), f"{second}."),
        Article(_("Điều 3."), third),
    )


def _grounds(proposal: Proposal, decider: Decider, province: str) -> tuple:
    """The line of the deciding body and its grounds: its own, the plan in force at the start date, and
    whose proposal it decides."""
    plan = rule_set_in_force(proposal.start)
    state = decider.issuer.layout is not PARTY
    plan_line = None
    if plan:
        plan_line = (_("Căn cứ %(plan)s;") if state else _("- Căn cứ %(plan)s;")) % {"plan": plan.name}
    return (
        Centred(str(decider.collective).format(province=province).upper()),
        *(Paragraph(str(line)) for line in decider.grounds),
        *([Paragraph(plan_line)] if plan_line else []),
        Paragraph(str(decider.proposer)),
        Centred(_("QUYẾT ĐỊNH:")),
    )


@transaction.atomic
def decision_document(*, actor, proposal: Proposal, file_name: str = "", signer: int | None = None
                      ) -> OfficialDocument:
    """The proposal's decision, numbered once issued (a draft before); the download is recorded.
    `proposal` must come from `proposal_get` (the actor's reach); `signer` is the cadre who signs for
    the deciding body, its head when None (`Issuer.signature`); an issued decision keeps the signer of
    its first download (`signed`)."""
    require(actor, Action.VIEW_ROTATION)
    issued = issued_decision(proposal)
    rotation = proposal.kind == LUAN_CHUYEN
    decider = decider_of(proposal)
    issuer = decider.issuer
    with translation.override("vi"):
        number_text = issued.text if issued else issuer.number(None, DOC_TYPE)
        province = province_name()
        day = issued.issued_on if issued else None
        signature = signed(actor=actor, issued=issued, signer=signer,
                           sign=lambda who: issuer.signature(day or today(), who))
        document = OfficialDocument(
            layout=issuer.layout,
            superior=str(issuer.superior).format(province=province),
            issuer=str(issuer.name).format(province=province),
            number=number_text,
            place_date=place_and_date(province, day, today().year),
            doc_type=_("Quyết định"),
            summary=_("về việc luân chuyển cán bộ") if rotation else _("về việc điều động cán bộ"),
            signature=signature,
            recipients=tuple(str(line) for line in issuer.recipients),
            blocks=(*_grounds(proposal, decider, province), *_articles(proposal, decider)),
            draft=issued is None,
            title=_("Quyết định %(kind)s cán bộ %(name)s")
            % {"kind": proposal.get_kind_display().lower(), "name": proposal.cadre.full_name},
        )
        audit_record(
            actor=actor,
            action=AuditAction.DOCUMENT_EXPORT,
            obj=proposal,
            data={
                "van_ban": number_text if issued else _("dự thảo quyết định, %(p)s") % {"p": proposal},
                "tep": file_name,
                "nguoi_ky": signature.name,
            },
        )
    return document
