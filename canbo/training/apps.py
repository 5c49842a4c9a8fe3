from django.apps import AppConfig


class TrainingConfig(AppConfig):
    name = "canbo.training"
    verbose_name = "Đào tạo – bồi dưỡng"

    def ready(self):
        from canbo.core.receivers import connect_by_path
        from canbo.exchange.signals import province_replacing
        from canbo.rules.signals import rule_set_created
        from canbo.training.models import Course, TrainingPlan
        from canbo.workflow.process import register

        # By path: the processes and services load when they are used, not at start-up.
        connect_by_path(
            rule_set_created,
            "canbo.training.services.catalogue_for_new_rule_set",
            dispatch_uid="training_catalogue",
        )
        register(TrainingPlan, "canbo.training.plan_process.PLAN_PROCESS")
        register(Course, "canbo.training.course_process.COURSE_PROCESS")
        connect_by_path(
            province_replacing, "canbo.training.replace.training_delete", dispatch_uid="training_replace"
        )
