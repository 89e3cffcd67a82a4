"""The timeline page's logic: empty state, the default window, lazy tabs, a tag filter."""

import re

from streamlit.testing.v1 import AppTest

from tests.helpers import PASSWORD, make_user
from therapy_app.mood.checkin import CheckIn, parse_feeling
from therapy_app.mood.scales import QuickMood
from therapy_app.services import accounts, entries
from therapy_app.services.demo import PASSWORD as DEMO_PASSWORD
from therapy_app.services.demo import seed_demo


def _timeline() -> None:
    from therapy_app.ui.views import timeline_view

    timeline_view.render()


def _open(ctx, username: str, password: str) -> AppTest:
    at = AppTest.from_function(_timeline, default_timeout=60)
    at.session_state["auth_token"] = accounts.log_in(ctx, username, password)
    return at.run()


def _entries(at: AppTest) -> int | None:
    """The number in the summary line ("**60** entries · ..."), None when there is none."""
    for element in at.markdown:
        found = re.match(r"\*\*(\d+)\*\* entries", str(element.value))
        if found:
            return int(found.group(1))
    return None


def _texts(at: AppTest) -> str:
    return " ".join(str(e.value) for e in (*at.caption, *at.text, *at.subheader, *at.info))


def test_a_new_person_is_invited_to_check_in(services_ctx) -> None:
    make_user(services_ctx, "new")
    at = _open(services_ctx, "new", PASSWORD)
    assert not at.exception
    assert "Your timeline grows with every check-in" in _texts(at)
    assert not at.tabs


def test_tabs_run_only_when_open_and_filters_narrow_the_journal(services_ctx) -> None:
    client = seed_demo(services_ctx, days=30, with_art=False).client
    at = _open(services_ctx, client, DEMO_PASSWORD)
    assert not at.exception
    assert _entries(at) == 60
    assert ": 42 entries" in _texts(at)  # the last three weeks
    assert "Scroll to zoom" in _texts(at) and "a square a day" not in _texts(at)

    at.session_state["tl-tab"] = "Year in pixels"
    at.run()
    assert "a square a day" in _texts(at) and "Scroll to zoom" not in _texts(at)

    at.session_state["tl-tab"] = "Patterns"
    at.run()
    assert "By weekday" in _texts(at) and "a square a day" not in _texts(at)
    assert "Named most often" in _texts(at)

    at.session_state["tl-tab"] = "What goes with what"
    at.run()
    assert "compared with before" in _texts(at)

    at.multiselect(key="tl-tags").select("walk").run()
    walked = _entries(at)
    assert 0 < walked < 60


def _caseload() -> None:
    from therapy_app.ui.views import caseload_view

    caseload_view.render()


def test_a_therapist_opens_a_consenting_clients_timeline(services_ctx) -> None:
    demo = seed_demo(services_ctx, days=10, with_art=False)
    client = accounts.find_user(services_ctx, demo.client)
    at = AppTest.from_function(_caseload, default_timeout=60)
    at.session_state["auth_token"] = accounts.log_in(services_ctx, demo.therapist, DEMO_PASSWORD)
    at.session_state["caseload-client"] = client.user_id
    at.session_state["caseload-tab"] = "Timeline"
    at.run()
    assert not at.exception, at.exception
    assert _entries(at) == 20
    assert "Scroll to zoom" in _texts(at)
    # the therapist reads of the client, at times in the therapist's own zone, in words
    assert "The client's whole journal" in _texts(at) and "Your whole" not in _texts(at)
    (last_entry,) = at.dataframe[0].value["Last check-in"]
    assert re.fullmatch(r"\w+day \d\d \w+ 20\d\d at \d\d:\d\d", last_entry)
    at.session_state["tl-tab"] = "Year in pixels"
    at.run()
    assert "The client's last year" in _texts(at)


def test_filters_that_match_nothing_say_so(services_ctx) -> None:
    actor = make_user(services_ctx, "ada")
    check_in = CheckIn(quick_mood=QuickMood.GOOD, feelings=(parse_feeling("hopeful"),))
    entries.check_in(services_ctx, actor, check_in)
    at = _open(services_ctx, "ada", PASSWORD)
    assert _entries(at) == 1
    at.multiselect(key="tl-feelings").select("furious").run()
    assert not at.exception
    assert "No entries match these filters" in _texts(at) and _entries(at) is None
