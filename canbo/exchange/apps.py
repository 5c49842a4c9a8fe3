from django.apps import AppConfig


class ExchangeConfig(AppConfig):
    name = "canbo.exchange"
    label = "exchange"
    verbose_name = "Nhập, xuất dữ liệu"
