"""What every endpoint of the API shares: authentication (a session with CSRF on unsafe methods,
or a bearer key), the capability check (`requires_api`), the declared error responses; and the
caller's own account and keys."""

import datetime as dt
from functools import wraps
from typing import Annotated

from ninja import Router, Schema, Status
from ninja.pagination import PageNumberPagination
from ninja.security import HttpBearer, django_auth
from pydantic import AfterValidator

from canbo.accounts.tokens import api_token_create, user_for_key
from canbo.core.capabilities import Action, require, scope_label
from canbo.core.dates import check_date_range, today


class BearerKey(HttpBearer):
    """`Authorization: Bearer <key>` with a key from `canbo token USERNAME`."""

    def authenticate(self, request, token):
        user = user_for_key(token)
        if user is not None:
            request.user = user
        return user


# Every router of canbo uses this: a key first, else the signed-in session (CSRF-checked).
API_AUTH = [BearerKey(), django_auth]


# A date parameter of the API: YYYY-MM-DD within the dates canbo reads (422 with the message otherwise).
Day = Annotated[dt.date, AfterValidator(check_date_range)]


class Pages(PageNumberPagination):
    """`?page=` as the pages read it: a page past the last is the last one (never an offset beyond
    what the database can hold)."""

    def paginate_queryset(self, queryset, pagination, request, **params):
        size = self._get_page_size(pagination.page_size)
        count = self._items_count(queryset)
        page = min(pagination.page, max(1, -(-count // size)))
        offset = (page - 1) * size
        return {self.items_attribute: queryset[offset : offset + size], "count": count}


def as_of_or_today(as_of: dt.date | None) -> dt.date:
    return as_of or today()


class ErrorOut(Schema):
    """A refusal: 401 not signed in, 403 not allowed, 404 not found or out of scope."""

    detail: str


class InvalidOut(Schema):
    """A request whose parameters or body do not validate: one entry per problem."""

    detail: list[dict]


ERRORS = {401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 422: InvalidOut}


def responses(schema, status: int = 200) -> dict:
    """The responses of an endpoint: its own, and the errors every endpoint may answer."""
    return {status: schema, **ERRORS}


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


class NewKeyIn(Schema):
    label: str = ""


class NewKeyOut(Schema):
    key: str
    prefix: str


@router.get("/toi", response=responses(MeOut), summary="Người dùng đang gọi API, vai trò và phạm vi")
@requires_api(Action.OWN_ACCOUNT)
def me(request):
    user = request.auth
    return {"username": user.username, "role": user.role, "scope": scope_label(user)}


@router.post("/khoa", response=responses(NewKeyOut, 201),
             summary="Cấp khóa API mới cho chính mình (hiển thị một lần)")
@requires_api(Action.OWN_ACCOUNT)
def new_key(request, payload: NewKeyIn):
    token, key = api_token_create(actor=request.auth, user=request.auth, label=payload.label)
    return Status(201, {"key": key, "prefix": token.prefix})
