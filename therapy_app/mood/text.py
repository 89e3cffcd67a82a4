"""Suggest feelings, pleasantness and energy from what a person wrote. Offline and fast.

Suggestions are offers, never choices: the UI shows them and the person adds them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from therapy_app.mood.feelings import ALL_FEELINGS, Primary
from therapy_app.mood.lexicon import CUES, INTENSIFIERS, NEGATIONS
from therapy_app.mood.safety import assess_risk

MAX_SUGGESTIONS = 3
NEGATION_WINDOW = 3
NEGATED_POSITIVE_BECOMES = "down"


def _is_phrase(stem: str) -> bool:
    return " " in stem.strip() or stem.endswith(" ")


# Single-word stems match any token that starts with them (longest stem wins);
# phrases match as written, through one small regular expression.
_WORD_STEMS: dict[str, str] = {
    stem: word for word, stems in CUES.items() for stem in stems if not _is_phrase(stem)
}
_PHRASES: dict[str, str] = {
    " ".join(stem.split()): word
    for word, stems in CUES.items()
    for stem in stems
    if _is_phrase(stem)
}
_PHRASE_PATTERN = re.compile(
    r"(?<![\w'])(?:"
    + "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in sorted(_PHRASES, key=len, reverse=True))
    + r")(?![\w'])"
)
_TOKEN = re.compile(r"[\w']+")
_SHORTEST_STEM = min(len(stem) for stem in _WORD_STEMS)


@dataclass(frozen=True)
class SuggestedFeeling:
    word: str
    primary: Primary
    score: float


@dataclass(frozen=True)
class TextReading:
    feelings: tuple[SuggestedFeeling, ...]
    valence: float
    energy: float
    risk: bool

    def as_json(self) -> dict[str, object]:
        return {
            "feelings": [
                {"word": f.word, "primary": f.primary.value, "score": round(f.score, 3)}
                for f in self.feelings
            ],
            "valence": round(self.valence, 3),
            "energy": round(self.energy, 3),
            "risk": self.risk,
        }


def _stem_of(token: str) -> str | None:
    for length in range(len(token), _SHORTEST_STEM - 1, -1):
        word = _WORD_STEMS.get(token[:length])
        if word is not None:
            return word
    return None


def _matches(text: str) -> list[tuple[int, str]]:
    """(character offset, feeling word) for every cue in the text."""
    found = [
        (m.start(), _PHRASES[" ".join(m.group(0).split())]) for m in _PHRASE_PATTERN.finditer(text)
    ]
    for token in _TOKEN.finditer(text):
        word = _stem_of(token.group(0))
        if word is not None:
            found.append((token.start(), word))
    return found


def _scores(text: str) -> dict[str, float]:
    scores: dict[str, float] = {}
    for start, matched in _matches(text):
        before = _TOKEN.findall(text[max(0, start - 40) : start])[-NEGATION_WINDOW:]
        weight = 1.5 if any(token in INTENSIFIERS for token in before) else 1.0
        word = matched
        if any(token in NEGATIONS or token.endswith("n't") for token in before):
            if ALL_FEELINGS[word].valence <= 0:
                continue  # "not worried" says little about what is felt instead
            word, weight = NEGATED_POSITIVE_BECOMES, 0.5 * weight
        scores[word] = scores.get(word, 0.0) + weight
    return scores


def suggest(text: str) -> TextReading:
    normalised = text.lower().replace("’", "'")
    scores = _scores(normalised)
    ranked = sorted(scores.items(), key=lambda item: (-item[1], item[0]))
    total = sum(scores.values())
    valence = sum(ALL_FEELINGS[w].valence * s for w, s in scores.items()) / total if total else 0.0
    energy = sum(ALL_FEELINGS[w].arousal * s for w, s in scores.items()) / total if total else 0.0
    top = _distinct_primaries(ranked)
    return TextReading(
        feelings=tuple(
            SuggestedFeeling(word, ALL_FEELINGS[word].primary, score / total) for word, score in top
        ),
        valence=valence,
        energy=energy,
        risk=assess_risk(text),
    )


def _distinct_primaries(ranked: list[tuple[str, float]]) -> list[tuple[str, float]]:
    """Best word per primary emotion first, so three suggestions cover three emotions."""
    chosen: list[tuple[str, float]] = []
    seen: set[Primary] = set()
    for word, score in ranked:
        primary = ALL_FEELINGS[word].primary
        if primary not in seen:
            chosen.append((word, score))
            seen.add(primary)
        if len(chosen) == MAX_SUGGESTIONS:
            break
    return chosen
