"""`therapy-app bench clinic`: a clinic's PostgreSQL under load and faults.

Seeds a schema of its own (therapists, clients with a year of check-ins and pictures, consent
links), then Load A: worker threads in several processes (as app processes would be) doing
a clinic's mix through the services, timed per operation, every acknowledged write checked
afterwards; Fault C: the same load while PostgreSQL restarts, failures retried, recovery
timed; and the memory each process holds. Load B (browsers through nginx) is in
``clinic_browsers``."""

from __future__ import annotations

import base64
import multiprocessing
import os
import random
import secrets
import statistics
import subprocess
import threading
import time
import uuid
from collections import defaultdict
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import create_engine, func, select, text
from sqlalchemy.exc import DBAPIError

from therapy_app.bench.cpu import CpuMeter, Process
from therapy_app.bench.postgres import start_private_server
from therapy_app.bench.seed import Pictures, seed_journal
from therapy_app.config import Settings
from therapy_app.errors import TherapyAppError
from therapy_app.journal.models import Artwork, Base, Entry, Role, Tag, entry_tags
from therapy_app.journal.sealed import tag_key
from therapy_app.mood.checkin import CheckIn, FeelingChoice
from therapy_app.mood.normalise import normalise
from therapy_app.mood.safety import rules_and_model
from therapy_app.mood.scales import QuickMood
from therapy_app.mood.text_training import load_corpus
from therapy_app.services import accounts, artworks, entries, insights, review, sharing
from therapy_app.services.context import open_app
from therapy_app.services.demo import PASSWORD, ZONE

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

    from therapy_app.services.actor import Actor
    from therapy_app.services.context import AppContext

NO_DATABASE = (
    "PostgreSQL is not reachable at {url} ({reason}). Start it "
    "(pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start), or leave out "
    "--database-url to have the benchmark run a server of its own."
)
# Fault C on a server given with --database-url: the local Debian cluster is restarted
RESTART_LOCAL = "pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main restart"
TARGETS = {"p95_ms_check_in_and_pages": 300, "errors": 0, "lost_writes": 0, "recovery_s": 10}
# The mix of a clinic's day, by weight: clients check in (some with a picture), page their
# journal and open the timeline; therapists open their caseload and review a client.
MIX = {
    "check_in": 30,
    "art_save": 10,
    "journal_page": 20,
    "timeline_data": 15,
    "caseload": 10,
    "client_review": 15,
}
ART_TAG = "made-art"  # marks the check-ins saved with a picture, to find half-written ones
RETRY_SECONDS = 0.5
NOTES = 400  # distinct notes the check-ins are written with
PAGES = ("check_in", "art_save", "journal_page", "timeline_data", "client_review")


@dataclass(frozen=True)
class Plan:
    clients: int = 300
    therapists: int = 20
    per_therapist: int = 15
    days: int = 365
    workers: int = 32
    processes: int = 3
    seconds: float = 180
    fault_seconds: float = 60  # 0: no PostgreSQL restart
    browsers: int = 12  # 0: no Load B
    browser_seconds: float = 150


def problem_with(plan: Plan) -> tuple[str, str] | None:
    """The option and why, when a plan cannot run."""
    if plan.clients < 1 or plan.therapists < 1:
        return "--clients", "A clinic needs at least one client and one therapist."
    if plan.therapists * plan.per_therapist > plan.clients:
        return "--per-therapist", "Therapists cannot have more consenting clients than exist."
    if plan.per_therapist < 1:
        return "--per-therapist", "Each therapist needs at least one consenting client."
    if not 1 <= plan.processes <= plan.workers:
        return "--processes", "Use at least one process and no more processes than workers."
    if plan.days < 1 or plan.seconds <= 0:
        return "--days", "Days and seconds must be positive."
    return None


@dataclass(frozen=True)
class Roster:
    clients: tuple[Actor, ...]
    therapists: tuple[Actor, ...]
    # therapist id -> their consenting clients
    caseloads: dict[str, tuple[str, ...]]


@dataclass
class Tally:
    """What one load process saw."""

    samples: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    errors: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    acknowledged: list[str] = field(default_factory=list)
    with_art: list[str] = field(default_factory=list)
    successes: list[float] = field(default_factory=list)  # wall-clock times
    memory: dict[str, float] = field(default_factory=dict)


def settings_for(url: str, key: str, home: Path) -> Settings:
    return Settings(home, url, home / "journal.key", key, None)


class Schema:
    """A schema of its own in the database, dropped afterwards."""

    def __init__(self, base_url: str) -> None:
        self.base_url = base_url
        self.name = f"bench_clinic_{uuid.uuid4().hex[:10]}"
        try:
            self.admin = create_engine(base_url, isolation_level="AUTOCOMMIT", pool_pre_ping=True)
            with self.admin.connect() as connection:
                connection.execute(text(f'CREATE SCHEMA "{self.name}"'))
        except DBAPIError as error:
            reason = str(error.orig).strip().splitlines()[0] if error.orig else "no answer"
            raise TherapyAppError(NO_DATABASE.format(url=base_url, reason=reason)) from None

    @property
    def url(self) -> str:
        joiner = "&" if "?" in self.base_url else "?"
        return f"{self.base_url}{joiner}options=-csearch_path%3D{self.name}"

    def analyze(self) -> None:
        """The planner's statistics for the seeded tables. A clinic's database has them from
        autovacuum; right after seeding (or where autovacuum is off, as on this project's
        machines) PostgreSQL would guess, and scan every journal's tag links for one."""
        with self.admin.connect() as connection:
            for table in Base.metadata.sorted_tables:
                connection.execute(text(f'ANALYZE "{self.name}"."{table.name}"'))

    def drop(self) -> None:
        with self.admin.connect() as connection:
            connection.execute(text(f'DROP SCHEMA "{self.name}" CASCADE'))
        self.admin.dispose()


def _seed_accounts(ctx: AppContext, plan: Plan) -> Roster:
    clients = tuple(
        accounts.create_user(ctx, f"client-{n}", PASSWORD, Role.CLIENT, f"Client {n}", ZONE)
        for n in range(plan.clients)
    )
    therapists = tuple(
        accounts.create_user(ctx, f"therapist-{n}", PASSWORD, Role.THERAPIST, f"Dr {n}", ZONE)
        for n in range(plan.therapists)
    )
    caseloads: dict[str, tuple[str, ...]] = {}
    for number, therapist in enumerate(therapists):
        theirs = clients[number * plan.per_therapist : (number + 1) * plan.per_therapist]
        for client in theirs:
            code = sharing.create_invite(ctx, therapist)
            sharing.redeem_invite(ctx, client, code, sharing.Scope(True, True, True))
        caseloads[therapist.user_id] = tuple(client.user_id for client in theirs)
    return Roster(clients, therapists, caseloads)


def _seed_some(settings: Settings, owner_ids: list[str], days: int) -> int:
    ctx = open_app(settings)
    pictures = Pictures.make()
    try:
        return sum(
            seed_journal(ctx, owner, days, pictures, seed=number, times_a_day=1)
            for number, owner in enumerate(owner_ids)
        )
    finally:
        ctx.dispose()


def seed(settings: Settings, plan: Plan, echo: Callable[[str], None]) -> tuple[Roster, dict]:
    """Accounts, consent links and journals (one check-in a day, each with a picture)."""
    started = time.perf_counter()
    ctx = open_app(settings)
    try:
        roster = _seed_accounts(ctx, plan)
    finally:
        ctx.dispose()
    echo(f"  accounts and links in {time.perf_counter() - started:.0f} s")
    owners = [client.user_id for client in roster.clients]
    shares = [(settings, owners[n :: plan.processes], plan.days) for n in range(plan.processes)]
    with multiprocessing.get_context("spawn").Pool(plan.processes) as pool:
        written = sum(pool.starmap(_seed_some, shares))
    seconds = time.perf_counter() - started
    echo(f"  {written} entries with pictures in {seconds:.0f} s")
    return roster, {"entries": written, "pictures": written, "seconds": round(seconds, 1)}


def journal_notes(count: int = NOTES) -> tuple[str, ...]:
    """Notes as people write them: the package's corpus of everyday journal sentences of
    every feeling, a fixed sample. Their risk reading costs what real notes' does: the
    sentence encoder reads the few the first two readers are unsure of (``encoder_share``)."""
    lines = sorted(line.text for line in load_corpus().feelings)
    return tuple(random.Random(0).sample(lines, min(count, len(lines))))


def encoder_share(notes: tuple[str, ...]) -> float:
    """The share of ``notes`` whose risk reading asks the sentence encoder."""
    wanted = [rules_and_model(normalise(note)).wants_encoder for note in notes]
    return round(sum(wanted) / max(len(wanted), 1), 3)


def _check_in(rng: random.Random, note: str, with_art: bool) -> CheckIn:
    tags = tuple(rng.sample(("walk", "work", "sleep", "friends", "family"), rng.randint(0, 2)))
    return CheckIn(
        quick_mood=rng.choice(list(QuickMood)),
        feelings=(FeelingChoice(rng.choice(("content", "anxious", "tired", "hopeful")), 2),),
        tags=(*tags, ART_TAG) if with_art else tags,
        note=note,
    )


class Operations:
    """The mix, as one process's app would call the services."""

    def __init__(self, ctx: AppContext, roster: Roster, tally: Tally, picture: bytes) -> None:
        self.ctx, self.roster, self.tally = ctx, roster, tally
        self.art = artworks.NewArtwork(picture, {"model_version": "bench-clinic"})
        self.notes = journal_notes()
        self.lock = threading.Lock()

    def run(self, name: str, rng: random.Random) -> None:
        getattr(self, name)(rng)

    def _client(self, rng: random.Random) -> Actor:
        return rng.choice(self.roster.clients)

    def _acknowledge(self, entry_id: str, with_art: bool) -> None:
        with self.lock:
            self.tally.acknowledged.append(entry_id)
            if with_art:
                self.tally.with_art.append(entry_id)

    def check_in(self, rng: random.Random) -> None:
        written = _check_in(rng, rng.choice(self.notes), with_art=False)
        saved = entries.check_in(self.ctx, self._client(rng), written)
        self._acknowledge(saved.id, with_art=False)

    def art_save(self, rng: random.Random) -> None:
        client = self._client(rng)
        written = _check_in(rng, rng.choice(self.notes), with_art=True)
        saved = entries.check_in(self.ctx, client, written, self.art)
        self._acknowledge(saved.id, with_art=True)

    def journal_page(self, rng: random.Random) -> None:
        client = self._client(rng)
        entries.tag_usage(self.ctx, client)
        query = entries.EntryQuery(offset=10 * rng.randint(0, 5), limit=10)
        page = entries.list_entries(self.ctx, client, query)
        pictured = [view.id for view in page.items if view.artwork_ids]
        artworks.entry_thumbnails(self.ctx, client, pictured)

    def timeline_data(self, rng: random.Random) -> None:
        client = self._client(rng)
        data = insights.journal_insights(self.ctx, client)
        insights.window(self.ctx, client, data.entries)

    def caseload(self, rng: random.Random) -> None:
        review.caseload(self.ctx, rng.choice(self.roster.therapists))

    def client_review(self, rng: random.Random) -> None:
        therapist = rng.choice(self.roster.therapists)
        client_id = rng.choice(self.roster.caseloads[therapist.user_id])
        review.client_page(self.ctx, therapist, client_id)
        data = insights.journal_insights(self.ctx, therapist, owner_id=client_id)
        insights.window(self.ctx, therapist, data.entries, owner_id=client_id)
        entries.list_entries(self.ctx, therapist, entries.EntryQuery(limit=30), client_id)


def _memory_mb() -> dict[str, float]:
    """This process's resident memory now and at its peak (Linux)."""
    fields = {}
    for line in Path("/proc/self/status").read_text(encoding="utf-8").splitlines():
        name, _, value = line.partition(":")
        if name in {"VmRSS", "VmHWM"}:
            fields[name] = round(int(value.split()[0]) / 1024, 1)
    return {"rss_mb": fields.get("VmRSS", 0.0), "peak_mb": fields.get("VmHWM", 0.0)}


def _worker(operations: Operations, tally: Tally, until: float, seed: int) -> None:
    """One simulated user at a time: an operation, retried while the database is away."""
    rng = random.Random(seed)
    names, weights = zip(*MIX.items(), strict=True)
    while time.time() < until:
        name = rng.choices(names, weights)[0]
        while time.time() < until:
            started = time.perf_counter()
            try:
                operations.run(name, rng)
            except DBAPIError:  # the database is away: a clean failure, tried again
                tally.errors[f"{name}:database"] += 1
                time.sleep(RETRY_SECONDS)
                continue
            except Exception as error:  # noqa: BLE001 (counted by kind; the run must go on)
                tally.errors[f"{name}:{type(error).__name__}"] += 1
                break
            tally.samples[name].append((time.perf_counter() - started) * 1000)
            tally.successes.append(time.time())
            break


def load_process(
    settings: Settings,
    roster: Roster,
    threads: int,
    seconds: float,
    seed: int,
    ready: threading.Barrier,
) -> Tally:
    """One app process's share of the load (run in its own process), started together with
    the others once every process has opened the database."""
    ctx = open_app(settings)
    tally = Tally()
    operations = Operations(ctx, roster, tally, Pictures.make().full.image)
    ready.wait()
    until = time.time() + seconds
    workers = [
        threading.Thread(target=_worker, args=(operations, tally, until, seed * 1000 + n))
        for n in range(threads)
    ]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    tally.memory = _memory_mb()
    ctx.dispose()
    tally.samples, tally.errors = dict(tally.samples), dict(tally.errors)
    return tally


def _percentiles(samples: list[float]) -> dict[str, float]:
    if not samples:
        return {"count": 0}
    ordered = sorted(samples)

    def at(share: float) -> float:
        return round(ordered[min(len(ordered) - 1, int(share * len(ordered)))], 1)

    return {
        "count": len(ordered),
        "p50_ms": at(0.5),
        "p95_ms": at(0.95),
        "p99_ms": at(0.99),
        "mean_ms": round(statistics.fmean(ordered), 1),
    }


def run_load(
    settings: Settings,
    roster: Roster,
    plan: Plan,
    seconds: float,
    meanwhile: Callable[[], None] | None = None,
) -> list[Tally]:
    """The load for ``seconds`` in ``plan.processes`` processes (``meanwhile`` runs here once
    they have started); returns their tallies."""
    threads = [plan.workers // plan.processes] * plan.processes
    for n in range(plan.workers % plan.processes):
        threads[n] += 1
    spawn = multiprocessing.get_context("spawn")
    with spawn.Manager() as manager, spawn.Pool(plan.processes) as pool:
        ready = manager.Barrier(plan.processes + 1)
        arguments = [
            (settings, roster, count, seconds, n, ready) for n, count in enumerate(threads)
        ]
        running = pool.starmap_async(load_process, arguments)
        ready.wait()
        if meanwhile:
            meanwhile()
        return running.get()


def _merged(tallies: list[Tally]) -> Tally:
    merged = Tally()
    for tally in tallies:
        for name, samples in tally.samples.items():
            merged.samples[name].extend(samples)
        for name, count in tally.errors.items():
            merged.errors[name] += count
        merged.acknowledged.extend(tally.acknowledged)
        merged.with_art.extend(tally.with_art)
        merged.successes.extend(tally.successes)
    return merged


def _chunks(items: list[str], size: int = 1000) -> Iterator[list[str]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def check_writes(ctx: AppContext, roster: Roster, tally: Tally) -> dict[str, int]:
    """Every acknowledged entry present (with its picture where one was saved), and no
    check-in marked as saved with a picture that lacks it (half-written)."""
    with ctx.sessions() as session:
        present = sum(
            session.scalar(select(func.count()).where(Entry.id.in_(chunk))) or 0
            for chunk in _chunks(tally.acknowledged)
        )
        pictured = sum(
            session.scalar(
                select(func.count(func.distinct(Artwork.entry_id))).where(
                    Artwork.entry_id.in_(chunk)
                )
            )
            or 0
            for chunk in _chunks(tally.with_art)
        )
        marks = [tag_key(ctx.cipher, client.user_id, ART_TAG) for client in roster.clients]
        marked = (
            select(entry_tags.c.entry_id)
            .join(Tag, Tag.id == entry_tags.c.tag_id)
            .where(Tag.name_key.in_(marks))
        )
        half_written = session.scalar(
            select(func.count())
            .select_from(Entry)
            .where(Entry.id.in_(marked), ~Entry.id.in_(select(Artwork.entry_id)))
        )
    return {
        "acknowledged": len(tally.acknowledged),
        "lost": len(tally.acknowledged) - present,
        "acknowledged_with_art": len(tally.with_art),
        "lost_pictures": len(tally.with_art) - pictured,
        "half_written": half_written or 0,
    }


def _report(tallies: list[Tally], seconds: float) -> dict[str, object]:
    merged = _merged(tallies)
    operations = {name: _percentiles(merged.samples.get(name, [])) for name in MIX}
    total = sum(len(samples) for samples in merged.samples.values())
    return {
        "seconds": seconds,
        "throughput_per_s": round(total / seconds, 1),
        "operations": operations,
        "errors": dict(merged.errors),
        "memory_per_process": [tally.memory for tally in tallies],
    }


def _load_a_kind(process: Process) -> str | None:
    if process.name == "postgres":
        return "postgres"
    return "load_processes" if process.parent == os.getpid() else None


def _cpu_figures(seconds: dict[str, float], plan: Plan, operations: int) -> dict[str, object]:
    """CPU per operation, and the least mean time per operation any scheduling could give
    when every worker is always busy: workers x CPU per operation / cores (Little's law)."""
    per_operation = 1000 * sum(seconds.values()) / max(operations, 1)
    return {
        "cpu_seconds": seconds,
        "cpu_ms_per_operation": round(per_operation, 1),
        "least_mean_ms_on_these_cores": round(
            plan.workers * per_operation / (os.cpu_count() or 1), 1
        ),
    }


def load_a(settings: Settings, roster: Roster, plan: Plan) -> tuple[dict[str, object], Tally]:
    """Load A's figures, with the CPU its processes and PostgreSQL used; and what it saw."""
    with CpuMeter(_load_a_kind) as meter:
        tallies = run_load(settings, roster, plan, plan.seconds)
    report = _report(tallies, plan.seconds)
    merged = _merged(tallies)
    operations = sum(len(samples) for samples in merged.samples.values())
    return {**report, **_cpu_figures(meter.seconds, plan, operations)}, merged


def _wait_for_database(url: str, timeout: float = 60) -> float:
    """When PostgreSQL answers again (wall-clock time)."""
    engine = create_engine(url)
    deadline = time.time() + timeout
    try:
        while time.time() < deadline:
            try:
                with engine.connect() as connection:
                    connection.execute(text("SELECT 1"))
                return time.time()
            except DBAPIError:
                time.sleep(0.1)
    finally:
        engine.dispose()
    msg = f"PostgreSQL did not come back within {timeout:.0f} s of its restart."
    raise TherapyAppError(msg)


def restart_local_cluster() -> None:
    subprocess.run(RESTART_LOCAL, shell=True, check=True, capture_output=True)  # noqa: S602


def fault_c(
    settings: Settings, roster: Roster, plan: Plan, restart: Callable[[], None]
) -> tuple[dict[str, object], Tally]:
    """Load A while PostgreSQL restarts (``restart``) a third of the way in."""
    results: dict[str, float] = {}

    def restart_meanwhile() -> None:
        time.sleep(plan.fault_seconds / 3)
        results["restart_at"] = time.time()
        restart()
        results["back_at"] = _wait_for_database(settings.database_url)

    tallies = run_load(settings, roster, plan, plan.fault_seconds, meanwhile=restart_meanwhile)
    back = results["back_at"]
    recovery = [
        min((t for t in tally.successes if t >= back), default=float("inf")) - back
        for tally in tallies
    ]
    report = _report(tallies, plan.fault_seconds)
    unclean = {k: v for k, v in report["errors"].items() if not k.endswith(":database")}
    figures = {
        **report,
        "database_down_s": round(back - results["restart_at"], 1),
        "recovery_s": round(max(recovery), 2),
        "unclean_errors": unclean,
    }
    return figures, _merged(tallies)


def benchmark(plan: Plan, base_url: str | None, echo: Callable[[str], None]) -> dict[str, object]:
    """Seed, Load A, Load B and Fault C in a schema of their own, on ``base_url`` or (None)
    on a PostgreSQL server of the benchmark's own; the figures as a dict."""
    if plan.browsers:
        from therapy_app.bench.clinic_browsers import check_load_b_needs

        check_load_b_needs()  # before minutes of seeding
    with ExitStack() as stack:
        if base_url is None:
            echo("starting a PostgreSQL server of the benchmark's own")
            server = start_private_server()
            stack.callback(server.stop)
            return _benchmark_on(plan, server.url, server.restart, echo)
        return _benchmark_on(plan, base_url, restart_local_cluster, echo)


def _benchmark_on(
    plan: Plan, base_url: str, restart: Callable[[], None], echo: Callable[[str], None]
) -> dict[str, object]:
    schema = Schema(base_url)
    key = base64.b64encode(secrets.token_bytes(32)).decode()
    home = Path(os.environ.get("TMPDIR", "/tmp")) / schema.name  # noqa: S108
    settings = settings_for(schema.url, key, home)
    report: dict[str, object] = {
        "plan": plan.__dict__,
        "targets": TARGETS,
        "notes_read_by_encoder": encoder_share(journal_notes()),
    }
    try:
        echo(f"seeding {plan.clients} clients and {plan.therapists} therapists")
        roster, report["seed"] = seed(settings, plan, echo)
        schema.analyze()
        ctx = open_app(settings)
        try:
            echo(f"Load A: {plan.workers} workers for {plan.seconds:.0f} s")
            report["load_a"], tally = load_a(settings, roster, plan)
            report["load_a"]["writes"] = check_writes(ctx, roster, tally)
            if plan.browsers:
                from therapy_app.bench.clinic_browsers import load_b

                echo(f"Load B: {plan.browsers} browsers through nginx")
                try:
                    report["load_b"] = load_b(settings, roster, plan, echo)
                except Exception as error:  # noqa: BLE001 (reported; Load A's figures are kept)
                    report["load_b"] = {"failed": f"{type(error).__name__}: {error}"[:500]}
            if plan.fault_seconds:
                echo(f"Fault C: PostgreSQL restarted during {plan.fault_seconds:.0f} s of load")
                fault, tally = fault_c(settings, roster, plan, restart)
                fault["writes"] = check_writes(ctx, roster, tally)
                report["fault_c"] = fault
        finally:
            ctx.dispose()
    finally:
        schema.drop()
    report["meets_targets"] = _meets_targets(report)
    return report


def _meets_targets(report: dict[str, object]) -> bool:
    services = report["load_a"]
    fast = all(
        services["operations"][name].get("p95_ms", 0) <= TARGETS["p95_ms_check_in_and_pages"]
        for name in PAGES
    )
    clean = not services["errors"] and not services["writes"]["lost"]
    fault = report.get("fault_c")
    recovered = fault is None or (
        fault["recovery_s"] <= TARGETS["recovery_s"]
        and not fault["unclean_errors"]
        and not fault["writes"]["lost"]
        and not fault["writes"]["half_written"]
    )
    browsers = report.get("load_b")
    return (
        fast and clean and recovered and (browsers is None or bool(browsers.get("meets_targets")))
    )
