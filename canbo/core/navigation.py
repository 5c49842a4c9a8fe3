"""The left navigation, as data: (area, label, URL name, action).

An item shows only when its URL name resolves (the page exists) and the capability table lets the
user take its action, so a new page appears in the menu by adding one line here and the menu
never offers a page that would answer 403. `staff_only` items show to administrators only. Areas
keep the order of `AREAS`.
"""

from dataclasses import dataclass

from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _

from canbo.core.capabilities import Action, can

AREAS = (
    ("overview", _("Tổng quan")),
    ("records", _("Hồ sơ cán bộ")),
    ("review", _("Rà soát")),
    ("training", _("Đào tạo – bồi dưỡng")),
    ("rotation", _("Luân chuyển – điều động")),
    ("reports", _("Báo cáo")),
    ("catalogues", _("Danh mục")),
    ("audit", _("Nhật ký")),
    ("account", _("Tài khoản")),
)


@dataclass(frozen=True)
class NavItem:
    area: str
    label: str
    url_name: str
    action: str
    staff_only: bool = False


ITEMS = (
    NavItem("overview", _("Trang chủ"), "core:home", Action.VIEW_RECORDS),
    NavItem("records", _("Danh sách cán bộ"), "people:cadre_list", Action.VIEW_RECORDS),
    NavItem("records", _("Cây tổ chức"), "org:unit_tree", Action.VIEW_RECORDS),
    NavItem("review", _("Rà soát"), "reports:review", Action.VIEW_REVIEW),
    NavItem("review", _("So sánh hai ngày"), "core:compare", Action.VIEW_REVIEW),
    NavItem("reports", _("Số lượng, chất lượng cán bộ"), "reports:quality", Action.VIEW_REVIEW),
    NavItem("records", _("Nguồn kế cận theo chức danh"), "succession:by_position", Action.VIEW_REVIEW),
    NavItem("training", _("Danh sách đủ điều kiện đào tạo"), "reports:eligible", Action.VIEW_TRAINING),
    NavItem("training", _("Kế hoạch đào tạo hằng năm"), "training:plans", Action.VIEW_PLANS),
    NavItem("training", _("Khóa học"), "training:courses", Action.VIEW_COURSES),
    NavItem("training", _("Kinh phí đào tạo, bồi dưỡng"), "training:budget", Action.VIEW_PLANS),
    NavItem("training", _("Tiến độ đào tạo"), "training:progress", Action.VIEW_REVIEW),
    NavItem("training", _("Biểu số 10-BTCTW"), "training:form10", Action.VIEW_REVIEW),
    NavItem("training", _("Chương trình đào tạo, bồi dưỡng"), "training:programmes", Action.VIEW_PROGRAMMES),
    NavItem("training", _("Dự báo theo kịch bản"), "optimize:scenarios", Action.VIEW_REVIEW),
    NavItem("rotation", _("Nguồn luân chuyển"), "reports:rotation_pool", Action.VIEW_ROTATION),
    NavItem("rotation", _("Bố trí không là người địa phương"), "reports:nonlocal", Action.VIEW_ROTATION),
    NavItem("rotation", _("Vị trí khuyết"), "rotation:vacancies", Action.VIEW_ROTATION),
    NavItem("rotation", _("Kiểm tra đề xuất"), "rotation:check_proposal", Action.CHECK_PROPOSAL),
    NavItem("rotation", _("Chỉ tiêu luân chuyển 20%"), "rotation:target", Action.VIEW_ROTATION),
    NavItem("rotation", _("Đề xuất luân chuyển, điều động"), "rotation:proposals", Action.VIEW_ROTATION),
    NavItem("rotation", _("Đề xuất luân chuyển tối ưu"), "optimize:optimiser", Action.DRAFT_PROPOSALS),
    NavItem("rotation", _("Cán bộ đang luân chuyển"), "rotation:rotations", Action.VIEW_ROTATION),
    NavItem("rotation", _("Hỗ trợ cán bộ luân chuyển"), "rotation:allowances", Action.VIEW_ALLOWANCES),
    NavItem("catalogues", _("Quy tắc"), "rules:list", Action.VIEW_RULES),
    NavItem("catalogues", _("Quản trị danh mục"), "admin:index", Action.EDIT_CATALOGUES, staff_only=True),
    NavItem("catalogues", _("Nhập dữ liệu từ tệp"), "exchange:import", Action.IMPORT_WORKBOOK),
    NavItem("audit", _("Nhật ký thay đổi"), "audit:list", Action.VIEW_AUDIT),
    NavItem("account", _("Đổi mật khẩu"), "accounts:password_change", Action.OWN_ACCOUNT),
    NavItem("account", _("Xác thực hai bước"), "accounts:second_factor_setup", Action.OWN_ACCOUNT),
    NavItem("account", _("Khóa API"), "accounts:api_keys", Action.OWN_ACCOUNT),
)


def _url(url_name: str) -> str | None:
    try:
        return reverse(url_name)
    except NoReverseMatch:
        return None


def item_allowed(user, item: NavItem) -> bool:
    if item.staff_only and not (user.is_staff or user.is_superuser):
        return False
    return can(user, item.action)


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
