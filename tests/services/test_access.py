"""Every service function that takes an id refuses another user's data, audits, changes nothing."""

import pytest
from sqlalchemy import select

from tests.helpers import make_user, sample_artwork, takes_an_id, use_case_parameters
from therapy_app import services
from therapy_app.errors import AccessDeniedError
from therapy_app.journal import audit
from therapy_app.journal.models import Artwork, Entry, Role, TherapistLink
from therapy_app.mood.checkin import CheckIn
from therapy_app.mood.scales import QuickMood
from therapy_app.services import administration, artworks, entries, insights, review, sharing

ID_CALLS = {
    "entries.get_entry": lambda ctx, a, ids: entries.get_entry(ctx, a, ids["entry"]),
    "entries.update_entry": lambda ctx, a, ids: entries.update_entry(
        ctx, a, ids["entry"], CheckIn(quick_mood=QuickMood.AWFUL, note="overwritten")
    ),
    "entries.delete_entry": lambda ctx, a, ids: entries.delete_entry(ctx, a, ids["entry"]),
    "entries.list_entries": lambda ctx, a, ids: entries.list_entries(ctx, a, owner_id=ids["owner"]),
    "sharing.update_scope": lambda ctx, a, ids: sharing.update_scope(
        ctx, a, ids["link"], sharing.Scope(True, True, True)
    ),
    "sharing.revoke": lambda ctx, a, ids: sharing.revoke(ctx, a, ids["link"]),
    "artworks.save_artwork": lambda ctx, a, ids: artworks.save_artwork(
        ctx, a, ids["entry"], sample_artwork()
    ),
    "artworks.get_artwork": lambda ctx, a, ids: artworks.get_artwork(ctx, a, ids["artwork"]),
    "artworks.entry_pictures": lambda ctx, a, ids: artworks.entry_pictures(ctx, a, ids["entry"]),
    "insights.journal_insights": lambda ctx, a, ids: insights.journal_insights(
        ctx, a, owner_id=ids["owner"]
    ),
    "artworks.entry_thumbnails": lambda ctx, a, ids: artworks.entry_thumbnails(
        ctx, a, [ids["entry"]]
    ),
    "entries.tag_usage": lambda ctx, a, ids: entries.tag_usage(ctx, a, owner_id=ids["owner"]),
    "insights.window": lambda ctx, a, ids: insights.window(
        ctx, a, insights.journal_insights(ctx, a).entries, owner_id=ids["owner"]
    ),
    "entries.note_excerpts": lambda ctx, a, ids: entries.note_excerpts(ctx, a, [ids["entry"]]),
    "artworks.delete_artwork": lambda ctx, a, ids: artworks.delete_artwork(ctx, a, ids["artwork"]),
    "artworks.list_artworks": lambda ctx, a, ids: artworks.list_artworks(
        ctx, a, owner_id=ids["owner"]
    ),
    "artworks.artwork_page": lambda ctx, a, ids: artworks.artwork_page(
        ctx, a, ids["owner"], artworks.ArtworkQuery(limit=24)
    ),
}


def test_every_id_taking_function_is_covered() -> None:
    modules = (entries, sharing, administration, artworks, insights)
    found = {name for name, params in use_case_parameters(modules).items() if takes_an_id(params)}
    assert found == set(ID_CALLS)
    assert services.__doc__


def _snapshot(ctx) -> tuple:
    with ctx.sessions() as session:
        rows = session.execute(select(Entry.id, Entry.updated_at, Entry.note_ct)).all()
        rows += session.execute(select(Artwork.id, Artwork.updated_at, Artwork.image_ct)).all()
        links = session.execute(select(TherapistLink.id, TherapistLink.terms_ct)).all()
        return sorted(rows), sorted(links)


def _denials(ctx) -> int:
    with ctx.sessions() as session:
        return sum(e.outcome == "denied" for e in audit.events(session, ctx.cipher))


@pytest.mark.parametrize("call", sorted(ID_CALLS))
@pytest.mark.parametrize("intruder_role", [Role.CLIENT, Role.THERAPIST])
def test_other_users_ids_are_refused(ctx, call, intruder_role) -> None:
    owner = make_user(ctx, "owner")
    therapist = make_user(ctx, "their-therapist", Role.THERAPIST)
    intruder = make_user(ctx, "intruder", intruder_role)
    entry = entries.check_in(ctx, owner, CheckIn(quick_mood=QuickMood.GOOD, note="private"))
    code = sharing.create_invite(ctx, therapist)
    link = sharing.redeem_invite(ctx, owner, code, sharing.Scope(True, False, False))
    artwork_id = artworks.save_artwork(ctx, owner, entry.id, sample_artwork())
    ids = {"entry": entry.id, "owner": owner.user_id, "link": link.id, "artwork": artwork_id}
    before, denials = _snapshot(ctx), _denials(ctx)
    with pytest.raises(AccessDeniedError, match="do not have access"):
        ID_CALLS[call](ctx, intruder, ids)
    assert _snapshot(ctx) == before
    assert _denials(ctx) == denials + 1


def test_therapist_sees_only_what_is_shared_and_loses_it_on_revoke(ctx) -> None:
    client = make_user(ctx, "client")
    therapist = make_user(ctx, "therapist", Role.THERAPIST)
    entry = entries.check_in(ctx, client, CheckIn(quick_mood=QuickMood.BAD, note="my words"))
    with pytest.raises(AccessDeniedError):
        entries.get_entry(ctx, therapist, entry.id)
    link = sharing.redeem_invite(
        ctx, client, sharing.create_invite(ctx, therapist), sharing.Scope(True, False, False)
    )
    seen = entries.get_entry(ctx, therapist, entry.id)
    assert seen.valence == entry.valence and seen.note is None
    sharing.update_scope(ctx, client, link.id, sharing.Scope(True, True, False))
    assert entries.get_entry(ctx, therapist, entry.id).note == "my words"
    with pytest.raises(AccessDeniedError):
        entries.update_entry(ctx, therapist, entry.id, CheckIn(quick_mood=QuickMood.GREAT))
    sharing.revoke(ctx, client, link.id)
    with pytest.raises(AccessDeniedError):
        entries.get_entry(ctx, therapist, entry.id)
    with pytest.raises(AccessDeniedError):
        entries.list_entries(ctx, therapist, owner_id=client.user_id)


def test_role_gated_functions(ctx) -> None:
    client = make_user(ctx, "client")
    with pytest.raises(AccessDeniedError):
        sharing.create_invite(ctx, client)
    with pytest.raises(AccessDeniedError):
        review.caseload(ctx, client)
    with pytest.raises(AccessDeniedError):
        administration.recent_audit_events(ctx, client)
    admin = make_user(ctx, "admin", Role.ADMIN)
    events = administration.recent_audit_events(ctx, admin)
    assert {e["outcome"] for e in events} >= {"denied", "ok"}
