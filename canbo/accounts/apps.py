from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "canbo.accounts"
    label = "accounts"
    verbose_name = "Người dùng, phân quyền"

    def ready(self):
        from canbo.accounts import checks, signals  # noqa: F401 (registers the checks, connects the receivers)

