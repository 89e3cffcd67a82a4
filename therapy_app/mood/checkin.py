"""A check-in: what the person told the app, validated, and its conditioning vector."""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from therapy_app.errors import InvalidInputError
from therapy_app.mood.feelings import ALL_FEELINGS, PRIMARIES, PRIMARY_INFO, Feeling, lookup
from therapy_app.mood.scales import QUICK_MOOD_POSITION, QuickMood

MAX_NOTE_CHARS = 200_000  # journals run long; a book chapter fits
MAX_TAG_CHARS = 40
MAX_TAGS = 30
MAX_FEELINGS = 12
FUTURE_TOLERANCE_S = 300

CONDITIONING_DIM = len(PRIMARIES) + 4  # 8 emotion weights, valence, arousal, dominance, intensity


@dataclass(frozen=True)
class FeelingChoice:
    word: str
    intensity: int = 2  # 1 a little, 2 clearly, 3 strongly

    @property
    def feeling(self) -> Feeling:
        return ALL_FEELINGS[self.word]


@dataclass(frozen=True)
class CheckIn:
    quick_mood: QuickMood | None = None
    feelings: tuple[FeelingChoice, ...] = ()
    valence: float | None = None
    energy: float | None = None
    control: float | None = None
    tags: tuple[str, ...] = ()
    note: str = ""
    sleep_hours: float | None = None
    occurred_at: datetime | None = None
    timezone: str = "UTC"
    unsafe_now: bool = False  # the one-tap "I'm not safe right now": flagged whatever the words

    def resolved_valence(self) -> float:
        """Explicit slider, else the tapped quick mood, else the feelings' mean."""
        if self.valence is not None:
            return self.valence
        if self.quick_mood is not None:
            return QUICK_MOOD_POSITION[self.quick_mood][0]
        if self.feelings:
            return _weighted_mean(self.feelings, "valence")
        return 0.0

    def resolved_energy(self) -> float:
        """Explicit slider, else the feelings' mean, else the quick mood's typical energy."""
        if self.energy is not None:
            return self.energy
        if self.feelings:
            return _weighted_mean(self.feelings, "arousal")
        if self.quick_mood is not None:
            return QUICK_MOOD_POSITION[self.quick_mood][1]
        return 0.0

    def resolved_control(self) -> float:
        if self.control is not None:
            return self.control
        if self.feelings:
            return _weighted_mean(self.feelings, "dominance")
        return 0.0

    @property
    def is_blank(self) -> bool:
        """Nothing told: no mood, feeling, scale, tag, words, sleep or "not safe right now"
        (never stored)."""
        told = (
            self.unsafe_now or None,
            self.quick_mood,
            self.feelings,
            self.valence,
            self.energy,
            self.control,
            self.tags,
            self.note.strip(),
            self.sleep_hours,
        )
        return all(part is None or part in ((), "") for part in told)

    def as_json(self) -> dict[str, object]:
        """The check-in as it was told (a draft); times are not part of it."""
        return {
            "quick_mood": int(self.quick_mood) if self.quick_mood else None,
            "feelings": [[choice.word, choice.intensity] for choice in self.feelings],
            "valence": self.valence,
            "energy": self.energy,
            "control": self.control,
            "tags": list(self.tags),
            "note": self.note,
            "sleep_hours": self.sleep_hours,
            "timezone": self.timezone,
        }

    @classmethod
    def from_json(cls, data: dict[str, object]) -> CheckIn:
        quick = data.get("quick_mood")
        return cls(
            quick_mood=QuickMood(quick) if isinstance(quick, int) and quick else None,
            feelings=tuple(FeelingChoice(str(w), int(i)) for w, i in data.get("feelings") or []),
            valence=_number(data.get("valence")),
            energy=_number(data.get("energy")),
            control=_number(data.get("control")),
            tags=tuple(str(tag) for tag in data.get("tags") or []),
            note=str(data.get("note") or ""),
            sleep_hours=_number(data.get("sleep_hours")),
            timezone=str(data.get("timezone") or "UTC"),
        )


def _number(value: object) -> float | None:
    return float(value) if isinstance(value, int | float) else None


NOTHING_TOLD = (
    "There is nothing to save yet: tap how you are, choose a feeling or write a few words."
)


def _weighted_mean(choices: tuple[FeelingChoice, ...], axis: str) -> float:
    total = sum(choice.intensity for choice in choices)
    return sum(getattr(choice.feeling, axis) * choice.intensity for choice in choices) / total


def parse_feeling(text: str) -> FeelingChoice:
    """'joy', 'joy:3' or 'anxious:1' -> FeelingChoice; unknown words list the valid ones."""
    word, _, level = text.partition(":")
    feeling = lookup(word)
    if feeling is None:
        valid = ", ".join(sorted(ALL_FEELINGS))
        msg = f"Unknown feeling '{word.strip()}'. Valid feelings: {valid}."
        raise InvalidInputError(msg)
    intensity = 2
    if level:
        if level.strip() not in {"1", "2", "3"}:
            msg = f"Intensity for '{feeling.word}' must be 1, 2 or 3, not '{level}'."
            raise InvalidInputError(msg)
        intensity = int(level)
    return FeelingChoice(feeling.word, intensity)


def validate(check_in: CheckIn, now: datetime) -> CheckIn:
    """Refuse what cannot be stored (and a check-in that tells nothing), with a message;
    return the check-in normalised."""
    _check_scale("pleasantness", check_in.valence)
    _check_scale("energy", check_in.energy)
    _check_scale("sense of control", check_in.control)
    if len(check_in.note) > MAX_NOTE_CHARS:
        msg = (
            f"The note is {len(check_in.note):,} characters; the limit is {MAX_NOTE_CHARS:,}. "
            "Shorten it or split it into two entries. Nothing was saved; your text is still "
            "here."
        )
        raise InvalidInputError(msg)
    if check_in.sleep_hours is not None and not 0 <= check_in.sleep_hours <= 24:
        msg = "Sleep must be between 0 and 24 hours."
        raise InvalidInputError(msg)
    if len(check_in.feelings) > MAX_FEELINGS:
        msg = f"Choose at most {MAX_FEELINGS} feelings for one entry."
        raise InvalidInputError(msg)
    for choice in check_in.feelings:
        parse_feeling(f"{choice.word}:{choice.intensity}")
    check_timezone(check_in.timezone)
    occurred_at = check_in.occurred_at or now
    if occurred_at.tzinfo is None:
        msg = "The entry time needs a time zone."
        raise InvalidInputError(msg)
    if (occurred_at - now).total_seconds() > FUTURE_TOLERANCE_S:
        msg = "The entry time is in the future; choose a time up to now."
        raise InvalidInputError(msg)
    valid = replace(
        check_in,
        occurred_at=occurred_at.astimezone(UTC),
        tags=normalise_tags(check_in.tags),
        feelings=_dedupe(check_in.feelings),
    )
    if valid.is_blank:
        raise InvalidInputError(NOTHING_TOLD)
    return valid


def _dedupe(choices: tuple[FeelingChoice, ...]) -> tuple[FeelingChoice, ...]:
    seen: dict[str, FeelingChoice] = {}
    for choice in choices:
        seen[choice.word] = choice
    return tuple(seen.values())


def _check_scale(name: str, value: float | None) -> None:
    if value is not None and not (math.isfinite(value) and -1.0 <= value <= 1.0):
        msg = f"{name.capitalize()} must be between -1 and 1, not {value}."
        raise InvalidInputError(msg)


def check_timezone(name: str) -> str:
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        msg = f"Unknown time zone '{name}'; use an IANA name such as Europe/Berlin."
        raise InvalidInputError(msg) from None
    return name


def normalise_tags(tags: tuple[str, ...] | list[str]) -> tuple[str, ...]:
    cleaned: list[str] = []
    for tag in tags:
        name = " ".join(tag.strip().lower().split())
        if not name:
            continue
        if len(name) > MAX_TAG_CHARS:
            msg = f"One of the tags is longer than {MAX_TAG_CHARS} characters; shorten it."
            raise InvalidInputError(msg)
        if name not in cleaned:
            cleaned.append(name)
    if len(cleaned) > MAX_TAGS:
        msg = f"Use at most {MAX_TAGS} tags for one entry."
        raise InvalidInputError(msg)
    return tuple(cleaned)


def conditioning_vector(check_in: CheckIn) -> list[float]:
    """Fixed-length conditioning for the art engine, in the layout that art/conditioning.py
    versions.

    [8 emotion weights summing to 1, valence, arousal, dominance, intensity].
    With feelings chosen, weights come from them (intensity-weighted). With only
    scales or a quick mood, weights spread over the primaries near that point of
    the circumplex, so a single tap still paints a meaningful picture.
    """
    valence = check_in.resolved_valence()
    arousal = check_in.resolved_energy()
    dominance = check_in.resolved_control()
    if check_in.feelings:
        weights = _weights_from_feelings(check_in.feelings)
        intensity = _intensity_from_feelings(check_in.feelings)
    else:
        weights = _weights_from_circumplex(valence, arousal)
        intensity = min(1.0, math.hypot(valence, arousal) / math.sqrt(2) + 0.25)
    return [*weights, valence, arousal, dominance, intensity]


def _weights_from_feelings(choices: tuple[FeelingChoice, ...]) -> list[float]:
    raw = dict.fromkeys(PRIMARIES, 0.0)
    for choice in choices:
        raw[choice.feeling.primary] += choice.intensity * (0.5 + 0.25 * choice.feeling.level)
    total = sum(raw.values())
    return [raw[primary] / total for primary in PRIMARIES]


def _intensity_from_feelings(choices: tuple[FeelingChoice, ...]) -> float:
    strengths = [(choice.intensity + choice.feeling.level) / 6 for choice in choices]
    return max(strengths)


CIRCUMPLEX_SHARPNESS = 4.0


def _weights_from_circumplex(valence: float, arousal: float) -> list[float]:
    """Soft nearest-primaries on the valence-arousal plane; uniform at the centre."""
    magnitude = min(1.0, math.hypot(valence, arousal))
    scores = []
    for primary in PRIMARIES:
        info = PRIMARY_INFO[primary]
        norm = math.hypot(info.valence, info.arousal)
        cosine = (
            0.0
            if magnitude == 0
            else (
                (valence * info.valence + arousal * info.arousal)
                / (math.hypot(valence, arousal) * norm)
            )
        )
        scores.append(math.exp(CIRCUMPLEX_SHARPNESS * magnitude * cosine))
    total = sum(scores)
    return [score / total for score in scores]
