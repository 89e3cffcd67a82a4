"""Plutchik's eight primary emotions, in the conditioning vector's order, and where each sits
on the valence-arousal-dominance axes (each -1..1): the one table that the feelings vocabulary
(mood/) and the art engine (art/) both read, so neither layer imports the other."""

PRIMARY_VAD: dict[str, tuple[float, float, float]] = {
    "joy": (0.8, 0.45, 0.4),
    "trust": (0.6, -0.15, 0.3),
    "fear": (-0.65, 0.6, -0.6),
    "surprise": (0.1, 0.75, -0.15),
    "sadness": (-0.7, -0.5, -0.4),
    "disgust": (-0.6, 0.15, 0.15),
    "anger": (-0.6, 0.8, 0.5),
    "anticipation": (0.4, 0.5, 0.3),
}
