"""How the app words counts for people ("1 stroke", "3 strokes")."""


def counted(count: int, noun: str) -> str:
    """``count`` and ``noun``, plural unless the count is one (regular nouns only)."""
    return f"{count} {noun}{'' if count == 1 else 's'}"
