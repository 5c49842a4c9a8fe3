"""API authentication: a session (with CSRF on unsafe methods) or a bearer key; the caller's own keys."""

import datetime as dt

from ninja import Router, Schema, Status
from ninja.security import HttpBearer, django_auth

from canbo.accounts.scope import scope_label
from canbo.accounts.tokens import api_token_create, user_for_key
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


def as_of_or_today(as_of: dt.date | None) -> dt.date:
    return as_of or today()


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


@router.get("/toi", response=MeOut, summary="Người dùng đang gọi API, vai trò và phạm vi")
def me(request):
    user = request.auth
    return {"username": user.username, "role": user.role, "scope": scope_label(user)}


@router.post("/khoa", response={201: NewKeyOut}, summary="Cấp khóa API mới cho chính mình (hiển thị một lần)")
def new_key(request, payload: NewKeyIn):
    token, key = api_token_create(actor=request.auth, user=request.auth, label=payload.label)
    return Status(201, {"key": key, "prefix": token.prefix})
