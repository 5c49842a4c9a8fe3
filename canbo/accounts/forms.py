from django import forms
from django.conf import settings
from django.contrib.auth.forms import AuthenticationForm, PasswordChangeForm
from django.utils.translation import gettext_lazy as _

from canbo.accounts.models import ApiToken
from canbo.accounts.tokens import MAX_DAYS


class SignInForm(AuthenticationForm):
    error_messages = {
        "invalid_login": _(
            "Tên đăng nhập hoặc mật khẩu không đúng. Kiểm tra lại (mật khẩu phân biệt chữ hoa, chữ thường)."
        ),
        "inactive": _("Tài khoản này đã bị khoá. Liên hệ quản trị hệ thống."),
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["username"].label = _("Tên đăng nhập")
        self.fields["password"].label = _("Mật khẩu")


class NewPasswordForm(PasswordChangeForm):
    """Django's form (the old password, then the new one twice, checked by AUTH_PASSWORD_VALIDATORS)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["old_password"].label = _("Mật khẩu đang dùng")
        self.fields["new_password1"].label = _("Mật khẩu mới")
        self.fields["new_password2"].label = _("Nhập lại mật khẩu mới")


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Mã xác thực"), max_length=20, strip=True,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "autofocus": True, "size": 12}),
    )

    def __init__(self, *args, autofocus: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        if not autofocus:  # a page with two code forms focuses neither
            self.fields["code"].widget.attrs.pop("autofocus")


class NewKeyForm(forms.Form):
    label = forms.CharField(
        label=_("Ghi chú (để phân biệt các khóa)"), required=False,
        max_length=ApiToken._meta.get_field("label").max_length,
    )
    days = forms.IntegerField(label=_("Thời hạn (ngày)"), min_value=1, max_value=MAX_DAYS)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["days"].initial = settings.CANBO_API_KEY_DAYS
