"""Each run of the app makes its own page objects. Streamlit marks the page that
st.navigation returns as runnable once and unmarks it when it runs: one object shared by
the sessions of a process let one session's run use up another's mark, and that session
met "This page cannot be called directly" (found with twelve browsers on three processes,
on 5 of 100 "Make art" clicks)."""

import json

from streamlit.testing.v1 import AppTest


def _two_runs_script() -> None:
    import streamlit as st

    from therapy_app.journal.models import Role
    from therapy_app.ui import art_pages
    from therapy_app.ui.app import pages_for, signed_out_pages

    def shared(first: list[st.Page], second: list[st.Page]) -> list[str]:
        return [a.url_path for a in first if any(a is b for b in second)]

    found = {role.value: shared(pages_for(role), pages_for(role)) for role in Role}
    found["signed out"] = shared(signed_out_pages(), signed_out_pages())
    makers = (
        art_pages.art,
        art_pages.journal,
        art_pages.gallery,
        art_pages.sessions,
        art_pages.safety_plan,
    )
    found["sent to"] = shared([make() for make in makers], [make() for make in makers])
    client_paths = {page.url_path for page in pages_for(Role.CLIENT)}
    sent_to = {make().url_path for make in makers}
    st.json({"shared": found, "not routed": sorted(sent_to - client_paths)})


def test_no_page_object_is_shared_between_two_runs(app_home) -> None:
    at = AppTest.from_function(_two_runs_script, default_timeout=60).run()
    assert not at.exception
    found = at.json[0].value
    found = found if isinstance(found, dict) else json.loads(found)
    assert found["shared"] == {
        "client": [],
        "therapist": [],
        "admin": [],
        "signed out": [],
        "sent to": [],
    }
    assert found["not routed"] == []
