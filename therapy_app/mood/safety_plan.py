"""A personal safety plan: the six steps of the Stanley-Brown safety plan, in this
project's own words. The person writes it when calm, to use when things get hard."""

from __future__ import annotations

from dataclasses import dataclass, fields

from therapy_app.errors import InvalidInputError

MAX_ITEMS = 12
MAX_ITEM_CHARS = 300


@dataclass(frozen=True)
class PlanPart:
    title: str
    prompt: str


PARTS: dict[str, PlanPart] = {
    "warning_signs": PlanPart(
        "1. My warning signs",
        "Thoughts, feelings, situations or things I do that tell me a hard time may be coming.",
    ),
    "coping": PlanPart(
        "2. Things I can do on my own",
        "Ways to take my mind off things and calm down without anyone else: a walk, music, a "
        "shower, breathing slowly, making art.",
    ),
    "distractions": PlanPart(
        "3. People and places that take my mind off it",
        "People I can be around and places I can go (a café, a friend's kitchen, a park) "
        "without having to talk about how I feel.",
    ),
    "helpers": PlanPart(
        "4. People I can ask for help",
        "People I can tell that I am struggling, with their phone numbers.",
    ),
    "professionals": PlanPart(
        "5. Professionals and services I can contact",
        "My therapist, my doctor, a crisis line or an emergency department, with numbers and "
        "opening hours.",
    ),
    "safe_environment": PlanPart(
        "6. Making where I am safer",
        "What I can put away, lock up or give to someone else to keep, and who can help with it.",
    ),
}


@dataclass(frozen=True)
class SafetyPlan:
    """Each part a list of short lines, in the order the person wrote them."""

    warning_signs: tuple[str, ...] = ()
    coping: tuple[str, ...] = ()
    distractions: tuple[str, ...] = ()
    helpers: tuple[str, ...] = ()
    professionals: tuple[str, ...] = ()
    safe_environment: tuple[str, ...] = ()

    @property
    def is_empty(self) -> bool:
        return not any(getattr(self, name) for name in PARTS)

    def as_json(self) -> dict[str, list[str]]:
        return {name: list(getattr(self, name)) for name in PARTS}

    @classmethod
    def from_json(cls, data: dict[str, object]) -> SafetyPlan:
        return cls(**{f.name: tuple(str(x) for x in data.get(f.name) or []) for f in fields(cls)})


def lines_of(text: str) -> tuple[str, ...]:
    """A part typed as one line per item, blank lines dropped."""
    return tuple(line.strip() for line in text.splitlines() if line.strip())


def validate_safety_plan(plan: SafetyPlan) -> SafetyPlan:
    for name, part in PARTS.items():
        items = getattr(plan, name)
        if len(items) > MAX_ITEMS or any(len(item) > MAX_ITEM_CHARS for item in items):
            msg = (
                f"'{part.title}' holds at most {MAX_ITEMS} lines of {MAX_ITEM_CHARS} characters "
                "each; nothing was saved and your text is still here."
            )
            raise InvalidInputError(msg)
    return plan
