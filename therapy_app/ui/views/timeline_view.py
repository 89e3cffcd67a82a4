"""Timeline: how feelings moved, what went with them, and the art along the way."""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING

import pandas as pd
import streamlit as st

from therapy_app.art.images import mosaic_png
from therapy_app.insights import charts, frames, summaries
from therapy_app.mood.feelings import ALL_FEELINGS
from therapy_app.services import artworks, entries, insights
from therapy_app.ui import entry_detail, state, widgets

if TYPE_CHECKING:
    from therapy_app.services.actor import Actor
    from therapy_app.services.context import AppContext


WINDOW_HINT = "Scroll to zoom, drag to pan, click a point to read that entry."
TIMELINE_KEY = "tl-chart"
MORPH_KEY = "tl-morph-made"  # the week's morph once painted: a rerun shows it again
BRUSHED_KEY = "tl-brushed"  # the weeks brushed, kept while the chart is not on the page
CARD_KEY = "tl-card"  # the entry whose card is open, and the weeks it was opened in
MORPH_WIDTH = 320
FILTER_KEYS = ("tl-dates", "tl-tags", "tl-feelings")


def _filters(ctx: AppContext, actor: Actor, owner_id: str | None) -> tuple:
    """Date range, tags and feelings, in a popover that names how many are in use."""
    active = sum(bool(st.session_state.get(key)) for key in FILTER_KEYS)
    label = f"Filters ({active})" if active else "Filter"
    with st.popover(label, icon=":material/filter_list:") as popover:
        since, until = widgets.date_range(popover, "tl-dates")
        tag_names = st.multiselect(
            "Tags",
            [n for n, _ in entries.tag_usage(ctx, actor, owner_id)],
            key="tl-tags",
            placeholder="All tags",
        )
        feeling_names = st.multiselect(
            "Feelings", sorted(ALL_FEELINGS), key="tl-feelings", placeholder="All feelings"
        )
    return since, until, tuple(tag_names), tuple(feeling_names)


def _summary(data: insights.Insights, filtered: bool) -> str:
    frame = data.entries
    streaks = data.streaks
    return (
        f"**{len(frame)}** {'entries match' if filtered else 'entries'} · mean pleasantness "
        f"**{frame['valence'].mean():+.2f}** · **{streaks.current}** "
        f"{'day' if streaks.current == 1 else 'days'} in a row "
        f"(longest {streaks.longest})"
    )


def _draw(
    spec: charts.Spec,
    summary: str,
    table: pd.DataFrame,
    key: str,
    width: str = "stretch",
    **options: object,
) -> object:
    """A chart with its one-sentence summary above it (read first) and, on request, the same
    numbers as a table."""
    st.text(summary)
    drawn = st.vega_lite_chart(spec=spec, width=width, key=key, **options)
    widgets.table_on_request(table, key)
    return drawn


def _selected(event: object, name: str, field: str) -> object | None:
    selection = getattr(event, "selection", None) or {}
    points = selection.get(name) or []
    return points[0].get(field) if points and isinstance(points, list) else None


def _interval(event: object, name: str, field: str) -> tuple[pd.Timestamp, pd.Timestamp] | None:
    selection = getattr(event, "selection", None) or {}
    bounds = (selection.get(name) or {}).get(field)
    if not bounds or len(bounds) != 2:
        return None
    start, end = (_wall_clock(bound) for bound in bounds)
    return start, end


def _wall_clock(milliseconds: float) -> pd.Timestamp:
    """A time the chart sends back: the browser read the wall-clock times as its own local
    times, so its offset from UTC is taken off again."""
    offset = st.context.timezone_offset if isinstance(st.context.timezone_offset, int) else 0
    return pd.Timestamp(milliseconds, unit="ms") - pd.Timedelta(minutes=offset)


def _still_open(picked: str, window: str) -> bool:
    """An entry's card shows from its click until the weeks shown change (a brush elsewhere
    keeps the chart's last click, but the card would no longer belong to what is drawn)."""
    opened = st.session_state.get(CARD_KEY)
    if not opened or opened["id"] != picked:
        st.session_state[CARD_KEY] = opened = {"id": picked, "window": window}
    return opened["window"] == window


def _open_entry(ctx: AppContext, actor: Actor, entry_id: str) -> None:
    view = state.attempt(lambda: entries.get_entry(ctx, actor, entry_id))
    if view:
        with st.container(border=True):
            entry_detail.show(ctx, actor, view, key=f"tl-{entry_id}")


def render() -> None:
    ctx, actor = state.require_actor()
    st.title("Timeline")
    show(ctx, actor)


def show(ctx: AppContext, actor: Actor, owner_id: str | None = None) -> None:
    """The actor's own timeline, or (for a therapist) a consenting client's."""
    summary, filters = st.columns([5, 1], vertical_alignment="center")
    with filters:
        since, until, tags, feelings = _filters(ctx, actor, owner_id)
    data = state.attempt(
        lambda: insights.journal_insights(
            ctx,
            actor,
            owner_id,
            since=since,
            until=until,
            tags=tags,
            feelings=feelings,
            kept=state.kept_journals(),
        )
    )
    if data is None:
        return
    frame = data.entries
    filtered = any((since, until, tags, feelings))
    if frame.empty and filtered:
        st.info("No entries match these filters.", icon=":material/filter_alt_off:")
        return
    if frame.empty:
        st.info(
            "Your timeline grows with every check-in. A single tap a day is enough; "
            "after a week you will start to see your own patterns here."
            if owner_id in (None, actor.user_id)
            else "No entries yet.",
            icon=":material/timeline:",
        )
        return
    summary.markdown(_summary(data, filtered))
    # Only the open tab runs: ten years of charts at once would keep a person waiting.
    over_time, pixels, patterns, together, art = st.tabs(
        ["Over time", "Year in pixels", "Patterns", "What goes with what", "A week in art"],
        on_change="rerun",
        key="tl-tab",
    )
    if over_time.open:
        with over_time:
            _over_time(ctx, actor, data, owner_id)
    if pixels.open:
        with pixels:
            _year_in_pixels(ctx, actor, data, owner_id)
    if patterns.open:
        with patterns:
            _patterns(data)
    if together.open:
        with together:
            _what_goes_with_what(data)
    if art.open:
        with art:
            _week_in_art(ctx, actor, owner_id)


def _over_time(
    ctx: AppContext, actor: Actor, data: insights.Insights, owner_id: str | None
) -> None:
    whose = "Your" if owner_id in (None, actor.user_id) else "The client's"
    st.caption(f"{whose} whole journal. Drag across it to choose the weeks shown below it.")
    # The chart's data depends on its own brush: the selection is read before drawing it
    # (the last weeks until a brush comes back in the rerun's event).
    event = st.session_state.get(TIMELINE_KEY)
    if event is None:  # the chart was off the page (another tab): its weeks are kept here
        brushed = st.session_state.get(BRUSHED_KEY)
    else:
        brushed = st.session_state[BRUSHED_KEY] = _interval(event, "window", "period")
    start, end = brushed or (None, None)
    shown = state.attempt(lambda: insights.window(ctx, actor, data.entries, start, end, owner_id))
    if shown is None:
        return
    spec = charts.journal_timeline(
        data.overview, data.overview_period, shown.entries, shown.notes, shown.pictures, brushed
    )
    _draw(
        spec,
        summaries.trend(data.weekly),
        data.overview,
        TIMELINE_KEY,
        on_select="rerun",
        selection_mode=["window", "entry"],
    )
    hint = " Choose fewer weeks to see the pictures." if shown.pictures_hidden else ""
    st.caption(
        f"{shown.start:%d %b %Y} to {shown.end - pd.Timedelta(days=1):%d %b %Y}: "
        f"{len(shown.entries)} entries.{hint} {WINDOW_HINT}"
    )
    picked = _selected(event, "entry", "id")
    if picked and _still_open(picked, f"{start}-{end}"):
        _open_entry(ctx, actor, picked)


def _year_in_pixels(
    ctx: AppContext, actor: Actor, data: insights.Insights, owner_id: str | None
) -> None:
    whose = "Your" if owner_id in (None, actor.user_id) else "The client's"
    st.caption(
        f"{whose} last year, a square a day in the colour of its mood. Click a day to read it."
    )
    last_year = data.daily.tail(371)
    day_event = _draw(
        charts.year_in_pixels(last_year),
        summaries.days_with_entries(last_year),
        last_year,
        "tl-pixels",
        width="content",
        on_select="rerun",
    )
    day = _selected(day_event, "day", "day")
    if day:
        chosen = _wall_clock(day).date() if isinstance(day, int | float) else day
        frame = data.entries
        for entry_id in frame.loc[frame["local_date"] == chosen, "id"]:
            _open_entry(ctx, actor, entry_id)


def _patterns(data: insights.Insights) -> None:
    left, right = st.columns(2)
    with left:
        st.subheader("Pleasantness and energy")
        points = data.entries[["local_time", "valence", "energy"]]
        _draw(charts.circumplex(data.entries), summaries.circumplex(points), points, "tl-circ")
    with right:
        st.subheader("By weekday")
        _draw(
            charts.average_by(data.weekday, "weekday", frames.WEEKDAYS),
            summaries.highest_and_lowest(data.weekday, "on"),
            data.weekday,
            "tl-weekday",
        )
        st.subheader("By time of day")
        parts = tuple(name for name, _, _ in frames.PARTS_OF_DAY)
        _draw(
            charts.average_by(data.time_of_day, "part", parts),
            summaries.highest_and_lowest(data.time_of_day, "in the"),
            data.time_of_day,
            "tl-parts",
        )
    st.subheader(f"Feelings by {data.feelings_period}")
    _draw(
        charts.feelings_over_time(data.feelings_over_time, data.feelings_period),
        summaries.most_named(data.feelings_over_time),
        data.feelings_over_time,
        "tl-feelings-chart",
    )
    recent = data.top_feelings.groupby("month").agg(feelings=("feeling", ", ".join)).tail(6)
    st.caption("Named most often, recent months")
    for month, row in recent[::-1].iterrows():
        st.text(f"{month:%B %Y}: {row['feelings']}")


def _what_goes_with_what(data: insights.Insights) -> None:
    real = [effect for effect in data.tag_effects if effect.likely_real]
    if not real:
        st.caption(
            f"No tag used on at least {frames.MIN_TAG_ENTRIES} entries shows a clear "
            "difference yet."
        )
    else:
        for effect in real[1:]:
            st.text(effect.sentence())
        table = pd.DataFrame([vars(effect) for effect in real])
        _draw(charts.tag_effects(real), real[0].sentence(), table, "tl-tags-chart")
    frame = data.entries
    first, last = frame["local_date"].min(), frame["local_date"].max()
    if first == last:
        return
    pivot = st.date_input(
        "Before and after a day that mattered (a first session, a move, a new job)",
        value=first + (last - first) / 2,
        min_value=first + timedelta(days=1),
        max_value=last,
        key="tl-pivot",
    )
    change = frames.before_after(frame, pivot)
    if change is None:
        st.caption("Too few entries on one side of that day to compare.")
    else:
        st.text(
            f"Entries from {pivot:%d %b %Y} on were {change.difference:+.2f} in pleasantness "
            f"compared with before ({'likely real' if change.likely_real else 'could be chance'})."
        )


def _week_in_art(ctx: AppContext, actor: Actor, owner_id: str | None) -> None:
    end = st.date_input(
        "Week ending", value=date.today(), key="tl-week-end", max_value=date.today()
    )
    start = end - timedelta(days=6)
    pictures = state.attempt(
        lambda: artworks.list_artworks(
            ctx, actor, owner_id, artworks.ArtworkQuery(since=start, until=end)
        )
    )
    if not pictures:
        st.caption("No pictures in this week yet.")
        return
    oldest_first = pictures[::-1]
    for row in range(0, len(oldest_first), 7):
        for column, picture in zip(st.columns(7), oldest_first[row : row + 7], strict=False):
            column.image(
                picture.thumbnail,
                caption=f"{picture.local_date:%a %d}",
                width="stretch",
                alt=widgets.picture_alt(picture),
            )
    own = owner_id in (None, actor.user_id)
    if (
        own
        and len(pictures) > 1
        and st.button("Make the mood morph", key="tl-morph", icon=":material/animation:")
    ):
        with st.spinner("Painting the week's morph…"):
            gif = state.attempt(lambda: artworks.mood_morph(ctx, actor, start, end))
        st.session_state[MORPH_KEY] = {"week": str(end), "gif": gif}
    made = st.session_state.get(MORPH_KEY)
    if own and made and made["week"] == str(end) and made["gif"]:  # kept across reruns
        mosaic = mosaic_png([picture.thumbnail for picture in oldest_first])
        widgets.moving_picture(
            made["gif"],
            mosaic,
            f"Mood morph of the week ending {end.day} {end:%B}: its pictures blending "
            "one into the next",
            width=MORPH_WIDTH,
        )
        st.download_button(
            "Download GIF",
            data=made["gif"],
            mime="image/gif",
            key="tl-morph-dl",
            file_name=f"mood-morph-{end}.gif",
        )
