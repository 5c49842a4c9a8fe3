"""The one capability table: which role may take which action (SPEC §1).

Services (`require`), selectors, views (`canbo.accounts.decorators.requires`), API endpoints and
the menu all ask this table; no role list lives anywhere else. *Where* an allowed action reaches
(the unit subtree, the blocs, the BTV-managed cadres) is the role's scope, applied to data by
`canbo.accounts.scope`.
"""

from django.core.exceptions import PermissionDenied
from django.db import models
from django.utils.translation import gettext_lazy as _

from canbo.core.roles import Role


class Action(models.TextChoices):
    VIEW_RECORDS = "xem_ho_so", _("Xem hồ sơ cán bộ")
    EDIT_RECORDS = "sua_ho_so", _("Sửa hồ sơ cán bộ")
    VIEW_REVIEW = "xem_ra_soat", _("Xem rà soát nợ bằng")
    VIEW_TRAINING = "xem_dao_tao", _("Xem danh sách đủ điều kiện đào tạo")
    VIEW_ROTATION = "xem_luan_chuyen", _("Xem nguồn luân chuyển, vị trí khuyết, người địa phương")
    CHECK_PROPOSAL = "kiem_tra_de_xuat", _("Kiểm tra đề xuất luân chuyển, điều động")
    VIEW_RULES = "xem_quy_tac", _("Xem quy tắc")
    EDIT_RULES = "sua_quy_tac", _("Sửa tham số, bộ quy tắc")
    EDIT_CATALOGUES = "sua_danh_muc", _("Sửa danh mục chức danh, ngạch, tiêu chuẩn, đơn vị")
    VIEW_AUDIT = "xem_nhat_ky", _("Xem nhật ký thay đổi")
    IMPORT_WORKBOOK = "nhap_du_lieu", _("Nhập tệp dữ liệu")
    EXPORT_WORKBOOK = "xuat_du_lieu", _("Xuất tệp dữ liệu")
    ADMINISTER = "quan_tri", _("Quản trị hệ thống")


_ALL = frozenset(Role.values)
_READERS = frozenset({Role.BTV, Role.THUONG_TRUC, Role.BTC, Role.SNV, Role.INSPECTOR, Role.UNIT_HR})

# action -> roles that may take it. A superuser may take every action.
CAPABILITIES: dict[str, frozenset[str]] = {
    Action.VIEW_RECORDS: _ALL,
    Action.EDIT_RECORDS: frozenset({Role.BTC, Role.SNV, Role.UNIT_HR}),
    Action.VIEW_REVIEW: _READERS,
    Action.VIEW_TRAINING: _READERS | {Role.SCHOOL},
    Action.VIEW_ROTATION: _READERS,
    Action.CHECK_PROPOSAL: frozenset({Role.BTV, Role.THUONG_TRUC, Role.BTC, Role.SNV, Role.UNIT_HR}),
    Action.VIEW_RULES: _ALL,
    Action.EDIT_RULES: frozenset({Role.BTC}),
    Action.EDIT_CATALOGUES: frozenset({Role.BTC, Role.SNV}),
    Action.VIEW_AUDIT: frozenset({Role.INSPECTOR, Role.BTC}),
    Action.IMPORT_WORKBOOK: frozenset({Role.BTC, Role.SNV}),
    Action.EXPORT_WORKBOOK: frozenset({Role.BTC, Role.SNV}),
    Action.ADMINISTER: frozenset(),
}


def can(actor, action: str) -> bool:
    """Whether `actor` (a user, the system actor, or an anonymous user) may take `action`."""
    signed_in = getattr(actor, "is_authenticated", False) and getattr(actor, "is_active", True)
    if not signed_in:
        return False
    if getattr(actor, "is_superuser", False):
        return True
    return getattr(actor, "role", None) in CAPABILITIES[action]


def require(actor, action: str) -> None:
    """Raise PermissionDenied, naming the action and who may take it, unless `actor` may take it."""
    if can(actor, action):
        return
    allowed = ", ".join(str(Role(role).label) for role in Role.values if role in CAPABILITIES[action])
    raise PermissionDenied(
        _("Bạn không có quyền: %(action)s. Quyền này thuộc: %(roles)s.")
        % {"action": Action(action).label, "roles": allowed or _("quản trị hệ thống")}
    )
