"""Small conversions the importers share: HTML notes to text, tags, stable row keys."""

from __future__ import annotations

import re
from collections import Counter
from html.parser import HTMLParser
from typing import TYPE_CHECKING

from therapy_app.mood.checkin import MAX_TAG_CHARS, MAX_TAGS

if TYPE_CHECKING:
    from collections.abc import Iterable
    from datetime import datetime

LOOKS_LIKE_HTML = re.compile(r"<(?:[a-zA-Z][a-zA-Z0-9]*\b[^<>]*|/[a-zA-Z][a-zA-Z0-9]*\s*)>")
LINE_BREAKING_TAGS = frozenset({"br", "p", "div", "li", "tr", "h1", "h2", "h3", "h4"})


class _TextOnly(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        del attrs
        if tag == "br":
            self.parts.append("\n")
        elif tag == "li":
            self.parts.append("\n- ")

    def handle_endtag(self, tag: str) -> None:
        if tag in LINE_BREAKING_TAGS - {"br", "li"}:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def html_to_text(text: str) -> str:
    """Plain text of a note that holds HTML tags (Daylio writes ``<br>`` and ``<b>``); text
    without tags is returned exactly as it is, ``&`` and ``<3`` included."""
    if not LOOKS_LIKE_HTML.search(text):
        return text
    parser = _TextOnly()
    parser.feed(text)
    parser.close()
    return "".join(parser.parts)


def fit_tags(names: Iterable[str]) -> tuple[tuple[str, ...], list[str]]:
    """Tag names as the journal keeps them (at most MAX_TAGS, each at most MAX_TAG_CHARS),
    and what had to be shortened or left out."""
    kept: list[str] = []
    notes: list[str] = []
    for raw in names:
        name = " ".join(raw.split())
        if not name or name.casefold() in (tag.casefold() for tag in kept):
            continue
        if len(name) > MAX_TAG_CHARS:
            notes.append(f"Tag '{name[:20]}…' shortened to {MAX_TAG_CHARS} characters.")
            name = name[:MAX_TAG_CHARS].rstrip()
        kept.append(name)
    if len(kept) > MAX_TAGS:
        notes.append(f"{len(kept)} tags; the first {MAX_TAGS} are kept.")
        kept = kept[:MAX_TAGS]
    return tuple(kept), notes


def minute_keys(source: str, local_times: list[datetime]) -> list[str]:
    """A stable key per row from its local time to the minute; rows in the same minute are
    told apart by their order in the file, so the same file gives the same keys."""
    seen: Counter[str] = Counter()
    keys = []
    for local in local_times:
        minute = f"{local:%Y-%m-%dT%H:%M}"
        keys.append(f"{source}|{minute}|{seen[minute]}")
        seen[minute] += 1
    return keys
