"""What every use case needs: transactions, the field cipher and a clock."""

from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from therapy_app.clock import Clock, utc_now
from therapy_app.config import Settings, get_settings, work_at_once
from therapy_app.errors import AccessDeniedError
from therapy_app.journal import audit
from therapy_app.journal.db import (
    KEY_CHECK_REVISION,
    make_engine,
    session_factory,
    transaction,
    upgrade,
)
from therapy_app.journal.sealed import SealedAuditDetail
from therapy_app.services import keys
from therapy_app.services.gate import Gate

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

    from sqlalchemy.engine import Engine
    from sqlalchemy.orm import Session, sessionmaker

    from therapy_app.journal.crypto import FieldCipher
    from therapy_app.services.actor import Actor


@dataclass
class AppContext:
    engine: Engine
    sessions: sessionmaker[Session]
    cipher: FieldCipher
    clock: Clock
    settings: Settings
    # the units of work this process runs at once (a Streamlit process's sessions share it)
    gate: Gate = field(default_factory=lambda: Gate(work_at_once()))

    @contextmanager
    def unit_of_work(self, *, takes_turn: bool = True) -> Iterator[Session]:
        """One transaction per use case, when the gate lets it in (``takes_turn=False``:
        past the gate, for sign-ins and password changes, whose password hash has slots of
        its own and must not hold up every page). A refusal rolls everything back, then is
        audited."""
        turn = self.gate.held() if takes_turn else self.gate.passed()
        try:
            with turn, transaction(self.sessions) as session:
                yield session
        except AccessDeniedError as denied:
            with transaction(self.sessions) as session:
                audit.record(
                    session,
                    self.cipher,
                    at=self.clock(),
                    actor_id=denied.audit.get("actor_id"),
                    action=denied.audit.get("action") or "unknown",
                    object_type=denied.audit.get("object_type") or "unknown",
                    object_id=denied.audit.get("object_id"),
                    subject_id=denied.audit.get("subject_id"),
                    outcome=audit.Outcome.DENIED,
                    reason=denied.audit.get("reason"),
                )
            raise

    def audit(
        self,
        session: Session,
        actor: Actor,
        action: audit.Action | str,
        object_type: str,
        object_id: str | None = None,
        subject_id: str | None = None,
    ) -> None:
        """Record that ``actor`` did ``action`` (successfully) to an object, now."""
        self.audit_each(session, actor, action, object_type, [(object_id, subject_id)])

    def audit_each(
        self,
        session: Session,
        actor: Actor,
        action: audit.Action | str,
        object_type: str,
        about: Iterable[tuple[str | None, str | None]],
    ) -> None:
        """``audit`` for each (object id, subject id) in ``about``, in one statement."""
        audit.record_each(
            session,
            self.cipher,
            at=self.clock(),
            actor_id=actor.user_id,
            detail=SealedAuditDetail(str(action), object_type, str(audit.Outcome.OK), None),
            about=about,
        )

    def dispose(self) -> None:
        self.engine.dispose()


def open_app(settings: Settings | None = None, clock: Clock = utc_now) -> AppContext:
    """Open the database, upgrade its schema to the current version and unlock it with the
    journal's key (checked against the database; made only for a new journal)."""
    settings = settings or get_settings()
    settings.home.mkdir(parents=True, exist_ok=True)
    engine = make_engine(settings.database_url)
    try:
        upgrade(engine, KEY_CHECK_REVISION)
        sessions = session_factory(engine)
        with transaction(sessions) as session:
            cipher = keys.unlock(session, settings)
        upgrade(engine, "head", cipher)
    except BaseException:
        engine.dispose()
        raise
    return AppContext(engine, sessions, cipher, clock, settings)
