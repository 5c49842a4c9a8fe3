from django.apps import AppConfig


class OpsConfig(AppConfig):
    name = "canbo.ops"
    label = "ops"
    verbose_name = "Vận hành"
