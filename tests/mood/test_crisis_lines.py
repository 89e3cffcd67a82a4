"""The reviewed crisis-lines file: every entry is well formed, and what the app offers
from it is only a call, a text or an https page for the person to tap."""

import json
import re

import pytest

from therapy_app.mood.crisis_lines import DATA_FILE, countries, country
from therapy_app.mood.safety import LINK_SCHEMES

DOCUMENT = json.loads(DATA_FILE.read_text(encoding="utf-8"))
ENTRIES = DOCUMENT["countries"]
PHONE = re.compile(r"^\+?[0-9][0-9 ]*[0-9]$|^[0-9]$")
URL = re.compile(r"^https://[a-z0-9.-]+\.[a-z]{2,}(/[A-Za-z0-9._~/-]*)?$")


def test_the_file_names_its_format_version_and_review_date() -> None:
    assert DOCUMENT["format"] == "therapy_app-crisis-lines"
    assert DOCUMENT["version"] == 1
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", DOCUMENT["reviewed"])


def test_country_codes_are_unique_iso_alpha_2() -> None:
    codes = [entry["code"] for entry in ENTRIES]
    assert all(re.fullmatch(r"[A-Z]{2}", code) for code in codes)
    assert len(codes) == len(set(codes))


@pytest.mark.parametrize("entry", ENTRIES, ids=lambda e: e["code"])
def test_each_country_is_well_formed(entry: dict) -> None:
    assert set(entry) == {"code", "name", "emergency", "lines"}
    assert entry["name"].strip() == entry["name"] != ""
    assert PHONE.match(entry["emergency"])
    assert entry["lines"]
    for line in entry["lines"]:
        assert set(line) == {"name", "description", "contacts"}
        assert line["name"].strip() and line["description"].strip()
        assert any(c["kind"] in {"tel", "sms"} for c in line["contacts"])
        for contact in line["contacts"]:
            assert set(contact) == {"kind", "value"}
            assert contact["kind"] in {"tel", "sms", "url"}
            pattern = URL if contact["kind"] == "url" else PHONE
            assert pattern.match(contact["value"]), contact


@pytest.mark.parametrize("code", sorted(countries()))
def test_every_link_offered_is_a_call_a_text_or_an_https_page(code: str) -> None:
    for resource in country(code).resources():
        assert resource.links
        for link in resource.links:
            assert link.href.startswith(LINK_SCHEMES)
            assert " " not in link.href


def test_the_emergency_number_comes_first_and_unknown_countries_are_none() -> None:
    germany = country("DE")
    assert germany.resources()[0].links[0].href == "tel:112"
    assert country("XX") is None
    assert country("") is None
