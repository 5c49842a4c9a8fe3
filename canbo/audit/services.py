from canbo.audit.models import AuditEvent


def audit_record(
    *,
    actor,
    action: str,
    obj=None,
    before: dict | None = None,
    after: dict | None = None,
    data: dict | None = None,
    summary: str = "",
) -> AuditEvent:
    """Append one event; call inside the writing service's transaction.

    `before` / `after`: the object's values (JSON-ready) before and after the change.
    """
    details = dict(data or {})
    if before is not None:
        details["truoc"] = before
    if after is not None:
        details["sau"] = after
    return AuditEvent.objects.create(
        actor=actor if getattr(actor, "pk", None) else None,
        action=action,
        object_type=obj._meta.label if obj is not None else "",
        object_id=str(obj.pk) if obj is not None else "",
        summary=summary,
        data=details,
    )
