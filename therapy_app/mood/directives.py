"""Art directives written for this project: an invitation to make a picture, the mood the
painter is suggested to start from (which the person can always change) and questions to
reflect on afterwards. They are invitations to make art, never a test or a diagnosis.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from therapy_app.errors import InvalidInputError
from therapy_app.mood.checkin import CheckIn, FeelingChoice
from therapy_app.mood.feelings import Primary

# Plutchik's wheel: each primary emotion faces its opposite.
OPPOSITE_PRIMARY = {
    Primary.JOY: Primary.SADNESS,
    Primary.SADNESS: Primary.JOY,
    Primary.TRUST: Primary.DISGUST,
    Primary.DISGUST: Primary.TRUST,
    Primary.FEAR: Primary.ANGER,
    Primary.ANGER: Primary.FEAR,
    Primary.SURPRISE: Primary.ANTICIPATION,
    Primary.ANTICIPATION: Primary.SURPRISE,
}


class SuggestionSource(enum.StrEnum):
    FIXED = "fixed"  # the feelings and scales written in the directive
    CHECK_IN = "check-in"  # how the person said they felt at the start of the session
    OPPOSITE = "opposite"  # the mirror of that check-in


@dataclass(frozen=True)
class Suggestion:
    """Where the painter starts for an art prompt; the person changes it as they like."""

    source: SuggestionSource = SuggestionSource.FIXED
    feelings: tuple[tuple[str, int], ...] = ()
    valence: float = 0.0
    energy: float = 0.0
    control: float = 0.0

    def resolve(self, before: CheckIn | None) -> CheckIn:
        """The suggested conditioning as a check-in (what the art engine paints from)."""
        if self.source is SuggestionSource.FIXED or before is None:
            return CheckIn(
                feelings=tuple(FeelingChoice(word, level) for word, level in self.feelings),
                valence=self.valence,
                energy=self.energy,
                control=self.control,
            )
        if self.source is SuggestionSource.CHECK_IN:
            return CheckIn(
                feelings=before.feelings,
                valence=before.resolved_valence(),
                energy=before.resolved_energy(),
                control=before.resolved_control(),
            )
        return opposite_of(before)

    def as_json(self) -> dict[str, object]:
        return {
            "source": self.source.value,
            "feelings": [list(pair) for pair in self.feelings],
            "valence": self.valence,
            "energy": self.energy,
            "control": self.control,
        }

    @classmethod
    def from_json(cls, data: dict[str, object]) -> Suggestion:
        return cls(
            SuggestionSource(str(data["source"])),
            tuple((str(word), int(level)) for word, level in data.get("feelings") or []),
            float(data.get("valence") or 0.0),
            float(data.get("energy") or 0.0),
            float(data.get("control") or 0.0),
        )


def opposite_of(check_in: CheckIn) -> CheckIn:
    """Each feeling's opposite primary at the same strength, and the scales mirrored."""
    opposites: dict[str, int] = {}
    for choice in check_in.feelings:
        word = OPPOSITE_PRIMARY[choice.feeling.primary].value
        opposites[word] = max(opposites.get(word, 0), choice.intensity)
    return CheckIn(
        feelings=tuple(FeelingChoice(word, level) for word, level in opposites.items()),
        valence=-check_in.resolved_valence(),
        energy=-check_in.resolved_energy(),
        control=-check_in.resolved_control(),
    )


@dataclass(frozen=True)
class ArtDirective:
    id: str
    title: str
    summary: str  # one line for the therapist choosing a template
    prompts: tuple[ArtPrompt, ...]
    reflections: tuple[str, ...]


@dataclass(frozen=True)
class ArtPrompt:
    text: str
    suggestion: Suggestion


def _fixed(*feelings: tuple[str, int], valence: float, energy: float, control: float) -> Suggestion:
    return Suggestion(SuggestionSource.FIXED, feelings, valence, energy, control)


FROM_CHECK_IN = Suggestion(SuggestionSource.CHECK_IN)
OPPOSITE = Suggestion(SuggestionSource.OPPOSITE)

DIRECTIVES: tuple[ArtDirective, ...] = (
    ArtDirective(
        "draw-your-week",
        "Draw your week",
        "The week behind you as one picture, started from today's check-in.",
        (
            ArtPrompt(
                "Let one picture hold the week behind you: its busy parts and its quiet "
                "ones. Start from how you feel now and move the feelings until the picture "
                "looks like the week.",
                FROM_CHECK_IN,
            ),
        ),
        (
            "Which part of the week takes up most of the picture?",
            "Is there something from the week that the picture leaves out?",
        ),
    ),
    ArtDirective(
        "safe-place",
        "A safe place",
        "A calm, protected place, real or imagined, to come back to.",
        (
            ArtPrompt(
                "Make a picture of a place where you feel safe and at ease. It can be real, "
                "remembered or invented. Change the colours until it feels like yours.",
                _fixed(("safe", 2), ("peaceful", 2), valence=0.6, energy=-0.4, control=0.5),
            ),
        ),
        (
            "What in this place makes it feel safe?",
            "How could you carry a little of it into an ordinary day?",
        ),
    ),
    ArtDirective(
        "feelings-as-weather",
        "Feelings as weather",
        "Today's feelings painted as a sky: sun, fog, storm or drizzle.",
        (
            ArtPrompt(
                "If your feelings today were weather, what would the sky be doing? Start from "
                "your check-in and let the painter find the weather.",
                FROM_CHECK_IN,
            ),
        ),
        (
            "What would the forecast for tomorrow say?",
            "What helps you get through this kind of weather?",
        ),
    ),
    ArtDirective(
        "feeling-and-opposite",
        "A feeling and its opposite",
        "Two pictures: how it feels now, and its mirror image on the wheel of feelings.",
        (
            ArtPrompt(
                "First, a picture of one feeling that is here today.",
                FROM_CHECK_IN,
            ),
            ArtPrompt(
                "Now its opposite. The painter suggests the mirror of your first picture; "
                "change it to the opposite as you know it.",
                OPPOSITE,
            ),
        ),
        (
            "What would it take to move a little from the first picture towards the second?",
            "Is there any of the second picture already in your life?",
        ),
    ),
    ArtDirective(
        "emotion-colour-wheel",
        "Emotion colour wheel",
        "The feelings of the week mixed on one canvas, each in its own colour.",
        (
            ArtPrompt(
                "Choose the feelings that were around lately; each brings its own colour. "
                "Make some stronger and some fainter until the mix looks like your week.",
                _fixed(
                    ("joy", 1),
                    ("trust", 1),
                    ("fear", 1),
                    ("sadness", 1),
                    ("anger", 1),
                    valence=0.0,
                    energy=0.2,
                    control=0.0,
                ),
            ),
        ),
        (
            "Which colour takes the most room? Which would you like more of?",
            "Did any colour surprise you?",
        ),
    ),
    ArtDirective(
        "scribble-chase",
        "Scribble chase",
        "A loose, fast picture with imperfection turned up, then finding shapes in it.",
        (
            ArtPrompt(
                "Let the picture be loose and quick: turn imperfection up, reroll a few "
                "times and keep the one where you can find a shape or a figure.",
                _fixed(("playful", 2), ("excited", 1), valence=0.3, energy=0.7, control=-0.1),
            ),
        ),
        (
            "What did you find in the scribble?",
            "How was it to let the picture be messy?",
        ),
    ),
    ArtDirective(
        "bridge",
        "Bridge",
        "A bridge from where you are now to where you would like to be.",
        (
            ArtPrompt(
                "Make a picture of a bridge: one side where you are now, the other where you "
                "would like to be. Start hopeful, then make it as steady or as shaky as it is.",
                _fixed(("hopeful", 2), ("determined", 1), valence=0.3, energy=0.2, control=0.3),
            ),
        ),
        (
            "What is on each side of the bridge?",
            "What would a first step onto it look like?",
        ),
    ),
    ArtDirective(
        "inside-outside",
        "Inside and outside",
        "What others see of you, and what you keep inside.",
        (
            ArtPrompt(
                "First the outside: how you think others see you these days.",
                _fixed(("content", 1), valence=0.2, energy=0.0, control=0.3),
            ),
            ArtPrompt(
                "Now the inside: what you carry that others may not see. Start from your check-in.",
                FROM_CHECK_IN,
            ),
        ),
        (
            "How far apart are the two pictures?",
            "Who, if anyone, gets to see the inside one?",
        ),
    ),
    ArtDirective(
        "letting-go",
        "Putting something down",
        "Something heavy set down for a while, and how that feels.",
        (
            ArtPrompt(
                "Think of something you have been carrying that you could put down for an "
                "hour. Make a picture of how it would feel to set it down.",
                _fixed(("relieved", 2), ("relaxed", 1), valence=0.4, energy=-0.3, control=0.3),
            ),
        ),
        (
            "What would you do with the hour?",
            "What would you need in order to put it down more often?",
        ),
    ),
    ArtDirective(
        "a-strength",
        "A strength of yours",
        "A quality that has carried you through something before.",
        (
            ArtPrompt(
                "Choose a strength that has helped you before, even once, and let the "
                "picture show it: bold, steady, bright or quiet.",
                _fixed(("proud", 2), ("determined", 2), valence=0.5, energy=0.3, control=0.7),
            ),
        ),
        (
            "When did this strength last show up?",
            "Who else has seen it in you?",
        ),
    ),
    ArtDirective(
        "kind-note",
        "A kind picture for a hard day",
        "A picture to give yourself, or someone you care about, on a hard day.",
        (
            ArtPrompt(
                "Make a picture you would like to receive on a hard day: warm, gentle, "
                "whatever kindness looks like to you.",
                _fixed(("supported", 2), ("loved", 1), valence=0.6, energy=-0.1, control=0.2),
            ),
        ),
        (
            "What would you write on the back of it?",
            "Who could you show it to?",
        ),
    ),
    ArtDirective(
        "tension-release",
        "Tension and release",
        "Two pictures: a knot of tension, then the same knot loosened.",
        (
            ArtPrompt(
                "First the tension: tight, sharp, crowded.",
                _fixed(("tense", 3), ("stressed", 2), valence=-0.5, energy=0.7, control=-0.3),
            ),
            ArtPrompt(
                "Then the release: the same picture with the knot loosened.",
                _fixed(("relaxed", 2), ("relieved", 1), valence=0.5, energy=-0.5, control=0.4),
            ),
        ),
        (
            "Where in your body do you notice the tension, if anywhere?",
            "What loosens it a little, even for a moment?",
        ),
    ),
    ArtDirective(
        "road-ahead",
        "The road ahead",
        "The coming weeks as a road: curious, uncertain, open.",
        (
            ArtPrompt(
                "Make a picture of the road ahead for the next few weeks. What is around the "
                "bend? Let the feelings be as mixed as they are.",
                _fixed(("curious", 2), ("hopeful", 1), valence=0.2, energy=0.3, control=0.1),
            ),
        ),
        (
            "What would you like to find on the road?",
            "What might you need to bring with you?",
        ),
    ),
    ArtDirective(
        "right-now",
        "Just this moment",
        "Only this moment, as it is, without changing it.",
        (
            ArtPrompt(
                "Paint this moment exactly as it is, nothing more. Your check-in is the "
                "starting point; change it only if it is not quite right.",
                FROM_CHECK_IN,
            ),
        ),
        (
            "What did you notice while making it?",
            "Is the moment the same now as when you started?",
        ),
    ),
)

BY_ID = {directive.id: directive for directive in DIRECTIVES}


def directive(directive_id: str) -> ArtDirective:
    found = BY_ID.get(directive_id)
    if found is None:
        msg = f"There is no art directive called '{directive_id}'."
        raise InvalidInputError(msg)
    return found
