"""Seal every personal value: an entry's check-in (mood, pleasantness, energy, control,
sleep, risk flag, feelings and zone) in one sealed column, tag names (found by a keyed
fingerprint), pictures' provenance, and accounts' username, display name, role and zone
(found by a keyed fingerprint of the username). Plain stay ids, owners and times.

Sealing needs the journal's key: the app checks it against the database (0004) and hands
the cipher over in the Alembic config's attributes. There is no way back down: the old
columns' values are no longer kept anywhere in the clear.
"""

import sqlalchemy as sa
from alembic import context, op

from therapy_app.errors import TherapyAppError
from therapy_app.journal.sealed import (
    SealedCheckIn,
    SealedProfile,
    seal_provenance,
    seal_tag,
    tag_key,
    username_key,
)

revision, down_revision = "0007", "0006"

USERS = sa.table(
    "users",
    sa.column("id"),
    sa.column("username"),
    sa.column("display_name"),
    sa.column("role"),
    sa.column("timezone"),
)
TAGS = sa.table("tags", sa.column("id"), sa.column("owner_id"), sa.column("name"))
FEELINGS = sa.table(
    "entry_feelings",
    sa.column("entry_id"),
    sa.column("word"),
    sa.column("intensity", sa.Integer),
    sa.column("position", sa.Integer),
)
ENTRIES = sa.table(
    "entries",
    sa.column("id"),
    sa.column("owner_id"),
    sa.column("timezone"),
    sa.column("quick_mood", sa.Integer),
    sa.column("valence", sa.Float),
    sa.column("energy", sa.Float),
    sa.column("control", sa.Float),
    sa.column("sleep_hours", sa.Float),
    sa.column("risk_flag", sa.Boolean),
)
ARTWORKS = sa.table(
    "artworks", sa.column("id"), sa.column("owner_id"), sa.column("provenance", sa.JSON)
)
SEALED = {
    "users": ("profile_ct", ["username", "display_name", "role", "timezone"]),
    "tags": ("name_ct", ["name"]),
    "entries": (
        "checkin_ct",
        ["timezone", "quick_mood", "valence", "energy", "control", "sleep_hours", "risk_flag"],
    ),
    "artworks": ("provenance_ct", ["provenance"]),
}
ENTRY_CHECKS = ("ck_quick_mood", "ck_valence", "ck_energy", "ck_control")
KEYS = {"tags": "name_key", "users": "username_key"}
UNIQUE = {
    "tags": ("uq_tags_owner_name", "uq_tags_owner_name_key", ["owner_id", "name_key"]),
    "users": (None, "uq_users_username_key", ["username_key"]),
}


def upgrade() -> None:
    cipher = context.config.attributes.get("cipher")
    if cipher is None:
        msg = "Upgrading to schema 0007 seals the journal and needs its key: start the app."
        raise TherapyAppError(msg)
    for table, (column, _) in SEALED.items():
        with op.batch_alter_table(table) as batch:
            batch.add_column(sa.Column(column, sa.LargeBinary(), nullable=True))
    for table in ("tags", "users"):
        with op.batch_alter_table(table) as batch:
            batch.add_column(sa.Column(KEYS[table], sa.String(length=64), nullable=True))
    _seal_rows(op.get_bind(), cipher)
    op.drop_table("entry_feelings")
    for table, (column, old_columns) in SEALED.items():
        with op.batch_alter_table(table) as batch:
            if table == "entries":
                for check in ENTRY_CHECKS:
                    batch.drop_constraint(check, type_="check")
            if table == "users":
                batch.drop_constraint("ck_role_valid", type_="check")
            if table in UNIQUE:
                old_unique, new_unique, columns = UNIQUE[table]
                if old_unique:  # the users' was unnamed: it goes with its column
                    batch.drop_constraint(old_unique, type_="unique")
                batch.alter_column(KEYS[table], existing_type=sa.String(64), nullable=False)
                batch.create_unique_constraint(new_unique, columns)
            for old in old_columns:
                batch.drop_column(old)
            batch.alter_column(column, existing_type=sa.LargeBinary(), nullable=False)


def _seal_rows(bind: sa.Connection, cipher: object) -> None:
    def update(table: str, column: str, values: list[dict[str, object]]) -> None:
        if values:
            target = sa.table(
                table, sa.column("id"), sa.column(column), *map(sa.column, KEYS.values())
            )
            statement = target.update().where(target.c.id == sa.bindparam("row_id"))
            keys = {key for key in values[0] if key != "row_id"}
            bind.execute(statement.values({key: sa.bindparam(key) for key in keys}), values)

    update(
        "users",
        "profile_ct",
        [
            {
                "row_id": row.id,
                "profile_ct": SealedProfile(
                    row.username, row.display_name, row.role, row.timezone
                ).seal(cipher, row.id),
                "username_key": username_key(cipher, row.username),
            }
            for row in bind.execute(sa.select(USERS))
        ],
    )
    update(
        "tags",
        "name_ct",
        [
            {
                "row_id": id_,
                "name_ct": seal_tag(cipher, id_, owner, name),
                "name_key": tag_key(cipher, owner, name),
            }
            for id_, owner, name in bind.execute(sa.select(TAGS))
        ],
    )
    feelings: dict[str, list[tuple[str, int]]] = {}
    for entry_id, word, intensity, _ in bind.execute(
        sa.select(FEELINGS).order_by(FEELINGS.c.entry_id, FEELINGS.c.position)
    ):
        feelings.setdefault(entry_id, []).append((word, intensity))
    update(
        "entries",
        "checkin_ct",
        [
            {
                "row_id": row.id,
                "checkin_ct": SealedCheckIn(
                    row.timezone,
                    row.quick_mood,
                    row.valence,
                    row.energy,
                    row.control,
                    row.sleep_hours,
                    bool(row.risk_flag),
                    tuple(feelings.get(row.id, ())),
                ).seal(cipher, row.id, row.owner_id),
            }
            for row in bind.execute(sa.select(ENTRIES))
        ],
    )
    update(
        "artworks",
        "provenance_ct",
        [
            {"row_id": id_, "provenance_ct": seal_provenance(cipher, id_, owner, provenance)}
            for id_, owner, provenance in bind.execute(sa.select(ARTWORKS))
        ],
    )


def downgrade() -> None:
    msg = "Schema 0007 sealed the journal's values; restore a backup made before it instead."
    raise TherapyAppError(msg)
