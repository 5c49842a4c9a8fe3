from axes.admin import AccessAttemptAdmin as AxesAccessAttemptAdmin
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.db.models import Exists, OuterRef
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django_otp.plugins.otp_static.admin import StaticDeviceAdmin  # noqa: F401 (registers, undone below)
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.admin import TOTPDeviceAdmin  # noqa: F401 (registers, undone below)
from django_otp.plugins.otp_totp.models import TOTPDevice

from canbo.accounts.models import ApiToken, User
from canbo.accounts.second_factor import second_factor_reset
from canbo.audit.admin_audit import AuditedAdmin

# A second factor is reset only through the users' action below, which the change log records;
# django-otp's own pages would also show an administrator the QR code of anyone's secret.
admin.site.unregister([TOTPDevice, StaticDevice])


@admin.register(User)
class UserAdmin(AuditedAdmin, DjangoUserAdmin):
    list_display = ("username", "first_name", "last_name", "role", "scope_unit", "is_active", "is_staff",
                    "second_factor")
    list_filter = ("role", "is_active", "is_staff", "is_superuser")
    search_fields = ("username", "first_name", "last_name", "email", "scope_unit__name")
    autocomplete_fields = ("scope_unit",)
    list_select_related = ("scope_unit",)
    actions = ["reset_second_factor"]
    fieldsets = (
        *DjangoUserAdmin.fieldsets,
        (_("Vai trò và phạm vi"), {"fields": ("role", "scope_unit", "blocs")}),
    )
    add_fieldsets = (
        *DjangoUserAdmin.add_fieldsets,
        (_("Vai trò và phạm vi"), {"fields": ("role", "scope_unit")}),
    )

    def get_queryset(self, request):
        authenticator = TOTPDevice.objects.filter(user=OuterRef("pk"), confirmed=True)
        return super().get_queryset(request).annotate(has_authenticator=Exists(authenticator))

    @admin.display(description=_("Xác thực hai bước"), boolean=True, ordering="has_authenticator")
    def second_factor(self, user):
        return user.has_authenticator

    @admin.action(description=_("Đặt lại xác thực hai bước (mất điện thoại): thiết lập lại khi đăng nhập"))
    def reset_second_factor(self, request, queryset):
        for user in queryset:
            second_factor_reset(actor=request.user, user=user)
        self.message_user(request, ngettext(
            "Đã đặt lại xác thực hai bước của %(n)d người dùng.",
            "Đã đặt lại xác thực hai bước của %(n)d người dùng.", len(queryset)) % {"n": len(queryset)},
            messages.SUCCESS)


@admin.register(ApiToken)
class ApiTokenAdmin(AuditedAdmin):
    list_display = ("user", "prefix", "label", "created_at", "expires_at", "last_used_at", "revoked")
    list_filter = ("revoked",)
    search_fields = ("user__username", "prefix", "label")
    readonly_fields = ("user", "prefix", "created_at", "expires_at", "last_used_at")
    fields = ("user", "prefix", "label", "created_at", "expires_at", "last_used_at", "revoked")

    def has_add_permission(self, request):
        # Keys are issued with `canbo token USERNAME` or the keys page, which show the key once.
        return False


# canbo's change log records sign-ins and failures (AXES_DISABLE_ACCESS_LOG): django-axes's own
# logs stay empty, and only its attempts, which hold the locks, are shown.
admin.site.unregister([AccessAttempt, AccessLog, AccessFailureLog])


@admin.register(AccessAttempt)
class AccessAttemptAdmin(AuditedAdmin, AxesAccessAttemptAdmin):
    """django-axes's failed sign-ins by name and address; deleting one lifts its lock (recorded)."""
