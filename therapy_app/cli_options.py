"""Command-line options that several commands declare alike, one type each.

NOTE: Typer reads these annotations at run time, so the modules that use them import them
outside ``TYPE_CHECKING``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

JsonFlag = Annotated[bool, typer.Option("--json", help="Print JSON.")]
WhoseJournal = Annotated[str, typer.Option("--user", help="Whose journal.")]
FirstDay = Annotated[str | None, typer.Option("--since", help="First day, YYYY-MM-DD.")]
LastDay = Annotated[str | None, typer.Option("--until", help="Last day, YYYY-MM-DD.")]
Pleasantness = Annotated[float | None, typer.Option("--valence", help="Pleasantness -1..1.")]
Energy = Annotated[float | None, typer.Option("--energy", help="Energy -1..1.")]
SenseOfControl = Annotated[float | None, typer.Option("--control", help="Sense of control -1..1.")]
JournalYears = Annotated[
    list[int] | None,
    typer.Option("--years", help="Journal lengths to measure (default 1 and 10).", min=1, max=10),
]
KeptJournals = Annotated[
    Path | None, typer.Option("--keep", help="Keep the seeded journals here and reuse them.")
]
EncoderBase = Annotated[
    Path | None,
    typer.Option(
        "--encoder-base",
        help="A folder of all-MiniLM-L6-v2 (model.safetensors and tokenizer.json), to "
        "fine-tune the sentence encoder from (about 9 minutes on two cores each time).",
    ),
]
