"""Small pieces shared by views. User text is always shown with st.text (never Markdown)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import streamlit as st

from therapy_app.config import get_settings
from therapy_app.mood.feelings import ALL_FEELINGS, PRIMARY_INFO
from therapy_app.mood.safety import NOT_A_CRISIS_SERVICE, load_resources
from therapy_app.mood.scales import QuickMood

if TYPE_CHECKING:
    from therapy_app.services.entries import EntryView

# Material icons render the same in every browser (emoji fonts are often missing).
QUICK_MOOD_ICON = {
    QuickMood.AWFUL: ":material/sentiment_very_dissatisfied:",
    QuickMood.BAD: ":material/sentiment_dissatisfied:",
    QuickMood.OKAY: ":material/sentiment_neutral:",
    QuickMood.GOOD: ":material/sentiment_satisfied:",
    QuickMood.GREAT: ":material/sentiment_very_satisfied:",
}


def crisis_resources(expanded: bool = False) -> None:
    with st.expander("Need help now?", icon=":material/support:", expanded=expanded):
        st.write(NOT_A_CRISIS_SERVICE)
        for resource in load_resources(get_settings().crisis_resources_file):
            st.markdown(f"**{resource.name}** · {resource.contact}")
            st.caption(resource.description)


def support_box() -> None:
    """Shown at once when what someone wrote suggests they may be at risk."""
    with st.container(border=True):
        st.markdown("#### You don't have to carry this alone")
        st.write(
            "Some of what you wrote sounds really heavy. If you are thinking about harming "
            "yourself, please reach out to someone now. Talking to a person can help."
        )
        crisis_resources(expanded=True)
        st.caption("If you share your journal with a therapist, they will see a gentle flag.")


def feeling_label(word: str, intensity: int) -> str:
    feeling = ALL_FEELINGS[word]
    if word == feeling.primary.value:
        return PRIMARY_INFO[feeling.primary].intensity_names[intensity - 1]
    return (("a little ", "", "very ")[intensity - 1]) + word


def entry_card(
    view: EntryView, key: str, show_open: bool = True, thumbnail: bytes | None = None
) -> bool:
    """One entry in a list; returns True when 'Open' is clicked."""
    with st.container(border=True):
        if thumbnail:
            picture, left, right = st.columns([1, 5, 1])
            picture.image(thumbnail, width=96)
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
            if view.note:
                st.text(note_excerpt(view.note))
        with right:
            return show_open and st.button(
                "Open", key=f"open-{key}", icon=":material/open_in_full:"
            )


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
