"""Migration 0011 on a journal written before it: two links of one therapist and client
become one (the active one accepted last), consent terms and audit details are sealed,
the audit log stays append-only, and going down opens them again."""

import base64
from datetime import UTC, datetime

import pytest
import sqlalchemy as sa
from alembic import command
from sqlalchemy.exc import DBAPIError

from tests.conftest import make_settings
from therapy_app.journal import audit
from therapy_app.journal.crypto import FieldCipher
from therapy_app.journal.db import alembic_config, make_engine, upgrade
from therapy_app.journal.models import Role
from therapy_app.journal.sealed import SealedProfile, SealedTerms, username_key
from therapy_app.services import sharing
from therapy_app.services.actor import Actor
from therapy_app.services.context import open_app

EARLY = datetime(2026, 1, 5, 9, tzinfo=UTC)
LATER = datetime(2026, 2, 5, 9, tzinfo=UTC)


def _old_journal(engine, cipher: FieldCipher) -> None:
    upgrade(engine, "0010", cipher)
    times = {"created_at": EARLY, "updated_at": EARLY}
    users = sa.table(
        "users",
        *map(sa.column, ("id", "username_key", "profile_ct", "password_hash")),
        sa.column("created_at", sa.DateTime(timezone=True)),
        sa.column("updated_at", sa.DateTime(timezone=True)),
    )
    links = sa.table(
        "therapist_links",
        *map(sa.column, ("id", "therapist_id", "client_id", "status", "invite_code_hash")),
        *map(sa.column, ("share_mood", "share_notes", "share_art")),
        sa.column("accepted_at", sa.DateTime(timezone=True)),
        sa.column("created_at", sa.DateTime(timezone=True)),
        sa.column("updated_at", sa.DateTime(timezone=True)),
    )
    events = sa.table(
        "audit_events",
        *map(sa.column, ("actor_id", "action", "object_type", "object_id", "subject_id")),
        *map(sa.column, ("outcome", "reason")),
        sa.column("at", sa.DateTime(timezone=True)),
    )
    with engine.begin() as connection:
        for user_id, name, role in (("t1", "lee", "therapist"), ("c1", "sam", "client")):
            profile = SealedProfile(name, name.title(), role, "UTC").seal(cipher, user_id)
            connection.execute(
                sa.insert(users).values(
                    id=user_id,
                    username_key=username_key(cipher, name),
                    profile_ct=profile,
                    password_hash="x",
                    **times,
                )
            )
        for link_id, notes, accepted in (("wide", True, EARLY), ("narrow", False, LATER)):
            connection.execute(
                sa.insert(links).values(
                    id=link_id,
                    therapist_id="t1",
                    client_id="c1",
                    status="active",
                    share_mood=True,
                    share_notes=notes,
                    share_art=False,
                    accepted_at=accepted,
                    **times,
                )
            )
        denied_read = {"action": "read", "outcome": "denied", "reason": "REASON-CANARY"}
        about = {"object_type": "entry", "object_id": "e1", "subject_id": "c1"}
        connection.execute(
            sa.insert(events).values(at=LATER, actor_id="t1", **denied_read, **about)
        )


def test_an_old_journal_keeps_one_link_and_seals_terms_and_audit(database_url, tmp_path) -> None:
    settings = make_settings(tmp_path, database_url)
    cipher = FieldCipher(base64.b64decode(settings.key_b64))
    engine = make_engine(database_url)
    _old_journal(engine, cipher)
    engine.dispose()
    ctx = open_app(settings)
    with ctx.engine.connect() as connection:
        (link,) = connection.execute(
            sa.text("SELECT id, therapist_id, terms_ct FROM therapist_links")
        )
        (event,) = connection.execute(sa.text("SELECT * FROM audit_events"))
    assert link.id == "narrow"  # the active link accepted last wins
    terms = SealedTerms.open(cipher, link.terms_ct, link.id, link.therapist_id)
    assert (terms.status, terms.notes, terms.sessions, terms.ends_on) == (
        "active",
        False,
        True,
        None,
    )
    assert set(event._mapping) == {"id", "at", "actor_id", "object_id", "subject_id", "detail_ct"}
    with ctx.sessions() as session:
        (opened,) = audit.events(session, cipher)
    assert (opened.action, opened.outcome, opened.reason) == ("read", "denied", "REASON-CANARY")
    client = Actor("c1", "sam", "Sam", Role.CLIENT)
    (view,) = sharing.my_links(ctx, client)
    assert view.id == "narrow" and not view.scope.notes
    with pytest.raises(DBAPIError), ctx.engine.begin() as connection:
        connection.execute(sa.text("DELETE FROM audit_events"))  # still append-only
    ctx.dispose()
    engine = make_engine(database_url)
    command.downgrade(alembic_config(engine, cipher), "0010")
    with engine.connect() as connection:
        (row,) = connection.execute(sa.text("SELECT status, share_notes FROM therapist_links"))
        (reason,) = connection.execute(sa.text("SELECT reason FROM audit_events")).scalars()
    assert (row.status, bool(row.share_notes), reason) == ("active", False, "REASON-CANARY")
    engine.dispose()
