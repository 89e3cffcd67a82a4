"""Builders shared by tests."""

from __future__ import annotations

from typing import TYPE_CHECKING

from therapy_app.journal.models import Role
from therapy_app.services import accounts

if TYPE_CHECKING:
    from therapy_app.services.actor import Actor
    from therapy_app.services.context import AppContext

PASSWORD = "correct horse battery"


def make_user(ctx: AppContext, name: str, role: Role = Role.CLIENT, timezone: str = "UTC") -> Actor:
    return accounts.create_user(ctx, name, PASSWORD, role, name.title(), timezone)
