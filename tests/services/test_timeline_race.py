"""The timeline reads a journal in several statements while its owner may be tagging entries
elsewhere (the clinic benchmark found it): on PostgreSQL each statement sees the latest
commits, so a tag added between two of them must not break the read. (SQLite runs one
transaction at a time, so there it cannot happen.)"""

from sqlalchemy import create_engine, event, insert

from tests.conftest import make_settings
from tests.helpers import make_user
from therapy_app.journal.models import Tag, entry_tags, new_id
from therapy_app.journal.sealed import seal_tag, tag_key
from therapy_app.mood.checkin import CheckIn
from therapy_app.mood.scales import QuickMood
from therapy_app.services import entries, insights
from therapy_app.services.context import open_app


def test_a_tag_added_during_the_timeline_read(postgres_url, tmp_path, clock) -> None:
    ctx = open_app(make_settings(tmp_path, postgres_url), clock=clock)
    other_tab = create_engine(postgres_url, isolation_level="AUTOCOMMIT")
    try:
        ada = make_user(ctx, "ada")
        entry = entries.check_in(ctx, ada, CheckIn(quick_mood=QuickMood.OKAY, tags=("walk",)))
        added = []

        def tag_it_meanwhile(_conn, _cursor, statement: str, *_rest: object) -> None:
            # right after the timeline has read tag names, the entry gets a new tag
            if "name_ct" not in statement or added:
                return
            tag_id = new_id()
            with other_tab.connect() as connection:
                name_ct = seal_tag(ctx.cipher, tag_id, ada.user_id, "river")
                key = tag_key(ctx.cipher, ada.user_id, "river")
                row = {"id": tag_id, "owner_id": ada.user_id, "name_key": key, "name_ct": name_ct}
                connection.execute(insert(Tag), row)
                connection.execute(insert(entry_tags), {"entry_id": entry.id, "tag_id": tag_id})
            added.append(tag_id)

        event.listen(ctx.engine, "after_cursor_execute", tag_it_meanwhile)
        try:
            seen = insights.journal_insights(ctx, ada)
        finally:
            event.remove(ctx.engine, "after_cursor_execute", tag_it_meanwhile)
        assert added  # the tag did land in the middle of the read
        assert seen.entries["tags"].map(tuple).tolist() in ([("walk",)], [("river", "walk")])
    finally:
        other_tab.dispose()
        ctx.dispose()
