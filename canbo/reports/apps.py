from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "canbo.reports"
    label = "reports"
    verbose_name = "Báo cáo, rà soát"
