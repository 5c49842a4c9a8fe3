from django.apps import AppConfig


class RotationConfig(AppConfig):
    name = "canbo.rotation"
    verbose_name = "Luân chuyển – điều động"
