"""Art: candidates from a check-in, saving with an entry, the gallery. Images encrypted."""

from __future__ import annotations

import functools
import io
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PIL import Image, UnidentifiedImageError
from sqlalchemy import select

from therapy_app.art.images import png_bytes, thumbnail_bytes, with_drawing
from therapy_app.config import torch_threads
from therapy_app.errors import InvalidInputError, NotFoundError, TherapyAppError
from therapy_app.journal import audit, db
from therapy_app.journal.crypto import FieldContext
from therapy_app.journal.models import Artwork, Entry, new_id
from therapy_app.journal.sealed import SealedCheckIn, open_provenance, seal_provenance
from therapy_app.loading import loaded_once
from therapy_app.mood.checkin import conditioning_vector
from therapy_app.mood.feelings import PRIMARIES
from therapy_app.services import access, paging
from therapy_app.wording import counted

if TYPE_CHECKING:
    from datetime import date, datetime
    from pathlib import Path

    from sqlalchemy.orm import Session

    from therapy_app.art.sampler import ArtSpec, Painter
    from therapy_app.mood.checkin import CheckIn
    from therapy_app.services.actor import Actor
    from therapy_app.services.context import AppContext

OBJECT = "artwork"
HAND = "hand"  # the provenance's account of the person's drawn layer
MAX_TITLE_CHARS = 120
MAX_IMAGE_BYTES = 12 * 1024 * 1024
MAX_IMAGE_PIXELS = 2048 * 2048
NO_MODEL = (
    "The art model is missing or damaged ({reason}). Journaling works as usual without "
    "art. To make art again, restore therapy_app/art/trained/generator.pt or train one with: "
    "therapy-app train --out therapy_app/art/trained/generator.pt"
)


@loaded_once(kept=2)
def painter(path: Path | None = None) -> Painter:
    """The shared, read-only art model (loaded once per process, however many sessions ask
    at once: each would otherwise load its own and start a painting process of its own),
    painting in the process's painting process (``torch_threads`` torch threads, one batch
    at a time; ``art.pool``).

    NOTE: imported here, not at module load, so journaling never pays for torch.
    """
    from therapy_app.art.checkpoint import CheckpointError
    from therapy_app.art.pool import PooledPainter
    from therapy_app.art.sampler import DEFAULT_WEIGHTS, Painter

    weights = path or DEFAULT_WEIGHTS
    try:
        return PooledPainter.of(Painter.load(weights), weights, torch_threads())
    except CheckpointError as error:
        raise TherapyAppError(NO_MODEL.format(reason=error)) from None


@dataclass(frozen=True)
class Drawing:
    """What the person drew over a picture: a PNG with transparency, the picture's size."""

    png: bytes
    strokes: int


@dataclass(frozen=True)
class NewArtwork:
    """A picture to store with an entry: PNG bytes (the model's part, as cropped and
    filtered), how it was made, an optional title and what the person drew over it."""

    png: bytes
    provenance: dict[str, object]
    title: str = ""
    drawing: Drawing | None = None


@dataclass(frozen=True)
class ArtworkView:
    id: str
    entry_id: str
    owner_id: str
    title: str
    created_at: datetime
    local_date: date
    feelings: tuple[str, ...]
    provenance: dict[str, object]
    thumbnail: bytes  # of the picture as the person finished it (with their drawing)
    image: bytes | None  # the full PNG with the drawing; only when one artwork is opened
    model_image: bytes | None = None  # the model's part alone, where a drawing is kept apart

    @property
    def drawn(self) -> bool:
        return HAND in self.provenance


def spec_for(check_in: CheckIn, seed: int, imperfection: float = 0.0, size: int = 512) -> ArtSpec:
    from therapy_app.art.sampler import ArtSpec

    vector = conditioning_vector(check_in)
    return ArtSpec(tuple(vector), ((seed, 1.0),), imperfection, size)


def field_context(column: str, artwork_id: str, owner_id: str) -> FieldContext:
    return FieldContext("artworks", column, artwork_id, owner_id)


def _check_image(png: bytes, mode: str = "RGB") -> Image.Image:
    if len(png) > MAX_IMAGE_BYTES:
        msg = "That image is too large to save (over 12 MB)."
        raise InvalidInputError(msg)
    try:
        with Image.open(io.BytesIO(png)) as probe:
            if probe.format != "PNG":
                raise UnidentifiedImageError
            if probe.width * probe.height > MAX_IMAGE_PIXELS:
                msg = "That image has too many pixels to save (over 2048 x 2048)."
                raise InvalidInputError(msg)
            probe.load()
            return probe.convert(mode)
    except (UnidentifiedImageError, OSError, Image.DecompressionBombError):
        msg = "That is not a PNG image this app can read; nothing was saved."
        raise InvalidInputError(msg) from None


def _check_drawing(drawing: Drawing, picture: Image.Image) -> Image.Image:
    layer = _check_image(drawing.png, "RGBA")
    if layer.size != picture.size:
        msg = "The drawing does not fit the picture (a different size); nothing was saved."
        raise InvalidInputError(msg)
    return layer


def _with_hand(provenance: dict[str, object], drawing: Drawing | None) -> dict[str, object]:
    """The provenance says which part is whose: the model's picture is regenerable from the
    recipe; what the person drew is kept as drawn, apart from it."""
    if drawing is None:
        return provenance
    hand = {"by": "the person", "strokes": drawing.strokes, "kept": "apart, as drawn"}
    return {**provenance, "model_part": "regenerable bit-exactly from this recipe", HAND: hand}


def add_artwork(
    ctx: AppContext, session: Session, entry_id: str, owner_id: str, artwork: NewArtwork
) -> str:
    """Rows for a checked picture, inside the caller's transaction (with its entry)."""
    if len(artwork.title) > MAX_TITLE_CHARS:
        msg = f"Titles are at most {MAX_TITLE_CHARS} characters."
        raise InvalidInputError(msg)
    image = _check_image(artwork.png)
    layer = _check_drawing(artwork.drawing, image) if artwork.drawing else None
    finished = with_drawing(image, layer) if layer else image
    artwork_id = new_id()
    title = artwork.title.strip()
    session.add(
        Artwork(
            id=artwork_id,
            entry_id=entry_id,
            owner_id=owner_id,
            title_ct=ctx.cipher.encrypt_text(title, field_context("title", artwork_id, owner_id))
            if title
            else None,
            image_ct=ctx.cipher.encrypt(
                png_bytes(image), field_context("image", artwork_id, owner_id)
            ),
            drawing_ct=ctx.cipher.encrypt(
                png_bytes(layer, "RGBA"), field_context("drawing", artwork_id, owner_id)
            )
            if layer
            else None,
            thumb_ct=ctx.cipher.encrypt(
                thumbnail_bytes(finished), field_context("thumb", artwork_id, owner_id)
            ),
            provenance_ct=seal_provenance(
                ctx.cipher, artwork_id, owner_id, _with_hand(artwork.provenance, artwork.drawing)
            ),
        )
    )
    return artwork_id


def save_artwork(ctx: AppContext, actor: Actor, entry_id: str, artwork: NewArtwork) -> str:
    """Store a picture with one of the actor's existing entries."""
    with ctx.unit_of_work() as session:
        entry = session.get(Entry, entry_id)
        if entry is None:
            msg = "That entry no longer exists, so the art could not be saved with it."
            raise NotFoundError(msg)
        access.require_owner(actor, entry.owner_id, audit.Action.WRITE, OBJECT, entry_id)
        artwork_id = add_artwork(ctx, session, entry_id, entry.owner_id, artwork)
        ctx.audit(
            session,
            actor,
            audit.Action.WRITE,
            OBJECT,
            object_id=artwork_id,
            subject_id=entry.owner_id,
        )
        return artwork_id


def _view(ctx: AppContext, artwork: Artwork, entry: Entry, with_image: bool) -> ArtworkView:
    owner = artwork.owner_id
    title = (
        ctx.cipher.decrypt_text(artwork.title_ct, field_context("title", artwork.id, owner))
        if artwork.title_ct
        else ""
    )
    return ArtworkView(
        id=artwork.id,
        entry_id=artwork.entry_id,
        owner_id=owner,
        title=title,
        created_at=artwork.created_at,
        local_date=entry.local_date,
        feelings=tuple(
            word
            for word, _ in SealedCheckIn.open(
                ctx.cipher, entry.checkin_ct, entry.id, entry.owner_id
            ).feelings
        ),
        provenance=open_provenance(ctx.cipher, artwork.provenance_ct, artwork.id, owner),
        thumbnail=ctx.cipher.decrypt(artwork.thumb_ct, field_context("thumb", artwork.id, owner)),
        **(_images(ctx, artwork) if with_image else {"image": None}),
    )


def finished_png(ctx: AppContext, artwork: Artwork) -> bytes:
    """The picture as the person finished it (their drawing laid over the model's part),
    inside the caller's transaction: the caller has checked who may see it."""
    return _images(ctx, artwork)["image"]


def _images(ctx: AppContext, artwork: Artwork) -> dict[str, bytes]:
    """The picture as finished (the drawing laid over the model's part) and, where the person
    drew over it, the model's part alone."""
    owner = artwork.owner_id
    model = ctx.cipher.decrypt(artwork.image_ct, field_context("image", artwork.id, owner))
    if artwork.drawing_ct is None:
        return {"image": model}
    drawing = ctx.cipher.decrypt(artwork.drawing_ct, field_context("drawing", artwork.id, owner))
    with Image.open(io.BytesIO(model)) as picture, Image.open(io.BytesIO(drawing)) as layer:
        return {"image": png_bytes(with_drawing(picture, layer)), "model_image": model}


def _load_artwork(session: Session, artwork_id: str) -> Artwork:
    return db.existing(session, Artwork, artwork_id, "picture")


def get_artwork(ctx: AppContext, actor: Actor, artwork_id: str) -> ArtworkView:
    with ctx.unit_of_work() as session:
        artwork = _load_artwork(session, artwork_id)
        if not access.can_read_owned(ctx, session, actor, artwork.owner_id, "art"):
            access.require_owner(actor, artwork.owner_id, audit.Action.READ, OBJECT, artwork_id)
        ctx.audit(
            session,
            actor,
            audit.Action.READ,
            OBJECT,
            object_id=artwork_id,
            subject_id=artwork.owner_id,
        )
        return _view(ctx, artwork, session.get(Entry, artwork.entry_id), with_image=True)


def delete_artwork(ctx: AppContext, actor: Actor, artwork_id: str) -> None:
    with ctx.unit_of_work() as session:
        artwork = _load_artwork(session, artwork_id)
        access.require_owner(actor, artwork.owner_id, audit.Action.DELETE, OBJECT, artwork_id)
        session.delete(artwork)
        ctx.audit(
            session,
            actor,
            audit.Action.DELETE,
            OBJECT,
            object_id=artwork_id,
            subject_id=artwork.owner_id,
        )


@dataclass(frozen=True)
class ArtworkQuery:
    """Which of the gallery's pictures: with a feeling, of entries on the local days
    ``since``..``until`` (inclusive), and which page of them (``limit`` None: all)."""

    feeling: str | None = None
    since: date | None = None
    until: date | None = None
    offset: int = 0
    limit: int | None = None


@dataclass(frozen=True)
class ArtworkPage:
    """A page of the gallery; ``total`` and ``complete`` as in ``paging.Found``."""

    items: tuple[ArtworkView, ...]
    total: int
    complete: bool = True


def artwork_page(
    ctx: AppContext, actor: Actor, owner_id: str | None = None, query: ArtworkQuery | None = None
) -> ArtworkPage:
    """A page of the gallery, newest first, with thumbnails (full images only when one is
    opened). Without a feeling the database pages; a feeling (sealed with the check-in) is
    chosen after opening, in batches, stopping once the page is full."""
    query = query or ArtworkQuery()
    with ctx.unit_of_work() as session:
        owner_id = access.readable_owner(ctx, session, actor, owner_id, "art", audit.Action.READ)
        statement = (
            select(Artwork, Entry)
            .join(Entry, Entry.id == Artwork.entry_id)
            .where(Artwork.owner_id == owner_id, *Entry.on_days(query.since, query.until))
            .order_by(Artwork.created_at.desc(), Artwork.id.desc())
        )
        ctx.audit(session, actor, audit.Action.READ, "artworks", subject_id=owner_id)
        if query.feeling:
            feeling = query.feeling
            found = paging.first_matches(
                paging.in_batches(session, statement),
                lambda row: _if_feeling(_view(ctx, *row, with_image=False), feeling),
                query.offset,
                query.limit,
            )
            return ArtworkPage(found.items, found.total, found.complete)
        rows = session.execute(statement.offset(query.offset).limit(query.limit)).all()
        views = tuple(_view(ctx, artwork, entry, with_image=False) for artwork, entry in rows)
        return ArtworkPage(views, paging.count_rows(session, statement))


def _if_feeling(view: ArtworkView, feeling: str) -> ArtworkView | None:
    return view if feeling in view.feelings else None


def list_artworks(
    ctx: AppContext, actor: Actor, owner_id: str | None = None, query: ArtworkQuery | None = None
) -> list[ArtworkView]:
    """All of the gallery's pictures the query finds, newest first, with thumbnails."""
    return list(artwork_page(ctx, actor, owner_id, query).items)


def entry_pictures(ctx: AppContext, actor: Actor, entry_id: str) -> list[ArtworkView]:
    """An entry's pictures, full size, oldest first; none when the actor may read the entry's
    mood but its owner does not share art with them (as a note shows as None)."""
    with ctx.unit_of_work() as session:
        entry = db.existing(session, Entry, entry_id, "entry")
        if not access.can_read_owned(ctx, session, actor, entry.owner_id, "mood"):
            access.require_owner(actor, entry.owner_id, audit.Action.READ, OBJECT, entry_id)
        if not access.can_read_owned(ctx, session, actor, entry.owner_id, "art"):
            return []
        rows = session.scalars(
            select(Artwork).where(Artwork.entry_id == entry_id).order_by(Artwork.created_at)
        ).all()
        about = [(artwork.id, entry.owner_id) for artwork in rows]
        ctx.audit_each(session, actor, audit.Action.READ, OBJECT, about)
        return [_view(ctx, artwork, entry, with_image=True) for artwork in rows]


STRENGTHS = ((0.45, "strong"), (0.25, "clear"), (0.15, "a little"))  # even: 0.125


def provenance_in_words(provenance: dict[str, object]) -> str:
    """How a picture was made, in a sentence: 'Painted by model fe38ec59 from sadness
    (strong), pleasantness -0.4, energy -0.2; seed 1234; imperfection 0.3'."""
    vector = [float(v) for v in provenance.get("conditioning") or []]
    weights, scales = vector[: len(PRIMARIES)], vector[len(PRIMARIES) :]
    moods = [
        f"{primary.value} ({next(word for floor, word in STRENGTHS if weight >= floor)})"
        for primary, weight in sorted(zip(PRIMARIES, weights, strict=False), key=lambda p: -p[1])
        if weight >= STRENGTHS[-1][0]
    ][:3]
    if len(scales) >= 2:
        moods.append(f"pleasantness {scales[0]:+.1f}, energy {scales[1]:+.1f}")
    model = str(provenance.get("model_version") or "unknown")[:8]
    parts = [f"Painted by model {model} from {', '.join(moods) or 'a calm middle'}"]
    seeds: dict[int, float] = {}  # a mix of variations names a seed more than once
    for seed, weight in provenance.get("latent") or []:
        seeds[int(seed)] = seeds.get(int(seed), 0.0) + float(weight)
    if len(seeds) == 1:
        parts.append(f"seed {next(iter(seeds))}")
    elif seeds:
        total = sum(seeds.values()) or 1.0
        parts.append(
            "a blend of seeds "
            + ", ".join(f"{seed} ({weight / total:.0%})" for seed, weight in seeds.items())
        )
    parts.append(f"imperfection {float(provenance.get('imperfection') or 0):.2f}")
    zoom = float(provenance.get("crop_zoom") or 1.0)
    finish = provenance.get("filter")
    touches = [f"cropped {zoom:.2f}x closer" if zoom > 1 else ""]
    touches.append(f"finished '{finish}'" if finish and finish != "As painted" else "")
    if any(touches):
        parts.append(" and ".join(t for t in touches if t) + " by you")
    hand = provenance.get(HAND)
    if isinstance(hand, dict):
        strokes = int(hand.get("strokes") or 0)
        parts.append(f"drawn over by you ({counted(strokes, 'stroke')})")
    return "; ".join(parts) + "."


def pictures_by_entry(
    ctx: AppContext, session: Session, owner_id: str, with_image: bool
) -> dict[str, list[ArtworkView]]:
    """Every picture of an owner by entry, oldest first, inside the caller's transaction
    (an export; the caller checks and audits)."""
    query = (
        select(Artwork, Entry)
        .join(Entry, Entry.id == Artwork.entry_id)
        .where(Artwork.owner_id == owner_id)
        .order_by(Artwork.created_at)
    )
    found: dict[str, list[ArtworkView]] = {}
    for artwork, entry in session.execute(query):
        found.setdefault(entry.id, []).append(_view(ctx, artwork, entry, with_image))
    return found


def entry_thumbnails(ctx: AppContext, actor: Actor, entry_ids: list[str]) -> dict[str, bytes]:
    """The first picture's thumbnail for each of these entries that the actor may see."""
    with ctx.unit_of_work() as session:
        rows = session.scalars(
            select(Artwork).where(Artwork.entry_id.in_(entry_ids)).order_by(Artwork.created_at)
        ).all()
        shared = access.owners_sharing(ctx, session, actor, {a.owner_id for a in rows}, "art")
        thumbs: dict[str, bytes] = {}
        owners: set[str] = set()
        for artwork in rows:
            if artwork.entry_id in thumbs:
                continue
            if artwork.owner_id not in shared:
                access.deny(
                    actor,
                    audit.Action.READ,
                    OBJECT,
                    artwork.id,
                    artwork.owner_id,
                    reason="art not shared",
                )
            thumbs[artwork.entry_id] = ctx.cipher.decrypt(
                artwork.thumb_ct, field_context("thumb", artwork.id, artwork.owner_id)
            )
            owners.add(artwork.owner_id)
        about = [(None, owner_id) for owner_id in owners]
        ctx.audit_each(session, actor, audit.Action.READ, "artworks", about)
        return thumbs


# A week's morph within seconds and a megabyte (two pictures a day, 14 pictures and 79
# frames at 256 px, took 33-40 s and 3.5 MB; 8 pictures, 29 frames at 192 px took 25 s on a
# loaded machine): at most 6 pictures, 3 steps between two (16 frames), at 160 px.
MORPH_PICTURES, MORPH_STEPS, MORPH_SIDE = 6, 3, 160


def mood_morph(ctx: AppContext, actor: Actor, since: date, until: date) -> bytes | None:
    """A GIF through the actor's pictures of a period (None if fewer than two)."""
    from therapy_app.art.sampler import Provenance

    pictures = list(
        reversed(list_artworks(ctx, actor, query=ArtworkQuery(since=since, until=until)))
    )
    specs = [Provenance.from_json(p.provenance).spec for p in pictures if "latent" in p.provenance]
    if len(specs) < 2:
        return None
    if len(specs) > MORPH_PICTURES:  # a busy week: its pictures evenly, first and last kept
        last = len(specs) - 1
        specs = [specs[round(i * last / (MORPH_PICTURES - 1))] for i in range(MORPH_PICTURES)]
    return morph_gif(tuple(specs))


@functools.lru_cache(maxsize=8)
def morph_gif(specs: tuple[ArtSpec, ...]) -> bytes:
    """Painted once per process for the same pictures (asked for again on every visit to the
    week, by the person or their therapist); found only by their recipes, after the caller's
    access check in list_artworks."""
    return painter().morph(list(specs), steps=MORPH_STEPS, size=MORPH_SIDE)
