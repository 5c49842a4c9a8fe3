from django import template

from canbo.core.capabilities import Action, aggregated_blocs, can
from canbo.core.dates import today
from canbo.documents.services import issued_number, signer_choice
from canbo.training.plan_document import DOC_TYPE, NUMBERED_STATES, document_day, issuer_of

register = template.Library()


@register.inclusion_tag("training/_plan_document.html", takes_context=True)
def plan_document_links(context, plan):
    """The plan's document links, for the office that issues it."""
    user = context["request"].user
    shown = can(user, Action.ISSUE_PLAN_DOCUMENTS) and plan.unit.bloc in aggregated_blocs(user)
    choice = signer_choice(issued_number(plan, DOC_TYPE), lambda: issuer_of(plan).signers(
        document_day(plan) or today())) if shown else {}
    return {"plan": plan, "numbered": plan.state in NUMBERED_STATES, "shown": shown, **choice}
