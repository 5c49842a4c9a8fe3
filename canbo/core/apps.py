from django.apps import AppConfig
from django.contrib.auth.signals import user_logged_in
from django.db.models.signals import post_migrate
from django.urls import register_converter


def _after_migrate(sender, using="default", **kwargs):
    from canbo.core.data_cache import install_triggers
    from canbo.core.deltas import forget_all

    install_triggers(using)
    # A new version of canbo may count or print differently: nothing kept by the last one is served.
    forget_all(using)


class CoreConfig(AppConfig):
    name = "canbo.core"
    label = "core"
    verbose_name = "Dùng chung"

    def ready(self):
        from canbo.core.codes import CodeConverter
        from canbo.core.receivers import connect_by_path

        register_converter(CodeConverter, "code")
        # After every migrate (and flush): tables added by any migration get their triggers.
        post_migrate.connect(_after_migrate, sender=self, dispatch_uid="canbo.core.data_triggers")
        # By path: the middleware (and the request handling it loads) is not needed by a command.
        connect_by_path(
            user_logged_in, "canbo.core.middleware.session_started", dispatch_uid="canbo.core.session_started"
        )
