"""Journal: entries newest first, search and filters, open to read, edit or delete."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

import streamlit as st

from therapy_app.mood.feelings import ALL_FEELINGS
from therapy_app.services import artworks, entries
from therapy_app.ui import checkin_form, entry_detail, state, widgets

if TYPE_CHECKING:
    from therapy_app.services.actor import Actor
    from therapy_app.services.context import AppContext

PAGE_SIZE = 10
OPEN_KEY = "journal-open"
PAGER = "journal"
PAGE_KEY = widgets.page_key(PAGER)
NOTICE_KEY = "journal-notice"
DELETE_KEY = "delete"
EDIT_PREFIX = "edit"
NEW_FILTERS = widgets.first_page(PAGER)


def _query_from_filters(ctx: AppContext, actor: Actor) -> entries.EntryQuery:
    search, feeling, tag, dates = st.columns([3, 2, 2, 3])
    text = search.text_input(
        "Search", key="journal-search", on_change=NEW_FILTERS, placeholder="Words in your notes"
    )
    word = feeling.selectbox(
        "Feeling",
        options=sorted(ALL_FEELINGS),
        index=None,
        key="journal-feeling",
        on_change=NEW_FILTERS,
        placeholder="Any feeling",
    )
    tag_name = tag.selectbox(
        "Tag",
        options=[n for n, _ in entries.tag_usage(ctx, actor)],
        index=None,
        key="journal-tag",
        on_change=NEW_FILTERS,
        placeholder="Any tag",
    )
    since, until = widgets.date_range(dates, "journal-dates", on_change=NEW_FILTERS)
    page = st.session_state.get(PAGE_KEY, 0)
    return entries.EntryQuery(
        since=since,
        until=until,
        text=text,
        feeling=word,
        tag=tag_name,
        offset=page * PAGE_SIZE,
        limit=PAGE_SIZE,
    )


def _list(ctx: AppContext, actor: Actor) -> None:
    st.title("Journal")
    query = _query_from_filters(ctx, actor)
    page = state.attempt(lambda: entries.list_entries(ctx, actor, query))
    if page is None:
        return
    if widgets.past_the_end(PAGER, len(page.items), page.total):
        st.rerun()
    widgets.unreadable_entries(page)
    if page.total == 0:
        filtered = query.text or query.feeling or query.tag or query.since
        st.info(
            "No entries match these filters."
            if filtered
            else "Your journal is empty. Start with a check-in: one tap is enough.",
            icon=":material/auto_stories:",
        )
        return
    st.caption(
        f"{page.total} entr{'y' if page.total == 1 else 'ies'}"
        if page.complete
        else f"More than {page.total - 1} entries"
    )
    with_art = [view.id for view in page.items if view.artwork_ids]
    thumbs = (
        (state.attempt(lambda: artworks.entry_thumbnails(ctx, actor, with_art)) or {})
        if with_art
        else {}
    )
    for view in page.items:
        if widgets.entry_card(view, key=view.id, thumbnail=thumbs.get(view.id)):
            widgets.open_item(OPEN_KEY, view.id)
            st.rerun()
    widgets.pager(PAGER, page.total, PAGE_SIZE, page.complete)


def _close() -> None:
    checkin_form.clear_state(EDIT_PREFIX)
    widgets.close_item(OPEN_KEY)
    st.session_state.pop(widgets.asking(DELETE_KEY), None)


def _detail(ctx: AppContext, actor: Actor, entry_id: str) -> None:
    st.button("Back to journal", icon=":material/arrow_back:", key="journal-back", on_click=_close)
    view = state.attempt(lambda: entries.get_entry(ctx, actor, entry_id))
    if view is None:
        return
    st.title(f"{view.local_time:%A %d %B %Y, %H:%M}")
    notice = st.session_state.pop(NOTICE_KEY, None)
    if notice:
        st.success(notice, icon=":material/check_circle:")
    entry_detail.show(ctx, actor, view, key="detail")
    with st.expander("Edit this entry", icon=":material/edit:"):
        checkin_form.seed_state(EDIT_PREFIX, view.as_check_in())
        tag_options = [n for n, _ in entries.tag_usage(ctx, actor)]
        edited = checkin_form.details_form(EDIT_PREFIX, tag_options, view.quick_mood, view.timezone)
        if st.button("Save changes", type="primary", key="edit-save", icon=":material/save:"):
            # the form has no tap: a flag raised by "I'm not safe right now" stays
            kept = replace(edited, occurred_at=view.occurred_at, unsafe_now=view.unsafe_now)
            updated = state.attempt(lambda: entries.update_entry(ctx, actor, view.id, kept))
            if updated:
                checkin_form.clear_state(EDIT_PREFIX)
                st.toast("Changes saved.", icon=":material/check:")
                st.rerun()
    _delete(ctx, actor, view.id)


def _delete(ctx: AppContext, actor: Actor, entry_id: str) -> None:
    if widgets.ask_first(
        DELETE_KEY,
        "Delete entry",
        "Delete this entry and its art for good? This cannot be undone.",
        lambda: entries.delete_entry(ctx, actor, entry_id),
    ):
        _close()
        st.toast("Entry deleted.", icon=":material/delete:")
        st.rerun()


def render() -> None:
    ctx, actor = state.require_actor()
    entry_id = widgets.opened_item(OPEN_KEY)
    if entry_id:
        _detail(ctx, actor, entry_id)
    else:
        _list(ctx, actor)
