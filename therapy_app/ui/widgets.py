"""Small pieces shared by views. User text is always shown with st.text (never Markdown)."""

from __future__ import annotations

import base64
import html
import math
from datetime import date
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

import streamlit as st

from therapy_app.art.describe import alt_text
from therapy_app.config import get_settings
from therapy_app.errors import TherapyAppError
from therapy_app.mood import crisis_lines
from therapy_app.mood.checkin import CONDITIONING_DIM, conditioning_vector
from therapy_app.mood.feelings import feeling_label
from therapy_app.mood.safety import NOT_A_CRISIS_SERVICE, load_resources
from therapy_app.mood.scales import QuickMood

if TYPE_CHECKING:
    from collections.abc import Callable
    from datetime import datetime

    import pandas as pd
    from streamlit.delta_generator import DeltaGenerator

    from therapy_app.mood.safety import SupportResource
    from therapy_app.services.artworks import ArtworkView
    from therapy_app.services.entries import EntryPage, EntryView

# Material icons render the same in every browser (emoji fonts are often missing).
QUICK_MOOD_ICON = {
    QuickMood.AWFUL: ":material/sentiment_very_dissatisfied:",
    QuickMood.BAD: ":material/sentiment_dissatisfied:",
    QuickMood.OKAY: ":material/sentiment_neutral:",
    QuickMood.GOOD: ":material/sentiment_satisfied:",
    QuickMood.GREAT: ":material/sentiment_very_satisfied:",
}


HELP = "Need help now?"
COUNTRY_KEY = "help-country"
LINK_ICONS = {"tel:": ":material/call:", "sms:": ":material/sms:"}
CHEVRONS = (":material/chevron_left:", ":material/chevron_right:")
# Streamlit folds the sidebar away below this width: the page header carries the help there.
NARROW_PX = 768
DARK_BACKGROUND = "#1f1d1b"  # [theme.dark] backgroundColor in ui/config.toml
LIGHT_TEXT = "#262b2d"  # [theme.light] textColor
LIGHT_QUIET_TEXT = "rgba(38, 43, 45, 0.82)"  # the light text colour, 7:1 on its background


def crisis_resources(expanded: bool = False) -> None:
    with st.expander(HELP, icon=":material/support:", expanded=expanded):
        _resources()


def help_in_header(with_safety_plan: bool = False) -> None:
    """The same help at the top of the page, shown only where the sidebar is folded away (a
    phone), so it is one tap away on every page, before and after logging in."""
    with st.container(key="help-header"), st.popover(HELP, icon=":material/support:"):
        _resources()
        if with_safety_plan:
            safety_plan_link()
    st.html(
        f"<style>@media (min-width: {NARROW_PX}px) {{.st-key-help-header {{display: none;}}}}"
        "</style>"
    )


def page_style() -> None:
    """What the theme cannot say, for WCAG's 4.5:1 contrast: in the dark theme the primary
    colour is light, so the words on primary buttons are dark; in the light theme captions
    (60 % of the text colour) and a chosen option's words (the primary colour on its tint)
    take a darker shade (Streamlit fades a caption's box to 60 % opacity on top of its
    colour, so the box is made opaque). Links (the page list) show a focus ring, as buttons do."""
    st.html(
        "<style>a:focus-visible {outline: 2px solid currentColor !important; outline-offset: 2px;}"
        "@media (prefers-color-scheme: dark) {"
        f"button[kind^='primary'], button[kind^='primary'] * {{color: {DARK_BACKGROUND};}}"
        "} @media (prefers-color-scheme: light) {"
        "[data-testid='stCaptionContainer'] {opacity: 1 !important;}"
        f"[data-testid='stCaptionContainer'], [data-testid='stCaptionContainer'] * "
        f"{{color: {LIGHT_QUIET_TEXT} !important;}}"  # over Streamlit's own '> p' rule
        f"button[data-selected='true'], button[data-selected='true'] * "
        f"{{color: {LIGHT_TEXT} !important;}}"
        "}</style>"
    )


def table_on_request(table: pd.DataFrame, key: str) -> None:
    """A chart's numbers as a table, for those who cannot read the chart (its toggle)."""
    if st.toggle("Show as table", key=f"{key}-table"):
        st.dataframe(table.round(2), hide_index=True)


def remember_country(code: str) -> None:
    """The signed-in person's country (Settings), whose crisis lines the help shows first."""
    st.session_state[COUNTRY_KEY] = code


def shown_resources() -> tuple[SupportResource, ...]:
    """The chosen country's emergency number and lines first, then the international ones."""
    general = load_resources(get_settings().crisis_resources_file)
    country = crisis_lines.country(st.session_state.get(COUNTRY_KEY))
    return (*country.resources(), *general) if country else general


def _resources() -> None:
    st.write(NOT_A_CRISIS_SERVICE)
    for resource in shown_resources():
        st.markdown(f"**{escape_markdown(resource.name)}** · {escape_markdown(resource.contact)}")
        st.caption(escape_markdown(resource.description))
        if resource.links:
            with st.container(horizontal=True, gap="small"):
                for link in resource.links:
                    icon = next(
                        (i for scheme, i in LINK_ICONS.items() if link.href.startswith(scheme)),
                        ":material/open_in_new:",
                    )
                    st.link_button(link.label, link.href, icon=icon)


def unreadable_entries(page: EntryPage) -> None:
    """Name each entry of a listing that could not be opened; the rest are listed as usual."""
    for broken in page.unreadable:
        st.warning(broken.describe(), icon=":material/broken_image:")


WORDS_READ = (
    "Some of the words you wrote suggested that you might be struggling right now. That is "
    "only a reading of words, never a judgement about you, and it may be wrong. If you are "
    "thinking about harming yourself, please reach out to someone now. Talking to a person "
    "can help."
)
ASKED = "Thank you for telling us. Please reach out to someone now."
ENTRY_FLAG = (
    "If you share your journal with a therapist, an entry saved now carries a gentle flag "
    "they can see."
)


def support_box(asked: bool = False, reason: str = WORDS_READ, flag_note: str = ENTRY_FLAG) -> None:
    """Shown at once when someone taps "I'm not safe right now" (``asked``), when the words
    they wrote suggest they may be struggling, or for another ``reason`` (an answer to a
    questionnaire). It explains; it never diagnoses."""
    with st.container(border=True, key="support-box"):
        st.markdown("#### You don't have to carry this alone")
        st.text(ASKED if asked else reason)
        crisis_resources(expanded=True)
        safety_plan_link()
        st.caption(flag_note)


def safety_plan_link() -> None:
    """One tap to the person's own safety plan."""
    # NOTE: imported here: art_pages imports the views, which import this module
    from therapy_app.ui import art_pages

    icon = ":material/health_and_safety:"
    st.page_link(art_pages.safety_plan(), label="My safety plan", icon=icon)


def picture_alt(picture: ArtworkView) -> str:
    """The text alternative of a stored picture: its feelings, its day and what it shows."""
    mood = ", ".join(picture.feelings[:2]) or "a check-in"
    conditioning = picture.provenance.get("conditioning") or ()
    if len(conditioning) != CONDITIONING_DIM:
        return f"Picture for '{mood}', {picture.local_date.day} {picture.local_date:%B}"
    return alt_text(mood, picture.local_date, conditioning)


def entry_alt(view: EntryView) -> str:
    """The text alternative of an entry's thumbnail, from the entry's check-in."""
    mood = view.quick_mood.label if view.quick_mood else ", ".join(f.word for f in view.feelings)
    day = view.local_time.date()
    return alt_text(mood or "a check-in", day, conditioning_vector(view.as_check_in()))


def entry_card(
    view: EntryView,
    key: str,
    show_open: bool = True,
    thumbnail: bytes | None = None,
    with_note: bool = True,
) -> bool:
    """One entry in a list (the note's beginning unless ``with_note`` is off, where the whole
    note follows it); returns True when 'Open' is clicked."""
    with st.container(border=True):
        if thumbnail:
            picture, left, right = st.columns([1, 5, 1])
            picture.image(thumbnail, width=96, alt=entry_alt(view))
        else:
            left, right = st.columns([5, 1])
        with left:
            mood = (
                f"{QUICK_MOOD_ICON[view.quick_mood]} {view.quick_mood.label}  ·  "
                if (view.quick_mood)
                else ""
            )
            st.markdown(
                f"**{view.local_time:%a %d %b %Y, %H:%M}**  ·  {mood}"
                f"pleasant {view.valence:+.1f} · energy {view.energy:+.1f}"
            )
            feelings = ", ".join(feeling_label(f.word, f.intensity) for f in view.feelings)
            tags = " ".join(f"#{tag}" for tag in view.tags)
            if feelings or tags:
                st.text(" · ".join(part for part in (feelings, tags) if part))
            if view.note and with_note:
                st.text(note_excerpt(view.note))
        with right:
            return show_open and st.button(
                "Open", key=f"open-{key}", icon=":material/open_in_full:"
            )


def ask_first(
    key: str,
    label: str,
    question: str,
    action: Callable[[], object],
    yes: str = "Delete for good",
    icon: str = ":material/delete:",
) -> bool:
    """A button for something that cannot be undone, which asks ``question`` first; True
    once ``action`` has run without a refusal. The question is open while ``asking(key)``."""
    if not st.session_state.get(asking(key)):
        if st.button(label, key=f"{key}-ask", icon=icon):
            st.session_state[asking(key)] = True
            st.rerun()
        return False
    st.warning(question)
    go, stay = st.columns(2)
    if go.button(yes, type="primary", key=f"{key}-confirm"):
        try:
            action()
        except TherapyAppError as error:
            st.error(str(error), icon=":material/error:")
            return False
        st.session_state.pop(asking(key), None)
        return True
    if stay.button("Keep it", key=f"{key}-cancel"):
        st.session_state.pop(asking(key), None)
        st.rerun()
    return False


def asking(key: str) -> str:
    return f"{key}-asking"


def when(moment: datetime, timezone: str) -> str:
    """A moment in words, in the viewer's zone: 'Monday 30 November 2026 at 20:42'."""
    return f"{moment.astimezone(ZoneInfo(timezone)):%A %d %B %Y at %H:%M}"


def note_excerpt(note: str, lines: int = 3, chars: int = 280) -> str:
    head = "\n".join(note.strip().splitlines()[:lines])
    return head if len(head) <= chars else head[:chars].rstrip() + "…"


MARKDOWN_SPECIALS = "\\`*_{}[]()<>#+-.!|~$"
# GFM makes links of web and e-mail addresses in text even when escaped; a zero-width space
# inside each keeps it text (no link to follow, nothing fetched).
AUTOLINK_MARKS = {"://": ":\u200b//", "www.": "www\u200b.", "@": "@\u200b"}


def escape_markdown(text: str) -> str:
    """For user text inside a Markdown line (names, refusals that quote a file): every
    special character escaped, and no address turned into a link."""
    for mark, broken in AUTOLINK_MARKS.items():
        text = text.replace(mark, broken)
    return "".join(f"\\{char}" if char in MARKDOWN_SPECIALS else char for char in text)


def pager(name: str, total: int, page_size: int, complete: bool = True) -> None:
    """Newer/Older buttons under a list whose page number is kept in ``page_key(name)``; an
    unfinished count (a search that stopped early) leaves Older open."""
    key = page_key(name)
    pages = max(1, math.ceil(total / page_size))
    current = st.session_state.get(key, 0)
    back, label, forward = st.columns([1, 2, 1])
    if back.button("Newer", disabled=current == 0, key=f"{name}-newer", icon=CHEVRONS[0]):
        st.session_state[key] = current - 1
        st.rerun()
    label.caption(f"Page {current + 1} of {pages}" if complete else f"Page {current + 1}")
    if forward.button(
        "Older", disabled=current >= pages - 1, key=f"{name}-older", icon=CHEVRONS[1]
    ):
        st.session_state[key] = current + 1
        st.rerun()


def page_key(name: str) -> str:
    return f"{name}-page"


def first_page(name: str) -> Callable[[], None]:
    """A filter's on_change: the paged list ``name`` goes back to its first page."""
    return lambda: st.session_state.pop(page_key(name), None)


def past_the_end(name: str, shown: int, total: int) -> bool:
    """True, and the list sent back to its first page, when its page lies past the end (the
    list shrank since the page was chosen)."""
    if shown or not total or not st.session_state.get(page_key(name)):
        return False
    st.session_state.pop(page_key(name))
    return True


OPENED_PARAM = "open"  # a page showing one of its items says which in its address: ?open=ID


def open_item(key: str, item_id: str) -> None:
    """Show ``item_id`` on this page (kept in ``key``) instead of its list."""
    st.session_state[key] = item_id
    st.query_params[OPENED_PARAM] = item_id


def close_item(key: str) -> None:
    st.session_state.pop(key, None)
    st.query_params.pop(OPENED_PARAM, None)


def opened_item(key: str) -> str | None:
    """The item this page shows, or None for its list. The menu's link to the page has no
    ?open=ID in its address, so it shows the list, not an item opened on an earlier visit."""
    item_id = st.session_state.get(key)
    if item_id is None or st.query_params.get(OPENED_PARAM) != item_id:
        close_item(key)
        return None
    return item_id


def date_range(
    container: DeltaGenerator, key: str, on_change: Callable[[], None] | None = None
) -> tuple[date | None, date | None]:
    """A "Dates" range picker up to today: (since, until), an end not picked yet is None
    (open), so the first click alone already means "from that day on"."""
    chosen = container.date_input(
        "Dates", value=(), key=key, max_value=date.today(), on_change=on_change
    )
    since, until = (*chosen, None, None)[:2]
    return since, until


def moving_picture(gif: bytes, still: bytes, alt: str, width: int) -> None:
    """An animated GIF, or ``still`` (a PNG) where the person's system asks for reduced
    motion (prefers-reduced-motion): the browser picks, nothing moves unasked. Only our own
    images and words go into this HTML, never the person's text."""
    moving = base64.b64encode(gif).decode()
    calm = base64.b64encode(still).decode()
    st.html(
        "<picture>"
        f'<source srcset="data:image/png;base64,{calm}" media="(prefers-reduced-motion: reduce)">'
        f'<img src="data:image/gif;base64,{moving}" alt="{html.escape(alt)}" width="{width}">'
        "</picture>"
    )
