from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from canbo.accounts.system import system_actor
from canbo.core.command_text import dump, table
from canbo.exchange.findings import findings_table
from canbo.optimize.proposals import proposal_json, rotation_proposal
from canbo.optimize.seats import workbook_seats
from canbo.optimize.sheet import BadSheet
from canbo.reports.management.commands._common import as_of_arg, parse_as_of


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = 0
    if not value > 0:
        raise CommandError(
            _("Giới hạn thời gian “%(text)s” không hợp lệ: cần một số giây dương.") % {"text": text}
        )
    return value


class Command(BaseCommand):
    help = (
        "Đề xuất luân chuyển tối ưu: phân công nguồn luân chuyển vào các vị trí sao cho tổng điểm phù hợp "
        "lớn nhất, có chứng minh tối ưu (SPEC §13)."
    )

    def add_arguments(self, parser):
        as_of_arg(parser)
        seats = parser.add_mutually_exclusive_group(required=True)
        seats.add_argument(
            "--vacancies", action="store_true", help="các vị trí khuyết của chức danh chủ chốt"
        )
        seats.add_argument(
            "--posts", metavar="FILE.xlsx", help="bảng tính: mỗi dòng (ma_don_vi, ma_chuc_danh) một vị trí"
        )
        parser.add_argument(
            "--time-limit",
            default="60",
            help="giới hạn thời gian giải, giây (mặc định 60); hết giờ trước khi chứng minh được tối ưu thì "
            "trả về cách chọn lần lượt từng vị trí (khả thi) cùng cận trên",
        )

    def handle(self, *args, **opts):
        as_of = parse_as_of(opts["as_of"])
        time_limit = _seconds(opts["time_limit"])
        posts = None
        if opts["posts"]:
            try:
                posts = workbook_seats(opts["posts"])
            except BadSheet as exc:
                raise CommandError(
                    _("Bảng tính vị trí “%(path)s” không dùng được:\n%(table)s")
                    % {"path": opts["posts"], "table": findings_table(exc.findings, limit=50)}
                ) from exc
        seats, _pairs, result = rotation_proposal(
            actor=system_actor(), as_of=as_of, posts=posts, time_limit=time_limit
        )
        payload = proposal_json(seats, result)
        if opts["json"]:
            self.stdout.write(dump(payload))
            return
        status = _("tối ưu (đã chứng minh)") if result.proved else _("khả thi")
        self.stdout.write(
            _("Phân công %(n)s / %(seats)s vị trí, tổng điểm %(total)s, %(status)s.")
            % {
                "n": len(payload["phan_cong"]),
                "seats": sum(post.count for post in seats.values()),
                "total": payload["muc_tieu"],
                "status": status,
            }
        )
        if payload["phan_cong"]:
            self.stdout.write(
                table(
                    [_("Đơn vị"), _("Chức danh"), _("Cán bộ"), _("Điểm")],
                    [
                        [r["ma_don_vi"], r["ma_chuc_danh"], r["ma_can_bo"], r["diem"]]
                        for r in payload["phan_cong"]
                    ],
                )
            )
