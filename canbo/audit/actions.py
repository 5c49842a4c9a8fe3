"""What an audit event records: one member of this enum per kind of write (or read of personal
data). The label is how the log names it, in the reader's language."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class AuditAction(models.TextChoices):
    LOCALITY_CREATE = "locality_create", _("Thêm địa bàn")
    UNIT_CREATE = "unit_create", _("Thêm đơn vị")
    UNIT_CLOSE = "unit_close", _("Giải thể, sáp nhập đơn vị")
    POSITION_TYPE_CREATE = "position_type_create", _("Thêm chức danh")
    RANK_CREATE = "rank_create", _("Thêm ngạch")
    STANDARD_VERSION_CREATE = "standard_version_create", _("Ban hành tiêu chuẩn mới")
    CADRE_CREATE = "cadre_create", _("Thêm cán bộ")
    CADRE_VIEW = "cadre_view", _("Xem hồ sơ cán bộ")
    HOLDING_ADD = "holding_add", _("Thêm quá trình công tác")
    QUALIFICATION_ADD = "qualification_add", _("Thêm trình độ")
    PLANNING_ADD = "planning_add", _("Thêm quy hoạch")
    DISCIPLINE_ADD = "discipline_add", _("Thêm kỷ luật")
    EVALUATION_ADD = "evaluation_add", _("Thêm đánh giá")
    MOVEMENT_ADD = "movement_add", _("Thêm luân chuyển, điều động")
    POST_ADD = "post_add", _("Thêm vị trí")
    PARAMETER_VERSION_CREATE = "parameter_version_create", _("Thay đổi tham số quy tắc")
    RULE_SET_COPY = "rule_set_copy", _("Tạo bộ quy tắc mới")
    RULE_TOGGLE = "rule_toggle", _("Bật, tắt quy tắc trong bộ")
    PROGRAMME_CREATE = "programme_create", _("Thêm chương trình đào tạo, bồi dưỡng")
    PROGRAMME_UPDATE = "programme_update", _("Sửa chương trình đào tạo, bồi dưỡng")
    PROGRAMME_DELETE = "programme_delete", _("Xóa chương trình đào tạo, bồi dưỡng")
    PLAN_CREATE = "plan_create", _("Lập kế hoạch đào tạo, bồi dưỡng")
    PLAN_UPDATE = "plan_update", _("Sửa dự thảo kế hoạch đào tạo, bồi dưỡng")
    PLAN_AMEND = "plan_amend", _("Điều chỉnh kế hoạch đào tạo, bồi dưỡng đã phê duyệt")
    PROGRAMMES_COPY = "programmes_copy", _("Sao chép danh mục chương trình sang bộ quy tắc mới")
    WORKFLOW_STEP = "workflow_step", _("Chuyển bước xử lý")
    WORKBOOK_IMPORT = "workbook_import", _("Nhập tệp dữ liệu")
    DATA_EXPORT = "data_export", _("Xuất dữ liệu cá nhân")
    USER_CREATE = "user_create", _("Tạo tài khoản")
    API_TOKEN_CREATE = "api_token_create", _("Tạo khóa API")
    API_TOKEN_REVOKE = "api_token_revoke", _("Thu hồi khóa API")
    ADMIN_CREATE = "admin_create", _("Quản trị thêm")
    ADMIN_UPDATE = "admin_update", _("Quản trị sửa")
    ADMIN_DELETE = "admin_delete", _("Quản trị xóa")
    SIGN_IN = "sign_in", _("Đăng nhập")
    SIGN_IN_FAILED = "sign_in_failed", _("Đăng nhập sai")
