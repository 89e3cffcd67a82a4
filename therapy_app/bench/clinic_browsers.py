"""Load B of `therapy-app bench clinic`: app processes behind nginx (the clinic arrangement of
`deploy/clinic.py`) and headless chromium sessions that sign in, check in, make art and open
the timeline, round after round; halfway one app process is killed with SIGKILL. Each
session must stay on its process until then; the killed process's sessions come back on
another and are asked to sign in; no acknowledged check-in is lost; the others go on."""

from __future__ import annotations

import asyncio
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import tempfile
import threading
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import func, select

from therapy_app.bench.app import CHECK_IN_DONE, TIMELINE_DONE, USABLE
from therapy_app.bench.art_page import SHOWN
from therapy_app.bench.browser import CHROMIUM, CHROMIUM_FLAGS, require_chromium
from therapy_app.bench.cpu import CpuMeter, Process
from therapy_app.deploy import clinic
from therapy_app.deploy.site import Site
from therapy_app.errors import TherapyAppError
from therapy_app.journal.models import Entry
from therapy_app.services.context import open_app
from therapy_app.services.demo import PASSWORD

if TYPE_CHECKING:
    from collections.abc import Callable

    from playwright.async_api import Browser, Page

    from therapy_app.bench.clinic import Plan, Roster
    from therapy_app.config import Settings

TARGET_MAKE_ART_P95_MS = 3000
SIGN_IN_WORDS = "A quiet place"
SAVED_WORDS = "That's a complete check-in"
SIGNED_IN_WORDS = "Signed in as"
STEP_MS = 40_000
WARM_UP_MS = 300_000  # twelve first sign-ins and first paintings on a busy machine
BROWSER_COOKIE = re.compile(r"therapy_app_(\d+)_browser")
MEMORY_EVERY_S = 60  # how often each live app process's resident memory is noted


@dataclass
class Session:
    """One person's browser: what it did and which app processes answered it."""

    username: str
    acknowledged: int = 0
    make_art_ms: list[float] = field(default_factory=list)
    rounds: int = 0
    signed_in: int = 0
    failures: list[str] = field(default_factory=list)
    ports_before_kill: set[int] = field(default_factory=set)
    ports: set[int] = field(default_factory=set)
    checked_in: bool = False
    step: str = ""  # what the session was waiting for, to name a failure by


def _free_ports(count: int) -> list[int]:
    sockets = [socket.socket() for _ in range(count)]
    for sock in sockets:
        sock.bind(("127.0.0.1", 0))
    ports = [sock.getsockname()[1] for sock in sockets]
    for sock in sockets:
        sock.close()
    return ports


def _certificate(folder: Path) -> tuple[Path, Path]:
    """A self-signed certificate for 127.0.0.1 (the operator provides a real one)."""
    certificate, key = folder / "clinic.crt", folder / "clinic.key"
    subprocess.run(  # noqa: S603
        [  # noqa: S607 (openssl from PATH)
            "openssl",
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-days",
            "1",
            "-subj",
            "/CN=localhost",
            "-addext",
            "subjectAltName=IP:127.0.0.1",
            "-keyout",
            str(key),
            "-out",
            str(certificate),
        ],
        check=True,
        capture_output=True,
    )
    return certificate, key


async def _sidebar(page: Page, title: str) -> None:
    await page.locator('[data-testid="stSidebarNavLink"]', has_text=title).first.click()


async def _sign_in(session: Session, page: Page, timeout: float = STEP_MS) -> None:
    await page.wait_for_function(USABLE, arg=[SIGN_IN_WORDS], timeout=timeout)
    await page.locator('input[aria-label="Username"]').first.fill(session.username)
    await page.locator('input[aria-label="Password"]').first.fill(PASSWORD)
    await page.get_by_role("button", name="Log in").click()
    # signed in on the page the address names (the check-in, or where the process died)
    await page.get_by_text(SIGNED_IN_WORDS).first.wait_for(timeout=timeout)
    session.signed_in += 1
    session.checked_in = False


async def _round(session: Session, page: Page) -> None:
    """Check in (once per sign-in), make art from it, open the timeline."""
    session.step = "check-in page"
    await _sidebar(page, "Check in")
    await page.wait_for_function(USABLE, arg=[CHECK_IN_DONE], timeout=STEP_MS)
    if not session.checked_in:
        session.step = "check-in saved"
        await page.locator(".st-key-quick-good button").click()
        await page.wait_for_function(USABLE, arg=[SAVED_WORDS], timeout=STEP_MS)
        session.acknowledged += 1
        session.checked_in = True
    session.step = "make art"
    started = time.perf_counter()
    await page.locator(".st-key-make-art button").click()
    await page.wait_for_function(SHOWN, arg=[[], 4], timeout=STEP_MS)
    session.make_art_ms.append((time.perf_counter() - started) * 1000)
    session.step = "timeline"
    await _sidebar(page, "Timeline")
    await page.wait_for_function(USABLE, arg=[TIMELINE_DONE], timeout=STEP_MS)
    session.rounds += 1


async def _come_back(session: Session, page: Page) -> None:
    """After its process died: sign in where the page asks for it (Streamlit reconnects to
    another process by itself), else reload the page first, as a person would."""
    try:
        if not await page.get_by_role("button", name="Log in").count():
            await page.reload(timeout=STEP_MS)
        await _sign_in(session, page)
    except Exception as again:  # noqa: BLE001
        session.failures.append(f"coming back: {type(again).__name__}")


async def _ports(page: Page) -> set[int]:
    cookies = await page.context.cookies()
    return {int(m.group(1)) for c in cookies if (m := BROWSER_COOKIE.fullmatch(c["name"]))}


@dataclass
class Clock:
    """When the measured part ends: unknown (None) while the sessions are still warming up."""

    until: float | None = None
    killed: bool = False

    def running(self) -> bool:
        return self.until is None or time.time() < self.until

    def moment(self) -> str:
        return "after the kill" if self.killed else "before the kill"


async def _person(session: Session, browser: Browser, url: str, clock: Clock) -> None:
    """Sign in, then rounds until the clock runs out (a failure to sign in ends the person)."""
    context = await browser.new_context(
        ignore_https_errors=True, viewport={"width": 1280, "height": 900}
    )
    page = await context.new_page()
    try:
        await page.goto(url, timeout=WARM_UP_MS)
        await _sign_in(session, page, WARM_UP_MS)
    except Exception as error:  # noqa: BLE001 (reported; the other sessions go on)
        session.failures.append(f"first sign-in: {type(error).__name__}")
        await context.close()
        return
    while clock.running():
        try:
            await _round(session, page)
        except Exception as error:  # noqa: BLE001 (its process died under it)
            ports = ", ".join(map(str, sorted(session.ports)))
            failure = f"{session.step}: {type(error).__name__} ({clock.moment()}, on {ports})"
            session.failures.append(failure)
            await _come_back(session, page)
        session.ports = await _ports(page)
    await context.close()


async def _sessions(
    sessions: list[Session], url: str, seconds: float, kill: Callable[[], None]
) -> None:
    """Every session signs in and paints once (the processes load the art model), then the
    measured ``seconds`` start; halfway, ``kill``."""
    from playwright.async_api import async_playwright

    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        clock = Clock()
        people = [asyncio.create_task(_person(s, browser, url, clock)) for s in sessions]
        warm_until = time.time() + WARM_UP_MS / 1000
        while time.time() < warm_until and not all(s.rounds or s.failures for s in sessions):
            await asyncio.sleep(1)
        for session in sessions:
            session.make_art_ms.clear()
            session.failures = [f for f in session.failures if f.startswith("first sign-in")]
        clock.until = time.time() + seconds
        await asyncio.sleep(seconds / 2)
        for session in sessions:
            session.ports_before_kill = set(session.ports)
        kill()
        clock.killed = True
        await asyncio.gather(*people)
        await browser.close()


def check_load_b_needs() -> None:
    """Playwright, chromium, nginx and openssl, each named with its install command."""
    clinic.nginx_binary()
    if shutil.which("openssl") is None:
        msg = "Load B makes a self-signed certificate with openssl: apt-get install -y openssl"
        raise TherapyAppError(msg)
    require_chromium("Load B")


def _rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text(encoding="utf-8").splitlines():
        if line.startswith("VmRSS:"):
            return round(int(line.split()[1]) / 1024, 1)
    return 0.0


def _memory_now(apps: dict[int, subprocess.Popen]) -> dict[str, float]:
    """Each live app process's resident MB, by port."""
    return {str(port): _rss_mb(app.pid) for port, app in apps.items() if app.poll() is None}


def _load_b_kind(app_pids: set[int]) -> Callable[[Process], str | None]:
    """Browsers, app processes (with what they start: Streamlit, the painting process),
    PostgreSQL and nginx."""
    family = set(app_pids)

    def kind_of(process: Process) -> str | None:
        if process.pid in family or process.parent in family:
            family.add(process.pid)
            return "app_processes"
        if "chrom" in Path(process.program).name:
            return "chromium"
        return process.name if process.name in {"postgres", "nginx"} else None

    return kind_of


def _entries_since(settings: Settings, owner_ids: list[str], since: datetime) -> dict[str, int]:
    ctx = open_app(settings)
    try:
        with ctx.sessions() as session:
            rows = session.execute(
                select(Entry.owner_id, func.count())
                .where(Entry.owner_id.in_(owner_ids), Entry.created_at >= since)
                .group_by(Entry.owner_id)
            )
            return dict(rows.all())
    finally:
        ctx.dispose()


def load_b(settings: Settings, roster: Roster, plan: Plan, echo: Callable[[str], None]) -> dict:
    check_load_b_needs()
    people = roster.clients[: plan.browsers]
    sessions = [Session(person.username) for person in people]
    env = {
        "DATABASE_URL": settings.database_url,
        "THERAPY_APP_KEY": settings.key_b64 or "",
        "THERAPY_APP_HOME": str(settings.home),
    }
    with tempfile.TemporaryDirectory(prefix="therapy-clinic-") as scratch:
        folder = Path(scratch)
        certificate, key = _certificate(folder)
        *apps, https, http = _free_ports(plan.processes + 2)
        site = Site(tuple(apps), https, http, certificate, key, address="127.0.0.1")
        running = clinic.start(site, folder / "run", env)
        watching = threading.Event()

        over_time: list[dict[str, float]] = []
        started = time.time()

        def watch() -> None:
            noted = 0.0
            while not watching.wait(1.0):
                running.watch_once()
                if time.time() - noted >= MEMORY_EVERY_S:
                    noted = time.time()
                    minute = round((noted - started) / 60, 1)
                    over_time.append({"minute": minute, **_memory_now(running.apps)})

        watcher = threading.Thread(target=watch)
        watcher.start()
        killed: dict[str, int] = {}

        def kill() -> None:
            counts = {port: 0 for port in apps}
            for session in sessions:
                for port in session.ports:
                    counts[port] += 1
            victim = max(counts, key=counts.get)
            echo(f"  SIGKILL to the app process on port {victim} ({counts[victim]} sessions)")
            killed["port"] = victim
            os.kill(running.apps[victim].pid, signal.SIGKILL)

        since = datetime.now(UTC)
        app_pids = {app.pid for app in running.apps.values()}
        try:
            with CpuMeter(_load_b_kind(app_pids)) as meter:
                asyncio.run(
                    _sessions(sessions, f"https://127.0.0.1:{https}", plan.browser_seconds, kill)
                )
            memory = _memory_now(running.apps)
        finally:
            watching.set()
            watcher.join()
            running.stop()
    report = _report(
        sessions,
        people,
        killed["port"],
        memory,
        _entries_since(settings, [p.user_id for p in people], since),
    )
    return {**report, "memory_rss_mb_over_time": over_time, "cpu_seconds": meter.seconds}


def _report(
    sessions: list[Session],
    people: tuple,
    victim: int,
    memory: dict[str, float],
    present: dict[str, int],
) -> dict[str, object]:
    times = sorted(ms for session in sessions for ms in session.make_art_ms)
    p95 = times[min(len(times) - 1, int(0.95 * len(times)))] if times else None
    on_victim = [s for s in sessions if s.ports_before_kill == {victim}]
    others = [s for s in sessions if s.ports_before_kill != {victim}]
    stayed = all(len(s.ports_before_kill) == 1 for s in sessions)
    lost = sum(
        max(0, s.acknowledged - present.get(person.user_id, 0))
        for s, person in zip(sessions, people, strict=True)
    )
    victims_back = all(s.signed_in >= 2 and s.rounds > 0 for s in on_victim)  # noqa: PLR2004
    others_unaffected = all(
        s.signed_in == 1 and not s.failures and s.ports == s.ports_before_kill for s in others
    )
    victims_failed_once = all(len(s.failures) <= 1 for s in on_victim)
    return {
        "sessions": len(sessions),
        "make_art_to_candidates_ms": {
            "count": len(times),
            "mean": round(statistics.fmean(times), 1) if times else None,
            "p95": round(p95, 1) if p95 is not None else None,
        },
        "rounds": sum(s.rounds for s in sessions),
        "each_stayed_on_its_process": stayed,
        "killed_port": victim,
        "sessions_on_killed_process": len(on_victim),
        "their_sessions_asked_to_sign_in_and_went_on": victims_back and victims_failed_once,
        "other_sessions_unaffected": others_unaffected,
        "failures": sorted(f for s in sessions for f in s.failures),
        "acknowledged_check_ins": sum(s.acknowledged for s in sessions),
        "lost_check_ins": lost,
        "memory_rss_mb_per_live_process": memory,
        "meets_targets": stayed
        and victims_back
        and victims_failed_once
        and others_unaffected
        and lost == 0
        and p95 is not None
        and p95 <= TARGET_MAKE_ART_P95_MS,
    }
