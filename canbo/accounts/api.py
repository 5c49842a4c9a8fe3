"""What every endpoint of the API shares: authentication (a session with CSRF on unsafe methods,
or a bearer key), the capability check (`requires_api`), the declared error responses; and the
caller's own account and keys."""

import datetime as dt
import re
from functools import wraps
from typing import Annotated

from django.utils.translation import gettext as _
from ninja import Field, Router, Schema, Status
from ninja.pagination import PageNumberPagination
from ninja.security import HttpBearer, django_auth
from pydantic import BaseModel, BeforeValidator, WithJsonSchema

from canbo.accounts.tokens import api_token_create, user_for_key
from canbo.core.capabilities import Action, require, scope_label
from canbo.core.dates import today


class BearerKey(HttpBearer):
    """`Authorization: Bearer <key>` with a key from `canbo token USERNAME`."""

    def authenticate(self, request, token):
        user = user_for_key(token)
        if user is not None:
            request.user = user
        return user


# Every router of canbo uses this: a key first, else the signed-in session (CSRF-checked).
API_AUTH = [BearerKey(), django_auth]


# A date parameter: `YYYY-MM-DD` in the years 1900–2199, as the OpenAPI document says. Pydantic alone
# would also read timestamps and date-times (`0` as 01/01/1970), and the rules count ages and terms
# back and forth from the date, which leaves the calendar near the years 1 and 9999.
DATE_PATTERN = "^(19|2[01])[0-9]{2}-[0-9]{2}-[0-9]{2}$"


def _iso_date(value):
    if isinstance(value, str) and not re.fullmatch(DATE_PATTERN, value):
        raise ValueError(_("Ngày phải viết theo dạng YYYY-MM-DD, năm từ 1900 đến 2199."))
    return value


IsoDate = Annotated[
    dt.date, BeforeValidator(_iso_date),
    WithJsonSchema({"type": "string", "format": "date", "pattern": DATE_PATTERN}),
]


def as_of_or_today(as_of: dt.date | None) -> dt.date:
    return as_of or today()


class ErrorOut(Schema):
    """A refusal: 400 a body that is not JSON, 401 not signed in, 403 not allowed, 404 not found or
    out of scope."""

    detail: str


class InvalidOut(Schema):
    """A request whose parameters or body do not validate: one entry per problem."""

    detail: list[dict]


ERRORS = {401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 422: InvalidOut}


def responses(schema, status: int = 200, *, body: bool = False) -> dict:
    """The responses of an endpoint: its own, the errors every endpoint may answer, and 400 for an
    endpoint that reads a JSON body."""
    return {status: schema, **ERRORS, **({400: ErrorOut} if body else {})}


class Pages(PageNumberPagination):
    """`?page=` from 1 to a million: a larger number would overflow the database's offset (a
    server error); it is refused as invalid instead."""

    class Input(Schema):
        page: int = Field(1, ge=1, le=1_000_000)
        page_size: int | None = Field(None, ge=1)


def requires_api(action: str):
    """The endpoint's action from the capability table (403 with the reason otherwise); the
    access matrix test reads it back (`endpoint.capability`)."""

    def decorate(endpoint):
        @wraps(endpoint)
        def wrapped(request, *args, **kwargs):
            require(request.auth, action)
            return endpoint(request, *args, **kwargs)

        wrapped.capability = action
        return wrapped

    return decorate


router = Router(tags=["tài khoản"], auth=API_AUTH)


class MeOut(Schema):
    username: str
    role: str
    scope: str


class NewKeyIn(BaseModel):
    """A JSON object (a ninja `Schema` would read any value, `[]` or `3`, as an object without fields)."""

    label: str = ""


class NewKeyOut(Schema):
    key: str
    prefix: str


@router.get("/toi", response=responses(MeOut), summary="Người dùng đang gọi API, vai trò và phạm vi")
@requires_api(Action.OWN_ACCOUNT)
def me(request):
    user = request.auth
    return {"username": user.username, "role": user.role, "scope": scope_label(user)}


@router.post("/khoa", response=responses(NewKeyOut, 201, body=True),
             summary="Cấp khóa API mới cho chính mình (hiển thị một lần)")
@requires_api(Action.OWN_ACCOUNT)
def new_key(request, payload: NewKeyIn):
    token, key = api_token_create(actor=request.auth, user=request.auth, label=payload.label)
    return Status(201, {"key": key, "prefix": token.prefix})
