"""Builders shared by tests."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from sqlalchemy import event

from therapy_app import services
from therapy_app.journal.models import Role
from therapy_app.services import accounts
from therapy_app.services.artworks import Drawing, NewArtwork

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable
    from types import ModuleType

    from sqlalchemy.engine import Engine

    from therapy_app.journal.crypto import FieldCipher
    from therapy_app.services.actor import Actor
    from therapy_app.services.context import AppContext

PASSWORD = "correct horse battery"

PINK = (255, 0, 200, 255)


def make_user(ctx: AppContext, name: str, role: Role = Role.CLIENT, timezone: str = "UTC") -> Actor:
    return accounts.create_user(ctx, name, PASSWORD, role, name.title(), timezone)


def sample_artwork(title: str = "") -> NewArtwork:
    """A small rendered picture and its provenance, without needing a trained model."""
    import torch

    from therapy_app.art.images import png_bytes
    from therapy_app.art.render import render
    from therapy_app.art.sampler import ArtSpec, Provenance, to_image

    vector = (1.0, 0, 0, 0, 0, 0, 0, 0, 0.8, 0.45, 0.4, 0.8)
    image = to_image(render(torch.tensor([vector]), [1], 64)[0])
    provenance = Provenance("test", 1, ArtSpec(vector, ((1, 1.0),), 0.0, 64))
    return NewArtwork(png_bytes(image), provenance.as_json(), title)


def drawn_layer(side: int = 64) -> Drawing:
    """What a person drew over a picture: a pink diagonal on a transparent layer."""
    import io

    from PIL import Image, ImageDraw

    layer = Image.new("RGBA", (side, side), (0, 0, 0, 0))
    ImageDraw.Draw(layer).line((0, 0, side, side), fill=PINK, width=6)
    buffer = io.BytesIO()
    layer.save(buffer, format="PNG")
    return Drawing(buffer.getvalue(), strokes=1)


OLD_VALENCE = 0.123456789  # a value no other number in a test database would share bytes with
OLD_NAME = "Old-Name-Canary"


def seed_old_journal(engine: Engine, cipher: FieldCipher) -> None:
    """A journal written before key checks and sealed values (schema 0003), as raw rows: a
    client with one entry (note, feelings, a tag, a picture) and a tag no entry uses."""
    import sqlalchemy as sa

    from therapy_app.journal.db import upgrade
    from therapy_app.services.artworks import field_context
    from therapy_app.services.entries import note_context

    upgrade(engine, "0003")
    now = datetime(2026, 2, 1, 8, 30, tzinfo=UTC)
    times = {"created_at": now, "updated_at": now}

    def table(name: str, *columns: str, **typed: sa.types.TypeEngine) -> sa.TableClause:
        return sa.table(
            name, *map(sa.column, columns), *(sa.column(c, t) for c, t in typed.items())
        )

    with engine.begin() as connection:
        users = table(
            "users",
            "id",
            "username",
            "display_name",
            "role",
            "password_hash",
            "failed_logins",
            "timezone",
            created_at=sa.DateTime(timezone=True),
            updated_at=sa.DateTime(timezone=True),
        )
        connection.execute(
            sa.insert(users).values(
                id="u1",
                username="old",
                display_name=OLD_NAME,
                role="client",
                password_hash="x",
                failed_logins=0,
                timezone="Europe/Berlin",
                **times,
            )
        )
        entries = table(
            "entries",
            "id",
            "owner_id",
            "timezone",
            "quick_mood",
            "valence",
            "energy",
            "control",
            "note_ct",
            "sleep_hours",
            occurred_at=sa.DateTime(timezone=True),
            local_date=sa.Date(),
            risk_flag=sa.Boolean(),
            created_at=sa.DateTime(timezone=True),
            updated_at=sa.DateTime(timezone=True),
        )
        connection.execute(
            sa.insert(entries).values(
                id="e1",
                owner_id="u1",
                occurred_at=now,
                timezone="Europe/Berlin",
                local_date=now.date(),
                quick_mood=4,
                valence=OLD_VALENCE,
                energy=0.15,
                control=-0.25,
                note_ct=cipher.encrypt_text("old note", note_context("e1", "u1")),
                sleep_hours=6.5,
                risk_flag=True,
                **times,
            )
        )
        feelings = table("entry_feelings", "entry_id", "word", "intensity", "position")
        connection.execute(
            sa.insert(feelings),
            [
                {"entry_id": "e1", "word": "joy", "intensity": 3, "position": 0},
                {"entry_id": "e1", "word": "peaceful", "intensity": 1, "position": 1},
            ],
        )
        tags = table("tags", "id", "owner_id", "name")
        connection.execute(
            sa.insert(tags),
            [
                {"id": "t1", "owner_id": "u1", "name": "walk"},
                {"id": "t2", "owner_id": "u1", "name": "orphan"},
            ],
        )
        connection.execute(
            sa.insert(table("entry_tags", "entry_id", "tag_id")).values(entry_id="e1", tag_id="t1")
        )
        png = sample_artwork().png
        artworks = table(
            "artworks",
            "id",
            "entry_id",
            "owner_id",
            "image_ct",
            "thumb_ct",
            provenance=sa.JSON(),
            created_at=sa.DateTime(timezone=True),
            updated_at=sa.DateTime(timezone=True),
        )
        connection.execute(
            sa.insert(artworks).values(
                id="a1",
                entry_id="e1",
                owner_id="u1",
                image_ct=cipher.encrypt(png, field_context("image", "a1", "u1")),
                thumb_ct=cipher.encrypt(png, field_context("thumb", "a1", "u1")),
                provenance={"model_version": "old"},
                **times,
            )
        )


def complete_session(
    ctx: AppContext, client: Actor, session_id: str, before: float, after: float, item9: int
) -> None:
    """Each remaining step of a guided session done by the client: pictures, an answer,
    PHQ-9 with item 9 answered ``item9``, GAD-7 all 'on several days'."""
    from therapy_app.mood.checkin import CheckIn
    from therapy_app.mood.measures import Measure
    from therapy_app.mood.session_plan import StepKind
    from therapy_app.services import sessions

    view = sessions.get_session(ctx, client, session_id)
    while view.next_index is not None:
        index, step = view.next_index, view.plan.steps[view.next_index]
        if step.kind is StepKind.CHECK_IN_BEFORE:
            view = sessions.check_in_step(ctx, client, session_id, index, CheckIn(valence=before))
        elif step.kind is StepKind.ART:
            view = sessions.art_step(ctx, client, session_id, index, sample_artwork("calm"))
        elif step.kind is StepKind.REFLECTION:
            view = sessions.reflection_step(ctx, client, session_id, index, "the sea")
        elif step.kind is StepKind.MEASURE:
            answers = (1,) * 8 + (item9,) if step.measure is Measure.PHQ9 else (1,) * 7
            view = sessions.measure_step(ctx, client, session_id, index, answers)
        else:
            view = sessions.check_in_step(ctx, client, session_id, index, CheckIn(valence=after))


def reviewed_client(ctx: AppContext, scope: object = None) -> tuple[Actor, Actor]:
    """A therapist ("lee") and a consenting client ("sam") with three weeks of check-ins and
    two completed guided sessions (the second with PHQ-9 item 9 above zero)."""
    from datetime import timedelta

    from therapy_app.mood.checkin import CheckIn
    from therapy_app.mood.measures import Measure
    from therapy_app.mood.session_plan import plan_from_directive
    from therapy_app.services import entries, sessions, sharing

    therapist = make_user(ctx, "lee", Role.THERAPIST)
    client = make_user(ctx, "sam")
    code = sharing.create_invite(ctx, therapist)
    sharing.redeem_invite(ctx, client, code, scope or sharing.Scope(True, True, True))
    clock = ctx.clock
    plan = plan_from_directive("safe-place", (Measure.PHQ9, Measure.GAD7))
    for back in range(21, 0, -1):
        ctx.clock = lambda back=back: clock() - timedelta(days=back)
        valence = 0.4 * ((back % 5) - 2) / 2
        entries.check_in(ctx, client, CheckIn(valence=valence, energy=-valence / 2))
        if back in (14, 3):
            planned = sessions.create_plan(ctx, therapist, client.user_id, plan)
            complete_session(ctx, client, planned.id, valence, valence + 0.3, int(back == 3))
    ctx.clock = clock
    return therapist, client


def service_modules() -> list[ModuleType]:
    """Every module of therapy_app.services but access, which holds the checks the use cases
    make (each takes the actor it checks, and none is a use case itself)."""
    return [
        importlib.import_module(f"{services.__name__}.{found.name}")
        for found in pkgutil.iter_modules(services.__path__)
        if found.name != "access"
    ]


def use_case_parameters(modules: Iterable[ModuleType] | None = None) -> dict[str, list[str]]:
    """Each public function of the modules (default: every service module) that takes an
    acting user, as "module.function", with the names of its parameters."""
    return {
        f"{module.__name__.rsplit('.', 1)[1]}.{name}": parameters
        for module in (service_modules() if modules is None else modules)
        for name, function in inspect.getmembers(module, inspect.isfunction)
        if function.__module__ == module.__name__
        and not name.startswith("_")
        and "actor" in (parameters := list(inspect.signature(function).parameters))
    }


def takes_an_id(parameters: list[str]) -> bool:
    """A use case (ctx, actor, ...) with an id among its parameters: one to attack."""
    return parameters[:2] == ["ctx", "actor"] and any(
        p.endswith(("_id", "_ids")) for p in parameters
    )


def selects_sent(ctx: AppContext, action: Callable[[], object]) -> int:
    """How many SELECTs ``action`` sends (round trips wait their turn under load)."""
    sent = []

    def listener(_conn, _cursor, statement, *_args) -> None:  # noqa: ANN001
        sent.append(statement.lstrip().upper().startswith("SELECT"))

    event.listen(ctx.engine, "before_cursor_execute", listener)
    try:
        action()
    finally:
        event.remove(ctx.engine, "before_cursor_execute", listener)
    return sum(sent)
