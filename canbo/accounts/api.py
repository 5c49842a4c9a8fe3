"""What every endpoint of the API shares: authentication (a session with CSRF on unsafe methods,
or a bearer key), the capability check (`requires_api`), the declared error responses; and the
caller's own account and keys."""

import datetime as dt
import re
from functools import wraps
from typing import Annotated

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema, Status
from ninja.errors import AuthenticationError
from ninja.pagination import PageNumberPagination
from ninja.security import HttpBearer, django_auth
from pydantic import AfterValidator, BaseModel, BeforeValidator, WithJsonSchema

from canbo.accounts.models import ApiToken
from canbo.accounts.tokens import MAX_DAYS, KeyExpired, api_token_create, user_for_key
from canbo.core.capabilities import Action, require, scope_label
from canbo.core.dates import check_date_range, today


class BearerKey(HttpBearer):
    """`Authorization: Bearer <key>` with a key from the keys page or `canbo token USERNAME`; an
    expired key is refused with a 401 that says so."""

    def authenticate(self, request, token):
        try:
            user = user_for_key(token)
        except KeyExpired as exc:
            raise AuthenticationError(message=str(exc.message)) from exc
        if user is not None:
            request.user = user
            request.by_api_key = True
        return user


# Every router of canbo uses this: a key first, else the signed-in session (CSRF-checked).
API_AUTH = [BearerKey(), django_auth]


# A date parameter: `YYYY-MM-DD` within the dates canbo reads (01/01/1900–31/12/2100), as the OpenAPI
# document says; 422 with the message otherwise. Pydantic alone would also read timestamps and
# date-times (`0` as 01/01/1970), and the rules count ages and terms back and forth from the date.
DATE_PATTERN = "^(19[0-9]{2}|20[0-9]{2}|2100)-[0-9]{2}-[0-9]{2}$"


def _iso_date(value):
    """Only `YYYY-MM-DD` text (the range is `check_date_range`'s, with its message)."""
    if isinstance(value, str) and not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", value):
        raise ValueError(_("Ngày phải viết theo dạng YYYY-MM-DD."))
    if not isinstance(value, str | dt.date):
        raise ValueError(_("Ngày phải viết theo dạng YYYY-MM-DD."))
    return value


Day = Annotated[
    dt.date, BeforeValidator(_iso_date), AfterValidator(check_date_range),
    WithJsonSchema({"type": "string", "format": "date", "pattern": DATE_PATTERN}),
]


class Pages(PageNumberPagination):
    """`?page=` as the pages read it: a page past the last is the last one (never an offset beyond
    what the database can hold); below 1 it is refused as invalid."""

    class Input(Schema):
        page: int = Field(1, ge=1)
        page_size: int | None = Field(None, ge=1)

    def paginate_queryset(self, queryset, pagination, request, **params):
        size = self._get_page_size(pagination.page_size)
        count = self._items_count(queryset)
        page = min(pagination.page, max(1, -(-count // size)))
        offset = (page - 1) * size
        return {self.items_attribute: queryset[offset : offset + size], "count": count}


def as_of_or_today(as_of: dt.date | None) -> dt.date:
    return as_of or today()


class ErrorOut(Schema):
    """A refusal: 400 a body that is not JSON, 401 not signed in, 403 not allowed, 404 not found or
    out of scope."""

    detail: str


class InvalidOut(Schema):
    """A request whose parameters or body do not validate: one entry per problem."""

    detail: list[dict]


# 400: an address holding a NUL character (canbo.core.middleware) or a body that is not JSON.
ERRORS = {400: ErrorOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 422: InvalidOut}


def responses(schema, status: int = 200) -> dict:
    """The responses of an endpoint: its own and the errors every endpoint may answer."""
    return {status: schema, **ERRORS}


class RefusedOut(Schema):
    """409: what the rules or a process refuse, every reason."""

    detail: list[str]


def write_responses(schema, status: int = 200) -> dict:
    """The responses of an endpoint that writes: those of `responses` and 409 with the reasons."""
    return {**responses(schema, status), 409: RefusedOut}


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

    label: str = Field("", max_length=ApiToken._meta.get_field("label").max_length)
    so_ngay: int | None = Field(None, ge=1, le=MAX_DAYS,
                                description="Thời hạn (ngày); mặc định CANBO_API_KEY_DAYS")


class NewKeyOut(Schema):
    key: str
    prefix: str
    het_han: dt.datetime


@router.get("/toi", response=responses(MeOut), summary="Người dùng đang gọi API, vai trò và phạm vi")
@requires_api(Action.OWN_ACCOUNT)
def me(request):
    user = request.auth
    return {"username": user.username, "role": user.role, "scope": scope_label(user)}


@router.post("/khoa", response=responses(NewKeyOut, 201),
             summary="Cấp khóa API mới cho chính mình (hiển thị một lần); cần phiên đăng nhập, "
                     "không dùng khóa")
@requires_api(Action.OWN_ACCOUNT)
def new_key(request, payload: NewKeyIn):
    if getattr(request, "by_api_key", False):
        raise PermissionDenied(_("Khóa API không cấp được khóa mới: đăng nhập canbo (có xác thực hai bước "
                                 "nếu vai trò yêu cầu) rồi cấp khóa ở trang Khóa API."))
    token, key = api_token_create(
        actor=request.auth, user=request.auth, label=payload.label, days=payload.so_ngay
    )
    return Status(201, {"key": key, "prefix": token.prefix, "het_han": token.expires_at})
