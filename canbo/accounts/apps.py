from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "canbo.accounts"
    label = "accounts"
    verbose_name = "Người dùng, phân quyền"

    def ready(self):
        from canbo.accounts import signals  # noqa: F401 (connects the sign-in receivers)
