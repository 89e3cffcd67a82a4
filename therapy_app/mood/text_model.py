"""The learned half of text reading: linear models over hashed word and letter n-grams.

Letter n-grams carry misspellings and slang the rules never saw; word pairs carry
short phrases; concepts (``concepts.py``) carry meaning across wordings, so a line
about a bridge "high enough" shares features with one about pills "saved up".
Three heads share the features: risk (one logit), the eight primary emotions
(softmax) and pleasantness (one logit for "pleasant"). Inference is NumPy only;
training (``text_training.py``) is NumPy too. The weights ship in the package as
``text_model.npz``, loaded without pickle.
"""

from __future__ import annotations

import json
import zlib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np

from therapy_app.mood.concepts import CONCEPT_OF_WORD
from therapy_app.mood.feelings import PRIMARIES
from therapy_app.mood.model_files import check_version, unreadable

N_BUCKETS = 1 << 16
CHAR_NGRAMS = (3, 4, 5)
NEGATION_SCOPE = 3
NEGATIONS = frozenset({"not", "no", "never", "without", "nothing", "hardly", "barely", "nobody"})
MODEL_PATH = Path(__file__).with_name("text_model.npz")
MODEL_VERSION = 5  # 5: concepts through word endings only
MODEL_NAME = "text-reading model"  # in what the app says of its file


# Endings taken off to find a word's concept: "jumped" is "jump", "mum's" is "mum". Not two
# letters off any word, which made "shop" self-harm ("sh"), "number" numbness, "pillow" pills.
WORD_ENDINGS = ("'s", "s", "ing", "ed", "ly")


def _concepts_of(words: list[str]) -> set[str]:
    found = set()
    for word in words:
        for form in (word, *(word.removesuffix(ending) for ending in WORD_ENDINGS)):
            concept = CONCEPT_OF_WORD.get(form)
            if concept:
                found.add(concept)
                break
    return found


def _mark_negated(words: list[str]) -> list[str]:
    """'not happy at all' reads as 'not ~happy ~at ~all': words in a negation's scope
    (up to NEGATION_SCOPE words, or the sentence's end) are other words."""
    marked, scope = [], 0
    for word in words:
        if word == ".":
            scope = 0
        marked.append(f"~{word}" if scope else word)
        scope = NEGATION_SCOPE if word in NEGATIONS or word.endswith("n't") else max(0, scope - 1)
    return marked


def features(normalised: str) -> np.ndarray:
    """Distinct hashed feature ids of a normalised text: words, word pairs (with words in
    a negation's scope marked), letter n-grams, and the concepts each sentence touches,
    alone and in pairs."""
    words = _mark_negated(normalised.split())
    grams = [f"w {w}" for w in words]
    grams += [f"b {a} {b}" for a, b in zip(words, words[1:], strict=False)]
    for sentence in normalised.split(" . "):
        concepts = sorted(_concepts_of(sentence.split()))
        grams += [f"k {c}" for c in concepts]
        grams += [f"kk {a} {b}" for i, a in enumerate(concepts) for b in concepts[i + 1 :]]
    padded = f" {normalised} "
    for n in CHAR_NGRAMS:
        grams += [f"c {padded[i : i + n]}" for i in range(len(padded) - n + 1)]
    return np.unique(
        np.fromiter((zlib.crc32(g.encode()) for g in grams), dtype=np.int64, count=len(grams))
        & (N_BUCKETS - 1)
    )


@dataclass(frozen=True)
class LinearHead:
    """logits = the sum of the rows of ``weights`` for a text's features, over sqrt(n)."""

    weights: np.ndarray  # (N_BUCKETS, outputs), float16 on disk
    bias: np.ndarray  # (outputs,)

    def logits(self, ids: np.ndarray) -> np.ndarray:
        rows = self.weights[ids].astype(np.float64)
        return rows.sum(axis=0) / np.sqrt(max(len(ids), 1)) + self.bias


@dataclass(frozen=True)
class TextModel:
    risk: LinearHead
    primaries: LinearHead
    pleasant: LinearHead
    risk_threshold: float
    record: dict[str, object]

    def risk_probability(self, ids: np.ndarray) -> float:
        return float(_sigmoid(self.risk.logits(ids)[0]))

    def primary_probabilities(self, ids: np.ndarray) -> dict[str, float]:
        logits = self.primaries.logits(ids)
        exp = np.exp(logits - logits.max())
        probabilities = exp / exp.sum()
        return {p.value: float(probabilities[i]) for i, p in enumerate(PRIMARIES)}

    def pleasantness(self, ids: np.ndarray) -> float:
        """-1 (surely unpleasant) .. 1 (surely pleasant)."""
        return float(2 * _sigmoid(self.pleasant.logits(ids)[0]) - 1)

    def save(self, path: Path) -> None:
        arrays = {
            f"{name}_{part}": getattr(getattr(self, name), part).astype(
                np.float16 if part == "weights" else np.float32
            )
            for name in ("risk", "primaries", "pleasant")
            for part in ("weights", "bias")
        }
        meta = {"version": MODEL_VERSION, "risk_threshold": self.risk_threshold, **self.record}
        tmp = path.with_suffix(".tmp.npz")
        np.savez_compressed(tmp, meta=np.array(json.dumps(meta)), **arrays)
        tmp.replace(path)


def _sigmoid(x: float) -> float:
    return 1.0 / (1.0 + np.exp(-x))


def load_model(path: Path) -> TextModel:
    try:
        with np.load(path, allow_pickle=False) as data:
            meta = json.loads(str(data["meta"]))
            heads = {
                name: LinearHead(data[f"{name}_weights"], data[f"{name}_bias"].astype(np.float64))
                for name in ("risk", "primaries", "pleasant")
            }
    except (OSError, KeyError, ValueError) as error:
        raise unreadable(MODEL_NAME, path, error) from error
    check_version(meta, MODEL_VERSION, MODEL_NAME, path)
    threshold = float(meta.pop("risk_threshold"))
    return TextModel(risk_threshold=threshold, record=meta, **heads)


@cache
def shipped_model() -> TextModel:
    return load_model(MODEL_PATH)
