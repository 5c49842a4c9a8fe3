"""Domain errors: selectors and services raise these, never HTTP exceptions.

One place maps them to HTTP for pages (`canbo.core.middleware.DomainErrorMiddleware`) and one for
the API (`config.api`): `NotFound` is 404, `PermissionDenied` (Django's, raised by
`canbo.core.capabilities.require`) is 403. The message is for the user, in Vietnamese.
"""

from django.core.exceptions import PermissionDenied

__all__ = ["DomainError", "NotFound", "PermissionDenied"]


class DomainError(Exception):
    """A request canbo refuses, with a message for the user."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


class NotFound(DomainError):
    """The object does not exist, or the actor may not see it (the two are not told apart)."""
