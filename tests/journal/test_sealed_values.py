"""A stolen database reveals ids, owners and times, not the journal: every personal value
is sealed, in new journals and in journals upgraded from before (migration 0007)."""

import base64
import gzip
import struct
from dataclasses import replace
from datetime import date

import pytest
import sqlalchemy as sa

from tests import attacks
from tests.conftest import make_settings
from tests.helpers import (
    OLD_NAME,
    OLD_VALENCE,
    drawn_layer,
    make_user,
    sample_artwork,
    seed_old_journal,
)
from therapy_app.errors import AccessDeniedError
from therapy_app.journal import audit
from therapy_app.journal.crypto import FieldCipher
from therapy_app.journal.db import make_engine
from therapy_app.journal.models import Base, DraftKind, ImportKey, Role
from therapy_app.mood.checkin import CheckIn, FeelingChoice
from therapy_app.mood.measures import Measure
from therapy_app.mood.safety_plan import SafetyPlan
from therapy_app.mood.session_plan import StepKind, plan_from_directive
from therapy_app.services import (
    accounts,
    artworks,
    backup,
    drafts,
    entries,
    imports,
    review,
    safety_plans,
    sessions,
    sharing,
)
from therapy_app.services.context import open_app

STOLEN = "a personal value read from a stolen database file or backup"
# Every column still in the clear, and why. Anything else must be sealed (_ct), a keyed
# fingerprint (_key) or a hash.
CLEAR = {
    "id": "row ids",
    "owner_id": "whose row",
    "entry_id": "which entry",
    "user_id": "whose row",
    "tag_id": "which tag",
    "created_at": "time",
    "updated_at": "time",
    "occurred_at": "time",
    "local_date": "time (the day it was written)",
    "last_seen_at": "time",
    "last_ok_at": "time",
    "wait_until": "time",
    "failures": "a count of failed sign-ins, per fingerprint",
    "token_hash": "sha256 of a session token",
    "password_hash": "argon2id",
    "key": "a keyed fingerprint",
    "address_key": "a keyed fingerprint",
    "nonce_key": "a keyed digest of a device cookie's nonce",
    "name_key": "a keyed fingerprint",
    "username_key": "a keyed fingerprint",
    "key_hash": "a keyed digest of an imported row's key (import_keys)",
    "drafts.kind": "which page a draft is for: check-in or art (its content sealed)",
    "therapist_id": "which therapist",
    "client_id": "which client",
    "author_id": "who wrote a note",
    "accepted_at": "time",
    "revoked_at": "time",
    "acknowledged_at": "time",
    "invite_code_hash": "sha256 of a one-time invite code",
    "flag_key": "a keyed digest naming a flag",
    "audit_events.at": "time",
    "audit_events.actor_id": "who",
    "audit_events.object_id": "which row",
    "audit_events.subject_id": "whose data",
    "therapy_sessions.scheduled_for": "time",
    "therapy_sessions.started_at": "time",
    "therapy_sessions.completed_at": "time",
    "therapy_sessions.status": "where a session stands: planned, in progress or completed",
}


def _in_the_clear() -> list[str]:
    clear = []
    for table in Base.metadata.sorted_tables:
        for column in table.columns:
            name = column.name
            if name.endswith("_ct") or name in CLEAR:
                continue
            if f"{table.name}.{name}" in CLEAR or f"{table.name}.*" in CLEAR:
                continue
            clear.append(f"{table.name}.{name}")
    return clear


def test_only_ids_owners_times_and_listed_columns_are_in_the_clear() -> None:
    assert _in_the_clear() == []


def _raw_values(engine) -> list[object]:
    values = []
    with engine.connect() as connection:
        for table in Base.metadata.sorted_tables:
            for row in connection.execute(sa.select(table)):
                values += list(row)
    return values


def _sqlite_files(home) -> bytes:
    return b"".join(p.read_bytes() for p in home.iterdir() if p.name.startswith("journal.db"))


def _plain_forms(valence: float) -> list[bytes]:
    return [struct.pack("<d", valence), struct.pack(">d", valence), repr(valence).encode()]


def test_an_old_journal_is_sealed_on_upgrade(database_url, tmp_path, clock) -> None:
    settings = make_settings(tmp_path, database_url)
    engine = make_engine(database_url)
    seed_old_journal(engine, FieldCipher(base64.b64decode(settings.key_b64)))
    engine.dispose()
    ctx = open_app(settings, clock=clock)
    actor = accounts.find_user(ctx, "old")
    assert actor.display_name == OLD_NAME
    (view,) = entries.list_entries(ctx, actor).items
    assert (view.valence, view.energy, view.control) == (OLD_VALENCE, 0.15, -0.25)
    assert (view.quick_mood, view.sleep_hours, view.risk_flag) == (4, 6.5, True)
    assert view.feelings == (FeelingChoice("joy", 3), FeelingChoice("peaceful", 1))
    assert view.tags == ("walk",) and view.timezone == "Europe/Berlin"
    assert view.note == "old note" and view.local_time.hour == 9
    assert entries.tag_usage(ctx, actor) == [("walk", 1)]  # the unused tag is gone (0006)
    (picture,) = artworks.list_artworks(ctx, actor)
    assert picture.provenance == {"model_version": "old"} and picture.feelings == (
        "joy",
        "peaceful",
    )
    for value in _raw_values(ctx.engine):
        assert value != OLD_VALENCE and value not in (0.15, -0.25, 6.5)
        text = value if isinstance(value, str) else ""
        assert OLD_NAME not in text and "walk" not in text and "peaceful" not in text
        assert "Europe/Berlin" not in text  # the account's and the entry's zone
    ctx.dispose()
    if database_url.startswith("sqlite"):
        raw = _sqlite_files(tmp_path)
        for plain in [*_plain_forms(OLD_VALENCE), OLD_NAME.encode(), b"peaceful", b"orphan"]:
            assert plain not in raw, plain


def test_an_upgraded_journal_imports_and_keeps_drafts_sealed(database_url, tmp_path, clock) -> None:
    """The tables after the sealing (drafts 0008, import keys 0009) on a journal upgraded
    from 0003: an import goes in sealed like a check-in, once; a draft holds nothing
    readable."""
    settings = make_settings(tmp_path, database_url)
    engine = make_engine(database_url)
    seed_old_journal(engine, FieldCipher(base64.b64decode(settings.key_b64)))
    engine.dispose()
    ctx = open_app(settings, clock=clock)
    actor = accounts.find_user(ctx, "old")
    daylio = tmp_path / "daylio.csv"
    daylio.write_text(
        "full_date,date,weekday,time,mood,activities,note\n"
        "2026-01-05,January 5,Monday,8:15 PM,good,IMPORT-TAG | walk,IMPORT-NOTE\n"
    )
    assert imports.import_file(ctx, actor, "daylio", daylio)[1] == 1
    assert imports.import_file(ctx, actor, "daylio", daylio)[1] == 0
    drafts.save_draft(ctx, actor, DraftKind.CHECK_IN, {"note": "DRAFT-CANARY"})
    imported = next(v for v in entries.list_entries(ctx, actor).items if v.note == "IMPORT-NOTE")
    assert imported.tags == ("import-tag", "walk") and imported.quick_mood == 4
    assert entries.tag_usage(ctx, actor) == [("walk", 2), ("import-tag", 1)]
    with ctx.engine.connect() as connection:
        (key_hash,) = connection.execute(sa.select(ImportKey.key_hash)).scalars()
    assert len(key_hash) == 64 and int(key_hash, 16) >= 0
    for value in _raw_values(ctx.engine):
        text = value if isinstance(value, str) else ""
        assert not any(c in text for c in ("IMPORT-TAG", "import-tag", "IMPORT-NOTE", "DRAFT"))
        assert not isinstance(value, bytes) or b"DRAFT-CANARY" not in value
    ctx.dispose()


def test_a_stolen_file_and_backup_hold_no_canary(sqlite_ctx, tmp_path) -> None:
    """Canaries in a tag, a feeling word typed as a new tag, a picture's title and a display
    name, and a known entry's pleasantness: none is in the database, its WAL or a backup."""
    ctx = sqlite_ctx
    actor = accounts.create_user(ctx, "ada", "a long passphrase", Role.CLIENT, "NAME-CANARY")
    valence = 0.318309886
    entries.check_in(
        ctx,
        actor,
        CheckIn(
            valence=valence,
            energy=0.2,
            feelings=(FeelingChoice("grateful", 2),),
            tags=("tag-canary", "peaceful"),
        ),
        artwork=sample_artwork("TITLE-CANARY"),
    )
    make_user(ctx, "bo")
    out = tmp_path / "backup.json.gz"
    backup.backup(ctx, out)
    stolen = {"file": _sqlite_files(tmp_path), "backup": gzip.decompress(out.read_bytes())}
    canaries = [b"NAME-CANARY", b"tag-canary", b"peaceful", b"grateful", b"TITLE-CANARY"]
    attacks.none_readable(STOLEN, stolen, [*canaries, *_plain_forms(valence)])
    assert entries.list_entries(ctx, actor).items[0].valence == valence


def test_a_stolen_file_shows_no_consent_terms_audit_details_or_therapist_note(
    sqlite_ctx, tmp_path
) -> None:
    """What is shared with whom and until when, what the audit log says happened, and a
    therapist's note: none is in the database, its WAL or a backup."""
    ctx = sqlite_ctx
    client = make_user(ctx, "cleo")
    therapist = make_user(ctx, "theo", Role.THERAPIST)
    stranger = make_user(ctx, "sly", Role.THERAPIST)
    entry = entries.check_in(ctx, client, CheckIn(valence=0.4, energy=0.1))
    ends_on = date(2031, 7, 15)
    code = sharing.create_invite(ctx, therapist)
    sharing.redeem_invite(ctx, client, code, sharing.Scope(True, True, False), ends_on)
    entries.get_entry(ctx, therapist, entry.id)
    review.save_note(ctx, therapist, client.user_id, review.DapNote("NOTE-CANARY", "", ""))
    with pytest.raises(AccessDeniedError):
        entries.get_entry(ctx, stranger, entry.id)
    out = tmp_path / "backup.json.gz"
    backup.backup(ctx, out)
    details = [b"NOTE-CANARY", ends_on.isoformat().encode(), b"not the owner"]
    details += [b'"active"', b'"mood"', b"client_review", b"consent", b"denied"]
    stolen = {"file": _sqlite_files(tmp_path), "backup": gzip.decompress(out.read_bytes())}
    attacks.none_readable(STOLEN, stolen, details)
    with ctx.sessions() as session:
        reasons = {e.reason for e in audit.events(session, ctx.cipher)}
    assert "not the owner" in reasons


def test_the_migrated_schema_is_the_one_listed(ctx) -> None:
    """The columns the migrations made (on this database) are the models' columns, so the
    list of clear columns above is true of the tables a stolen file holds."""
    inspector = sa.inspect(ctx.engine)
    made = {
        f"{table}.{column['name']}"
        for table in inspector.get_table_names()
        if table != "alembic_version"
        for column in inspector.get_columns(table)
    }
    modelled = {f"{t.name}.{c.name}" for t in Base.metadata.sorted_tables for c in t.columns}
    assert made == modelled


SESSION_VALENCE = 0.141421356  # a check-in step's pleasantness, kept in the session too


def _canary_plan():
    """A directive's plan with every text of it a canary: title, art prompt, question."""
    plan = plan_from_directive("safe-place", (Measure.PHQ9,))
    steps = tuple(
        replace(step, text=f"STEP-CANARY-{n}") if step.text else step
        for n, step in enumerate(plan.steps)
    )
    return replace(plan, title="SESSION-TITLE-CANARY", steps=steps)


def _guided_session_with_canaries(ctx, therapist, client) -> str:
    """A session walked to its end with canaries in the answer and the picture (a title and
    a drawn layer), PHQ-9 item 9 above zero (a flag), and a known pleasantness."""
    planned = sessions.create_plan(ctx, therapist, client.user_id, _canary_plan())
    view = sessions.get_session(ctx, client, planned.id)
    while view.next_index is not None:
        index, step = view.next_index, view.plan.steps[view.next_index]
        if step.kind is StepKind.ART:
            drawn = replace(sample_artwork("SESSION-ART-CANARY"), drawing=drawn_layer())
            view = sessions.art_step(ctx, client, planned.id, index, drawn)
        elif step.kind is StepKind.REFLECTION:
            view = sessions.reflection_step(ctx, client, planned.id, index, "ANSWER-CANARY")
        elif step.kind is StepKind.MEASURE:
            view = sessions.measure_step(ctx, client, planned.id, index, (2,) * 8 + (3,))
        else:
            mood = CheckIn(valence=SESSION_VALENCE, energy=0.1, note="STEP-MOOD-CANARY")
            view = sessions.check_in_step(ctx, client, planned.id, index, mood)
    return planned.id


def test_the_merged_tables_hold_no_canary_on_either_database(ctx, tmp_path) -> None:
    """Every table the guided sessions, safety plans, DAP notes, acknowledged flags, drawn
    layers and drafts added, written through the services: no canary, no known pleasantness
    and no picture is readable in the rows (what a dump of either database shows), the
    SQLite file with its WAL, or a backup."""
    client = make_user(ctx, "cleo")
    therapist = make_user(ctx, "theo", Role.THERAPIST)
    code = sharing.create_invite(ctx, therapist)
    sharing.redeem_invite(ctx, client, code, sharing.Scope(True, True, True, True))
    session_id = _guided_session_with_canaries(ctx, therapist, client)
    safety_plans.save_safety_plan(
        ctx, client, SafetyPlan(warning_signs=("SAFETY-CANARY",), helpers=("HELPER-CANARY",))
    )
    note = review.DapNote("DATA-CANARY", "ASSESS-CANARY", "PLAN-CANARY", session_id)
    review.save_note(ctx, therapist, client.user_id, note)
    (flag,) = [f for f in review.client_page(ctx, therapist, client.user_id).flags if f.open]
    review.acknowledge_flag(ctx, therapist, client.user_id, flag.key)
    drafts.save_draft(ctx, client, DraftKind.ART, {"title": "DRAFT-ART-CANARY"})
    canaries = [
        b"SESSION-TITLE-CANARY",
        b"STEP-CANARY",
        b"ANSWER-CANARY",
        b"SESSION-ART-CANARY",
        b"STEP-MOOD-CANARY",
        b"SAFETY-CANARY",
        b"HELPER-CANARY",
        b"DATA-CANARY",
        b"ASSESS-CANARY",
        b"PLAN-CANARY",
        b"DRAFT-ART-CANARY",
        b"safe-place",  # the directive the plan was made from
        flag.key.encode(),
        b"phq9",
        b"\x89PNG",  # a picture, its thumbnail or the drawn layer
        b"iVBORw0KGgo",  # the same in base64 (a backup)
        *_plain_forms(SESSION_VALENCE),
    ]
    dump = b"\n".join(
        value if isinstance(value, bytes) else str(value).encode()
        for value in _raw_values(ctx.engine)
    )
    out = tmp_path / "backup.json.gz"
    backup.backup(ctx, out)
    stolen = {"rows": dump, "backup": gzip.decompress(out.read_bytes())}
    if ctx.engine.dialect.name == "sqlite":
        stolen["file"] = _sqlite_files(tmp_path)
    attacks.none_readable(STOLEN, stolen, canaries)
    for value in _raw_values(ctx.engine):
        assert value != SESSION_VALENCE
    assert review.client_page(ctx, therapist, client.user_id).notes[0].plan == "PLAN-CANARY"
    assert safety_plans.get_safety_plan(ctx, client).helpers == ("HELPER-CANARY",)
