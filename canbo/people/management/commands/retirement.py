import json

from django.core.management.base import BaseCommand, CommandError

from canbo.core.dates import DateOutOfRange, check_date_range, parse_partial_date
from canbo.people.retirement import FEMALE, MALE, retirement


class Command(BaseCommand):
    help = "Ngày nghỉ hưu theo giới tính và ngày sinh (Bộ luật Lao động 2019, Nghị định 135/2020/NĐ-CP)."

    def add_arguments(self, parser):
        parser.add_argument("--gioi-tinh", required=True, choices=[MALE, FEMALE])
        parser.add_argument("--ngay-sinh", required=True, help="YYYY-MM-DD, YYYY-MM hoặc YYYY")
        parser.add_argument("--json", action="store_true", help="in kết quả dạng JSON")

    def handle(self, *args, **opts):
        try:
            birth = check_date_range(parse_partial_date(opts["ngay_sinh"])[0])
        except DateOutOfRange as exc:
            raise CommandError(str(exc)) from exc
        except ValueError as exc:
            raise CommandError(
                f"Ngày sinh “{opts['ngay_sinh']}” không hợp lệ: dùng YYYY-MM-DD, YYYY-MM hoặc YYYY."
            ) from exc
        result = retirement(opts["gioi_tinh"], birth)
        if opts["json"]:
            payload = {
                "ngay_nghi_huu": result.date.isoformat(),
                "tuoi_nghi_huu": {"nam": result.years, "thang": result.months},
            }
            self.stdout.write(json.dumps(payload, ensure_ascii=False))
        else:
            self.stdout.write(
                f"Nghỉ hưu ngày {result.date:%d/%m/%Y}, ở tuổi {result.years} năm {result.months} tháng."
            )
