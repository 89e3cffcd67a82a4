"""What the text readers say when a shipped model file cannot be used, and what to do."""

from __future__ import annotations

from typing import TYPE_CHECKING

from therapy_app.errors import TherapyAppError

if TYPE_CHECKING:
    from pathlib import Path

REBUILD = "therapy-app train-reader"


def unreadable(what: str, path: Path, error: Exception, rebuild: str = REBUILD) -> TherapyAppError:
    return TherapyAppError(
        f"The {what} {path} could not be read ({error}). Reinstall the app, "
        f"or rebuild it with: {rebuild}"
    )


def check_version(meta: dict[str, object], version: int, what: str, path: Path) -> None:
    if meta.get("version") != version:
        msg = f"The {what} {path} is from another version; run {REBUILD}"
        raise TherapyAppError(msg)
