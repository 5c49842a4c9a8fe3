from canbo.audit.models import AuditEvent


def audit_record(*, actor, action: str, summary: str, obj=None, data: dict | None = None) -> AuditEvent:
    """Append one event; call inside the writing service's transaction."""
    return AuditEvent.objects.create(
        actor=actor if getattr(actor, "pk", None) else None,
        action=action,
        object_type=obj._meta.label if obj is not None else "",
        object_id=str(obj.pk) if obj is not None else "",
        summary=summary,
        data=data or {},
    )
