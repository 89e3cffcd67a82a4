"""The `therapy-app bench pages` and `therapy-app bench clinic` commands.

NOTE: the benchmarks are imported inside the commands, so the CLI starts quickly.
"""

from __future__ import annotations

import json
from typing import Annotated

import typer

from therapy_app.cli_options import JournalYears, JsonFlag, KeptJournals


def _echo(line: str) -> None:
    typer.echo(line, err=True)


def pages(
    years: JournalYears = None,
    repeats: Annotated[int, typer.Option(help="Timed calls per figure.", min=1, max=100)] = 7,
    keep: KeptJournals = None,
    as_json: JsonFlag = True,
) -> None:
    """Time what the journal and gallery pages ask the services for, on long journals with a
    picture per entry (ten years: 7,300 entries; seeding takes about a minute).

    Example: therapy-app bench pages --years 10 --json
    """
    from therapy_app.bench import pages as bench

    del as_json
    lengths = years or [1, 10]
    typer.echo(json.dumps(bench.benchmark(lengths, repeats, keep, _echo), sort_keys=True))


def clinic(
    database_url: Annotated[
        str | None,
        typer.Option(
            help="A running PostgreSQL to use (a schema of its own; Fault C restarts the local "
            "cluster). Default: a throwaway server of the benchmark's own."
        ),
    ] = None,
    clients: Annotated[int, typer.Option(help="Clients, each with a journal.")] = 300,
    therapists: Annotated[int, typer.Option(help="Therapists.")] = 20,
    per_therapist: Annotated[int, typer.Option(help="Consenting clients per therapist.")] = 15,
    days: Annotated[int, typer.Option(help="Days of journal per client.")] = 365,
    workers: Annotated[int, typer.Option(help="Concurrent workers in Load A.")] = 32,
    processes: Annotated[int, typer.Option(help="App processes (Load A and B).")] = 3,
    seconds: Annotated[float, typer.Option(help="Length of Load A.")] = 180,
    fault_seconds: Annotated[
        float, typer.Option(help="Length of Fault C, restarting PostgreSQL (0: skip).")
    ] = 60,
    browsers: Annotated[int, typer.Option(help="Chromium sessions in Load B (0: skip).")] = 12,
    browser_seconds: Annotated[float, typer.Option(help="Length of Load B.")] = 150,
    as_json: JsonFlag = True,
) -> None:
    """A clinic on PostgreSQL under load and faults: seed, Load A (services), Load B
    (browsers through nginx, one process killed), Fault C (PostgreSQL restarted).

    Example: therapy-app bench clinic --clients 100 --seconds 60 --json
    """
    from therapy_app.bench import clinic as bench

    del as_json
    plan = bench.Plan(
        clients,
        therapists,
        per_therapist,
        days,
        workers,
        processes,
        seconds,
        fault_seconds,
        browsers,
        browser_seconds,
    )
    problem = bench.problem_with(plan)
    if problem:
        raise typer.BadParameter(problem[1], param_hint=problem[0])
    if database_url is not None and not database_url.startswith("postgresql"):
        msg = "The clinic benchmark runs on PostgreSQL: give a postgresql+psycopg:// URL."
        raise typer.BadParameter(msg, param_hint="--database-url")
    typer.echo(json.dumps(bench.benchmark(plan, database_url, _echo), sort_keys=True))


def register(bench_app: typer.Typer) -> None:
    bench_app.command("pages")(pages)
    bench_app.command("clinic")(clinic)
