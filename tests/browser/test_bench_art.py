"""`bench art` on a fresh journal: every figure is there, from a click to its pictures."""

from pathlib import Path

from tests.browser.conftest import CHROMIUM
from tests.conftest import unavailable
from therapy_app.bench import art_page


def test_bench_art_times_each_control_to_its_pictures() -> None:
    if not Path(CHROMIUM).exists():
        unavailable(f"{CHROMIUM} is not installed (apt-get install chromium)")
    report = art_page.benchmark(repeats=1)
    for name in (
        "page_with_candidates_ms",
        "reroll_ms",
        "imperfection_ms",
        "more_like_this_ms",
        "keep_ms",
        "title_entered_ms",
        "candidates_after_a_control_ms",
        "painting_four_candidates_alone_ms",
        "morph_ms",
    ):
        assert 0 < report[name]["min"] <= report[name]["median"] <= report[name]["max"], name
    assert 0 < report["morph_bytes"]
    assert set(report["meets_target"]) == set(art_page.TARGETS)
