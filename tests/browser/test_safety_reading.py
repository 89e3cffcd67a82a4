"""The support box in a real browser: one tap without words, and words in other languages."""

from playwright.sync_api import expect

from tests.browser.conftest import shot
from tests.browser.test_journeys import create_account, field


def test_not_safe_right_now_is_one_tap(server, page) -> None:
    create_account(page, server, "ash")
    expect(page.get_by_text("You don't have to carry this alone")).to_have_count(0)
    page.get_by_role("button", name="I'm not safe right now").click()
    expect(page.get_by_text("You don't have to carry this alone")).to_be_visible()
    expect(page.get_by_text("Thank you for telling us")).to_be_visible()
    main = page.get_by_test_id("stMainBlockContainer")
    expect(main.get_by_text("not a crisis service")).to_be_visible()
    expect(main.get_by_text("Samaritans (UK and Ireland)")).to_be_visible()
    shot(page, "safety-01-one-tap")
    page.get_by_role("button", name="I'm safe for now").click()
    expect(page.get_by_text("You don't have to carry this alone")).to_have_count(0)


def test_words_raise_the_box_and_other_languages_are_named(server, page) -> None:
    create_account(page, server, "sky")
    note = field(page, "Write as much or as little as you like")
    note.fill("gave my cat to my sister for when im not here")
    note.blur()
    expect(page.get_by_text("suggested that you might be struggling")).to_be_visible()
    shot(page, "safety-02-words")
    note.fill("Ich will nicht mehr leben, alles ist zu schwer geworden")
    note.blur()
    expect(page.get_by_text("Suggestions read English only")).to_be_visible()
    expect(page.get_by_text("suggested that you might be struggling")).to_be_visible()
    shot(page, "safety-03-other-language")
