from django.apps import AppConfig


class RotationConfig(AppConfig):
    name = "canbo.rotation"
    verbose_name = "Luân chuyển – điều động"

    def ready(self):
        from canbo.rotation.models import Proposal
        from canbo.rotation.procedure import PROPOSAL_PROCESS
        from canbo.workflow.process import register

        register(Proposal, PROPOSAL_PROCESS)

        from canbo.exchange.signals import province_replacing
        from canbo.rotation.replace import rotation_delete

        province_replacing.connect(rotation_delete, dispatch_uid="rotation_replace")
