from django.apps import AppConfig


class WorkflowConfig(AppConfig):
    name = "canbo.workflow"
    verbose_name = "Quy trình xử lý"
