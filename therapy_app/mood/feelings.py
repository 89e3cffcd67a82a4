"""Feelings vocabulary: eight primary emotions and finer feeling words.

Positions are in valence (unpleasant -1 .. pleasant 1), arousal (calm -1 .. energised 1)
and dominance (powerless -1 .. in control 1). Descriptions are this project's own words.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from therapy_app.emotions import PRIMARY_VAD


class Primary(StrEnum):
    JOY = "joy"
    TRUST = "trust"
    FEAR = "fear"
    SURPRISE = "surprise"
    SADNESS = "sadness"
    DISGUST = "disgust"
    ANGER = "anger"
    ANTICIPATION = "anticipation"


PRIMARIES: tuple[Primary, ...] = tuple(Primary)


@dataclass(frozen=True)
class PrimaryInfo:
    primary: Primary
    intensity_names: tuple[str, str, str]
    valence: float
    arousal: float
    dominance: float
    colour: str
    description: str


PRIMARY_INFO: dict[Primary, PrimaryInfo] = {
    info.primary: info
    for info in (
        PrimaryInfo(
            Primary.JOY,
            ("serenity", "joy", "ecstasy"),
            *PRIMARY_VAD["joy"],
            "#f2c14e",
            "Things feel good; warmth and lightness.",
        ),
        PrimaryInfo(
            Primary.TRUST,
            ("acceptance", "trust", "admiration"),
            *PRIMARY_VAD["trust"],
            "#8cc084",
            "Safe with someone or something; able to lean on it.",
        ),
        PrimaryInfo(
            Primary.FEAR,
            ("apprehension", "fear", "terror"),
            *PRIMARY_VAD["fear"],
            "#2e6b4f",
            "Something feels threatening, now or ahead.",
        ),
        PrimaryInfo(
            Primary.SURPRISE,
            ("distraction", "surprise", "amazement"),
            *PRIMARY_VAD["surprise"],
            "#7fb8d8",
            "Caught off guard; something unexpected happened.",
        ),
        PrimaryInfo(
            Primary.SADNESS,
            ("pensiveness", "sadness", "grief"),
            *PRIMARY_VAD["sadness"],
            "#3d5a98",
            "A sense of loss, heaviness or missing something.",
        ),
        PrimaryInfo(
            Primary.DISGUST,
            ("boredom", "disgust", "loathing"),
            *PRIMARY_VAD["disgust"],
            "#7b4f9d",
            "Pushing something away; it feels wrong or distasteful.",
        ),
        PrimaryInfo(
            Primary.ANGER,
            ("annoyance", "anger", "rage"),
            *PRIMARY_VAD["anger"],
            "#d1453b",
            "Something is unfair or in the way, and energy rises against it.",
        ),
        PrimaryInfo(
            Primary.ANTICIPATION,
            ("interest", "anticipation", "vigilance"),
            *PRIMARY_VAD["anticipation"],
            "#ef8a3c",
            "Leaning toward what is coming; looking ahead.",
        ),
    )
}


@dataclass(frozen=True)
class Feeling:
    word: str
    primary: Primary
    level: int  # how strong the word is on its own: 1 mild, 2 clear, 3 intense
    valence: float
    arousal: float
    dominance: float
    description: str


def _f(
    word: str, primary: Primary, level: int, vad: tuple[float, float, float], description: str
) -> Feeling:
    return Feeling(word, primary, level, *vad, description)


J, T, F, SU, SA, D, A, AN = PRIMARIES

FEELINGS: tuple[Feeling, ...] = (
    _f("content", J, 1, (0.6, -0.3, 0.4), "Enough is enough; nothing needs to change."),
    _f("peaceful", J, 1, (0.65, -0.65, 0.35), "Quiet inside, without tension."),
    _f("relaxed", J, 1, (0.6, -0.55, 0.45), "Loose and at ease in body and mind."),
    _f("relieved", J, 1, (0.5, -0.35, 0.3), "A weight has lifted."),
    _f("happy", J, 2, (0.8, 0.3, 0.45), "Glad about how things are."),
    _f("cheerful", J, 2, (0.75, 0.45, 0.4), "Bright and light-hearted."),
    _f("grateful", J, 2, (0.7, 0.05, 0.2), "Thankful for something or someone."),
    _f("proud", J, 2, (0.7, 0.4, 0.75), "Pleased with what you did or who you are."),
    _f("playful", J, 2, (0.7, 0.6, 0.5), "In the mood for fun and lightness."),
    _f("excited", J, 3, (0.75, 0.85, 0.5), "Buzzing with good energy."),
    _f("elated", J, 3, (0.9, 0.7, 0.55), "Lifted high; everything shines."),
    _f("blissful", J, 3, (0.95, 0.2, 0.45), "Deep, full happiness."),
    _f("safe", T, 1, (0.5, -0.45, 0.3), "Protected; no need to be on guard."),
    _f("accepted", T, 1, (0.55, -0.2, 0.2), "Welcome as you are."),
    _f("supported", T, 2, (0.6, -0.05, 0.35), "Someone has your back."),
    _f("connected", T, 2, (0.7, 0.15, 0.3), "Close to others, part of something."),
    _f("secure", T, 2, (0.6, -0.3, 0.55), "Steady ground under your feet."),
    _f("understood", T, 2, (0.65, -0.1, 0.25), "Someone really got what you meant."),
    _f("respected", T, 2, (0.6, 0.1, 0.6), "Taken seriously and valued."),
    _f("loved", T, 3, (0.9, 0.25, 0.4), "Cared for, deeply."),
    _f("worried", F, 1, (-0.5, 0.4, -0.4), "Thoughts keep returning to what might go wrong."),
    _f("nervous", F, 1, (-0.4, 0.6, -0.35), "Jittery before something."),
    _f("insecure", F, 1, (-0.5, 0.2, -0.6), "Unsure of yourself or your place."),
    _f("tense", F, 1, (-0.4, 0.5, -0.15), "Tight, braced, unable to let go."),
    _f("vulnerable", F, 1, (-0.35, 0.1, -0.65), "Exposed, easily hurt."),
    _f("anxious", F, 2, (-0.6, 0.65, -0.5), "Uneasy, with a restless dread."),
    _f("scared", F, 2, (-0.7, 0.7, -0.6), "Afraid of something specific."),
    _f("overwhelmed", F, 2, (-0.6, 0.55, -0.75), "Too much at once; hard to cope."),
    _f("stressed", F, 2, (-0.55, 0.6, -0.3), "Under pressure from demands."),
    _f("panicked", F, 3, (-0.85, 0.95, -0.85), "Sudden, flooding fear."),
    _f("confused", SU, 1, (-0.2, 0.35, -0.35), "Things do not add up."),
    _f("unsettled", SU, 1, (-0.3, 0.4, -0.25), "Shaken out of the usual."),
    _f("curious", SU, 1, (0.45, 0.4, 0.2), "Wanting to find out more."),
    _f("startled", SU, 2, (0.0, 0.8, -0.3), "Jolted by something sudden."),
    _f("shocked", SU, 3, (-0.35, 0.9, -0.45), "Hit hard by the unexpected."),
    _f("amazed", SU, 3, (0.65, 0.8, 0.05), "Struck with wonder."),
    _f("awestruck", SU, 3, (0.6, 0.55, -0.2), "Small before something vast or beautiful."),
    _f("melancholy", SA, 1, (-0.4, -0.45, -0.2), "A quiet, wistful sadness."),
    _f("down", SA, 1, (-0.5, -0.4, -0.3), "Low, flat, not much light."),
    _f("nostalgic", SA, 1, (0.05, -0.3, -0.1), "Missing how things were."),
    _f("tired", SA, 1, (-0.3, -0.75, -0.25), "Drained; running on little."),
    _f("lonely", SA, 2, (-0.6, -0.3, -0.4), "Wanting company and not having it."),
    _f("disappointed", SA, 2, (-0.5, -0.15, -0.3), "It did not turn out as hoped."),
    _f("hurt", SA, 2, (-0.65, 0.2, -0.45), "Wounded by what someone did or said."),
    _f("empty", SA, 2, (-0.6, -0.65, -0.45), "Hollow; feelings seem far away."),
    _f("numb", SA, 2, (-0.4, -0.7, -0.5), "Cut off from feeling anything."),
    _f("exhausted", SA, 2, (-0.5, -0.85, -0.45), "Completely spent."),
    _f("heartbroken", SA, 3, (-0.9, -0.05, -0.6), "A deep ache of loss."),
    _f("hopeless", SA, 3, (-0.85, -0.5, -0.75), "Unable to see a way things get better."),
    _f("uncomfortable", D, 1, (-0.4, 0.2, -0.2), "Something sits wrong."),
    _f("embarrassed", D, 1, (-0.5, 0.45, -0.5), "Self-conscious after being seen."),
    _f("judged", D, 1, (-0.5, 0.3, -0.4), "Looked down on by others."),
    _f("ashamed", D, 2, (-0.7, 0.2, -0.65), "Feeling bad about who you are."),
    _f("guilty", D, 2, (-0.6, 0.25, -0.45), "Feeling bad about something you did."),
    _f("contemptuous", D, 2, (-0.45, 0.3, 0.55), "Looking down on someone or something."),
    _f("repulsed", D, 3, (-0.75, 0.5, 0.1), "Strongly pushed away, even physically."),
    _f("irritated", A, 1, (-0.45, 0.5, 0.2), "Rubbed the wrong way."),
    _f("impatient", A, 1, (-0.3, 0.6, 0.15), "Waiting is hard right now."),
    _f("defensive", A, 1, (-0.4, 0.5, 0.05), "Guarding against criticism."),
    _f("frustrated", A, 2, (-0.6, 0.6, -0.05), "Blocked from what you want."),
    _f("resentful", A, 2, (-0.6, 0.4, 0.1), "Holding on to an old unfairness."),
    _f("bitter", A, 2, (-0.65, 0.3, 0.0), "Sour after being let down."),
    _f("jealous", A, 2, (-0.55, 0.55, -0.15), "Afraid of losing something to someone."),
    _f("furious", A, 3, (-0.8, 0.95, 0.55), "Burning anger."),
    _f("focused", AN, 1, (0.4, 0.3, 0.5), "Attention gathered on one thing."),
    _f("restless", AN, 1, (-0.15, 0.65, 0.0), "Unable to settle; itching to move."),
    _f("hopeful", AN, 2, (0.6, 0.25, 0.2), "Expecting things can get better."),
    _f("eager", AN, 2, (0.6, 0.65, 0.4), "Keen to get started."),
    _f("optimistic", AN, 2, (0.7, 0.3, 0.45), "Expecting good things."),
    _f("motivated", AN, 2, (0.6, 0.6, 0.6), "Ready to act on something."),
    _f("determined", AN, 3, (0.45, 0.65, 0.8), "Set on seeing it through."),
    _f("inspired", AN, 3, (0.8, 0.7, 0.5), "Filled with ideas and drive."),
)

FEELINGS_BY_WORD: dict[str, Feeling] = {feeling.word: feeling for feeling in FEELINGS}


def primary_feeling(primary: Primary) -> Feeling:
    """The primary emotion as a selectable feeling at its middle position."""
    info = PRIMARY_INFO[primary]
    return Feeling(
        primary.value, primary, 2, info.valence, info.arousal, info.dominance, info.description
    )


ALL_FEELINGS: dict[str, Feeling] = {
    **{primary.value: primary_feeling(primary) for primary in PRIMARIES},
    **FEELINGS_BY_WORD,
}


def feeling_label(word: str, intensity: int) -> str:
    """A feeling at intensity 1 / 2 / 3 in words: serenity / joy / ecstasy for a primary,
    "a little calm" / "calm" / "very calm" for a finer word."""
    feeling = ALL_FEELINGS[word]
    if word == feeling.primary.value:
        return PRIMARY_INFO[feeling.primary].intensity_names[intensity - 1]
    return ("a little ", "", "very ")[intensity - 1] + word


def lookup(word: str) -> Feeling | None:
    return ALL_FEELINGS.get(word.strip().lower())
