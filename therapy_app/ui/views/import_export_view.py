"""Import and export: bring history from Daylio or How We Feel (preview first, then the mood
mapping, then one confirmed write), and take the journal away as CSV, JSON, ZIP or PDF."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd
import streamlit as st

from therapy_app.interop import EXPORT_FORMATS, IMPORT_FORMATS, get_exporter, get_importer
from therapy_app.interop.records import local_time
from therapy_app.mood.feelings import feeling_label
from therapy_app.mood.scales import QuickMood
from therapy_app.services import exports, imports
from therapy_app.services.bulk_art import BulkArtJobs, entries_without_art
from therapy_app.ui import state, widgets

if TYPE_CHECKING:
    from streamlit.runtime.uploaded_file_manager import UploadedFile

    from therapy_app.services.actor import Actor
    from therapy_app.services.context import AppContext
    from therapy_app.services.imports import ImportPlan

IMPORT_LABELS = {
    "daylio": "Daylio (CSV export)",
    "howwefeel": "How We Feel (CSV export)",
    "json": "This app's export (JSON)",
    "zip": "This app's export (ZIP, with pictures)",
}
EXPORT_LABELS = {
    "csv": "CSV: entries, for a spreadsheet",
    "json": "JSON: entries, to move to another server",
    "zip": "ZIP: everything, pictures and provenance included",
    "pdf": "PDF: an art journal to print, by month",
}
MIME = {
    "csv": "text/csv",
    "json": "application/json",
    "zip": "application/zip",
    "pdf": "application/pdf",
}
PREVIEW_ROWS = 10
LEVELS = [mood.label for mood in QuickMood]


def render() -> None:
    ctx, actor = state.require_actor()
    st.title("Import and export")
    st.caption("Your history is yours: bring it in from another app, or take it with you.")
    importing, pictures, exporting = st.tabs(["Import", "Pictures", "Export"])
    with importing:
        _import_section(ctx, actor)
    with pictures:
        _pictures_section(ctx, actor)
    with exporting:
        _export_section(ctx, actor)


def _count(number: int, noun: str) -> str:
    """'1 entry', '7 entries', '0 pictures'."""
    plural = {"entry": "entries"}.get(noun, f"{noun}s")
    return f"{number} {noun if number == 1 else plural}"


@st.cache_resource(show_spinner=False)
def _painting_jobs() -> BulkArtJobs:
    """This server process's painting jobs (one per person; holds progress, never content)."""
    return BulkArtJobs()


def _pictures_section(ctx: AppContext, actor: Actor) -> None:
    """Pictures for entries that have none (imported ones), painted from each entry's mood.
    The painting goes on if the page is left; the progress is here on return."""
    jobs = _painting_jobs()
    job = jobs.status(actor.user_id)
    if job and job.running:
        _painting_progress(actor.user_id)
        return
    if job and job.error:
        st.error(job.error, icon=":material/error:")
    elif job and job.total:
        painted = f"Painted {job.done} of {_count(job.total, 'picture')}."
        st.success(painted, icon=":material/palette:")
    missing = len(entries_without_art(ctx, actor))
    if not missing:
        st.caption("Every entry in your journal has a picture.")
        return
    st.caption(
        f"Entries without a picture: {missing}. The app can paint one for each from its "
        "mood; you can change or remove any of them later in the gallery."
    )
    if st.button(f"Paint {_count(missing, 'picture')}", key="bulk-art-start"):
        jobs.start(ctx, actor)
        st.rerun()


@st.fragment(run_every=2.0)
def _painting_progress(user_id: str) -> None:
    """Redrawn every two seconds while the painting runs; the page is redrawn once it ends."""
    jobs = _painting_jobs()
    job = jobs.status(user_id)
    if job is None or not job.running:
        st.rerun()
        return
    share = job.done / job.total if job.total else 1.0
    st.progress(share, text=f"{job.done} of {_count(job.total, 'picture')} painted")
    st.caption("You can leave this page; the painting goes on and this shows where it is.")
    if st.button("Stop painting", key="bulk-art-stop", disabled=job.stop_requested):
        jobs.stop(user_id)


def _import_section(ctx: AppContext, actor: Actor) -> None:
    fmt = st.selectbox(
        "What are you importing?",
        IMPORT_FORMATS,
        format_func=IMPORT_LABELS.__getitem__,
        key="import-format",
    )
    upload = st.file_uploader(
        "The exported file",
        type=[get_importer(fmt).extension],
        key=f"import-file-{fmt}",
        help="Nothing is saved until you have seen the preview and confirmed.",
    )
    if upload is None:
        st.caption(f"Times are read in your time zone, {actor.timezone} (Settings).")
        return
    with tempfile.TemporaryDirectory(prefix="therapy_app-import-") as folder:
        path = Path(folder) / Path(upload.name).name
        path.write_bytes(upload.getvalue())
        mood_map = _mood_mapping(ctx, actor, fmt, path, upload) if fmt == "daylio" else {}
        if mood_map is None:
            return
        plan = state.attempt(
            lambda: imports.plan_import(ctx, actor, fmt, path, mood_map), quotes_user_text=True
        )
        if plan is None:
            return
        _preview(plan)
        label = f"Import {_count(len(plan.new), 'entry')}"
        blocked = bool(plan.errors) or not plan.new
        if st.button(label, type="primary", disabled=blocked, key="import-confirm"):
            done = state.attempt(
                lambda: imports.import_file(ctx, actor, fmt, path, mood_map),
                quotes_user_text=True,
            )
            if done is not None:
                st.session_state.pop(_guesses_key(upload), None)
                st.success(
                    f"Imported {_count(done[1], 'entry')}. They are on your timeline and in your "
                    "journal; importing this file again adds nothing.",
                    icon=":material/check_circle:",
                )


def _guesses_key(upload: UploadedFile) -> str:
    return f"import-guesses-{upload.file_id}"


def _mood_mapping(
    ctx: AppContext, actor: Actor, fmt: str, path: Path, upload: UploadedFile
) -> dict[str, QuickMood] | None:
    """Daylio moods are names the person chose; each gets one of the five levels here,
    pre-filled from the names, editable. The first reading's guesses are kept for this file
    so that edits apply to the same table."""
    key = _guesses_key(upload)
    if key not in st.session_state:
        first = state.attempt(
            lambda: imports.plan_import(ctx, actor, fmt, path), quotes_user_text=True
        )
        if first is None:
            return None
        st.session_state[key] = {label: level.label for label, level in first.moods.items()}
    guesses: dict[str, str] = st.session_state[key]
    st.subheader("Your moods")
    st.caption(
        "Daylio lets you name your moods. Choose how each one maps onto this app's five "
        "levels, from awful to great."
    )
    table = pd.DataFrame({"Mood in Daylio": list(guesses), "Level here": list(guesses.values())})
    edited = st.data_editor(
        table,
        column_config={
            "Mood in Daylio": st.column_config.TextColumn(disabled=True),
            "Level here": st.column_config.SelectboxColumn(options=LEVELS, required=True),
        },
        hide_index=True,
        width="stretch",
        key=f"import-map-{upload.file_id}",
    )
    # Only the levels the person changed: the others stay the importer's reading, so a
    # guess nobody has looked at is still listed under the problems.
    return {
        str(label): QuickMood[str(level).upper()]
        for label, level in zip(edited["Mood in Daylio"], edited["Level here"], strict=True)
        if level in LEVELS and level != guesses.get(str(label))
    }


def _preview(plan: ImportPlan) -> None:
    st.subheader("Preview")
    new, known, problems = st.columns(3)
    new.metric("New entries", len(plan.new))
    known.metric("Already in your journal", plan.duplicates)
    problems.metric("Problems", len(plan.problems))
    if plan.date_range:
        first, last = plan.date_range
        st.caption(f"From {first:%d %B %Y} to {last:%d %B %Y}.")
    if plan.new:
        shown = _count(min(PREVIEW_ROWS, len(plan.new)), "entry")
        st.caption(f"The first {shown}, as they will be stored:")
        rows = [
            {
                "When": f"{local_time(record):%Y-%m-%d %H:%M}",
                "Their mood": record.source_mood,
                "Mood here": record.check_in.quick_mood.label if record.check_in.quick_mood else "",
                "Feelings": ", ".join(
                    feeling_label(f.word, f.intensity) for f in record.check_in.feelings
                ),
                "Tags": ", ".join(record.check_in.tags),
                "Note": widgets.note_excerpt(record.check_in.note, lines=2, chars=120),
                "Pictures": len(record.artworks),
            }
            for record in plan.new[:PREVIEW_ROWS]
        ]
        st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch", key="import-rows")
    if plan.problems:
        st.caption(
            "Problems: errors must be fixed in the file before it can be imported; "
            "warnings say what was assumed or repaired."
        )
        st.dataframe(
            pd.DataFrame(
                [
                    {"Line": p.line, "Kind": p.severity.value, "Problem": p.message}
                    for p in plan.problems
                ]
            ),
            hide_index=True,
            width="stretch",
            key="import-problems",
        )
    if plan.errors:
        st.error(
            f"{len(plan.errors)} rows cannot be imported; nothing will be saved until they are "
            "fixed.",
            icon=":material/error:",
        )
    elif not plan.new:
        st.info("Everything in this file is already in your journal.", icon=":material/info:")


def _export_section(ctx: AppContext, actor: Actor) -> None:
    fmt = st.radio(
        "Format", EXPORT_FORMATS, format_func=EXPORT_LABELS.__getitem__, key="export-format"
    )
    everything = st.toggle("All of my journal", value=True, key="export-all")
    since = until = None
    if not everything:
        left, right = st.columns(2)
        since = left.date_input("From", value=None, key="export-since")
        until = right.date_input("Until", value=None, key="export-until")
    if not st.button(f"Prepare the {fmt.upper()} file", key="export-prepare"):
        return
    extension = get_exporter(fmt).extension
    with tempfile.TemporaryDirectory(prefix="therapy_app-export-") as folder:
        out = Path(folder) / f"journal.{extension}"
        with st.spinner("Preparing your file…"):
            done = state.attempt(lambda: exports.export_journal(ctx, actor, fmt, out, since, until))
        if done is None:
            return
        data = out.read_bytes()
    ready = f"{_count(done.entries, 'entry')} and {_count(done.pictures, 'picture')}"
    st.success(f"{ready} are ready.")
    st.download_button(
        f"Download journal.{extension}",
        data,
        file_name=f"journal.{extension}",
        mime=MIME[fmt],
        icon=":material/download:",
        on_click="ignore",
        key="export-download",
    )
