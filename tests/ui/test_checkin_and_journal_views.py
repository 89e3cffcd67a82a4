import pytest

from tests.helpers import PASSWORD, make_user
from tests.ui.conftest import logged_in_app
from therapy_app.mood.checkin import CheckIn
from therapy_app.mood.scales import QuickMood
from therapy_app.services import accounts, entries


def _entries(ctx, name="robin"):
    return entries.list_entries(ctx, accounts.find_user(ctx, name)).items


def test_one_tap_saves_then_details_update_the_same_entry(services_ctx) -> None:
    make_user(services_ctx, "robin")
    at = logged_in_app(services_ctx, "robin", PASSWORD)
    at.button(key="quick-good").click().run()
    assert not at.exception
    assert len(_entries(services_ctx)) == 1
    assert any("complete check-in" in s.value for s in at.success)
    at.pills(key="ci-feel-joy").set_value(["content"]).run()
    at.text_area(key="ci-note").input("Walked by the river.").run()
    at.multiselect(key="ci-tags").set_value(["walk"]).run()
    at.button(key="save-entry").click().run()
    assert not at.exception
    (saved,) = _entries(services_ctx)
    assert saved.quick_mood is QuickMood.GOOD
    assert [f.word for f in saved.feelings] == ["content"]
    assert saved.note == "Walked by the river." and saved.tags == ("walk",)
    # the form now shows what is stored for the next check-in: nothing
    assert at.text_area(key="ci-note").value == "" and at.multiselect(key="ci-tags").value == []
    at.button(key="save-entry").click().run()
    assert len(_entries(services_ctx)) == 1


def test_note_suggestions_are_offered_not_chosen(services_ctx) -> None:
    make_user(services_ctx, "robin")
    at = logged_in_app(services_ctx, "robin", PASSWORD)
    at.text_area(key="ci-note").input("So anxious about the exam, I feel overwhelmed").run()
    add = at.button(key="ci-add-suggested")
    assert "anxious" in add.label
    assert at.pills(key="ci-feel-fear").value == []
    add.click().run()
    assert "anxious" in at.pills(key="ci-feel-fear").value


def test_risky_note_shows_support_at_once(services_ctx) -> None:
    make_user(services_ctx, "robin")
    at = logged_in_app(services_ctx, "robin", PASSWORD)
    at.text_area(key="ci-note").input("everyone would be better off without me").run()
    assert any("don't have to carry this alone" in m.value for m in at.markdown)
    at.button(key="save-entry").click().run()
    assert _entries(services_ctx)[0].risk_flag


@pytest.mark.slow
def test_bad_input_is_refused_with_a_message_and_nothing_saved(services_ctx) -> None:
    make_user(services_ctx, "robin")
    at = logged_in_app(services_ctx, "robin", PASSWORD)
    at.button(key="save-entry").click().run()
    assert any("nothing to save" in e.value for e in at.error)
    # the widget does not cut a long paste; the service refuses it and the text stays
    at.text_area(key="ci-note").input("x" * 200_001).run()
    at.button(key="save-entry").click().run()
    assert any("the limit is 200,000" in e.value for e in at.error)
    assert len(at.text_area(key="ci-note").value) == 200_001
    at.text_area(key="ci-note").input("").run()
    at.multiselect(key="ci-tags").set_value(["a tag that is far too long to be useful here"])
    at.run()
    at.button(key="save-entry").click().run()
    assert not at.exception
    assert any("longer than 40" in e.value for e in at.error)
    assert _entries(services_ctx) == ()


def test_journal_search_open_edit_and_delete(services_ctx) -> None:
    actor = make_user(services_ctx, "robin")
    for note in ("bike ride in the sun", "rainy day inside"):
        entries.check_in(services_ctx, actor, CheckIn(quick_mood=QuickMood.OKAY, note=note))
    at = _journal(services_ctx)
    at.text_input(key="journal-search").input("bike").run()
    assert any(c.value == "1 entry" for c in at.caption)
    opened = next(b for b in at.button if b.label == "Open")
    opened.click().run()
    assert any(t.value == "bike ride in the sun" for t in at.text)
    at.text_area(key="edit-note").input("bike ride in the rain").run()
    at.button(key="edit-save").click().run()
    assert not at.exception
    assert sorted(e.note for e in _entries(services_ctx)) == [
        "bike ride in the rain",
        "rainy day inside",
    ]
    assert any(t.value == "bike ride in the rain" for t in at.text)  # the page shows the edit
    at.button(key="delete-ask").click().run()
    at.button(key="delete-confirm").click().run()
    assert not at.exception
    assert [e.note for e in _entries(services_ctx)] == ["rainy day inside"]


def test_editing_a_tapped_not_safe_entry_keeps_its_flag(services_ctx) -> None:
    """Flagged only by the one-tap "I'm not safe right now" (no risky words): an edit of the
    note must not drop the flag the therapist sees."""
    actor = make_user(services_ctx, "robin")
    tapped = CheckIn(quick_mood=QuickMood.BAD, note="a long day", unsafe_now=True)
    entry_id = entries.check_in(services_ctx, actor, tapped).id
    at = _journal(services_ctx)
    next(b for b in at.button if b.label == "Open").click().run()
    at.text_area(key="edit-note").input("a long day, and a walk after").run()
    at.button(key="edit-save").click().run()
    assert not at.exception
    edited = entries.get_entry(services_ctx, actor, entry_id)
    assert edited.note == "a long day, and a walk after"
    assert edited.risk_flag


def _journal_script() -> None:
    from therapy_app.ui.views import journal_view

    journal_view.render()


def _journal(ctx):
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_function(_journal_script, default_timeout=60)
    at.session_state["auth_token"] = accounts.log_in(ctx, "robin", PASSWORD)
    return at.run()


def test_a_new_filter_starts_the_journal_at_its_first_page(services_ctx) -> None:
    actor = make_user(services_ctx, "robin")
    for day in range(25):
        note = "river walk" if day == 3 else f"day {day}"
        entries.check_in(services_ctx, actor, CheckIn(quick_mood=QuickMood.OKAY, note=note))
    at = _journal(services_ctx)
    assert any(c.value == "Page 1 of 3" for c in at.caption)
    at.button(key="journal-older").click().run()
    at.button(key="journal-older").click().run()
    assert any(c.value == "Page 3 of 3" for c in at.caption)
    at.text_input(key="journal-search").input("river").run()
    assert not at.exception
    assert any(c.value == "1 entry" for c in at.caption)
    assert any(c.value == "Page 1 of 1" for c in at.caption)
    assert [t.value for t in at.text if "river" in t.value]
