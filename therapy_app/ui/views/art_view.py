"""Make art: candidates painted from an entry's mood; vary, mix, roughen, title, save."""

from __future__ import annotations

import hashlib
import io
import json
import secrets
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

import streamlit as st
from PIL import Image, ImageEnhance, ImageFilter

from therapy_app.art.describe import forms
from therapy_app.art.images import palette, png_bytes
from therapy_app.art.sampler import ArtSpec, Provenance
from therapy_app.errors import TherapyAppError
from therapy_app.journal.models import DraftKind
from therapy_app.mood.checkin import CheckIn
from therapy_app.services import artworks, entries, sessions
from therapy_app.ui import draft_offer, state
from therapy_app.wording import counted

if TYPE_CHECKING:
    from collections.abc import Callable

    from therapy_app.art.sampler import Painter
    from therapy_app.services.actor import Actor
    from therapy_app.services.context import AppContext
    from therapy_app.services.entries import EntryView

ENTRY_KEY = "art-entry"
SPECS_KEY = "art-specs"
IMAGES_KEY = "art-images"
CHOSEN_KEY = "art-chosen"
SEED_KEY = "art-seed"
FINAL_KEY = "art-final"  # (recipe, the chosen picture painted at SHOWN_SIDE, raw RGB)
SHOWN_KEY = "art-shown"  # ([recipe, zoom, filter], that picture touched up, for the screen)
LAST_IMPERFECTION_KEY = "art-last-imperfection"
SESSION_STEP_KEY = "art-session-step"  # painting for a session's art step (art_pages)
DRAW_KEY = "art-draw"  # the toggle: the person's own hand over the picture
DRAWING_KEY = "art-drawing"  # (picture's digest, canvas JSON, layer PNG): kept when hidden
MOUNTED_KEY = "art-drawing-mounted"  # the strokes the canvas starts from when shown again
BRUSH_KEY = "art-brush"  # (colour, width, opacity) of the last run
FREE_COLOUR = "free"
UNDO_AND_REDO = "The arrows undo and redo a stroke."
CANDIDATES = 4
CANDIDATE_SIDE = 192  # painted at the size shown: four columns of about 190 px
FINAL_SIDE = 768  # painted on Save; until then painted and shown at SHOWN_SIDE
SHOWN_SIDE = 520
SCREEN_QUALITY = 90
FILTERS = {
    "As painted": lambda im: im,
    "Warm": lambda im: Image.merge(
        "RGB",
        [
            b.point(lambda v, k=k: min(255, int(v * k)))
            for b, k in zip(im.split(), (1.08, 1.0, 0.9), strict=True)
        ],
    ),
    "Cool": lambda im: Image.merge(
        "RGB",
        [
            b.point(lambda v, k=k: min(255, int(v * k)))
            for b, k in zip(im.split(), (0.92, 1.0, 1.08), strict=True)
        ],
    ),
    "Soft": lambda im: im.filter(ImageFilter.GaussianBlur(1.2)),
    "Vivid": lambda im: ImageEnhance.Color(im).enhance(1.35),
    "Quiet": lambda im: ImageEnhance.Color(im).enhance(0.6),
}


def _painter() -> Painter:
    """The process's one art model (kept by artworks.painter), loaded on first use."""
    with st.spinner("Loading the art model…"):
        return artworks.painter()


def _entry_label(view: EntryView) -> str:
    feelings = ", ".join(f.word for f in view.feelings[:3])
    mood = view.quick_mood.label if view.quick_mood else f"pleasant {view.valence:+.1f}"
    return f"{view.local_time:%a %d %b, %H:%M} · {mood}" + (f" · {feelings}" if feelings else "")


def _choose_entry(ctx: AppContext, actor: Actor) -> EntryView | None:
    recent = entries.list_entries(ctx, actor, entries.EntryQuery(limit=30)).items
    if not recent:
        st.info(
            "Art is painted from a check-in. Check in first, then come back here.",
            icon=":material/palette:",
        )
        return None
    ids = [v.id for v in recent]
    wanted = st.session_state.get(ENTRY_KEY)
    if wanted and wanted not in ids:
        older = state.attempt(lambda: entries.get_entry(ctx, actor, wanted))
        if older:
            ids.insert(0, wanted)
            recent = (older, *recent)
    labels = {v.id: _entry_label(v) for v in recent}
    chosen = st.selectbox(
        "Paint from this entry",
        options=ids,
        format_func=labels.get,
        index=ids.index(wanted) if wanted in ids else 0,
        key="art-entry-pick",
    )
    if chosen != st.session_state.get(ENTRY_KEY):
        st.session_state[ENTRY_KEY] = chosen
        st.session_state.pop(SPECS_KEY, None)
    return next(v for v in recent if v.id == chosen)


def _on_screen(image: Image.Image) -> bytes:
    """A picture to show: JPEG, encoded once and kept (a 768 px PNG took 80-120 ms to encode
    and was 750 KB to send, on every rerun; this is 3 ms and 90 KB). Saving stores PNG."""
    buffer = io.BytesIO()
    image.convert("RGB").save(buffer, format="JPEG", quality=SCREEN_QUALITY)
    return buffer.getvalue()


def _paint(painter: Painter, specs: list[ArtSpec]) -> list[bytes]:
    return [_on_screen(image) for image in painter.paint(specs)]


def _set_candidates(painter: Painter, specs: list[ArtSpec]) -> None:
    st.session_state[SPECS_KEY] = [painter.provenance(s).as_json() for s in specs]
    st.session_state[IMAGES_KEY] = _paint(painter, specs)
    for key in (CHOSEN_KEY, FINAL_KEY, SHOWN_KEY, DRAWING_KEY, MOUNTED_KEY):
        st.session_state.pop(key, None)


def _specs() -> list[ArtSpec]:
    return [Provenance.from_json(p).spec for p in st.session_state.get(SPECS_KEY, [])]


def _fresh(painter: Painter, check_in: CheckIn, imperfection: float) -> None:
    locked = st.session_state.get("art-lock") and st.session_state.get(SEED_KEY) is not None
    base = st.session_state[SEED_KEY] if locked else secrets.randbelow(2**31 - 100)
    st.session_state[SEED_KEY] = base
    _set_candidates(
        painter,
        [
            artworks.spec_for(check_in, base + i, imperfection, CANDIDATE_SIDE)
            for i in range(CANDIDATES)
        ],
    )


def _candidates(painter: Painter) -> None:
    specs = _specs()
    images = st.session_state.get(IMAGES_KEY, [])
    columns = st.columns(CANDIDATES)
    mix = []
    for index, (column, spec, image) in enumerate(zip(columns, specs, images, strict=False)):
        with column:
            st.image(
                image, width="stretch", alt=f"Candidate {index + 1}: {forms(spec.conditioning)}"
            )
            st.button(
                "Keep this",
                key=f"art-keep-{index}",
                icon=":material/favorite:",
                on_click=_keep,
                args=(index,),
            )
            st.button(
                "More like this",
                key=f"art-more-{index}",
                icon=":material/auto_awesome:",
                on_click=_more_like,
                args=(painter, spec),
            )
            if st.checkbox("Mix", key=f"art-mix-{index}"):
                mix.append(spec)
    if len(mix) == 2:
        st.button(
            "Mix these two",
            key="art-mix",
            icon=":material/join:",
            on_click=_mix,
            args=(painter, mix[0], mix[1]),
        )


def _keep(index: int) -> None:
    st.session_state[CHOSEN_KEY] = index


def _more_like(painter: Painter, spec: ArtSpec) -> None:
    """Callbacks paint before the run: one run per click, not one and a rerun."""
    seeds = [secrets.randbelow(2**31) for _ in range(CANDIDATES - 1)]
    _set_candidates(painter, [spec, *(spec.more_like_this(s) for s in seeds)])


def _mix(painter: Painter, first: ArtSpec, second: ArtSpec) -> None:
    """Callback (runs before widgets exist, so the Mix boxes can be cleared)."""
    steps = (0.25, 0.5, 0.75)
    _set_candidates(painter, [first, *(first.mixed_with(second, t) for t in steps)])
    for index in range(CANDIDATES):
        st.session_state[f"art-mix-{index}"] = False  # set, not deleted: the box unticks


def _touch_up(painted: bytes, side: int, zoom: float, choice: str) -> Image.Image:
    """The chosen picture (raw RGB, ``side`` square) cropped closer and filtered."""
    image = Image.frombytes("RGB", (side, side), painted)
    if zoom > 1.0:
        keep_w, keep_h = image.width / zoom, image.height / zoom
        left_edge, top_edge = (image.width - keep_w) / 2, (image.height - keep_h) / 2
        box = (
            round(left_edge),
            round(top_edge),
            round(left_edge + keep_w),
            round(top_edge + keep_h),
        )
        image = image.crop(box).resize((side, side), Image.Resampling.LANCZOS)
    return FILTERS[choice](image)


def _chosen(painter: Painter, save: Saver) -> None:
    index = st.session_state.get(CHOSEN_KEY)
    if index is None:
        return
    final = replace(_specs()[index], size=FINAL_SIDE)
    recipe = painter.provenance(final).as_json()
    st.divider()
    st.subheader("Your picture")
    cached = st.session_state.get(FINAL_KEY)
    if not cached or cached[0] != recipe:  # painted once per chosen picture, kept raw
        on_screen = replace(final, size=SHOWN_SIDE)  # 46% of the pixels: the saved size waits
        cached = (recipe, painter.paint([on_screen])[0].convert("RGB").tobytes())
        st.session_state[FINAL_KEY] = cached
    left, right = st.columns(2)
    zoom = left.slider("Crop closer", 1.0, 2.0, 1.0, 0.05, key="art-zoom")
    choice = right.selectbox("Finishing filter", options=list(FILTERS), key="art-filter")
    shown = st.session_state.get(SHOWN_KEY)
    if not shown or shown[0] != [recipe, zoom, choice]:  # a title typed reruns, not repaints
        shown = ([recipe, zoom, choice], _on_screen(_touch_up(cached[1], SHOWN_SIDE, zoom, choice)))
        st.session_state[SHOWN_KEY] = shown
    drawing = None
    if st.toggle(
        "Draw on it",
        key=DRAW_KEY,
        on_change=_mount_strokes,
        help="Your own hand over the picture, kept apart from what the model painted. "
        "Switched off, the picture is saved without your strokes (they come back here).",
    ):
        drawing = _brush(shown[1], recipe, cached[1])
    else:
        st.image(shown[1], width=SHOWN_SIDE, alt=f"Your picture: {forms(final.conditioning)}")
    title = st.text_input(
        "Give it a title (optional)", max_chars=artworks.MAX_TITLE_CHARS, key="art-title"
    )
    if st.button(save.label, type="primary", key="art-save", icon=":material/save:"):
        provenance = painter.provenance(final)
        provenance.extras.update({"crop_zoom": zoom, "filter": choice})
        painted = painter.paint([final])[0].convert("RGB").tobytes()
        picture = png_bytes(_touch_up(painted, FINAL_SIDE, zoom, choice))
        new = artworks.NewArtwork(picture, provenance.as_json(), title, drawing)
        if state.attempt(lambda: save.store(new)):
            for key in (*FORGOTTEN_ON_SAVE, "art-title"):
                st.session_state.pop(key, None)
            save.then()


@dataclass(frozen=True)
class Saver:
    """Where a kept picture goes: ``store`` saves it (truthy when saved), ``then`` moves on."""

    label: str
    store: Callable[[artworks.NewArtwork], object]
    then: Callable[[], None]


def _to_entry(ctx: AppContext, actor: Actor, entry: EntryView) -> Saver:
    def then() -> None:
        draft_offer.forget(ctx, actor, DraftKind.ART)
        # NOTE: imported here: art_pages imports this view
        from therapy_app.ui import art_pages

        art_pages.open_entry(
            entry.id, "Your picture is saved with this entry. It is in the gallery too."
        )

    return Saver(
        "Save with this entry",
        lambda art: artworks.save_artwork(ctx, actor, entry.id, art),
        then,
    )


def _to_session(ctx: AppContext, actor: Actor, step: dict[str, object]) -> Saver:
    # NOTE: imported here: art_pages imports this view
    from therapy_app.ui import art_pages

    session_id, index = str(step["session_id"]), int(step["index"])
    return Saver(
        "Keep for the session",
        lambda art: sessions.art_step(ctx, actor, session_id, index, art),
        art_pages.back_to_session,
    )


def _digest(recipe: dict[str, object]) -> str:
    return hashlib.sha256(json.dumps(recipe, sort_keys=True).encode()).hexdigest()[:12]


def _mount_strokes() -> None:
    """When the canvas is shown again it starts from the strokes drawn before."""
    kept = st.session_state.get(DRAWING_KEY)
    st.session_state[MOUNTED_KEY] = kept[:2] if kept else None


def _brush(shown: bytes, recipe: dict[str, object], painted: bytes) -> artworks.Drawing | None:
    """A canvas over the picture (brush colour from its palette or free, width, opacity,
    and the canvas's own undo); what is drawn, at the saved picture's size."""
    # NOTE: imported here: the component registers itself on import (a page that never
    # draws does not pay for it)
    from streamlit_drawable_canvas import st_canvas

    colours = palette(Image.frombytes("RGB", (SHOWN_SIDE, SHOWN_SIDE), painted))
    pick, width, opacity = st.columns([3, 1, 1])
    chosen = pick.pills(
        "Brush colour (from the picture, or your own)",
        options=[*colours, FREE_COLOUR],
        default=colours[0],
        format_func=_swatch,
        key="art-brush-colour",
    )
    colour = (
        pick.color_picker("Your own colour", "#1f1f1f", key="art-brush-free")
        if chosen == FREE_COLOUR
        else chosen or colours[0]
    )
    size = width.slider("Brush width", 2, 60, 12, key="art-brush-width")
    alpha = opacity.slider("Opacity", 0.1, 1.0, 0.8, 0.05, key="art-brush-opacity")
    red, green, blue = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    brush = (colour, size, alpha)
    if st.session_state.get(BRUSH_KEY, brush) != brush:
        # The canvas sometimes starts afresh after the brush changes, from its first
        # drawing: the strokes so far become that drawing, so none is wiped.
        _mount_strokes()
    st.session_state[BRUSH_KEY] = brush
    digest = _digest(recipe)
    mounted = st.session_state.get(MOUNTED_KEY)
    result = st_canvas(
        stroke_width=size,
        stroke_color=f"rgba({red}, {green}, {blue}, {alpha})",
        background_image=shown,
        width=SHOWN_SIDE,
        height=SHOWN_SIDE,
        initial_drawing=mounted[1] if mounted and mounted[0] == digest else None,
        return_image_data=True,
        key=f"art-canvas-{digest}",
    )
    strokes = len((result.json_data or {}).get("objects") or [])
    layer = result.image_bytes if strokes else None
    st.session_state[DRAWING_KEY] = (digest, result.json_data, layer)
    if not layer:
        st.caption(f"Draw with the mouse or a finger. {UNDO_AND_REDO}")
        return None
    st.caption(
        f"{counted(strokes, 'stroke')} of yours, saved with the picture and kept apart from "
        f"what the model painted. {UNDO_AND_REDO}"
    )
    with Image.open(io.BytesIO(layer)) as drawn:
        full = drawn.convert("RGBA").resize((FINAL_SIDE, FINAL_SIDE), Image.Resampling.LANCZOS)
    return artworks.Drawing(png_bytes(full, "RGBA"), strokes)


def _swatch(option: str) -> str:
    if option == FREE_COLOUR:
        return "Your own…"
    return f':color[⬤]{{foreground="{option}"}}'


def render() -> None:
    ctx, actor = state.require_actor()
    st.title("Make art")
    st.caption("The picture is painted from how you felt. You choose, vary and finish it.")
    step = st.session_state.get(SESSION_STEP_KEY)
    if step:
        _session_prompt(step)
    try:
        painter = _painter()
    except TherapyAppError as error:
        st.info(str(error), icon=":material/palette:")
        return
    if step:
        check_in = CheckIn.from_json(step["check_in"])
        _workspace(ctx, actor, painter, check_in, _to_session(ctx, actor, step), False)
        return
    draft_offer.offer(ctx, actor, DraftKind.ART, "a picture", _draft_preview, _restore_draft)
    entry = _choose_entry(ctx, actor)
    if entry is None:
        return
    _workspace(ctx, actor, painter, entry.as_check_in(), _to_entry(ctx, actor, entry), True)


def _session_prompt(step: dict[str, object]) -> None:
    """Painting for an art step of a guided session: its prompt, and the way back."""
    with st.container(border=True, key="art-session-prompt"):
        st.markdown("**For your session**")
        st.text(str(step["prompt"]))
    if st.button("Back to the session", key="art-session-back", icon=":material/arrow_back:"):
        # NOTE: imported here: art_pages imports this view
        from therapy_app.ui import art_pages

        art_pages.back_to_session()


@st.fragment
def _workspace(
    ctx: AppContext,
    actor: Actor,
    painter: Painter,
    check_in: CheckIn,
    save: Saver,
    keep_draft: bool,
) -> None:
    """Everything below the entry's choice: a control here reruns only this part of the page
    (not the sidebar, the entry list or the draft check)."""
    controls = st.columns([3, 1, 1])
    imperfection = controls[0].slider(
        "Imperfection",
        0.0,
        1.0,
        0.15,
        0.05,
        key="art-imperfection",
        help="0: clean and calm · 1: glitches and rough edges from inside the painter",
    )
    controls[1].toggle("Lock seed", key="art-lock")
    reroll = controls[2].button("Reroll", icon=":material/casino:", key="art-reroll")
    if reroll or SPECS_KEY not in st.session_state:
        _fresh(painter, check_in, imperfection)
    elif IMAGES_KEY not in st.session_state:  # a draft brought back: its recipes, repainted
        st.session_state[IMAGES_KEY] = _paint(painter, _specs())
    elif st.session_state.get(LAST_IMPERFECTION_KEY) != imperfection:
        _set_candidates(painter, [replace(s, imperfection=imperfection) for s in _specs()])
    st.session_state[LAST_IMPERFECTION_KEY] = imperfection
    _candidates(painter)
    _chosen(painter, save)
    if keep_draft:
        draft_offer.keep(ctx, actor, DraftKind.ART, _draft())


FORGOTTEN_ON_SAVE = (
    SPECS_KEY,
    IMAGES_KEY,
    CHOSEN_KEY,
    FINAL_KEY,
    SHOWN_KEY,
    DRAWING_KEY,
    MOUNTED_KEY,
    BRUSH_KEY,
    DRAW_KEY,
)
DRAFTED = ("art-title", "art-zoom", "art-filter", "art-imperfection", SEED_KEY)


def _draft() -> dict[str, object] | None:
    """A chosen picture and how it is being finished (its recipes, not its pixels)."""
    if st.session_state.get(CHOSEN_KEY) is None:
        return None
    return {
        "entry_id": st.session_state[ENTRY_KEY],
        "specs": st.session_state[SPECS_KEY],
        "chosen": st.session_state[CHOSEN_KEY],
        **{key: st.session_state.get(key) for key in DRAFTED},
    }


def _draft_preview(content: dict[str, object]) -> str:
    return str(content.get("art-title") or "")


def _restore_draft(content: dict[str, object]) -> None:
    st.session_state[ENTRY_KEY] = st.session_state["art-entry-pick"] = content["entry_id"]
    st.session_state[SPECS_KEY] = content["specs"]
    st.session_state[CHOSEN_KEY] = content["chosen"]
    st.session_state[LAST_IMPERFECTION_KEY] = content.get("art-imperfection")
    for key in DRAFTED:
        if content.get(key) is not None:
            st.session_state[key] = content[key]
    for key in (IMAGES_KEY, FINAL_KEY, SHOWN_KEY):
        st.session_state.pop(key, None)
