"""Text reading and safety on the project's labelled sets, held to the issue's targets."""

import subprocess
import sys
import time
from pathlib import Path

import pytest

from therapy_app.mood import evaluation
from therapy_app.mood.safety import DEFAULT_RESOURCES, assess_risk, load_resources
from therapy_app.mood.text import suggest

DATA = Path(__file__).parent / "data"


def test_labelled_sets_are_big_enough() -> None:
    feelings = evaluation.read_tsv(DATA / "feelings.tsv")
    risk = evaluation.read_tsv(DATA / "risk.tsv")
    assert len(feelings) >= 200
    labels = [label for _, label in risk]
    assert labels.count("risk") >= 100 and len(labels) - labels.count("risk") >= 200
    assert labels.count("sad") >= 60


def test_feelings_targets() -> None:
    scores = evaluation.feelings_accuracy(evaluation.read_tsv(DATA / "feelings.tsv"))
    assert scores["top3_primary_accuracy"] >= 0.70
    assert scores["valence_sign_accuracy"] >= 0.85


def test_risk_targets() -> None:
    rates = evaluation.risk_rates(evaluation.read_tsv(DATA / "risk.tsv"))
    assert rates["recall"] >= 0.95
    assert rates["false_alarms_sad"] <= 0.10


@pytest.mark.parametrize(
    "text",
    [
        "everyone would be better off without me",
        "I want to disappear",
        "I have been stockpiling my pills",
        "I'm going to jump off the bridge tonight",
    ],
)
def test_indirect_phrasing_plans_and_methods(text) -> None:
    assert assess_risk(text)
    assert suggest(text).risk


@pytest.mark.parametrize(
    "text",
    [
        "I'm dying to see you",
        "killing it at the gym",
        "I'm not suicidal, just sad",
        "he hurt me when he left",
        "this commute is killing me",
    ],
)
def test_idioms_and_denials_are_not_risk(text) -> None:
    assert not assess_risk(text)


def test_suggestions_shape_and_limits() -> None:
    reading = suggest("so anxious and tired, but grateful for my sister and hopeful")
    data = reading.as_json()
    assert {"feelings", "valence", "energy", "risk", "risk_categories", "english"} == set(data)
    assert 1 <= len(data["feelings"]) <= 3
    assert len({f["primary"] for f in data["feelings"]}) == len(data["feelings"])
    empty = suggest("").as_json()
    assert (empty["feelings"], empty["valence"], empty["risk"]) == ([], 0.0, False)


def test_negation_flips_pleasant_words() -> None:
    assert suggest("I am happy").valence > 0
    assert suggest("I am not happy").valence < 0


def test_every_default_resource_can_be_reached_in_one_tap() -> None:
    for resource in DEFAULT_RESOURCES:
        assert resource.links
        assert all(link.href.startswith(("tel:", "sms:", "https://")) for link in resource.links)


def test_configurable_resources(tmp_path) -> None:
    path = tmp_path / "r.json"
    path.write_text('[{"name": "Local line", "contact": "0800", "description": "24/7"}]')
    assert load_resources(path)[0].name == "Local line"
    path.write_text(
        '[{"name": "Local line", "contact": "0800 1", "description": "24/7", "links": ['
        '{"label": "Call", "href": "tel:08001"}, {"label": "x", "href": "javascript:alert(1)"}]}]'
    )
    assert [link.href for link in load_resources(path)[0].links] == ["tel:08001"]
    path.write_text("not json")
    assert load_resources(path) == DEFAULT_RESOURCES
    assert load_resources(None) == DEFAULT_RESOURCES


def test_a_long_paste_without_spaces_is_read_in_a_moment() -> None:
    """Each token was sliced at every length down from its own (quadratic): 200,000
    characters of one "word" took a minute on every rerun of the check-in page."""
    started = time.perf_counter()
    suggest("x" * 200_001)
    assert time.perf_counter() - started < 5


def test_saving_an_ordinary_note_does_not_load_the_encoder() -> None:
    """Writers start quickly (the kill test restarts them a hundred times): torch and the
    encoder load only for a note whose flag the encoder's reading could change."""
    script = (
        "import sys\n"
        "from therapy_app.mood.safety import assess_risks\n"
        "assert assess_risks(['a quiet day at home', 'lunch with my sister']) == [False, False]\n"
        "print('torch' in sys.modules)\n"
    )
    ran = subprocess.run(  # noqa: S603 (this interpreter, a fixed script)
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    assert ran.stdout.strip() == "False"
