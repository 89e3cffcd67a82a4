"""The quick mood and the three scales (pleasantness, energy, sense of control)."""

from enum import IntEnum


class QuickMood(IntEnum):
    AWFUL = 1
    BAD = 2
    OKAY = 3
    GOOD = 4
    GREAT = 5

    @property
    def label(self) -> str:
        return self.name.lower()


# (valence, energy) that a single tap stands for.
QUICK_MOOD_POSITION: dict[QuickMood, tuple[float, float]] = {
    QuickMood.AWFUL: (-0.85, -0.2),
    QuickMood.BAD: (-0.45, -0.1),
    QuickMood.OKAY: (0.0, 0.0),
    QuickMood.GOOD: (0.45, 0.15),
    QuickMood.GREAT: (0.85, 0.35),
}


def quick_mood_from_valence(valence: float) -> QuickMood:
    """The nearest quick mood for a pleasantness value (used by imports and summaries)."""
    return min(QuickMood, key=lambda mood: abs(QUICK_MOOD_POSITION[mood][0] - valence))
