"""Seal what a stolen database still showed about consent and the audit log, allow one link
per therapist and client, and record acknowledged flags.

- therapist_links: status, the parts shared and the (new) end date go into one sealed
  column (journal.sealed.SealedTerms); a pair that had several links keeps one: the active
  one accepted last (else the one made last).
- audit_events: action, kind of object, outcome and reason go into one sealed column
  (journal.sealed.SealedAuditDetail); the log stays append-only (its triggers are set
  aside only while this migration rewrites it).
- flag_acknowledgements: which therapist saw which flag, and when.

Sealing needs the journal's key (handed over by the app, see 0007). Going down opens the
values again; that needs the key too where rows exist.
"""

import sqlalchemy as sa
from alembic import context, op

from therapy_app.errors import TherapyAppError
from therapy_app.journal.migrations.columns import moment, user_reference
from therapy_app.journal.sealed import SealedAuditDetail, SealedTerms

revision, down_revision = "0011", "0010"

SHARE_COLUMNS = ("share_mood", "share_notes", "share_art")
AUDIT_COLUMNS = {
    "action": sa.String(length=32),
    "object_type": sa.String(length=32),
    "outcome": sa.String(length=16),
    "reason": sa.String(length=200),
}
LINKS = sa.table(
    "therapist_links",
    sa.column("id"),
    sa.column("therapist_id"),
    sa.column("client_id"),
    sa.column("status"),
    sa.column("accepted_at", sa.DateTime(timezone=True)),
    sa.column("created_at", sa.DateTime(timezone=True)),
    sa.column("terms_ct", sa.LargeBinary),
    *(sa.column(name, sa.Boolean) for name in SHARE_COLUMNS),
)
AUDIT = sa.table(
    "audit_events",
    sa.column("id", sa.Integer),
    sa.column("actor_id"),
    sa.column("object_id"),
    sa.column("subject_id"),
    sa.column("detail_ct", sa.LargeBinary),
    *(sa.column(name, kind) for name, kind in AUDIT_COLUMNS.items()),
)
SQLITE_TRIGGERS = ("audit_events_no_update", "audit_events_no_delete")
APPEND_ONLY_SQLITE = [
    "CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events "
    "BEGIN SELECT RAISE(ABORT, 'audit_events is append-only'); END",
    "CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events "
    "BEGIN SELECT RAISE(ABORT, 'audit_events is append-only'); END",
]


def _cipher(rows_exist: bool) -> object:
    cipher = context.config.attributes.get("cipher")
    if cipher is None and rows_exist:
        msg = "Schema 0011 seals consent and the audit log and needs the key: start the app."
        raise TherapyAppError(msg)
    return cipher


def _has_rows(bind: sa.Connection, table: sa.TableClause) -> bool:
    return bind.execute(sa.select(sa.func.count()).select_from(table)).scalar_one() > 0


def upgrade() -> None:
    bind = op.get_bind()
    cipher = _cipher(_has_rows(bind, LINKS) or _has_rows(bind, AUDIT))
    op.create_table(
        "flag_acknowledgements",
        sa.Column("id", sa.String(length=36), primary_key=True),
        user_reference("therapist_id"),
        user_reference("client_id"),
        sa.Column("flag_key", sa.String(length=64), nullable=False),
        moment("acknowledged_at"),
        sa.UniqueConstraint("therapist_id", "flag_key", name="uq_flag_acknowledgements_flag"),
    )
    op.create_index("ix_flag_acknowledgements_client_id", "flag_acknowledgements", ["client_id"])
    _seal_links(bind, cipher)
    _seal_audit(bind, cipher)


def _seal_links(bind: sa.Connection, cipher: object) -> None:
    with op.batch_alter_table("therapist_links") as batch:
        batch.add_column(sa.Column("terms_ct", sa.LargeBinary(), nullable=True))
    kept: dict[tuple[str, str | None], object] = {}
    rows = bind.execute(sa.select(LINKS)).all()
    # the active link accepted last wins; then the link made last
    for row in sorted(rows, key=lambda r: (r.status == "active", r.accepted_at or r.created_at)):
        pair = (row.therapist_id, row.client_id or row.id)  # invites stand alone
        if pair in kept:
            bind.execute(LINKS.delete().where(LINKS.c.id == kept[pair].id))
        kept[pair] = row
    for row in kept.values():
        terms = SealedTerms(
            row.status, True, bool(row.share_notes), bool(row.share_art), True, None
        )
        bind.execute(
            LINKS.update()
            .where(LINKS.c.id == row.id)
            .values(terms_ct=terms.seal(cipher, row.id, row.therapist_id))
        )
    with op.batch_alter_table("therapist_links") as batch:
        batch.drop_constraint("ck_status_valid", type_="check")
        for column in ("status", *SHARE_COLUMNS):
            batch.drop_column(column)
        batch.alter_column("terms_ct", existing_type=sa.LargeBinary(), nullable=False)
        batch.create_unique_constraint("uq_therapist_links_pair", ["therapist_id", "client_id"])


def _seal_audit(bind: sa.Connection, cipher: object) -> None:
    _suspend_append_only(bind)
    with op.batch_alter_table("audit_events") as batch:
        batch.add_column(sa.Column("detail_ct", sa.LargeBinary(), nullable=True))
    for row in bind.execute(sa.select(AUDIT)).all():
        detail = SealedAuditDetail(row.action, row.object_type, row.outcome, row.reason)
        sealed = detail.seal(cipher, row.actor_id, row.subject_id, row.object_id)
        bind.execute(AUDIT.update().where(AUDIT.c.id == row.id).values(detail_ct=sealed))
    with op.batch_alter_table("audit_events") as batch:
        for column in AUDIT_COLUMNS:
            batch.drop_column(column)
        batch.alter_column("detail_ct", existing_type=sa.LargeBinary(), nullable=False)
    _restore_append_only(bind)


def _suspend_append_only(bind: sa.Connection) -> None:
    if bind.dialect.name == "sqlite":
        for trigger in SQLITE_TRIGGERS:
            op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    else:
        op.execute("ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_change")


def _restore_append_only(bind: sa.Connection) -> None:
    if bind.dialect.name == "sqlite":
        for statement in APPEND_ONLY_SQLITE:
            op.execute(statement)
    else:
        op.execute("ALTER TABLE audit_events ENABLE TRIGGER audit_events_no_change")


def downgrade() -> None:
    bind = op.get_bind()
    cipher = _cipher(_has_rows(bind, LINKS) or _has_rows(bind, AUDIT))
    op.drop_index("ix_flag_acknowledgements_client_id", table_name="flag_acknowledgements")
    op.drop_table("flag_acknowledgements")
    with op.batch_alter_table("therapist_links") as batch:
        batch.drop_constraint("uq_therapist_links_pair", type_="unique")
        batch.add_column(sa.Column("status", sa.String(length=16), nullable=True))
        for column in SHARE_COLUMNS:
            batch.add_column(sa.Column(column, sa.Boolean(), nullable=True))
    for row in bind.execute(sa.select(LINKS)).all():
        terms = SealedTerms.open(cipher, row.terms_ct, row.id, row.therapist_id)
        values = {"status": terms.status, "share_notes": terms.notes, "share_art": terms.art}
        bind.execute(LINKS.update().where(LINKS.c.id == row.id).values(share_mood=True, **values))
    with op.batch_alter_table("therapist_links") as batch:
        batch.drop_column("terms_ct")
        batch.alter_column("status", existing_type=sa.String(length=16), nullable=False)
        for column in SHARE_COLUMNS:
            batch.alter_column(column, existing_type=sa.Boolean(), nullable=False)
        batch.create_check_constraint(
            "ck_status_valid", "status IN ('invited', 'active', 'revoked')"
        )
    _suspend_append_only(bind)
    with op.batch_alter_table("audit_events") as batch:
        for name, kind in AUDIT_COLUMNS.items():
            batch.add_column(sa.Column(name, kind, nullable=True))
    for row in bind.execute(sa.select(AUDIT)).all():
        detail = SealedAuditDetail.open(
            cipher, row.detail_ct, row.actor_id, row.subject_id, row.object_id
        )
        bind.execute(AUDIT.update().where(AUDIT.c.id == row.id).values(**detail.__dict__))
    with op.batch_alter_table("audit_events") as batch:
        batch.drop_column("detail_ct")
        for name, kind in AUDIT_COLUMNS.items():
            batch.alter_column(name, existing_type=kind, nullable=name == "reason")
    _restore_append_only(bind)
