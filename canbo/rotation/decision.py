"""The rotation or transfer decision of the Ban Thường vụ Tỉnh ủy (R9 step 4) as a Party document
(DOCUMENTS.md §1): its number is taken from the document register (`Số 12-QĐ/TU`, per committee term)
in the transaction that issues it, never reused; before that the decision prints as a draft, with
blanks for the number and the date."""

import datetime as dt

from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _

from canbo.audit.actions import AuditAction
from canbo.audit.services import audit_record
from canbo.core.capabilities import Action, require
from canbo.core.dates import birth_text, show_date, today
from canbo.documents.content import Article, Centred, OfficialDocument, Paragraph, Signature
from canbo.documents.layouts import PARTY
from canbo.documents.models import IssuedNumber
from canbo.documents.services import number_issue, party_term
from canbo.documents.text import amount, place_and_date
from canbo.org.selectors import province_name
from canbo.people.active import held_q
from canbo.people.models import PositionHolding
from canbo.rotation.allowance import allowance_of
from canbo.rotation.models import Proposal
from canbo.rules.explain import citations
from canbo.rules.selectors import rule_set_in_force

ISSUER = "TU"
DOC_TYPE = "QĐ"
LUAN_CHUYEN = "luan_chuyen"


def _number_text(number: int | None) -> str:
    return PARTY.number(number, DOC_TYPE, ISSUER)


def decision_number(actor, proposal: Proposal, step) -> None:
    """Step 4's effect: the decision's number from the register and its date, the day it is issued."""
    day = today()
    issued = number_issue(
        actor=actor,
        obj=proposal,
        issuer=ISSUER,
        doc_type=DOC_TYPE,
        term=party_term(day),
        issued_on=day,
        text=_number_text,
    )
    proposal.decision_no = issued.text.removeprefix("Số").strip()
    proposal.decision_date = issued.issued_on
    proposal.full_clean()
    proposal.save(update_fields=["decision_no", "decision_date"])


def _issued(proposal: Proposal) -> IssuedNumber | None:
    return IssuedNumber.objects.filter(
        series__issuer=ISSUER,
        series__doc_type=DOC_TYPE,
        object_type=proposal._meta.label,
        object_key=str(proposal.pk),
    ).first()


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


def _articles(proposal: Proposal) -> tuple:
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
        "Văn phòng Tỉnh ủy, Ban Tổ chức Tỉnh ủy, %(units)s và đồng chí %(name)s căn cứ Quyết định thi "
        "hành. Quyết định có hiệu lực kể từ ngày ký."
    ) % {"units": units, "name": cadre.full_name}
    return (
        Article(_("Điều 1."), f"{first}."),
        Article(_("Điều 2."), f"{second}."),
        Article(_("Điều 3."), third),
    )


def _grounds(proposal: Proposal) -> tuple:
    """The line of the Ban Thường vụ and the grounds: the Party's Statute, the working rules, the plan
    in force at the start date, the proposal of Ban Tổ chức."""
    plan = rule_set_in_force(proposal.start)
    return (
        Centred(_("BAN THƯỜNG VỤ TỈNH ỦY")),
        Paragraph(_("- Căn cứ Điều lệ Đảng Cộng sản Việt Nam;")),
        Paragraph(_("- Căn cứ Quy chế làm việc của Ban Chấp hành Đảng bộ tỉnh, Ban Thường vụ Tỉnh ủy;")),
        *([Paragraph(_("- Căn cứ %(plan)s;") % {"plan": plan.name})] if plan else []),
        Paragraph(_("- Xét đề nghị của Ban Tổ chức Tỉnh ủy,")),
        Centred(_("QUYẾT ĐỊNH:")),
    )


@transaction.atomic
def decision_document(*, actor, proposal: Proposal, file_name: str = "") -> OfficialDocument:
    """The proposal's decision, numbered once issued (a draft before); the download is recorded.
    `proposal` must come from `proposal_get` (the actor's reach)."""
    require(actor, Action.VIEW_ROTATION)
    issued = _issued(proposal)
    rotation = proposal.kind == LUAN_CHUYEN
    with translation.override("vi"):
        number_text = issued.text if issued else _number_text(None)
        province = province_name()
        document = OfficialDocument(
            layout=PARTY,
            superior="",
            issuer=_("Tỉnh ủy %(province)s") % {"province": province},
            number=number_text,
            place_date=place_and_date(province, issued.issued_on if issued else None, today().year),
            doc_type=_("Quyết định"),
            summary=_("về việc luân chuyển cán bộ") if rotation else _("về việc điều động cán bộ"),
            signature=Signature(_("T/M BAN THƯỜNG VỤ"), _("BÍ THƯ"), ""),
            recipients=(
                _("- Ban Tổ chức Trung ương (b/c),"),
                _("- Thường trực Tỉnh ủy,"),
                _("- Như Điều 3,"),
                _("- Lưu hồ sơ cán bộ,"),
                _("- Lưu VPTU."),
            ),
            blocks=(*_grounds(proposal), *_articles(proposal)),
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
            },
        )
    return document
