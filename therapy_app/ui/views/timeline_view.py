"""Timeline: how feelings moved, what went with them, and the art along the way."""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING

import streamlit as st

from therapy_app.insights import charts, frames
from therapy_app.mood.feelings import ALL_FEELINGS
from therapy_app.services import artworks, entries, insights
from therapy_app.ui import state, widgets

if TYPE_CHECKING:
    from therapy_app.services.actor import Actor
    from therapy_app.services.context import AppContext


def _filters(ctx: AppContext, actor: Actor) -> tuple:
    dates, tags, feelings = st.columns([2, 2, 2])
    chosen = dates.date_input("Dates", value=(), key="tl-dates", max_value=date.today())
    since, until = (
        (tuple(chosen) + (None, None))[:2] if isinstance(chosen, tuple) else (chosen, chosen)
    )
    tag_names = tags.multiselect(
        "Tags", [n for n, _ in entries.tag_usage(ctx, actor)], key="tl-tags", placeholder="All tags"
    )
    feeling_names = feelings.multiselect(
        "Feelings", sorted(ALL_FEELINGS), key="tl-feelings", placeholder="All feelings"
    )
    return since, until, tuple(tag_names), tuple(feeling_names)


def _selected(event: object, name: str, field: str) -> object | None:
    selection = getattr(event, "selection", None) or {}
    points = selection.get(name) or []
    return points[0].get(field) if points and isinstance(points, list) else None


def _open_entry(ctx: AppContext, actor: Actor, entry_id: str) -> None:
    view = state.attempt(lambda: entries.get_entry(ctx, actor, entry_id))
    if view:
        widgets.entry_card(view, key=f"tl-{entry_id}", show_open=False)
        if view.note and widgets.note_excerpt(view.note) != view.note:
            st.text(view.note)  # the card showed only the beginning


def render() -> None:
    ctx, actor = state.require_actor()
    st.title("Timeline")
    since, until, tags, feelings = _filters(ctx, actor)
    data = state.attempt(
        lambda: insights.journal_insights(
            ctx, actor, since=since, until=until, tags=tags, feelings=feelings
        )
    )
    if data is None:
        return
    frame = data.entries
    if frame.empty:
        st.info(
            "Your timeline grows with every check-in. A single tap a day is enough; "
            "after a week you will start to see your own patterns here.",
            icon=":material/timeline:",
        )
        return
    a, b, c = st.columns(3)
    a.metric("Entries", len(frame))
    b.metric("Mean pleasantness", f"{frame['valence'].mean():+.2f}")
    c.metric("Days in a row", data.streaks.current, help=f"Longest: {data.streaks.longest}")

    st.subheader("Over time")
    st.caption("Drag across the lower strip to zoom. Click a point to read that entry.")
    event = st.altair_chart(
        charts.timeline(frame), use_container_width=True, on_select="rerun", key="tl-chart"
    )
    picked = _selected(event, "entry", "id")
    if picked:
        _open_entry(ctx, actor, picked)

    st.subheader("A year in pixels")
    day_event = st.altair_chart(
        charts.year_in_pixels(data.daily.tail(371)),
        use_container_width=False,
        on_select="rerun",
        key="tl-pixels",
    )
    day = _selected(day_event, "day", "day")
    if day:
        chosen = date.fromtimestamp(day / 1000) if isinstance(day, int | float) else day
        for entry_id in frame.loc[frame["local_date"] == chosen, "id"]:
            _open_entry(ctx, actor, entry_id)

    left, right = st.columns(2)
    with left:
        st.subheader("Pleasantness and energy")
        st.altair_chart(charts.circumplex(frame), use_container_width=True)
    with right:
        st.subheader("By weekday")
        st.altair_chart(charts.weekday(data.weekday), use_container_width=True)
    st.subheader("Feelings by week")
    st.altair_chart(charts.feelings_by_week(data.weekly_feelings), use_container_width=True)
    _what_goes_with_what(data)
    _week_in_art(ctx, actor)


def _week_in_art(ctx: AppContext, actor: Actor) -> None:
    st.subheader("A week in art")
    end = st.date_input(
        "Week ending", value=date.today(), key="tl-week-end", max_value=date.today()
    )
    start = end - timedelta(days=6)
    pictures = state.attempt(lambda: artworks.list_artworks(ctx, actor, since=start, until=end))
    if not pictures:
        st.caption("No pictures in this week yet.")
        return
    for column, picture in zip(st.columns(7), reversed(pictures[:7]), strict=False):
        column.image(
            picture.thumbnail, caption=f"{picture.local_date:%a %d}", use_container_width=True
        )
    if len(pictures) > 1 and st.button(
        "Make the mood morph", key="tl-morph", icon=":material/animation:"
    ):
        with st.spinner("Painting the week's morph…"):
            gif = state.attempt(lambda: artworks.mood_morph(ctx, actor, start, end))
        if gif:
            st.image(gif, width=320)
            st.download_button(
                "Download GIF",
                data=gif,
                mime="image/gif",
                key="tl-morph-dl",
                file_name=f"mood-morph-{end}.gif",
            )


def _what_goes_with_what(data: insights.Insights) -> None:
    st.subheader("What goes with what")
    real = [effect for effect in data.tag_effects if effect.likely_real]
    if not real:
        st.caption(
            f"No tag used on at least {frames.MIN_TAG_ENTRIES} entries shows a clear "
            "difference yet."
        )
        return
    for effect in real:
        st.text(effect.sentence())
    st.altair_chart(charts.tag_effects(real), use_container_width=True)
