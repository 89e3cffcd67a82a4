"""The `therapy-app bench pages` and `therapy-app bench clinic` commands.

NOTE: the benchmarks are imported inside the commands, so the CLI starts quickly.
"""

from __future__ import annotations

import json
from pathlib import Path  # noqa: TC003 (Typer reads the annotations at run time)
from typing import Annotated

import typer


def _echo(line: str) -> None:
    typer.echo(line, err=True)


def pages(
    years: Annotated[
        list[int] | None, typer.Option(help="Journal lengths to measure (default 1 and 10).")
    ] = None,
    repeats: Annotated[int, typer.Option(help="Timed calls per figure.")] = 7,
    keep: Annotated[
        Path | None, typer.Option(help="Keep the seeded journals here and reuse them.")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = True,
) -> None:
    """Time what the journal and gallery pages ask the services for, on long journals with a
    picture per entry (ten years: 7,300 entries; seeding takes about a minute).

    Example: therapy-app bench pages --years 10 --json
    """
    from therapy_app.bench import pages as bench

    del as_json
    lengths = years or [1, 10]
    if any(not 1 <= n <= 10 for n in lengths):
        msg = "Years must be between 1 and 10."
        raise typer.BadParameter(msg, param_hint="--years")
    if not 1 <= repeats <= 100:
        msg = "Repeats must be between 1 and 100."
        raise typer.BadParameter(msg, param_hint="--repeats")
    typer.echo(json.dumps(bench.benchmark(lengths, repeats, keep, _echo), sort_keys=True))


def register(bench_app: typer.Typer) -> None:
    bench_app.command("pages")(pages)
