"""Crisis lines per country, from the reviewed data file shipped in the package
(``data/crisis_lines.json``). The app only shows them as links the person taps (call,
text, open); it never contacts anyone by itself."""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from pathlib import Path

from therapy_app.mood.safety import SupportLink, SupportResource

DATA_FILE = Path(__file__).with_name("data") / "crisis_lines.json"
CONTACT_SCHEMES = {"tel": "tel:", "sms": "sms:", "url": ""}
CONTACT_VERBS = {"tel": "Call", "sms": "Text", "url": "Open"}


@dataclass(frozen=True)
class Country:
    code: str  # ISO 3166-1 alpha-2
    name: str
    emergency: str
    lines: tuple[SupportResource, ...]

    def resources(self) -> tuple[SupportResource, ...]:
        """The emergency number first, then the country's lines."""
        emergency = SupportResource(
            f"Emergency services ({self.name})",
            self.emergency,
            "If you are in immediate danger or might act on thoughts of harming yourself.",
            (_link("tel", self.emergency),),
        )
        return (emergency, *self.lines)


def _link(kind: str, value: str) -> SupportLink:
    if kind == "url":
        return SupportLink(f"Open {value.removeprefix('https://')}", value)
    return SupportLink(
        f"{CONTACT_VERBS[kind]} {value}", CONTACT_SCHEMES[kind] + value.replace(" ", "")
    )


def _line(data: dict[str, object]) -> SupportResource:
    contacts = data["contacts"]
    shown = " · ".join(
        f"{'text' if c['kind'] == 'sms' else 'call'} {c['value']}"
        for c in contacts
        if c["kind"] != "url"
    )
    return SupportResource(
        str(data["name"]),
        shown,
        str(data["description"]),
        tuple(_link(str(c["kind"]), str(c["value"])) for c in contacts),
    )


@functools.cache
def countries() -> dict[str, Country]:
    """Every country in the data file by code, in the order of their names."""
    document = json.loads(DATA_FILE.read_text(encoding="utf-8"))
    found = {
        item["code"]: Country(
            item["code"], item["name"], item["emergency"], tuple(map(_line, item["lines"]))
        )
        for item in document["countries"]
    }
    return dict(sorted(found.items(), key=lambda pair: pair[1].name))


def country(code: str | None) -> Country | None:
    return countries().get(code or "")
