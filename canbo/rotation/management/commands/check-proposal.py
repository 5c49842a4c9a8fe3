from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from canbo.accounts.system import system_actor
from canbo.core.command_text import dump
from canbo.reports.management.commands._common import parse_as_of
from canbo.rotation.selectors import UnknownCode, proposal_check
from canbo.rules.pairs import Proposal


class Command(BaseCommand):
    help = (
        "Kiểm tra một đề xuất luân chuyển hoặc điều động: vi phạm, cảnh báo, hướng, thẩm quyền, hỗ trợ "
        "(SPEC §11; R2, R3, R5–R8, D1, D4, N1)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--cadre", required=True, help="mã cán bộ")
        parser.add_argument("--loai", required=True, choices=["luan_chuyen", "dieu_dong"])
        parser.add_argument("--den-don-vi", required=True, help="mã đơn vị đến")
        parser.add_argument("--chuc-danh", required=True, help="mã chức danh đề xuất")
        parser.add_argument("--tu-ngay", required=True, help="ngày bắt đầu: YYYY-MM-DD hoặc dd/mm/yyyy")
        parser.add_argument("--den-ngay", help="ngày kết thúc (luân chuyển)")
        parser.add_argument("--ngoai-le-btv", action="store_true", help="có ngoại lệ do BTV quyết định (R5)")
        parser.add_argument("--json", action="store_true", help="in kết quả dạng JSON")

    def handle(self, *args, **opts):
        start = parse_as_of(opts["tu_ngay"])
        end = parse_as_of(opts["den_ngay"]) if opts["den_ngay"] else None
        if end is not None and end < start:
            raise CommandError(_("Ngày kết thúc “%(end)s” trước ngày bắt đầu.") % {"end": opts["den_ngay"]})
        proposal = Proposal(opts["loai"], start, end, opts["ngoai_le_btv"])
        try:
            result, explanation = proposal_check(
                actor=system_actor(),
                cadre_code=opts["cadre"],
                unit_code=opts["den_don_vi"],
                type_code=opts["chuc_danh"],
                proposal=proposal,
            )
        except UnknownCode as exc:
            raise CommandError(exc.message) from exc
        if opts["json"]:
            self.stdout.write(dump(result))
            return
        self.stdout.write(_("Hợp lệ") if result["hop_le"] else _("Không hợp lệ"))
        for part in ("vi_pham", "canh_bao"):
            for item in explanation[part]:
                self.stdout.write(
                    f"- {item['ma']}: {item['tieu_de']} [{item['quy_tac']}, {item['can_cu']}]: "
                    + "; ".join(item["su_kien"])
                )
        if explanation.get("tham_quyen"):
            self.stdout.write(_("Thẩm quyền: %(who)s") % {"who": explanation["tham_quyen"]["nhan"]})
