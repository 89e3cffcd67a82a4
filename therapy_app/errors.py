"""The one error type the app shows to people.

Every expected failure (bad input, refused access, wrong key, missing model) is a
``TherapyAppError`` whose message says what happened and what to do next. The CLI
turns it into a line on stderr and a non-zero exit; the views show it with
``st.error``. Anything else is a bug and is reported as one.
"""


class TherapyAppError(Exception):
    """A failure a person can act on; ``str(error)`` is safe to show them."""

    exit_code = 1


class InvalidInputError(TherapyAppError):
    """The input was refused; nothing was written."""

    exit_code = 2


class AccessDeniedError(TherapyAppError):
    """The acting user may not do this; the attempt is in the audit log."""

    exit_code = 3

    def __init__(self, message: str, audit: dict[str, str | None] | None = None) -> None:
        super().__init__(message)
        self.audit = audit or {}


class NotFoundError(TherapyAppError):
    """The thing asked for does not exist (or is not visible to the actor)."""

    exit_code = 4


class AuthenticationError(TherapyAppError):
    """Login failed, was throttled, or the session ended."""

    exit_code = 5


class DecryptionError(TherapyAppError):
    """Stored data could not be decrypted with the configured key."""

    exit_code = 6
