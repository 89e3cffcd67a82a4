"""Widgets shared by views, run on their own with AppTest.from_function."""

from datetime import date

from streamlit.testing.v1 import AppTest


def _date_range_page() -> None:
    import streamlit as st

    from therapy_app.ui import widgets

    since, until = widgets.date_range(st.container(), "dates")
    st.text(f"{since}|{until}")


def _shown(picked: tuple[date, ...]) -> str:
    at = AppTest.from_function(_date_range_page).run()
    if picked:
        at.date_input(key="dates").set_value(picked).run()
    assert not at.exception
    return at.text[0].value


def test_a_date_range_is_open_at_each_end_not_picked_yet() -> None:
    first, last = date(2026, 3, 2), date(2026, 3, 9)
    assert _shown(()) == "None|None"
    assert _shown((first,)) == f"{first}|None"
    assert _shown((first, last)) == f"{first}|{last}"
