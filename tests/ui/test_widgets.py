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


def _moving_picture_page() -> None:
    import io

    from PIL import Image

    from therapy_app.ui import widgets

    frames = [Image.new("RGB", (8, 8), colour) for colour in ("red", "blue")]
    gif = io.BytesIO()
    frames[0].save(gif, format="GIF", save_all=True, append_images=frames[1:])
    still = io.BytesIO()
    frames[0].save(still, format="PNG")
    widgets.moving_picture(gif.getvalue(), still.getvalue(), "A week's <morph>", width=320)


def test_a_moving_picture_stands_still_where_less_motion_is_asked_for() -> None:
    at = AppTest.from_function(_moving_picture_page).run()
    assert not at.exception
    (shown,) = at.get("html")
    body = shown.proto.body
    assert '<source srcset="data:image/png;base64,' in body
    assert 'media="(prefers-reduced-motion: reduce)"' in body
    assert 'src="data:image/gif;base64,' in body and 'alt="A week&#x27;s &lt;morph&gt;"' in body
