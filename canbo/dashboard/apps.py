from django.apps import AppConfig


class DashboardConfig(AppConfig):
    name = "canbo.dashboard"
    verbose_name = "Tổng quan"
