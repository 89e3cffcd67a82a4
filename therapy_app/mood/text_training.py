"""Train the text-reading model on the project's corpus, and judge it on held-out folds.

The corpus (``corpus/``) holds journal-style lines written for this project: risk
lines by screening category, non-risk lines (ordinary, sad, angry, idioms, denials,
everyday mentions of pills and bridges), and feeling lines by primary emotion, each
in one of several writing styles. Honest figures come from folds that hold out a
whole category, topic or style, retraining the model without it each time.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from therapy_app.mood.feelings import PRIMARIES
from therapy_app.mood.normalise import normalise
from therapy_app.mood.text_model import (
    N_BUCKETS,
    LinearHead,
    TextModel,
    features,
)

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

CORPUS = Path(__file__).with_name("corpus")
RISK_THRESHOLD = 0.62  # chosen with encoder_training.RISK_THRESHOLD (see there)
STEPS = 150
LEARNING_RATE = 0.05
L2 = 1e-5
ADAM_BETAS = (0.9, 0.999)

# Topics of feeling lines, found by keyword, for folds that hold out whole subjects.
TOPICS: dict[str, tuple[str, ...]] = {
    "work and study": (
        "work",
        "job",
        "boss",
        "office",
        "shift",
        "meeting",
        "colleague",
        "manager",
        "exam",
        "school",
        "class",
        "teacher",
        "uni",
        "essay",
        "deadline",
        "interview",
        "project",
    ),
    "family": (
        "mum",
        "mom",
        "dad",
        "mother",
        "father",
        "sister",
        "brother",
        "kids",
        "son",
        "daughter",
        "grandma",
        "grandad",
        "nan",
        "family",
        "parents",
        "aunt",
        "uncle",
    ),
    "partners and friends": (
        "friend",
        "boyfriend",
        "girlfriend",
        "partner",
        "husband",
        "wife",
        "date",
        "mate",
        "ex",
        "crush",
        "wedding",
        "party",
    ),
    "body and health": (
        "doctor",
        "hospital",
        "sick",
        "ill",
        "pain",
        "sleep",
        "tired",
        "body",
        "gym",
        "run",
        "health",
        "test results",
        "dentist",
        "period",
        "headache",
    ),
    "home, money, world": (
        "money",
        "rent",
        "bill",
        "flat",
        "house",
        "landlord",
        "bank",
        "news",
        "car",
        "train",
        "bus",
        "neighbour",
        "neighbor",
        "weather",
        "rain",
        "sun",
    ),
}


@dataclass(frozen=True)
class RiskLine:
    text: str
    risk: bool
    category: str
    style: str


@dataclass(frozen=True)
class FeelingLine:
    text: str
    primary: str
    pleasant: bool
    style: str

    @property
    def topic(self) -> str:
        words = set(normalise(self.text).split())
        for topic, cues in TOPICS.items():
            if any(cue in words or (" " in cue and cue in self.text.lower()) for cue in cues):
                return topic
        return "other"


@dataclass(frozen=True)
class Corpus:
    risk: tuple[RiskLine, ...]
    feelings: tuple[FeelingLine, ...]

    @property
    def risk_reading_lines(self) -> tuple[RiskLine, ...]:
        """Risk and non-risk lines, with every feeling line as one more non-risk line."""
        everyday = (RiskLine(f.text, False, "feelings", f.style) for f in self.feelings)
        return self.risk + tuple(everyday)


def _rows(folder: Path) -> list[list[str]]:
    rows = []
    for path in sorted(folder.glob("*.tsv")):
        with path.open(encoding="utf-8", newline="") as handle:
            rows += [row for row in csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)]
    return [row for row in rows if len(row) == 4 and not row[0].startswith("#")]


def load_corpus(folder: Path = CORPUS) -> Corpus:
    return Corpus(
        risk=tuple(
            RiskLine(text, label == "risk", category, style)
            for text, label, category, style in _rows(folder / "risk")
        ),
        feelings=tuple(
            FeelingLine(text, primary, sign == "+", style)
            for text, primary, sign, style in _rows(folder / "feelings")
        ),
    )


def _bags(
    texts: Sequence[str], clean: Callable[[str], str] = lambda text: text
) -> list[np.ndarray]:
    return [features(clean(normalise(text))) for text in texts]


def _fit(
    bags: list[np.ndarray], gradient_of: Callable[[np.ndarray], np.ndarray], outputs: int
) -> LinearHead:
    """Full-batch Adam on mean-normalised bags of hashed features.

    ``gradient_of(logits)`` returns the loss's gradient with respect to the logits,
    already divided by the number of lines.
    """
    rows = np.concatenate([np.full(len(bag), i) for i, bag in enumerate(bags)])
    cols = np.concatenate(bags)
    values = np.concatenate(
        [np.full(len(bag), 1 / np.sqrt(max(len(bag), 1)), dtype=np.float32) for bag in bags]
    )
    slots = N_BUCKETS
    row_slots = (rows[:, None] * outputs + np.arange(outputs)).ravel()
    col_slots = (cols[:, None] * outputs + np.arange(outputs)).ravel()
    weights = np.zeros((slots, outputs), dtype=np.float32)
    bias = np.zeros(outputs, dtype=np.float32)
    moments = [np.zeros_like(weights), np.zeros_like(weights), np.zeros(outputs), np.zeros(outputs)]
    for step in range(1, STEPS + 1):
        products = (values[:, None] * weights[cols]).ravel()
        logits = bias + np.bincount(row_slots, products, len(bags) * outputs).reshape(-1, outputs)
        error = gradient_of(logits)
        contributions = (values[:, None] * error[rows]).ravel()
        grad_weights = np.bincount(col_slots, contributions, slots * outputs).reshape(
            slots, outputs
        )
        grad_weights += 2 * L2 * weights
        for param, grad, first, second in (
            (weights, grad_weights, moments[0], moments[1]),
            (bias, error.sum(axis=0), moments[2], moments[3]),
        ):
            first *= ADAM_BETAS[0]
            first += (1 - ADAM_BETAS[0]) * grad
            second *= ADAM_BETAS[1]
            second += (1 - ADAM_BETAS[1]) * grad**2
            corrected = first / (1 - ADAM_BETAS[0] ** step)
            scale = np.sqrt(second / (1 - ADAM_BETAS[1] ** step)) + 1e-8
            param -= LEARNING_RATE * corrected / scale
    return LinearHead(weights=weights.astype(np.float16), bias=bias)


def _binary_gradient(targets: np.ndarray, positive_weight: float = 1.0) -> Callable:
    def gradient(logits: np.ndarray) -> np.ndarray:
        p = 1 / (1 + np.exp(-logits[:, 0]))
        g = np.where(targets, positive_weight * (p - 1), p)
        return (g / len(targets))[:, None]

    return gradient


def _softmax_gradient(targets: np.ndarray, classes: int) -> Callable:
    def gradient(logits: np.ndarray) -> np.ndarray:
        exp = np.exp(logits - logits.max(axis=1, keepdims=True))
        g = exp / exp.sum(axis=1, keepdims=True)
        g[np.arange(len(targets)), targets] -= 1
        return g / len(targets)

    return gradient


def train_risk_head(lines: Sequence[RiskLine]) -> LinearHead:
    from therapy_app.mood.safety import without_idioms_and_denials

    targets = np.array([line.risk for line in lines])
    bags = _bags([line.text for line in lines], without_idioms_and_denials)
    balance = (len(targets) - targets.sum()) / max(targets.sum(), 1)  # both classes weigh alike
    return _fit(bags, _binary_gradient(targets, balance), 1)


def train_feeling_heads(lines: Sequence[FeelingLine]) -> tuple[LinearHead, LinearHead]:
    bags = _bags([line.text for line in lines])
    order = [p.value for p in PRIMARIES]
    primaries = np.array([order.index(line.primary) for line in lines])
    pleasant = np.array([line.pleasant for line in lines])
    return (
        _fit(bags, _softmax_gradient(primaries, len(order)), len(order)),
        _fit(bags, _binary_gradient(pleasant), 1),
    )


def train_model(corpus: Corpus) -> TextModel:
    primaries, pleasant = train_feeling_heads(corpus.feelings)
    return TextModel(
        risk=train_risk_head(corpus.risk_reading_lines),
        primaries=primaries,
        pleasant=pleasant,
        risk_threshold=RISK_THRESHOLD,
        record={
            "risk_lines": len(corpus.risk),
            "feeling_lines": len(corpus.feelings),
            "buckets": N_BUCKETS,
            "steps": STEPS,
        },
    )


def risk_figures(lines: Sequence[RiskLine], flagged: Sequence[bool]) -> dict[str, object]:
    def rate(selected: list[bool]) -> float | None:
        return round(sum(selected) / len(selected), 4) if selected else None

    risk = [hit for line, hit in zip(lines, flagged, strict=True) if line.risk]
    calm = [hit for line, hit in zip(lines, flagged, strict=True) if not line.risk]
    sad = [hit for line, hit in zip(lines, flagged, strict=True) if line.category == "sad"]
    return {
        "risk_lines": len(risk),
        "other_lines": len(calm),
        "recall": rate(risk),
        "false_alarms": rate(calm),
        "false_alarms_sad": rate(sad),
    }


def risk_heldout(
    corpus: Corpus, base: TextModel, key: Callable[[RiskLine], str]
) -> dict[str, object]:
    """Rules + a model retrained without each group in turn, read on that group (the
    encoder is not retrained per fold, so it does not read here)."""
    from therapy_app.mood.safety import read_risk

    flagged: dict[RiskLine, bool] = {}
    everything = corpus.risk_reading_lines
    groups = sorted({key(line) for line in everything})
    for group in groups:
        model = replace(
            base, risk=train_risk_head([line for line in everything if key(line) != group])
        )
        for line in everything:
            if key(line) == group:
                flagged[line] = read_risk(line.text, model).flagged
    return risk_figures_by_group(flagged, key)


def risk_figures_by_group(
    flagged: dict[RiskLine, bool], key: Callable[[RiskLine], str]
) -> dict[str, object]:
    """Figures over every line read, and for each group of lines."""
    lines = list(flagged)
    figures = risk_figures(lines, [flagged[line] for line in lines])
    figures["by_group"] = {
        group: risk_figures(
            [line for line in lines if key(line) == group],
            [flagged[line] for line in lines if key(line) == group],
        )
        for group in sorted({key(line) for line in lines})
    }
    return figures


def feelings_figures(
    rows: Sequence[tuple[str, str, bool]], model: TextModel
) -> dict[str, float | int]:
    """Top-3 primary accuracy and valence-sign accuracy on (text, primary, +), without the
    encoder: it is not retrained per fold, so it has read every held-out line."""
    from therapy_app.mood.text import read_notes

    readings = read_notes([text for text, _, _ in rows], model, None)
    return feelings_summary(
        [
            (reading.offers(primary), reading.reads_pleasant_as(pleasant))
            for (_, primary, pleasant), reading in zip(rows, readings, strict=True)
        ]
    )


def feelings_summary(hits: Sequence[tuple[bool, bool]]) -> dict[str, float | int]:
    """The share of lines whose primary was offered, and of lines whose sign was right,
    from each line's (primary offered, sign right)."""
    count = max(len(hits), 1)
    return {
        "lines": len(hits),
        "top3_primary_accuracy": round(sum(top3 for top3, _ in hits) / count, 4),
        "valence_sign_accuracy": round(sum(sign for _, sign in hits) / count, 4),
    }


def feelings_heldout(
    corpus: Corpus, base: TextModel, key: Callable[[FeelingLine], str]
) -> dict[str, object]:
    groups = sorted({key(line) for line in corpus.feelings})
    by_group: dict[str, dict[str, float | int]] = {}
    for group in groups:
        primaries, pleasant = train_feeling_heads(
            [line for line in corpus.feelings if key(line) != group]
        )
        model = replace(base, primaries=primaries, pleasant=pleasant)
        rows = [(ln.text, ln.primary, ln.pleasant) for ln in corpus.feelings if key(ln) == group]
        by_group[group] = feelings_figures(rows, model)
    total = sum(int(f["lines"]) for f in by_group.values()) or 1
    return {
        "lines": total,
        **{
            measure: round(
                sum(float(f[measure]) * int(f["lines"]) for f in by_group.values()) / total, 4
            )
            for measure in ("top3_primary_accuracy", "valence_sign_accuracy")
        },
        "by_group": by_group,
    }


def heldout_report(corpus: Corpus, base: TextModel) -> dict[str, object]:
    """Category-held-out and style-held-out figures for risk and feelings."""
    return {
        "category_heldout": {
            "risk": risk_heldout(corpus, base, lambda line: line.category),
            "feelings": feelings_heldout(corpus, base, lambda line: line.topic),
        },
        "style_heldout": {
            "risk": risk_heldout(corpus, base, lambda line: line.style),
            "feelings": feelings_heldout(corpus, base, lambda line: line.style),
        },
    }
