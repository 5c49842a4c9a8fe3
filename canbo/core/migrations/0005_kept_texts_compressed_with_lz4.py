"""On PostgreSQL, the texts canbo keeps and rewrites after every change of the data (kept results,
grouped figures and their rows) are compressed with LZ4 rather than the default pglz, which took
most of the time of writing them (about 10 MB of rows per figure at 200,000 cadres). A server built
without LZ4 keeps its default."""

from django.db import migrations

KEPT_TEXTS = [
    ("core_rememberedresult", "value"),
    ("core_groupedfigures", "value"),
    ("core_groupedrows", "rows"),
]


def compressed_with_lz4(apps, schema_editor) -> None:
    connection = schema_editor.connection
    if connection.vendor != "postgresql":
        return
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        for table, column in KEPT_TEXTS:
            alter = f"ALTER TABLE {quote(table)} ALTER COLUMN {quote(column)} SET COMPRESSION lz4"
            unless_unsupported = "EXCEPTION WHEN feature_not_supported THEN NULL"
            cursor.execute(f"DO $$ BEGIN EXECUTE '{alter}'; {unless_unsupported}; END $$")


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0004_grouped_figures_as_text"),
    ]

    operations = [
        migrations.RunPython(compressed_with_lz4, migrations.RunPython.noop),
    ]
