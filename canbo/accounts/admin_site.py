"""The admin signs in on canbo's sign-in page, like everyone else: the lockout after failed
sign-ins and the second factor apply to it too. Its own sign-in form is not served."""

from django.contrib import admin
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _


class AdminSite(admin.AdminSite):
    def login(self, request, extra_context=None):
        index = reverse("admin:index", current_app=self.name)
        if self.has_permission(request):
            return redirect(index)
        if request.user.is_authenticated:
            raise PermissionDenied(_("Tài khoản này không có quyền vào trang quản trị."))
        return redirect_to_login(request.GET.get(REDIRECT_FIELD_NAME) or index)
