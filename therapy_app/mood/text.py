"""Suggest feelings, pleasantness and energy from what a person wrote. Offline and fast.

Suggestions are offers, never choices: the UI shows them and the person adds them.
Four readers are combined: the project's cue lexicon (feeling words and phrases),
VADER's valence lexicon (MIT licence) for pleasantness, the learned model of
``text_model.py``, which reads situations that name no feeling ("got the job!"), and
the fine-tuned sentence encoder of ``encoder.py``, which reads what a sentence means.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from therapy_app.mood.feelings import ALL_FEELINGS, PRIMARY_INFO, Primary
from therapy_app.mood.language import looks_english
from therapy_app.mood.lexicon import CUES, INTENSIFIERS, NEGATIONS
from therapy_app.mood.normalise import normalise
from therapy_app.mood.safety import (
    RiskReading,
    encoder_texts,
    rules_and_model,
    with_encoder_readings,
)
from therapy_app.mood.text_model import features, shipped_model

if TYPE_CHECKING:
    from collections.abc import Sequence

    import numpy as np

    from therapy_app.mood.encoder import Encoder, EncoderReading
    from therapy_app.mood.text_model import TextModel

MAX_SUGGESTIONS = 3
NEGATION_WINDOW = 3
NEGATED_POSITIVE_BECOMES = "down"
# How much the cue lexicon counts against the learned model when ranking emotions.
LEXICON_SHARE = 0.5
RULE_READER_WEIGHT = 1.5  # VADER's and the cue lexicon's pleasantness, beside the model's
ENCODER_SHARE = 0.5  # the encoder's part of the learned emotion probabilities
ENCODER_PLEASANTNESS_WEIGHT = 3.0  # the encoder's pleasantness, beside the model's (1)


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
_LONGEST_STEM = max(len(stem) for stem in _WORD_STEMS)


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
    risk_reading: RiskReading | None
    english: bool = True

    @property
    def risk(self) -> bool:
        return self.risk_reading is not None and self.risk_reading.flagged

    def offers(self, primary: str) -> bool:
        """Whether ``primary`` is among the suggested feelings' primaries."""
        return primary in {feeling.primary.value for feeling in self.feelings}

    def reads_pleasant_as(self, pleasant: bool) -> bool:
        """Whether the pleasantness read has the sign of ``pleasant`` (zero has none)."""
        return self.valence != 0 and (self.valence > 0) == pleasant

    def as_json(self) -> dict[str, object]:
        return {
            "feelings": [
                {"word": f.word, "primary": f.primary.value, "score": round(f.score, 3)}
                for f in self.feelings
            ],
            "valence": round(self.valence, 3),
            "energy": round(self.energy, 3),
            "risk": self.risk,
            "risk_categories": list(self.risk_reading.categories) if self.risk_reading else [],
            "english": self.english,
        }


EMPTY_READING = TextReading(feelings=(), valence=0.0, energy=0.0, risk_reading=None)


@cache
def _vader() -> SentimentIntensityAnalyzer:
    return SentimentIntensityAnalyzer()


def _stem_of(token: str) -> str | None:
    # from the longest stem down, never the token's length: a pasted 200,000-character
    # "word" would otherwise cost 200,000 slices of itself (a minute on every rerun)
    for length in range(min(len(token), _LONGEST_STEM), _SHORTEST_STEM - 1, -1):
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


def cue_feelings(text: str) -> list[tuple[str, float]]:
    """The feeling words the cue lexicon finds in ``text`` (negation read), with their weight,
    strongest first, and nothing else: what a short label names (another app's mood or
    emotion word), where the learned model would always guess something."""
    cues = _scores(text.lower().replace("\u2019", "'"))
    return sorted(cues.items(), key=lambda item: (-item[1], item[0]))


def suggest(text: str, model: TextModel | None = None, *, with_encoder: bool = True) -> TextReading:
    return suggest_many([text], model, with_encoder=with_encoder)[0]


def suggest_many(
    texts: Sequence[str], model: TextModel | None = None, *, with_encoder: bool = True
) -> list[TextReading]:
    """Readings of many notes, in order, by the shipped readers; the encoder reads them in
    batches. Without it (``with_encoder=False``) only the rules, lexicons and linear model
    read."""
    from therapy_app.mood.encoder import shipped_encoder

    encoder = shipped_encoder() if with_encoder else None
    return read_notes(texts, model or shipped_model(), encoder)


def read_notes(
    texts: Sequence[str], model: TextModel, encoder: Encoder | None
) -> list[TextReading]:
    """Readings of many notes by the given readers (a fold's retrained ones, for example)."""
    normalised = [normalise(text) for text in texts]
    readable = [bool(note.strip(" .")) for note in normalised]
    wholes = _wholes(normalised, readable, encoder)
    risks = _risk_readings(texts, normalised, readable, model, encoder, wholes)
    return [
        _suggest_one(text, note, model, whole, risk) if ok else EMPTY_READING
        for text, note, ok, whole, risk in zip(
            texts, normalised, readable, wholes, risks, strict=True
        )
    ]


def _wholes(
    normalised: list[str], readable: list[bool], encoder: Encoder | None
) -> list[EncoderReading | None]:
    """The encoder's reading of each whole note, all in one batch."""
    if encoder is None:
        return [None] * len(normalised)
    read = iter(encoder.read([n for n, ok in zip(normalised, readable, strict=True) if ok]))
    return [next(read) if ok else None for ok in readable]


def _risk_readings(
    texts: Sequence[str],
    normalised: list[str],
    readable: list[bool],
    model: TextModel,
    encoder: Encoder | None,
    wholes: list[EncoderReading | None],
) -> list[RiskReading | None]:
    """Each note's risk reading. The encoder has read every whole note already; the runs
    of sentences and heavy sentences of long notes whose flag it can change are read
    together, in one batch."""
    first = [
        rules_and_model(note, model) if ok else None
        for note, ok in zip(normalised, readable, strict=True)
    ]
    if encoder is None:
        return first
    wanted = [
        encoder_texts(note)[1:] if risk and risk.wants_encoder else []
        for note, risk in zip(normalised, first, strict=True)
    ]
    read_before = [whole.risk if whole else None for whole in wholes]
    return with_encoder_readings(encoder, first, wanted, read_before)


def _suggest_one(
    text: str,
    normalised: str,
    model: TextModel,
    whole: EncoderReading | None,
    risk: RiskReading,
) -> TextReading:
    ids = features(normalised)
    cues = _scores(text.lower().replace("\u2019", "'"))
    emotions = model.primary_probabilities(ids)
    ranked = _rank_primaries(cues, _learned_primaries(emotions, whole))
    return TextReading(
        feelings=tuple(SuggestedFeeling(w, ALL_FEELINGS[w].primary, s) for w, s in ranked),
        valence=_valence(text, cues, model, ids, emotions, whole),
        energy=_energy(cues, ranked),
        risk_reading=risk,
        english=looks_english(text),
    )


def _learned_primaries(
    model_probabilities: dict[str, float], encoded: EncoderReading | None
) -> dict[str, float]:
    if encoded is None:
        return model_probabilities
    return {
        p: (1 - ENCODER_SHARE) * q + ENCODER_SHARE * encoded.primaries[p]
        for p, q in model_probabilities.items()
    }


def _rank_primaries(
    cues: dict[str, float], model_probabilities: dict[str, float]
) -> list[tuple[str, float]]:
    """The three most likely primary emotions, each named by its best cue word."""
    total = sum(cues.values())
    best_word: dict[Primary, str] = {}
    share = dict.fromkeys(Primary, 0.0)
    for word, score in sorted(cues.items(), key=lambda item: (-item[1], item[0])):
        primary = ALL_FEELINGS[word].primary
        best_word.setdefault(primary, word)
        share[primary] += score / total
    lexicon = LEXICON_SHARE if total else 0.0
    combined = {p: lexicon * share[p] + (1 - lexicon) * model_probabilities[p] for p in Primary}
    top = sorted(Primary, key=lambda p: (-combined[p], p.value))[:MAX_SUGGESTIONS]
    return [(best_word.get(p, p.value), combined[p]) for p in top]


def _valence(
    text: str,
    cues: dict[str, float],
    model: TextModel,
    ids: np.ndarray,
    emotions: dict[str, float],
    encoded: EncoderReading | None,
) -> float:
    """Weighted mean of readings of pleasantness, each -1..1: VADER's and the cue
    lexicon's (both read negation, so they count more), the model's own, the valence of
    the ``emotions`` the model reads, and the encoder's."""
    readings = [
        (RULE_READER_WEIGHT, _vader().polarity_scores(text)["compound"]),
        (1.0, model.pleasantness(ids)),
        (1.0, sum(PRIMARY_INFO[Primary(p)].valence * share for p, share in emotions.items())),
    ]
    if encoded is not None:
        readings.append((ENCODER_PLEASANTNESS_WEIGHT, encoded.pleasantness))
    total = sum(cues.values())
    if total:
        lexicon = sum(ALL_FEELINGS[w].valence * s for w, s in cues.items()) / total
        readings.append((RULE_READER_WEIGHT, lexicon))
    return sum(w * v for w, v in readings) / sum(w for w, _ in readings)


def _energy(cues: dict[str, float], ranked: list[tuple[str, float]]) -> float:
    total = sum(cues.values())
    if total:
        return sum(ALL_FEELINGS[w].arousal * s for w, s in cues.items()) / total
    weight = sum(score for _, score in ranked) or 1.0
    return sum(PRIMARY_INFO[ALL_FEELINGS[w].primary].arousal * s for w, s in ranked) / weight
