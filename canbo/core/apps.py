from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "canbo.core"
    label = "core"
    verbose_name = "Dùng chung"
