"""Signing in and out, and changing one's own password."""

from django.contrib import messages
from django.contrib.auth import update_session_auth_hash
from django.contrib.auth import views as auth_views
from django.shortcuts import redirect
from django.urls import reverse_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from canbo.accounts.decorators import requires
from canbo.accounts.forms import NewPasswordForm, SignInForm
from canbo.accounts.services import password_change
from canbo.core.capabilities import Action


class SignInView(auth_views.LoginView):
    template_name = "accounts/sign_in.html"
    authentication_form = SignInForm
    redirect_authenticated_user = True


class SignOutView(auth_views.LogoutView):
    pass


class PasswordChangeView(auth_views.PasswordChangeView):
    template_name = "accounts/password_change.html"
    form_class = NewPasswordForm
    success_url = reverse_lazy("accounts:password_change")
    extra_context = {"crumbs": [(gettext_lazy("Đổi mật khẩu"), "")]}

    def form_valid(self, form):
        password_change(actor=self.request.user, user=form.user, password=form.cleaned_data["new_password1"])
        update_session_auth_hash(self.request, form.user)  # this session stays signed in
        messages.success(self.request, _("Đã đổi mật khẩu. Lần đăng nhập sau, dùng mật khẩu mới."))
        return redirect(self.success_url)


password_change_view = requires(Action.OWN_ACCOUNT)(PasswordChangeView.as_view())
