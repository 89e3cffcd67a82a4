"""The roles an account can have, in a module of its own so that the CLI can offer them as
choices without loading SQLAlchemy (journal.models re-exports it)."""

import enum


class Role(enum.StrEnum):
    CLIENT = "client"
    THERAPIST = "therapist"
    ADMIN = "admin"
