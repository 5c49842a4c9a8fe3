"""What canbo keeps about its own data: a token that changes with every write, and results
computed from the data, kept until it changes (`canbo.core.data_cache`), and which cadres and units
each write touched, so that figures summed per cadre move by the difference (`canbo.core.deltas`)."""

import json

from django.db import models
from django.utils import timezone


class DataVersion(models.Model):
    """One row whose token a database trigger replaces with a random number on every write to a
    table the figures read (`canbo.core.data_cache.WATCHED_APPS`): in the writing transaction, by
    any path (services, import, admin, SQL). A rolled-back write leaves the old token, so a token
    is never reused for other data."""

    token = models.BigIntegerField()
    # The number of writes (statements on PostgreSQL, rows on SQLite) since the row was made: a
    # column rather than a sequence, so a rolled-back write leaves no gap and the row's lock orders
    # the numbers as the writes commit.
    seq = models.BigIntegerField(default=0)
    # Replaced only by a write that may change everyone (a table that names no cadre: localities,
    # units, position types, standards, rules and parameters; a bulk write): what is read from
    # those tables alone (a date's rules context) is kept while it is the same.
    wide_token = models.BigIntegerField(default=0)

    class Meta:
        verbose_name = "phiên bản dữ liệu"

    def __str__(self) -> str:
        return str(self.token)


class RememberedResult(models.Model):
    """A result computed from the data (a review figure, the ordered ids behind it), valid while
    the data token is `token`."""

    key = models.CharField(max_length=64, primary_key=True)
    token = models.BigIntegerField(db_index=True)
    value = models.JSONField()

    class Meta:
        verbose_name = "kết quả đã tính"

    def __str__(self) -> str:
        return self.key


class DataChange(models.Model):
    """What the write numbered `seq` touched, written by the same trigger that replaces the data
    token: a cadre (the row's cadre) and a unit (the row's unit) where its table has them (a post:
    its unit alone), or
    `everything` for a table every cadre's figures may read (units, position types, standards,
    rules) and for a bulk write. Every write has at least one row (both ids empty where it changed
    no row)."""

    seq = models.BigIntegerField(db_index=True)
    cadre_id = models.IntegerField(null=True)
    unit_id = models.IntegerField(null=True)
    everything = models.BooleanField(default=False)

    class Meta:
        verbose_name = "thay đổi dữ liệu"

    def __str__(self) -> str:
        return f"{self.seq}"


class JSONText(models.TextField):
    """A JSON value kept as its text, written and read back as it is: PostgreSQL's `jsonb` parsed
    and compressed each stored figure again (5–7 ms for one of 40 KB), and nothing queries inside
    these values."""

    def from_db_value(self, value, expression, connection):
        return None if value is None else json.loads(value)

    def get_prep_value(self, value):
        return None if value is None else json.dumps(value)


class GroupedFigures(models.Model):
    """Sums per group of a figure counted per cadre (or unit), as of the data token `token`, the
    write number `seq`; their per-entity rows are `GroupedRows` (none kept where `seq` is empty)."""

    key = models.CharField(max_length=64, primary_key=True)
    token = models.BigIntegerField()
    seq = models.BigIntegerField(null=True)
    value = JSONText()
    kept_at = models.DateTimeField(default=timezone.now)  # counted or moved last

    class Meta:
        verbose_name = "số liệu đã cộng theo nhóm"

    def __str__(self) -> str:
        return self.key


class GroupedRows(models.Model):
    """The rows that the cadres (or units) of one chunk of ids (`canbo.core.moving.CHUNK` ids from
    `chunk` times it) add to the sums of `GroupedFigures` with the same key: each row as a list, the
    cadre's (or unit's) id first. In chunks, so that keeping a whole workforce's rows writes a few
    hundred of them."""

    key = models.CharField(max_length=64)
    chunk = models.IntegerField()
    rows = JSONText()

    class Meta:
        verbose_name = "dòng của số liệu theo nhóm"
        constraints = [models.UniqueConstraint(fields=["key", "chunk"], name="grouped_rows_key_chunk")]

    def __str__(self) -> str:
        return f"{self.key}:{self.chunk}"
