"""The safety plan's offline copy: one page that loads nothing and shows text as text."""

import re

from therapy_app.interop.safety_plan_page import safety_plan_html
from therapy_app.mood.crisis_lines import country
from therapy_app.mood.safety_plan import PARTS, SafetyPlan

PAYLOAD = '<script>alert(1)</script><img src="https://evil.example/x.png">'


def test_the_page_loads_nothing_and_escapes_what_the_person_wrote() -> None:
    plan = SafetyPlan(warning_signs=(PAYLOAD, "Not sleeping"), helpers=("Ana & Joe",))
    page = safety_plan_html("Robin <3", plan, country("GB").resources())
    assert not re.search(
        r"<(script|img|link|iframe|object|embed)\b|<[^>]*\ssrc=|@import|url\(", page
    )
    assert "&lt;script&gt;" in page and "Ana &amp; Joe" in page and "Robin &lt;3" in page
    assert all(part.title in page for part in PARTS.values())
    hrefs = re.findall(r'href="([^"]+)"', page)
    assert "tel:999" in hrefs and "tel:116123" in hrefs
    assert all(href.startswith(("tel:", "sms:", "https://")) for href in hrefs)
