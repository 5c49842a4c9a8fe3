from django.apps import AppConfig


class RotationConfig(AppConfig):
    name = "canbo.rotation"
    verbose_name = "Luân chuyển – điều động"

    def ready(self):
        from canbo.core.receivers import connect_by_path
        from canbo.exchange.signals import province_replacing
        from canbo.rotation.models import Proposal
        from canbo.workflow.process import register

        # By path: the procedure and its checks load when a proposal takes a step, not at start-up.
        register(Proposal, "canbo.rotation.procedure.PROPOSAL_PROCESS")
        connect_by_path(
            province_replacing, "canbo.rotation.replace.rotation_delete", dispatch_uid="rotation_replace"
        )
