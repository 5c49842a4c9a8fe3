from django.apps import AppConfig


class DocumentsConfig(AppConfig):
    name = "canbo.documents"
    verbose_name = "Văn bản"
