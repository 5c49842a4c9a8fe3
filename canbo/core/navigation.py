"""The left navigation, as data: (area, label, URL name, roles).

An item shows only when its URL name resolves (the page exists) and the user's role may use it,
so a new page appears in the menu by adding one line here. `roles=None` means every role;
`staff_only` items show to administrators only. Areas keep the order of `AREAS`.
"""

from dataclasses import dataclass

from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _

from canbo.accounts.models import Role

PROVINCE_READERS = (Role.BTV, Role.THUONG_TRUC, Role.BTC, Role.SNV, Role.INSPECTOR)
REVIEWERS = (*PROVINCE_READERS, Role.UNIT_HR)

AREAS = (
    ("overview", _("Tổng quan")),
    ("records", _("Hồ sơ cán bộ")),
    ("review", _("Rà soát")),
    ("training", _("Đào tạo – bồi dưỡng")),
    ("rotation", _("Luân chuyển – điều động")),
    ("reports", _("Báo cáo")),
    ("catalogues", _("Danh mục")),
    ("audit", _("Nhật ký")),
)


@dataclass(frozen=True)
class NavItem:
    area: str
    label: str
    url_name: str
    roles: tuple[str, ...] | None = None
    staff_only: bool = False


ITEMS = (
    NavItem("overview", _("Trang chủ"), "core:home"),
    NavItem("records", _("Danh sách cán bộ"), "people:cadre_list"),
    NavItem("records", _("Cây tổ chức"), "org:unit_tree"),
    NavItem("review", _("Rà soát"), "reports:review", REVIEWERS),
    NavItem("training", _("Danh sách đủ điều kiện đào tạo"), "reports:eligible", (*REVIEWERS, Role.SCHOOL)),
    NavItem("rotation", _("Nguồn luân chuyển"), "reports:rotation_pool", REVIEWERS),
    NavItem("rotation", _("Bố trí không là người địa phương"), "reports:nonlocal", REVIEWERS),
    NavItem("rotation", _("Vị trí khuyết"), "rotation:vacancies", REVIEWERS),
    NavItem(
        "rotation",
        _("Kiểm tra đề xuất"),
        "rotation:check_proposal",
        (Role.BTV, Role.THUONG_TRUC, Role.BTC, Role.SNV, Role.UNIT_HR),
    ),
    NavItem("catalogues", _("Quy tắc"), "rules:list"),
    NavItem("catalogues", _("Quản trị danh mục"), "admin:index", staff_only=True),
    NavItem("audit", _("Nhật ký thay đổi"), "audit:list", (Role.INSPECTOR, Role.BTC)),
)


def _url(url_name: str) -> str | None:
    try:
        return reverse(url_name)
    except NoReverseMatch:
        return None


def item_allowed(user, item: NavItem) -> bool:
    if user.is_superuser:
        return True
    if item.staff_only:
        return user.is_staff
    return item.roles is None or user.role in item.roles


def navigation_for(user, current_view: str | None = None) -> list[dict]:
    """Areas with the items this user may open; areas without any item are left out."""
    areas = []
    for area_key, area_label in AREAS:
        links = []
        for item in ITEMS:
            if item.area != area_key or not item_allowed(user, item):
                continue
            url = _url(item.url_name)
            if url is None:
                continue
            links.append({"label": item.label, "url": url, "active": item.url_name == current_view})
        if links:
            areas.append({"key": area_key, "label": area_label, "links": links})
    return areas
