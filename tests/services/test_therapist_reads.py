"""Every read of another person's data is audited, and a consent says exactly what it shares."""

from dataclasses import fields

import pytest

from tests.helpers import make_user, sample_artwork, selects_sent, use_case_parameters
from therapy_app.journal import audit
from therapy_app.journal.models import Role
from therapy_app.mood.checkin import CheckIn, FeelingChoice
from therapy_app.mood.session_plan import plan_from_directive
from therapy_app.services import (
    artworks,
    entries,
    insights,
    reports,
    review,
    sessions,
    sharing,
)

PLAN = plan_from_directive("safe-place")

# What a therapist calls to read a client's data, each with the call that does it.
READS = {
    "entries.list_entries": lambda ctx, t, c, e, a: entries.list_entries(ctx, t, owner_id=c),
    "entries.get_entry": lambda ctx, t, c, e, a: entries.get_entry(ctx, t, e),
    "entries.note_excerpts": lambda ctx, t, c, e, a: entries.note_excerpts(ctx, t, [e]),
    "entries.tag_usage": lambda ctx, t, c, e, a: entries.tag_usage(ctx, t, c),
    "artworks.list_artworks": lambda ctx, t, c, e, a: artworks.list_artworks(ctx, t, c),
    "artworks.artwork_page": lambda ctx, t, c, e, a: artworks.artwork_page(ctx, t, c),
    "artworks.get_artwork": lambda ctx, t, c, e, a: artworks.get_artwork(ctx, t, a),
    "artworks.entry_thumbnails": lambda ctx, t, c, e, a: artworks.entry_thumbnails(ctx, t, [e]),
    "artworks.entry_pictures": lambda ctx, t, c, e, a: artworks.entry_pictures(ctx, t, e),
    "insights.journal_insights": lambda ctx, t, c, e, a: insights.journal_insights(
        ctx, t, owner_id=c
    ),
    "insights.window": lambda ctx, t, c, e, a: insights.window(
        ctx, t, insights.journal_insights(ctx, t, owner_id=c).entries, owner_id=c
    ),
    "review.caseload": lambda ctx, t, c, e, a: review.caseload(ctx, t),
    "review.client_page": lambda ctx, t, c, e, a: review.client_page(ctx, t, c),
    "reports.report_document": lambda ctx, t, c, e, a: reports.report_document(ctx, t, c),
    "reports.client_report": lambda ctx, t, c, e, a: reports.client_report(ctx, t, c),
    "sessions.list_sessions": lambda ctx, t, c, e, a: sessions.list_sessions(ctx, t, c),
    "sessions.get_session": lambda ctx, t, c, e, a: sessions.get_session(
        ctx, t, sessions.create_plan(ctx, t, c, PLAN).id
    ),
}
# The other use cases that take an acting user, and why none reads another person's data.
NOT_READS = {
    "accounts.change_password": "the actor's own account",
    "accounts.set_timezone": "the actor's own account",
    "accounts.set_country": "the actor's own account",
    "administration.recent_audit_events": "administrators only; audited as the audit log read",
    "artworks.save_artwork": "owner only",
    "artworks.delete_artwork": "owner only",
    "artworks.mood_morph": "the actor's own pictures",
    "entries.check_in": "the actor's own journal",
    "entries.update_entry": "owner only",
    "entries.delete_entry": "owner only",
    "sharing.create_invite": "a therapist's own invite",
    "sharing.redeem_invite": "a client's own link",
    "sharing.update_scope": "a client's own link",
    "sharing.revoke": "a client's own link",
    "sharing.my_links": "the actor's own links",
    "sharing.views_of_my_data": "a client's own audit trail",
    "review.acknowledge_flag": "a therapist's write, audited",
    "review.save_note": "a therapist's own note, audited as a write",
    "review.dap_prefill": "a session's read, audited: tests/services/test_review.py",
    "review.session_picture": "a session's read, audited: tests/services/test_review.py",
    "review.consent_for": "inside a use case's transaction; the use case audits",
    "review.page_of": "inside a use case's transaction; the use case audits",
    "bulk_art.entries_without_art": "the actor's own journal",
    "bulk_art.paint_entries": "the actor's own journal",
    "drafts.save_draft": "the actor's own draft",
    "drafts.get_draft": "the actor's own draft",
    "drafts.discard_draft": "the actor's own draft",
    "exports.export_journal": "the actor's own journal",
    "imports.plan_import": "the actor's own journal",
    "imports.import_file": "the actor's own journal",
    "safety_plans.get_safety_plan": "the actor's own plan",
    "safety_plans.save_safety_plan": "the actor's own plan",
    "sessions.create_plan": "a therapist's write, audited",
    "sessions.check_in_step": "the client's own session",
    "sessions.art_step": "the client's own session",
    "sessions.reflection_step": "the client's own session",
    "sessions.measure_step": "the client's own session",
    "sessions.raise_safety_flag": "the client's own session",
    "sessions.planned_by": "inside a use case's transaction; the use case audits",
    "sessions.flags_since": "inside a use case's transaction; the use case audits",
}


def _shared_journal(ctx, scope: sharing.Scope):
    client = make_user(ctx, "cleo")
    therapist = make_user(ctx, "theo", Role.THERAPIST)
    entry = entries.check_in(
        ctx,
        client,
        CheckIn(
            valence=0.3,
            energy=0.2,
            control=0.1,
            feelings=(FeelingChoice("joy", 2),),
            tags=("walk",),
            note="a note",
            sleep_hours=7,
        ),
        artwork=sample_artwork("a title"),
    )
    sharing.redeem_invite(ctx, client, sharing.create_invite(ctx, therapist), scope)
    return client, therapist, entry


def test_every_use_case_with_an_actor_is_listed() -> None:
    assert set(use_case_parameters()) == set(READS) | set(NOT_READS)


@pytest.mark.parametrize("read", sorted(READS))
def test_every_therapist_read_is_audited(sqlite_ctx, read) -> None:
    client, therapist, entry = _shared_journal(sqlite_ctx, sharing.Scope(True, True, True))

    def audited() -> int:
        with sqlite_ctx.sessions() as session:
            about = audit.events(session, sqlite_ctx.cipher, subject_id=client.user_id)
            found = [event for event in about if event.actor_id == therapist.user_id]
            return sum(e.action in {"read", "export"} and e.outcome == "ok" for e in found)

    before = audited()
    READS[read](sqlite_ctx, therapist, client.user_id, entry.id, entry.artwork_ids[0])
    assert audited() > before


# Each field a therapist gets under the mood part alone, and the words that name it.
MOOD_PART_WORDS = {
    "occurred_at": "date and time",
    "timezone": "date and time",
    "local_date": "date and time",
    "quick_mood": "mood",
    "valence": "pleasantness",
    "energy": "energy",
    "control": "sense of control",
    "feelings": "feelings",
    "tags": "tags",
    "sleep_hours": "sleep",
    "risk_flag": "safety flags",
    "unsafe_now": "safety flags",  # the one-tap "I'm not safe right now" is one
    "artwork_ids": "picture",
}


def test_the_mood_part_names_everything_it_shares(sqlite_ctx) -> None:
    client, therapist, _ = _shared_journal(sqlite_ctx, sharing.Scope(True, False, False))
    (view,) = entries.list_entries(sqlite_ctx, therapist, owner_id=client.user_id).items
    assert view.note is None
    for field in fields(view):
        if field.name in {"id", "owner_id", "note"}:
            continue
        assert MOOD_PART_WORDS[field.name] in sharing.SHARED_PARTS["mood"], field.name
    assert "notes" in sharing.SHARED_PARTS["notes"]
    assert "pictures" in sharing.SHARED_PARTS["art"]
    assert "titles" in sharing.SHARED_PARTS["art"]


def test_a_clients_notes_and_pictures_cost_the_same_few_reads_for_one_entry_or_five(
    sqlite_ctx,
) -> None:
    """The consent is looked up once per client, not once per entry a chart shows."""
    ctx = sqlite_ctx
    therapist = make_user(ctx, "lee", Role.THERAPIST)
    client = make_user(ctx, "abe")
    code = sharing.create_invite(ctx, therapist)
    sharing.redeem_invite(ctx, client, code, sharing.Scope(True, True, True))
    ids = [
        entries.check_in(ctx, client, CheckIn(note=f"note {n}"), sample_artwork()).id
        for n in range(5)
    ]
    counts = [
        selects_sent(ctx, lambda r=read, c=chosen: r(ctx, therapist, c))
        for read in (entries.note_excerpts, artworks.entry_thumbnails)
        for chosen in (ids[:1], ids)
    ]
    assert counts[0] == counts[1] and counts[2] == counts[3]
    assert len(entries.note_excerpts(ctx, therapist, ids)) == 5
    assert len(artworks.entry_thumbnails(ctx, therapist, ids)) == 5
