"""Who the load benchmarks sign in as and what they ask the cadre list for (bench/load.py drives
them through gunicorn, bench/list_cost.py measures each of their list pages alone)."""

import re

PASSWORD = "demo2017"  # noqa: S105 (the documented demo password)
LOGINS = ("btc", "snv", "btv", "hr_ductrong")
FILTERS = ({"khoi": "dang"}, {"khoi": "nha_nuoc"}, {"cap": "xa"}, {"cap": "huyen"}, {"gioi_tinh": "nu"},
           {"loai": "cong_chuc"}, {"trang_thai": "dang_cong_tac"}, {"q": "nguyen"}, {"q": "thi hoa"},
           {"sap_xep": "-ho_ten"}, {"trang": "3"})

UNIT_PICKER = re.compile(r'<select[^>]*name="don_vi".*?</select>', flags=re.S)
UNIT_OPTION = re.compile(r'<option value="([^"]+)"')


def picker_units(page: str) -> list[str]:
    """The unit codes a list page offers in its unit filter."""
    picker = UNIT_PICKER.search(page)
    return UNIT_OPTION.findall(picker.group(0)) if picker else []


def demo_sign_ins(size: int, seed: int = 2017) -> None:
    """The demo's sign-ins for a province imported from the demo workbook (`canbo import` does not
    make them, `canbo demo` does), as `canbo demo` makes them; nothing when they are there."""
    from canbo.accounts.models import User
    from canbo.accounts.system import system_actor
    from canbo.exchange.demo.users import demo_mark

    if User.objects.filter(username__in=LOGINS, is_active=True).count() < len(LOGINS):
        demo_mark(actor=system_actor(), seed=seed, size=size)
