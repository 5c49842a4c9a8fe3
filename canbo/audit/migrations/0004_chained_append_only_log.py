import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

from canbo.audit.actions import AuditAction

# Ordinary writers never reach the log's rows again; on PostgreSQL the database refuses it too.
# TRUNCATE stays possible (restoring a backup, emptying a test database).
APPEND_ONLY_TRIGGER = """
CREATE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'canbo: the audit log is append-only (% refused)', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER audit_event_append_only BEFORE UPDATE OR DELETE ON audit_auditevent
    FOR EACH ROW EXECUTE FUNCTION audit_event_append_only();
"""
DROP_APPEND_ONLY_TRIGGER = """
DROP TRIGGER IF EXISTS audit_event_append_only ON audit_auditevent;
DROP FUNCTION IF EXISTS audit_event_append_only();
"""


def _on_postgresql(sql):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(sql, params=None)

    return run


class Migration(migrations.Migration):

    dependencies = [
        ("audit", "0003_chain_existing_events"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RemoveField(model_name="auditevent", name="summary"),
        migrations.AlterField(
            model_name="auditevent", name="seq",
            field=models.PositiveBigIntegerField(unique=True, verbose_name="số thứ tự"),
        ),
        migrations.AlterField(
            model_name="auditevent", name="actor",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT, related_name="+", to=settings.AUTH_USER_MODEL,
                verbose_name="người thực hiện",
            ),
        ),
        migrations.AlterField(
            model_name="auditevent", name="action",
            field=models.CharField(choices=AuditAction.choices, db_index=True, max_length=60, verbose_name="thao tác"),
        ),
        migrations.AlterField(
            model_name="auditevent", name="object_key",
            field=models.CharField(blank=True, db_index=True, max_length=120, verbose_name="mã đối tượng"),
        ),
        migrations.AlterModelOptions(
            name="auditevent",
            options={"ordering": ["-seq"], "verbose_name": "sự kiện nhật ký", "verbose_name_plural": "nhật ký thay đổi"},
        ),
        migrations.RunPython(
            _on_postgresql(APPEND_ONLY_TRIGGER), _on_postgresql(DROP_APPEND_ONLY_TRIGGER), elidable=False,
        ),
    ]
