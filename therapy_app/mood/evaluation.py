"""Measure text reading and safety on labelled sentences (the project's own sets)."""

from __future__ import annotations

import os
import random
import subprocess
import sys
import time
from typing import TYPE_CHECKING

from therapy_app.mood.safety import assess_risk
from therapy_app.mood.text import suggest

if TYPE_CHECKING:
    from pathlib import Path


def read_tsv(path: Path) -> list[list[str]]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            rows.append(line.split("\t"))
    return rows


def feelings_accuracy(rows: list[list[str]]) -> dict[str, float]:
    """Top-3 primary emotion accuracy and valence-sign accuracy."""
    top3 = sign = 0
    for sentence, primary, valence_sign in rows:
        reading = suggest(sentence)
        top3 += reading.offers(primary)
        sign += reading.reads_pleasant_as(valence_sign == "+")
    return {
        "sentences": len(rows),
        "top3_primary_accuracy": round(top3 / len(rows), 4),
        "valence_sign_accuracy": round(sign / len(rows), 4),
    }


def risk_rates(rows: list[list[str]]) -> dict[str, float]:
    by_label: dict[str, list[bool]] = {}
    for sentence, label in rows:
        by_label.setdefault(label, []).append(assess_risk(sentence))
    rates = {
        f"false_alarms_{label}": round(sum(hits) / len(hits), 4)
        for label, hits in by_label.items()
        if label != "risk"
    }
    risk = by_label["risk"]
    ordinary = sum(len(hits) for label, hits in by_label.items() if label != "risk")
    return {
        "risk_sentences": len(risk),
        "ordinary_sentences": ordinary,
        "recall": round(sum(risk) / len(risk), 4),
        **rates,
    }


def speed_ms_for_300_words(repeats: int = 50) -> float:
    words = (
        "Today I felt tired and a bit lonely after work but the walk by the river helped "
        "and I am hopeful about seeing my sister next week although money worries keep "
        "coming back at night "
    ).split()
    text = " ".join((words * (300 // len(words) + 1))[:300])
    suggest(text)
    started = time.perf_counter()
    for _ in range(repeats):
        suggest(text)
    return round((time.perf_counter() - started) / repeats * 1000, 3)


def seconds_for_lines(texts: list[str], count: int) -> float:
    """Wall time of ``therapy-app suggest - --json`` on one core for ``count`` lines (the
    texts shuffled, then repeated), start-up included: the command as a script runs it."""
    lines = list(texts)
    random.Random(0).shuffle(lines)
    lines = (lines * (count // max(len(lines), 1) + 1))[:count]
    core = min(os.sched_getaffinity(0))
    started = time.perf_counter()
    subprocess.run(  # noqa: S603 (this interpreter, this package, fixed arguments)
        [sys.executable, "-m", "therapy_app", "suggest", "-", "--json"],
        input="\n".join(lines) + "\n",
        text=True,
        capture_output=True,
        check=True,
        preexec_fn=lambda: os.sched_setaffinity(0, {core}),  # noqa: PLW1509 (no threads yet)
    )
    return round(time.perf_counter() - started, 3)
