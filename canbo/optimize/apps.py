from django.apps import AppConfig


class OptimizeConfig(AppConfig):
    name = "canbo.optimize"
    label = "optimize"
    verbose_name = "Đề xuất tối ưu, dự báo"
