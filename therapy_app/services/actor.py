"""The acting user, as established by login (UI) or by the machine owner (CLI)."""

from __future__ import annotations

from dataclasses import dataclass

from therapy_app.journal.models import Role, User


@dataclass(frozen=True)
class Actor:
    user_id: str
    username: str
    display_name: str
    role: Role
    timezone: str = "UTC"

    @classmethod
    def of(cls, user: User) -> Actor:
        return cls(user.id, user.username, user.display_name, Role(user.role), user.timezone)

    @property
    def is_client(self) -> bool:
        return self.role is Role.CLIENT

    @property
    def is_therapist(self) -> bool:
        return self.role is Role.THERAPIST

    @property
    def is_admin(self) -> bool:
        return self.role is Role.ADMIN
