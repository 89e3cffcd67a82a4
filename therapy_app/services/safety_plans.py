"""A person's own safety plan, sealed like a note. Only its owner reads or changes it: a
therapist may help write it in the room, but it is not shared through consent."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from therapy_app.journal import audit
from therapy_app.journal.crypto import FieldContext
from therapy_app.journal.models import SafetyPlan as SafetyPlanRow
from therapy_app.mood.safety_plan import SafetyPlan, validate_safety_plan

if TYPE_CHECKING:
    from therapy_app.services.actor import Actor
    from therapy_app.services.context import AppContext

OBJECT = "safety-plan"


def _context(owner_id: str) -> FieldContext:
    return FieldContext("safety_plans", "plan", owner_id, owner_id)


def get_safety_plan(ctx: AppContext, actor: Actor) -> SafetyPlan:
    """The actor's safety plan (an empty one until they write it)."""
    with ctx.unit_of_work() as session:
        row = session.get(SafetyPlanRow, actor.user_id)
        ctx.audit(session, actor, audit.Action.READ, OBJECT, actor.user_id, actor.user_id)
        if row is None:
            return SafetyPlan()
        return SafetyPlan.from_json(
            json.loads(ctx.cipher.decrypt(row.plan_ct, _context(actor.user_id)))
        )


def save_safety_plan(ctx: AppContext, actor: Actor, plan: SafetyPlan) -> SafetyPlan:
    valid = validate_safety_plan(plan)
    with ctx.unit_of_work() as session:
        row = session.get(SafetyPlanRow, actor.user_id)
        if row is None:
            row = SafetyPlanRow(owner_id=actor.user_id)
            session.add(row)
        plain = json.dumps(valid.as_json(), separators=(",", ":")).encode("utf-8")
        row.plan_ct = ctx.cipher.encrypt(plain, _context(actor.user_id))
        row.updated_at = ctx.clock()
        ctx.audit(session, actor, audit.Action.WRITE, OBJECT, actor.user_id, actor.user_id)
        return valid
