"""The safety plan is sealed, its owner's alone; the country chosen is kept in the profile."""

import pytest

from tests.helpers import make_user
from therapy_app.errors import InvalidInputError
from therapy_app.journal.models import Role
from therapy_app.journal.models import SafetyPlan as SafetyPlanRow
from therapy_app.mood.safety_plan import MAX_ITEMS, SafetyPlan
from therapy_app.services import accounts, safety_plans


def test_a_plan_is_saved_sealed_and_read_back_by_its_owner_only(ctx) -> None:
    sam = make_user(ctx, "sam")
    lee = make_user(ctx, "lee", Role.THERAPIST)
    assert safety_plans.get_safety_plan(ctx, sam).is_empty
    plan = SafetyPlan(warning_signs=("Not sleeping",), helpers=("Ana 0151 000000",))
    safety_plans.save_safety_plan(ctx, sam, plan)
    assert safety_plans.get_safety_plan(ctx, sam) == plan
    assert safety_plans.get_safety_plan(ctx, lee).is_empty
    with ctx.sessions() as db:
        (row,) = db.query(SafetyPlanRow).all()
        assert b"Not sleeping" not in row.plan_ct


def test_a_plan_too_long_is_refused_and_the_old_one_kept(ctx) -> None:
    sam = make_user(ctx, "sam")
    kept = SafetyPlan(coping=("Walk",))
    safety_plans.save_safety_plan(ctx, sam, kept)
    with pytest.raises(InvalidInputError):
        safety_plans.save_safety_plan(ctx, sam, SafetyPlan(coping=("x",) * (MAX_ITEMS + 1)))
    assert safety_plans.get_safety_plan(ctx, sam) == kept


def test_the_country_is_kept_with_the_account(ctx) -> None:
    sam = make_user(ctx, "sam")
    assert sam.country == ""
    changed = accounts.set_country(ctx, sam, "DE")
    assert changed.country == "DE"
    assert accounts.find_user(ctx, "sam").country == "DE"
    with pytest.raises(InvalidInputError):
        accounts.set_country(ctx, sam, "XX")
    assert accounts.set_country(ctx, changed, "").country == ""
