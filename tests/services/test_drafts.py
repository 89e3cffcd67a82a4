from sqlalchemy import select

from tests.helpers import make_user
from therapy_app.journal.models import Draft, DraftKind
from therapy_app.mood.checkin import CheckIn, parse_feeling
from therapy_app.services import drafts


def test_a_draft_is_kept_encrypted_per_person_and_kind_until_discarded(ctx) -> None:
    ada, bo = make_user(ctx, "ada"), make_user(ctx, "bo")
    half = CheckIn(feelings=(parse_feeling("tired:3"),), note="half a thought about canary-77")
    drafts.save_draft(ctx, ada, DraftKind.CHECK_IN, {"check_in": half.as_json()})
    drafts.save_draft(ctx, ada, DraftKind.ART, {"title": "River"})
    again = drafts.get_draft(ctx, ada, DraftKind.CHECK_IN)
    assert CheckIn.from_json(again.content["check_in"]) == half
    assert drafts.get_draft(ctx, bo, DraftKind.CHECK_IN) is None
    with ctx.sessions() as session:
        stored = session.scalars(select(Draft.content_ct)).all()
    assert len(stored) == 2 and not any(b"canary-77" in blob for blob in stored)

    drafts.save_draft(ctx, ada, DraftKind.CHECK_IN, {"check_in": CheckIn(note="later").as_json()})
    assert drafts.get_draft(ctx, ada, DraftKind.CHECK_IN).content["check_in"]["note"] == "later"
    drafts.discard_draft(ctx, ada, DraftKind.CHECK_IN)
    drafts.discard_draft(ctx, ada, DraftKind.CHECK_IN)  # nothing left: no error
    assert drafts.get_draft(ctx, ada, DraftKind.CHECK_IN) is None
    assert drafts.get_draft(ctx, ada, DraftKind.ART).content == {"title": "River"}
