"""The one capability table: which role may take which action (SPEC §1), and the scope table:
where a role's actions reach.

Services (`require`), selectors, views (`canbo.accounts.decorators.requires`), API endpoints
(`canbo.accounts.api.requires_api`) and the menu all ask these tables; no role list lives anywhere
else. The scope is applied to data by `canbo.accounts.scope` (units) and each domain's
`visible_*` selector (`canbo.org.selectors.visible_units`, `canbo.people.selectors.visible_cadres`).
"""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db import models
from django.utils.translation import gettext_lazy as _

from canbo.core.levels import Bloc
from canbo.core.roles import Role


class Action(models.TextChoices):
    OWN_ACCOUNT = "tai_khoan", _("Xem tài khoản của mình, cấp khóa API")
    VIEW_RECORDS = "xem_ho_so", _("Xem hồ sơ cán bộ")
    EDIT_RECORDS = "sua_ho_so", _("Sửa hồ sơ cán bộ")
    VIEW_REVIEW = "xem_ra_soat", _("Xem rà soát nợ bằng")
    VIEW_TRAINING = "xem_dao_tao", _("Xem danh sách đủ điều kiện đào tạo")
    VIEW_PROGRAMMES = "xem_chuong_trinh", _("Xem danh mục chương trình đào tạo, bồi dưỡng")
    EDIT_PROGRAMMES = "sua_chuong_trinh", _("Sửa danh mục chương trình đào tạo, bồi dưỡng")
    VIEW_PLANS = "xem_ke_hoach", _("Xem kế hoạch đào tạo, bồi dưỡng hằng năm")
    DRAFT_PLANS = "lap_ke_hoach", _("Lập, gửi, điều chỉnh kế hoạch đào tạo, bồi dưỡng của đơn vị")
    AGGREGATE_PLANS = "tong_hop_ke_hoach", _("Tổng hợp, trả lại, ban hành kế hoạch đào tạo, bồi dưỡng")
    REPORT_PLANS = "trinh_ke_hoach", _("Trình Thường trực Tỉnh ủy kế hoạch đào tạo, bồi dưỡng")
    REVIEW_PLANS = "cho_y_kien_ke_hoach", _("Cho ý kiến, trả lại kế hoạch đào tạo, bồi dưỡng đã trình")
    APPROVE_PLANS = "phe_duyet_ke_hoach", _("Phê duyệt kế hoạch đào tạo, bồi dưỡng")
    ISSUE_PLAN_DOCUMENTS = "van_ban_ke_hoach", _("Lấy số, tải văn bản kế hoạch đào tạo, bồi dưỡng")
    PRINT_PERSONAL_HISTORY = "in_so_yeu_ly_lich", _("In sơ yếu lý lịch (Mẫu 2C-BNV/2008)")
    VIEW_COURSES = "xem_khoa_hoc", _("Xem khóa học, học viên và kết quả")
    MANAGE_COURSES = "quan_ly_khoa_hoc", _("Mở khóa học, ghi danh học viên, chuyển bước khóa học")
    RECORD_RESULTS = "ghi_ket_qua", _("Ghi kết quả học tập, hoàn thành khóa học")
    VIEW_ROTATION = "xem_luan_chuyen", _("Xem nguồn luân chuyển, vị trí khuyết, người địa phương")
    CHECK_PROPOSAL = "kiem_tra_de_xuat", _("Kiểm tra đề xuất luân chuyển, điều động")
    DRAFT_PROPOSALS = "lap_de_xuat", _("Lập dự thảo đề xuất, danh sách luân chuyển, điều động")
    RUN_PROPOSALS = "trinh_de_xuat", _("Trình, xin ý kiến, ban hành, triển khai luân chuyển, điều động")
    REVIEW_PROPOSALS = "cho_y_kien_de_xuat", _("Cho ý kiến, đồng ý bằng văn bản, gặp cán bộ luân chuyển")
    DECIDE_PROPOSALS = "quyet_dinh_de_xuat", _("Quyết định luân chuyển, điều động theo thẩm quyền")
    EVALUATE_ROTATED = "danh_gia_luan_chuyen", _("Đánh giá cán bộ luân chuyển hằng năm, cuối thời hạn")
    VIEW_ALLOWANCES = "xem_ho_tro_luan_chuyen", _("Xem danh sách hỗ trợ một lần kinh phí cán bộ luân chuyển")
    BUILD_SCENARIOS = "lap_kich_ban", _("Lập, sửa kịch bản dự báo đào tạo, bồi dưỡng")
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
    Action.OWN_ACCOUNT: _ALL,
    Action.VIEW_RECORDS: _ALL,
    Action.EDIT_RECORDS: frozenset({Role.BTC, Role.SNV, Role.UNIT_HR}),
    Action.VIEW_REVIEW: _READERS,
    Action.VIEW_TRAINING: _READERS | {Role.SCHOOL},
    Action.VIEW_PROGRAMMES: _READERS | {Role.SCHOOL},
    Action.EDIT_PROGRAMMES: frozenset({Role.BTC, Role.SNV}),
    Action.VIEW_PLANS: _READERS,
    Action.DRAFT_PLANS: frozenset({Role.UNIT_HR, Role.BTC, Role.SNV}),
    Action.AGGREGATE_PLANS: frozenset({Role.BTC, Role.SNV}),
    Action.REPORT_PLANS: frozenset({Role.BTC, Role.SNV}),
    Action.REVIEW_PLANS: frozenset({Role.THUONG_TRUC, Role.BTV}),
    Action.APPROVE_PLANS: frozenset({Role.BTV}),
    Action.ISSUE_PLAN_DOCUMENTS: frozenset({Role.BTC, Role.SNV}),
    Action.PRINT_PERSONAL_HISTORY: _READERS,
    Action.VIEW_COURSES: _READERS | {Role.SCHOOL},
    Action.MANAGE_COURSES: frozenset({Role.BTC, Role.SNV, Role.SCHOOL}),
    Action.RECORD_RESULTS: frozenset({Role.BTC, Role.SNV, Role.SCHOOL}),
    Action.VIEW_ROTATION: _READERS,
    Action.CHECK_PROPOSAL: frozenset({Role.BTV, Role.THUONG_TRUC, Role.BTC, Role.SNV, Role.UNIT_HR}),
    Action.DRAFT_PROPOSALS: frozenset({Role.BTC, Role.SNV}),
    Action.RUN_PROPOSALS: frozenset({Role.BTC, Role.SNV}),
    Action.REVIEW_PROPOSALS: frozenset({Role.THUONG_TRUC}),
    Action.DECIDE_PROPOSALS: frozenset({Role.BTV, Role.BTC, Role.SNV, Role.UNIT_HR}),
    Action.EVALUATE_ROTATED: frozenset({Role.BTC, Role.SNV, Role.UNIT_HR}),
    Action.VIEW_ALLOWANCES: frozenset({Role.BTV, Role.THUONG_TRUC, Role.BTC, Role.SNV, Role.INSPECTOR}),
    Action.BUILD_SCENARIOS: frozenset({Role.BTC, Role.SNV}),
    Action.VIEW_RULES: _ALL,
    Action.EDIT_RULES: frozenset({Role.BTC}),
    Action.EDIT_CATALOGUES: frozenset({Role.BTC, Role.SNV}),
    Action.VIEW_AUDIT: frozenset({Role.INSPECTOR, Role.BTC}),
    Action.IMPORT_WORKBOOK: frozenset({Role.BTC, Role.SNV}),
    Action.EXPORT_WORKBOOK: frozenset({Role.BTC, Role.SNV}),
    Action.ADMINISTER: frozenset(),
}

# Roles whose users confirm every sign-in with a second factor, a code from an authenticator app,
# besides the password: those who read and decide over the whole province. Staff and superusers
# too, whatever their role (`needs_second_factor`).
SECOND_FACTOR_ROLES: frozenset[str] = frozenset({Role.BTV, Role.THUONG_TRUC, Role.BTC, Role.SNV})


def needs_second_factor(user) -> bool:
    """Whether the capability table requires a second factor of `user` (the setting
    CANBO_2FA_REQUIRED may relax it: `canbo.accounts.second_factor.second_factor_required`)."""
    return bool(user.is_staff or user.is_superuser or user.role in SECOND_FACTOR_ROLES)


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


# Who aggregates the annual training plans of a unit's bloc (plan IV.1; SPEC §4 "Organisation of the
# work"): Ban Tổ chức the Party, internal-affairs, Front and mass-organisation blocs, Sở Nội vụ the state
# and public-service blocs (and, through them, the province-wide plan).
PLAN_AGGREGATORS: dict[str, str] = {
    Bloc.DANG: Role.BTC,
    Bloc.NOI_CHINH: Role.BTC,
    Bloc.MTTQ_DOAN_THE: Role.BTC,
    Bloc.NHA_NUOC: Role.SNV,
    Bloc.SU_NGHIEP: Role.SNV,
}


# Who runs a course that no training provider of the province runs itself, by its organiser: Ban Tổ
# chức the courses of the provincial and district Party committees, Sở Nội vụ its own. A course whose
# provider is a unit of the province (Trường Chính trị tỉnh) is run by that provider's `school` users.
COURSE_OFFICES: dict[str, str] = {
    "tinh_uy": Role.BTC,
    "huyen_uy": Role.BTC,
    "so_noi_vu": Role.SNV,
}


def aggregated_blocs(actor) -> frozenset[str]:
    """The blocs whose plans `actor` aggregates (every bloc for a superuser), narrowed by the user's own
    blocs; empty for roles that aggregate none."""
    if not (getattr(actor, "is_authenticated", False) and getattr(actor, "is_active", True)):
        return frozenset()
    if actor.is_superuser:
        return frozenset(PLAN_AGGREGATORS)
    blocs = frozenset(bloc for bloc, role in PLAN_AGGREGATORS.items() if role == actor.role)
    return blocs & frozenset(actor.blocs) if actor.blocs else blocs


def plan_aggregator(bloc: str) -> str:
    """The label of the role that aggregates the plans of `bloc`."""
    return str(Role(PLAN_AGGREGATORS[bloc]).label)


# Who decides a rotation or transfer, by the authority SPEC §11 routes it to (`tham_quyen`; R7, D4).
# canbo has no role of its own for the Party committee of the Provincial People's Committee (Ban cán sự
# đảng UBND tỉnh): Sở Nội vụ, the body that advises it on state-bloc personnel, takes its decisions
# in canbo; a unit's Party committee decides through the unit's own personnel officer.
PROPOSAL_AUTHORITIES: dict[str, str] = {
    "btv": Role.BTV,
    "btc": Role.BTC,
    "bcs_dang_ubnd": Role.SNV,
    "cap_uy_don_vi": Role.UNIT_HR,
}


def decides_proposals_of(actor, authority: str | None) -> bool:
    """Whether `actor` takes the decisions of `authority` (a superuser takes every one)."""
    if not can(actor, Action.DECIDE_PROPOSALS):
        return False
    return bool(actor.is_superuser or PROPOSAL_AUTHORITIES.get(authority) == actor.role)


def proposal_authority_role(authority: str) -> str:
    """The label of the role that decides for `authority`."""
    return str(Role(PROPOSAL_AUTHORITIES[authority]).label)


@dataclass(frozen=True)
class RoleScope:
    """Where a role's actions reach.

    `blocs`: the blocs of the units it sees (None: every bloc). `own_unit`: only the subtree of the
    user's `scope_unit`, nothing while it is unset. `btv_managed`: besides, every cadre holding or
    planned at D for a position type the Standing Committee manages.
    """

    blocs: frozenset[str] | None = None
    own_unit: bool = False
    btv_managed: bool = False


PROVINCE = RoleScope()

SCOPES: dict[str, RoleScope] = {
    Role.BTV: PROVINCE,
    Role.THUONG_TRUC: PROVINCE,
    Role.INSPECTOR: PROVINCE,
    Role.SCHOOL: PROVINCE,
    Role.BTC: RoleScope(blocs=frozenset({Bloc.DANG, Bloc.MTTQ_DOAN_THE}), btv_managed=True),
    Role.SNV: RoleScope(blocs=frozenset({Bloc.NHA_NUOC, Bloc.SU_NGHIEP})),
    Role.UNIT_HR: RoleScope(own_unit=True),
}


@dataclass(frozen=True)
class ActorScope:
    """A user's scope: the role's, narrowed by the user's own `scope_unit` and `blocs`.

    `everything`: no condition at all (superusers, the system actor). `nothing`: no unit and no
    cadre. Otherwise units are those under `unit_path` (None: anywhere) whose bloc is in `blocs`
    (None: any bloc), and, when `btv_managed`, also BTV-managed cadres whose post or planned post
    lies within the user's own narrowing (`own_path`, `own_blocs`).
    """

    everything: bool = False
    nothing: bool = False
    unit_path: str | None = None
    blocs: frozenset[str] | None = None
    btv_managed: bool = False
    own_blocs: frozenset[str] | None = None

    @property
    def narrowed(self) -> bool:
        """Whether the user's own settings narrow the scope (the BTV-managed reach follows them)."""
        return self.unit_path is not None or self.own_blocs is not None


EVERYTHING = ActorScope(everything=True)
NOTHING = ActorScope(nothing=True)


def scope_of(actor) -> ActorScope:
    """The actor's scope; a user's own `scope_unit` and `blocs` only ever narrow the role's."""
    if not (getattr(actor, "is_authenticated", False) and getattr(actor, "is_active", True)):
        return NOTHING
    if actor.is_superuser:
        return EVERYTHING
    role_scope = SCOPES.get(actor.role)
    if role_scope is None or (role_scope.own_unit and actor.scope_unit_id is None):
        return NOTHING
    own_blocs = frozenset(actor.blocs) if actor.blocs else None
    blocs = role_scope.blocs
    if own_blocs is not None:
        blocs = own_blocs if blocs is None else blocs & own_blocs
    unit_path = actor.scope_unit.path if actor.scope_unit_id is not None else None
    if unit_path is None and blocs is None and not role_scope.btv_managed:
        return EVERYTHING
    return ActorScope(
        unit_path=unit_path, blocs=blocs, btv_managed=role_scope.btv_managed, own_blocs=own_blocs
    )


def scope_label(actor) -> str:
    """The scope in words, for the top bar and the API: a unit, blocs, or the whole province."""
    if getattr(actor, "is_superuser", False):
        return str(_("Toàn tỉnh (quản trị)"))
    scope = scope_of(actor)
    if scope.nothing and getattr(actor, "scope_unit_id", None) is None:
        return str(_("Chưa được giao đơn vị"))
    if scope.everything:
        return str(_("Toàn tỉnh"))
    parts = []
    if scope.unit_path is not None:
        parts.append(actor.scope_unit.name)
    if scope.blocs is not None:
        labels = dict(Bloc.choices)
        blocs = ", ".join(str(labels[bloc]) for bloc in Bloc.values if bloc in scope.blocs)
        parts.append(blocs or str(_("không khối nào (khối của người dùng ngoài khối của vai trò)")))
    if scope.btv_managed:
        parts.append(str(_("cán bộ diện BTV quản lý")))
    return "; ".join(parts)
