"""A proposal checked by SPEC §11, through the one definition of it (`canbo.rules.proposals`): the
result, and each violation worded with its rule and the clause of the plan it cites."""

from django.utils.translation import gettext as _

from canbo.rules import proposals
from canbo.rules.pairs import Proposal as Proposed
from canbo.rules.proposal_rules import VIOLATIONS, WARNINGS


def check(*, cadre, unit, position_type, kind, start, end=None, btv_exception=False) -> tuple[dict, dict]:
    return proposals.proposal_check(
        cadre=cadre,
        unit=unit,
        position_type=position_type,
        proposal=Proposed(kind, start, end, btv_exception),
    )


def check_of(proposal) -> tuple[dict, dict]:
    """The check of a stored proposal, as of its start date, with the rule set in force then."""
    return check(
        cadre=proposal.cadre,
        unit=proposal.to_unit,
        position_type=proposal.position_type,
        kind=proposal.kind,
        start=proposal.start,
        end=proposal.end,
        btv_exception=proposal.btv_exception,
    )


def worded(item: dict) -> str:
    """One violation or warning: its title, the rule with its clause, and the facts behind it."""
    facts = "; ".join(item["su_kien"])
    rule = item["ten_quy_tac"] or item["quy_tac"]
    text = _("%(title)s (quy tắc %(code)s – %(rule)s; căn cứ: %(clause)s)") % {
        "title": item["tieu_de"],
        "code": item["quy_tac"],
        "rule": rule,
        "clause": item["can_cu"] or "–",
    }
    return f"{text}: {facts}" if facts else text


def refusal(explanation: dict) -> str | None:
    """Why the proposal may not go on, or None when it breaks no rule."""
    if not explanation["vi_pham"]:
        return None
    return _("Đề xuất vi phạm: %(items)s.") % {"items": " ".join(worded(i) for i in explanation["vi_pham"])}


def titles(codes: list[str]) -> list[str]:
    """The titles of kept violation or warning codes (a step's, or the proposal's last check)."""
    known = {check.code: str(check.title) for check in (*VIOLATIONS, *WARNINGS)}
    return [known.get(code, code) for code in codes]
