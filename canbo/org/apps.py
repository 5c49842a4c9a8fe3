from django.apps import AppConfig


class OrgConfig(AppConfig):
    name = "canbo.org"
    label = "org"
    verbose_name = "Tổ chức, chức danh"
