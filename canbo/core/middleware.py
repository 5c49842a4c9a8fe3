"""The as-of date (every page honours `?as_of=YYYY-MM-DD`, kept in the session, default today), the
language, the one mapping of domain errors to HTTP for pages, the refusal of NUL characters, no
caching of what canbo answers, and the sign-out of idle sessions."""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import BadRequest
from django.core.handlers.exception import response_for_exception
from django.http import Http404
from django.utils import timezone, translation
from django.utils.cache import add_never_cache_headers, patch_vary_headers
from django.utils.translation import gettext as _

from canbo.core.dates import DateOutOfRange, parse_date_in_range, today
from canbo.core.errors import NotFound

SESSION_KEY = "canbo_as_of"


class RefuseNulMiddleware:
    """A NUL character in the address (`%00`) is a 400: no page or endpoint can use one, and
    PostgreSQL refuses it in any query (forms already refuse it in posted fields)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        query = request.GET.lists()
        if "\x00" in request.path or any("\x00" in k or any("\x00" in v for v in vs) for k, vs in query):
            raise BadRequest(_("Địa chỉ yêu cầu có ký tự không hợp lệ (NUL)."))
        return self.get_response(request)


class AsOfDateMiddleware:
    """A date typed in `?as_of=` is kept in the session until changed or reset (`?as_of=`). A
    malformed date, or one outside the dates canbo reads, is refused with a message and the page
    keeps the date chosen before; a bad value found in the session is dropped."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.as_of = self._resolve(request)
        return self.get_response(request)

    def _resolve(self, request):
        raw = request.GET.get("as_of")
        session = getattr(request, "session", None)
        if raw == "":
            if session is not None and SESSION_KEY in session:
                del session[SESSION_KEY]
            return today()
        if raw is not None:
            try:
                value = parse_date_in_range(raw)
            except DateOutOfRange as exc:
                messages.error(request, str(exc))
            except ValueError:
                messages.error(request, _("Ngày xem “%(v)s” không hợp lệ; dùng dd/mm/yyyy.") % {"v": raw})
            else:
                if session is not None and session.get(SESSION_KEY) != value.isoformat():
                    session[SESSION_KEY] = value.isoformat()
                return value
        if session is not None and SESSION_KEY in session:
            try:
                return parse_date_in_range(session[SESSION_KEY])
            except (ValueError, TypeError):
                del session[SESSION_KEY]
        return today()


class LanguageMiddleware:
    """Vietnamese unless the user chose another language with the switch (the language cookie).

    Django's LocaleMiddleware would follow the browser's Accept-Language, and many office PCs run
    an English Windows: canbo speaks Vietnamese to them all the same.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
        language = chosen if chosen in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        patch_vary_headers(response, ["Cookie"])
        return response


class DomainErrorMiddleware:
    """Pages answer a domain error as Django answers its HTTP twin: `NotFound` as 404 with the
    error's message, through the project's 404 page (PermissionDenied is already a 403)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, NotFound):
            return response_for_exception(request, Http404(str(exception.message)))
        return None


class NoStoreMiddleware:
    """Nothing canbo answers is kept by a browser or a proxy: pages, exports and API responses hold
    personal data (Decree 13/2023). Static files are answered before this, by WhiteNoise, and keep
    their caching."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        add_never_cache_headers(response)
        return response


SESSION_SEEN_KEY = "canbo_seen"
# A used session's expiry moves at most once a minute, so a page costs no session write.
SESSION_REFRESH_SECONDS = 60


def _now() -> int:
    return int(timezone.now().timestamp())


def session_started(sender, request, user, **kwargs):
    """At sign-in (`user_logged_in`), which saves the session anyway: the first minute is counted."""
    request.session[SESSION_SEEN_KEY] = _now()


class SessionIdleMiddleware:
    """A signed-in session expires SESSION_COOKIE_AGE (CANBO_SESSION_IDLE_MINUTES) after its last
    request: each request saves the session again, with a new expiry, when the last save is a minute
    old. The database session ends at its expiry whatever the browser keeps."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        # A session of its own: a request signed with an API key opens none.
        if request.session.session_key and user is not None and user.is_authenticated:
            now = _now()
            if now - request.session.get(SESSION_SEEN_KEY, 0) >= SESSION_REFRESH_SECONDS:
                request.session[SESSION_SEEN_KEY] = now
        return response
