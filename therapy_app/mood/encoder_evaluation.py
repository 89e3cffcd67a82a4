"""Judge all three readers together on folds that hold out whole categories and styles.

``text_training.heldout_report`` retrains the linear model without each group, one
group at a time; the encoder takes minutes to fine-tune, so here the groups are dealt
into a few folds, and for each fold both the linear model and the encoder are trained
again from the base model without any of its groups, then read the held-out lines with
the rules. A fold holds out risk categories and feeling topics at once (or a set of
writing styles, from both), so one fine-tuning serves both readings.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from therapy_app.mood.encoder import load_encoder
from therapy_app.mood.encoder_training import train_encoder
from therapy_app.mood.text import read_notes
from therapy_app.mood.text_training import (
    Corpus,
    FeelingLine,
    RiskLine,
    feelings_summary,
    risk_figures_by_group,
    train_model,
)

if TYPE_CHECKING:
    from collections.abc import Callable


@dataclass(frozen=True)
class Fold:
    """What one fold holds out: risk-corpus lines and feeling lines (which also count as
    non-risk lines for the risk reading)."""

    risk: tuple[RiskLine, ...]
    feelings: tuple[FeelingLine, ...]


def deal(groups: set[str], folds: int) -> list[set[str]]:
    """Whole groups dealt in turn into ``folds`` folds (sorted, so every run deals alike)."""
    ordered = sorted(groups)
    return [set(ordered[i::folds]) for i in range(min(folds, len(ordered)))]


def category_folds(corpus: Corpus, folds: int) -> list[Fold]:
    risk_groups = deal({line.category for line in corpus.risk}, folds)
    topic_groups = deal({line.topic for line in corpus.feelings}, folds)
    return [
        Fold(
            tuple(line for line in corpus.risk if line.category in categories),
            tuple(line for line in corpus.feelings if line.topic in topics),
        )
        for categories, topics in zip(risk_groups, topic_groups, strict=False)
    ]


def style_folds(corpus: Corpus, folds: int) -> list[Fold]:
    styles = deal({line.style for line in corpus.risk + corpus.feelings}, folds)
    return [
        Fold(
            tuple(line for line in corpus.risk if line.style in held),
            tuple(line for line in corpus.feelings if line.style in held),
        )
        for held in styles
    ]


def _read_fold(
    corpus: Corpus, fold: Fold, base: Path, progress: Callable[[str], None]
) -> tuple[dict[RiskLine, bool], list[tuple[bool, bool]]]:
    """Train both learned readers without the fold, then read its lines: each risk
    reading line's flag, and each feeling line's (top 3 right, sign right)."""
    held_risk, held_feelings = set(fold.risk), set(fold.feelings)
    kept = Corpus(
        risk=tuple(line for line in corpus.risk if line not in held_risk),
        feelings=tuple(line for line in corpus.feelings if line not in held_feelings),
    )
    model = train_model(kept)
    with tempfile.TemporaryDirectory(prefix="therapy_app-fold-") as folder:
        path = Path(folder) / "encoder.pt"
        train_encoder(kept, base, progress, out=path)
        encoder = load_encoder(path, base / "tokenizer.json")
    texts = [line.text for line in fold.risk] + [line.text for line in fold.feelings]
    readings = read_notes(texts, model, encoder)
    everyday = (RiskLine(f.text, False, "feelings", f.style) for f in fold.feelings)
    flagged = {
        line: reading.risk_reading.flagged
        for line, reading in zip([*fold.risk, *everyday], readings, strict=True)
    }
    feelings = [
        (reading.offers(line.primary), reading.reads_pleasant_as(line.pleasant))
        for line, reading in zip(fold.feelings, readings[len(fold.risk) :], strict=True)
    ]
    return flagged, feelings


def _figures(
    corpus: Corpus,
    folds: list[Fold],
    key: Callable[[RiskLine], str],
    base: Path,
    progress: Callable[[str], None],
) -> dict[str, object]:
    flagged: dict[RiskLine, bool] = {}
    feelings: list[tuple[bool, bool]] = []
    for number, fold in enumerate(folds, 1):
        held = len(fold.risk) + len(fold.feelings)
        progress(f"fold {number} of {len(folds)}: {held} lines held out")
        fold_flags, fold_feelings = _read_fold(corpus, fold, base, progress)
        flagged |= fold_flags
        feelings += fold_feelings
    return {
        "folds": len(folds),
        "risk": risk_figures_by_group(flagged, key),
        "feelings": feelings_summary(feelings),
    }


def heldout_report_with_encoder(
    corpus: Corpus, base: Path, progress: Callable[[str], None], folds: int
) -> dict[str, object]:
    """Category-held-out and style-held-out figures of all three readers (the encoder
    fine-tuned again from ``base`` for every fold: minutes each)."""
    return {
        "category_heldout": _figures(
            corpus, category_folds(corpus, folds), lambda line: line.category, base, progress
        ),
        "style_heldout": _figures(
            corpus, style_folds(corpus, folds), lambda line: line.style, base, progress
        ),
    }
