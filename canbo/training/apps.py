from django.apps import AppConfig


class TrainingConfig(AppConfig):
    name = "canbo.training"
    verbose_name = "Đào tạo – bồi dưỡng"

    def ready(self):
        from canbo.rules.signals import rule_set_created
        from canbo.training.services import catalogue_for_new_rule_set

        rule_set_created.connect(catalogue_for_new_rule_set, dispatch_uid="training_catalogue")

        from canbo.training.models import TrainingPlan
        from canbo.training.plan_process import PLAN_PROCESS
        from canbo.workflow.process import register

        register(TrainingPlan, PLAN_PROCESS)

        from canbo.training.course_process import COURSE_PROCESS
        from canbo.training.models import Course

        register(Course, COURSE_PROCESS)

        from canbo.exchange.signals import province_replacing
        from canbo.training.replace import training_delete

        province_replacing.connect(training_delete, dispatch_uid="training_replace")
