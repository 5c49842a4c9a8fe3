from django.apps import AppConfig
from django.contrib.admin.apps import SimpleAdminConfig


class AccountsConfig(AppConfig):
    default = True  # the app's own config, among the configs of this module
    name = "canbo.accounts"
    label = "accounts"
    verbose_name = "Người dùng, phân quyền"

    def ready(self):
        from canbo.accounts import checks, signals  # noqa: F401 (registers the checks, connects the receivers)


class AdminConfig(SimpleAdminConfig):
    """Django's admin on canbo's admin site, whose sign-in is canbo's (`canbo.accounts.admin_site`).
    Its modules are still found when the URLs load (config/urls.py)."""

    default_site = "canbo.accounts.admin_site.AdminSite"
