"""Every response schema of the API has its own name: django-ninja names a schema in the OpenAPI
document by its class name, so two classes of one name would be documented as one (a course's written
qualifications once took the shape of a cadre's awards)."""

from collections import Counter

from ninja import Schema

from config.api import api


def _subclasses(cls):
    for sub in cls.__subclasses__():
        yield sub
        yield from _subclasses(sub)


def test_no_two_schemas_share_a_name():
    api.get_openapi_schema()  # imports every router's schemas
    names = Counter(
        cls.__name__ for cls in _subclasses(Schema) if cls.__module__.startswith(("canbo.", "config."))
    )
    assert [name for name, count in names.items() if count > 1] == []
