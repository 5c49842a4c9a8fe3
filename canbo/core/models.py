"""What canbo keeps about its own data: a token that changes with every write, and results
computed from the data, kept until it changes (`canbo.core.data_cache`)."""

from django.db import models


class DataVersion(models.Model):
    """One row whose token a database trigger replaces with a random number on every write to a
    table the figures read (`canbo.core.data_cache.WATCHED_APPS`): in the writing transaction, by
    any path (services, import, admin, SQL). A rolled-back write leaves the old token, so a token
    is never reused for other data."""

    token = models.BigIntegerField()

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
