"""The acting user, as established by login (UI) or by the machine owner (CLI)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from therapy_app.journal.models import Role, User
from therapy_app.journal.sealed import SealedProfile

if TYPE_CHECKING:
    from therapy_app.journal.crypto import FieldCipher


@dataclass(frozen=True)
class Actor:
    user_id: str
    username: str
    display_name: str
    role: Role
    timezone: str = "UTC"
    country: str = ""

    @classmethod
    def of(cls, user: User, cipher: FieldCipher) -> Actor:
        profile = SealedProfile.open(cipher, user.profile_ct, user.id)
        role = Role(profile.role)
        return cls(
            user.id,
            profile.username,
            profile.display_name,
            role,
            profile.timezone,
            profile.country,
        )

    @property
    def is_client(self) -> bool:
        return self.role is Role.CLIENT

    @property
    def is_therapist(self) -> bool:
        return self.role is Role.THERAPIST

    @property
    def is_admin(self) -> bool:
        return self.role is Role.ADMIN
