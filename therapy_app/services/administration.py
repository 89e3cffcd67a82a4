"""Administration: reading the audit log (administrators only)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import select

from therapy_app.journal import audit
from therapy_app.journal.models import Role, User
from therapy_app.journal.sealed import SealedProfile
from therapy_app.services import access

if TYPE_CHECKING:
    from therapy_app.services.actor import Actor
    from therapy_app.services.context import AppContext


def recent_audit_events(ctx: AppContext, actor: Actor, limit: int = 500) -> list[dict[str, object]]:
    with ctx.unit_of_work() as session:
        access.require_role(actor, Role.ADMIN, audit.Action.READ, "audit_log")
        names = {
            user_id: SealedProfile.open(ctx.cipher, profile_ct, user_id).username
            for user_id, profile_ct in session.execute(select(User.id, User.profile_ct))
        }
        rows = audit.events(session, ctx.cipher, limit=limit)
        events = [
            {
                "when": event.at,
                "who": names.get(event.actor_id, event.actor_id or "system"),
                "action": event.action,
                "what": event.object_type,
                "whose": names.get(event.subject_id, event.subject_id),
                "outcome": event.outcome,
                "reason": event.reason,
            }
            for event in rows
        ]
        ctx.audit(session, actor, audit.Action.READ, "audit_log")
        return events
