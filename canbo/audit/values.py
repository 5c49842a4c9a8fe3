"""How an object enters the log: its business key, the cadre it concerns, and its field values
made JSON-ready (a related object by its key, a secret by a mark that it changed)."""

import datetime as dt
import decimal
import uuid

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext as _

# Attributes that name an object to officials, in the order they are looked for.
KEY_ATTRIBUTES = ("code", "key", "username", "prefix")
# Values the log must not keep; it records that they changed.
SECRET_FIELDS = frozenset({"password", "key_hash"})
SECRET_MARK = "***"  # noqa: S105 (a mark, not a password)


def object_key(obj) -> str:
    """The key officials read: a cadre's or unit's code, a parameter's key, a user's name…
    (the primary key when the object has none, e.g. one line of a cadre's history)."""
    for attribute in KEY_ATTRIBUTES:
        value = getattr(obj, attribute, None)
        if isinstance(value, str) and value:
            return value
    return str(obj.pk)


CADRE_MODEL = "people.Cadre"


def cadre_code_of(obj) -> str:
    """The code of the cadre an object is about (the cadre itself or a line of their history).
    The log sits below the records, so it knows the cadre model by its label."""
    if obj._meta.label == CADRE_MODEL:
        return obj.code
    cadre = getattr(obj, "cadre", None)
    return cadre.code if isinstance(cadre, models.Model) and cadre._meta.label == CADRE_MODEL else ""


def json_ready(value):
    if isinstance(value, models.Model):
        return object_key(value)
    if isinstance(value, dt.datetime):
        return value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, decimal.Decimal | uuid.UUID):
        return str(value)
    if isinstance(value, dict):
        return {str(k): json_ready(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [json_ready(v) for v in value]
    return value


def field_value(obj, field: models.Field):
    if field.name in SECRET_FIELDS:
        return SECRET_MARK
    if field.is_relation:
        return json_ready(getattr(obj, field.name))
    return json_ready(field.value_from_object(obj))


def recorded_fields(obj) -> list[models.Field]:
    """The fields a person sets; those canbo derives (tree paths, search text) are left out."""
    return [field for field in obj._meta.concrete_fields if not field.primary_key and field.editable]


def snapshot(obj, names=None) -> dict:
    """`obj`'s recorded field values (or those of `names`), JSON-ready, by field name."""
    fields = recorded_fields(obj)
    if names is not None:
        wanted = set(names)
        fields = [field for field in fields if field.name in wanted]
    return {field.name: field_value(obj, field) for field in fields}


def from_snapshot(model, values: dict) -> dict:
    """`snapshot`'s values of `model` read back: each as its field takes it, a related object looked up
    by the key it was logged with. One no longer there is refused with its name and key."""
    restored = {}
    for name, value in values.items():
        field = model._meta.get_field(name)
        if value is None or not field.is_relation:
            restored[name] = None if value is None else field.to_python(value)
            continue
        related = field.related_model
        names = {f.name for f in related._meta.concrete_fields}
        key = next((attribute for attribute in KEY_ATTRIBUTES if attribute in names), "pk")
        found = related._default_manager.filter(**{key: value}).first()
        if found is None:
            raise ValidationError(_("%(object)s “%(key)s” không còn trong danh mục.") % {
                "object": str(related._meta.verbose_name).capitalize(), "key": value})
        restored[name] = found
    return restored
