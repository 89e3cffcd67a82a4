"""Drafts: what a person had on the check-in or art page and not yet saved, kept on the
server (encrypted like entries) so a reload or a closed tab loses nothing. One per page kind;
only its owner reads, replaces or discards it."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import delete, select

from therapy_app.journal import audit
from therapy_app.journal.crypto import FieldContext
from therapy_app.journal.models import Draft, DraftKind, new_id

if TYPE_CHECKING:
    from datetime import datetime

    from sqlalchemy.orm import Session

    from therapy_app.services.actor import Actor
    from therapy_app.services.context import AppContext

OBJECT = "draft"


@dataclass(frozen=True)
class DraftView:
    kind: DraftKind
    content: dict[str, object]
    saved_at: datetime


def _context(draft_id: str, owner_id: str) -> FieldContext:
    return FieldContext("drafts", "content", draft_id, owner_id)


def _find(session: Session, actor: Actor, kind: DraftKind) -> Draft | None:
    query = select(Draft).where(Draft.owner_id == actor.user_id, Draft.kind == kind.value)
    return session.scalars(query).first()


def save_draft(ctx: AppContext, actor: Actor, kind: DraftKind, content: dict[str, object]) -> None:
    """Keep ``content`` as the actor's draft of this kind, replacing the one before."""
    with ctx.unit_of_work() as session:
        draft = _find(session, actor, kind)
        if draft is None:
            draft = Draft(id=new_id(), owner_id=actor.user_id, kind=kind.value)
            session.add(draft)
        plain = json.dumps(content, separators=(",", ":")).encode("utf-8")
        draft.content_ct = ctx.cipher.encrypt(plain, _context(draft.id, actor.user_id))
        draft.updated_at = ctx.clock()
        ctx.audit(session, actor, audit.Action.WRITE, OBJECT, draft.id, actor.user_id)


def get_draft(ctx: AppContext, actor: Actor, kind: DraftKind) -> DraftView | None:
    """The actor's own draft of this kind, if one is kept."""
    with ctx.unit_of_work() as session:
        draft = _find(session, actor, kind)
        if draft is None:
            return None
        plain = ctx.cipher.decrypt(draft.content_ct, _context(draft.id, actor.user_id))
        ctx.audit(session, actor, audit.Action.READ, OBJECT, draft.id, actor.user_id)
        return DraftView(kind, json.loads(plain), draft.updated_at)


def discard_draft(ctx: AppContext, actor: Actor, kind: DraftKind) -> None:
    """Forget the actor's draft of this kind (after saving it for real, or on request)."""
    with ctx.unit_of_work() as session:
        gone = session.execute(
            delete(Draft)
            .where(Draft.owner_id == actor.user_id, Draft.kind == kind.value)
            .returning(Draft.id)
        ).scalar()
        if gone:
            ctx.audit(session, actor, audit.Action.DELETE, OBJECT, gone, actor.user_id)
