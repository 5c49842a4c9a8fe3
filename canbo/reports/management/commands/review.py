from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from canbo.accounts.system import system_actor
from canbo.core.command_output import printed_from_count
from canbo.reports.management.commands._common import as_of_arg, parse_as_of, unit_of
from canbo.reports.review_text import review_text
from canbo.reports.selectors import review
from canbo.rules.engine import review_names
from canbo.rules.verdicts import REVIEW


class Command(BaseCommand):
    help = "Rà soát nợ bằng tại một ngày (sáu chỉ số của Kế hoạch, SPEC §8)."

    def add_arguments(self, parser):
        as_of_arg(parser)
        parser.add_argument("--unit", help="mã đơn vị: chỉ tính cán bộ giữ chức vụ trong cây đơn vị này")

    def handle(self, *args, **opts):
        as_of = parse_as_of(opts["as_of"])
        actor = system_actor()
        unit = unit_of(actor, opts["unit"])
        counts = review(actor=actor, as_of=as_of, unit=unit)
        scope = (_(", đơn vị %(code)s – %(name)s") % {"code": unit.code, "name": unit.name}) if unit else ""
        words = {
            "heading": _("Rà soát ngày %(day)s") % {"day": as_of.strftime("%d/%m/%Y")} + scope,
            "headers": [_("Mã"), _("Chỉ số"), _("Số người")],
            "titles": [[verdict.key, str(verdict.title)] for verdict in REVIEW],
            "appointed": _("đã bổ nhiệm"),
            "planned": _("quy hoạch"),
        }
        self.stdout.write(review_text(counts, words, opts["json"]), ending="")
        if unit is None:  # a unit's name, in the heading, may change without moving any count
            printed_from_count(
                "canbo.reports.review_text",
                "moved_review",
                names=review_names(),
                keys=[verdict.key for verdict in REVIEW],
                words=words,
                as_json=opts["json"],
            )
