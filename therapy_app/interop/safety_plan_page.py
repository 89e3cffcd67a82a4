"""A safety plan as one self-contained HTML page to keep on a phone or print: no scripts,
no fonts, no pictures, nothing fetched, so it opens with no network. Every value the
person wrote is escaped."""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from therapy_app.mood.safety_plan import PARTS

if TYPE_CHECKING:
    from therapy_app.mood.safety import SupportResource
    from therapy_app.mood.safety_plan import SafetyPlan

STYLE = (
    "body{font:16px/1.5 system-ui,sans-serif;max-width:40rem;margin:1rem auto;padding:0 1rem;"
    "color:#1b1b1b;background:#fff}h1{font-size:1.5rem}h2{font-size:1.1rem;margin-top:1.5rem}"
    "a{color:#0b57d0}li{margin:.2rem 0}"
    "@media (prefers-color-scheme:dark){body{color:#eee;background:#121212}a{color:#8ab4f8}}"
)


def safety_plan_html(name: str, plan: SafetyPlan, resources: tuple[SupportResource, ...]) -> str:
    parts = []
    for field, part in PARTS.items():
        items = getattr(plan, field)
        listed = "".join(f"<li>{escape(item)}</li>" for item in items) or "<li>(empty)</li>"
        parts.append(f"<h2>{escape(part.title)}</h2><ul>{listed}</ul>")
    help_lines = "".join(
        f"<li><strong>{escape(r.name)}</strong> · {escape(r.contact)} "
        + " ".join(f'<a href="{escape(link.href)}">{escape(link.label)}</a>' for link in r.links)
        + "</li>"
        for r in resources
    )
    return (
        '<!doctype html><html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width,initial-scale=1">'
        f"<title>Safety plan</title><style>{STYLE}</style></head><body>"
        f"<h1>Safety plan of {escape(name)}</h1>{''.join(parts)}"
        f"<h2>Help now</h2><ul>{help_lines}</ul></body></html>"
    )
