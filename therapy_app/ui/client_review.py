"""One client's page for their therapist, within what the client shares: flags to
acknowledge, questionnaire trends, sessions (plan one; history with before/after and the art
of each), the timeline and recent entries, private DAP notes and the PDF report."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from typing import TYPE_CHECKING

import pandas as pd
import streamlit as st

from therapy_app.insights import summaries
from therapy_app.insights.measure_charts import measure_trend
from therapy_app.mood.directives import DIRECTIVES
from therapy_app.mood.measures import Measure
from therapy_app.mood.session_plan import plan_from_directive
from therapy_app.services import entries, reports, review, sessions
from therapy_app.ui import state, widgets
from therapy_app.ui.views import timeline_view

if TYPE_CHECKING:
    from therapy_app.mood.session_plan import MoodPoint
    from therapy_app.services.actor import Actor
    from therapy_app.services.context import AppContext
    from therapy_app.services.sessions import SessionView

TAB_KEY = "caseload-tab"
NOTE_KEY = "dap-{part}-{client}-{generation}"  # a new generation: empty fields
GENERATION_KEY = "dap-generation-{client}"
REPORT_KEY = "report-pdf-{client}"


def show(ctx: AppContext, actor: Actor, client_id: str) -> None:
    page = state.attempt(lambda: review.client_page(ctx, actor, client_id))
    if page is None:
        return
    st.text(page.name, width="stretch")
    st.caption(_scope_words(page))
    tabs = ["Overview", "Sessions"]
    tabs += ["Timeline", "Recent entries"] if page.scope.mood else []
    tabs += ["Notes", "Report"]
    opened = st.tabs(tabs, on_change="rerun", key=TAB_KEY)
    parts = {
        "Overview": lambda: _overview(ctx, actor, page),
        "Sessions": lambda: _sessions(ctx, actor, page),
        "Timeline": lambda: timeline_view.show(ctx, actor, owner_id=client_id),
        "Recent entries": lambda: _recent_entries(ctx, actor, client_id),
        "Notes": lambda: _notes(ctx, actor, page),
        "Report": lambda: _report(ctx, actor, page),
    }
    for name, tab in zip(tabs, opened, strict=True):
        if tab.open:
            with tab:
                parts[name]()


def _scope_words(page: review.ClientPage) -> str:
    shared = [
        name
        for name, on in (
            ("journal check-ins", page.scope.mood),
            ("notes", page.scope.notes),
            ("pictures", page.scope.art),
            ("work made in sessions", page.scope.sessions),
        )
        if on
    ]
    until = f" until {page.ends_on:%d %B %Y}" if page.ends_on else ""
    return f"Shares {', '.join(shared)}{until}."


def _first_upper(text: str) -> str:
    return text[:1].upper() + text[1:]


def _overview(ctx: AppContext, actor: Actor, page: review.ClientPage) -> None:
    st.subheader("Flags", anchor=False)
    if not page.flags:
        st.text("No flags in the last 90 days.")
    for flag in page.flags:
        when = widgets.when(flag.at, actor.timezone)
        if flag.open:
            st.warning(
                f"{_first_upper(flag.kind.value)} · {when}",
                icon=":material/flag:",
            )
            st.text(flag.description)
            if st.button("Acknowledge", key=f"ack-{flag.key}", icon=":material/done:"):
                done = state.attempt(
                    lambda flag=flag: review.acknowledge_flag(ctx, actor, page.client_id, flag.key)
                )
                if done:
                    st.rerun()
        else:
            seen = widgets.when(flag.acknowledged_at, actor.timezone)
            st.text(
                f"{_first_upper(flag.kind.value)} · {when}: {flag.description} "
                f"Acknowledged by {flag.acknowledged_by} on {seen}."
            )
    st.subheader("Questionnaires", anchor=False)
    if not page.measures:
        st.text("No PHQ-9 or GAD-7 scores yet.")
    for measure in Measure:
        taken = [(m.on, m.total, m.band) for m in page.measures if m.measure is measure]
        if taken:
            st.markdown(f"**{measure.label}** · latest {taken[-1][1]} ({taken[-1][2]})")
            st.text(summaries.scores(measure.label, taken))
            trend = measure_trend(measure, [(on, total) for on, total, _ in taken])
            st.altair_chart(trend, width="stretch")
            table = pd.DataFrame(taken, columns=["Day", "Total", "Band"])
            widgets.table_on_request(table, f"measure-{measure.value}-{page.client_id}")
    st.caption("Scores are screening figures to talk about, never a diagnosis.")


def _sessions(ctx: AppContext, actor: Actor, page: review.ClientPage) -> None:
    if page.scope.sessions:
        _plan_form(ctx, actor, page.client_id)
    else:
        st.info("This client does not share guided sessions with you.")
        return
    if not page.sessions:
        st.text("No sessions yet.")
    for view in page.sessions:
        _session_card(ctx, actor, view)


def _plan_form(ctx: AppContext, actor: Actor, client_id: str) -> None:
    with (
        st.expander("Prepare a session", icon=":material/edit_calendar:"),
        st.form(f"plan-{client_id}", clear_on_submit=True),
    ):
        titles = {d.id: d.title for d in DIRECTIVES}
        chosen = st.selectbox(
            "Art directive", list(titles), format_func=titles.get, key=f"plan-directive-{client_id}"
        )
        measures = st.multiselect(
            "Questionnaires",
            list(Measure),
            format_func=lambda m: m.label,
            key=f"plan-measures-{client_id}",
        )
        homework = st.checkbox("As homework", key=f"plan-homework-{client_id}")
        day = st.date_input("On (optional)", value=None, key=f"plan-day-{client_id}")
        if st.form_submit_button("Prepare the session", icon=":material/add:"):
            plan = plan_from_directive(chosen, tuple(measures), homework=homework)
            at = datetime.combine(day, time(9), UTC) if day else None
            if state.attempt(lambda: sessions.create_plan(ctx, actor, client_id, plan, at)):
                st.success(f"“{titles[chosen]}” is ready for your client.")


def _change(point: MoodPoint | None, signed: bool = False) -> str:
    if point is None:
        return "not yet"
    number = "{:+.2f}" if signed else "{:.2f}"
    return (
        f"pleasant {number.format(point.valence)} · energy {number.format(point.energy)}"
        f" · control {number.format(point.control)}"
    )


def _session_card(ctx: AppContext, actor: Actor, view: SessionView) -> None:
    with st.container(border=True, key=f"session-card-{view.id}"):
        when = view.completed_at or view.started_at or view.scheduled_for
        day = widgets.when(when, actor.timezone) if when else "not scheduled"
        st.text(f"{view.plan.title} · {view.status.in_words}")
        st.caption(day)
        st.text(f"Before: {_change(view.before)}\nAfter: {_change(view.after)}")
        if view.change:
            st.text(f"Change: {_change(view.change, signed=True)}")
        for result in view.measures:
            st.text(f"{result.score.measure.label}: {result.score.total} ({result.score.band})")
        for flag in view.flags:
            st.warning(flag.kind.label, icon=":material/flag:")
        if view.artwork_ids:
            columns = st.columns(min(4, len(view.artwork_ids)))
            for column, artwork_id in zip(columns, view.artwork_ids, strict=False):
                png = state.attempt(
                    lambda artwork_id=artwork_id: review.session_picture(
                        ctx, actor, view.id, artwork_id
                    )
                )
                if png:
                    column.image(png, width=160)


def _recent_entries(ctx: AppContext, actor: Actor, client_id: str) -> None:
    found = state.attempt(
        lambda: entries.list_entries(ctx, actor, entries.EntryQuery(limit=30), owner_id=client_id)
    )
    if found is None:
        return
    widgets.unreadable_entries(found)
    for view in found.items:
        if view.risk_flag:
            st.warning("This entry raised a safety flag.", icon=":material/flag:")
        widgets.entry_card(view, key=f"client-{view.id}", show_open=False)


def _notes(ctx: AppContext, actor: Actor, page: review.ClientPage) -> None:
    st.caption("Private to you: your client never sees these notes. Stored encrypted.")
    generation_key = GENERATION_KEY.format(client=page.client_id)
    generation = st.session_state.get(generation_key, 0)
    keys = {
        part: NOTE_KEY.format(part=part, client=page.client_id, generation=generation)
        for part in ("d", "a", "p")
    }
    done = [view for view in page.sessions if view.progress.records]
    titles = {
        view.id: f"{view.plan.title} · {widgets.when(view.started_at, actor.timezone)}"
        for view in done
        if view.started_at
    }
    session_id = st.selectbox(
        "About the session",
        list(titles),
        format_func=titles.get,
        index=None,
        key=f"dap-session-{page.client_id}",
        placeholder="No session (a general note)",
    )
    if session_id and st.button("Fill in the session's facts", key=f"dap-fill-{page.client_id}"):
        draft = state.attempt(lambda: review.dap_prefill(ctx, actor, session_id))
        if draft:
            st.session_state[keys["d"]] = draft.data
    data = st.text_area("Data: what happened (facts)", key=keys["d"], height=160)
    assessment = st.text_area("Assessment: your view", key=keys["a"])
    plan = st.text_area("Plan: what next", key=keys["p"])
    if st.button("Save note", key=f"dap-save-{page.client_id}", icon=":material/save:"):
        note = review.DapNote(data, assessment, plan, session_id)
        if state.attempt(lambda: review.save_note(ctx, actor, page.client_id, note)):
            st.session_state[generation_key] = generation + 1
            st.rerun()
    for note in page.notes:
        written = widgets.when(note.written_at, actor.timezone)
        with st.expander(f"Note of {written}"):
            for label, body in (("Data", note.data), ("Assessment", note.assessment)):
                if body:
                    st.markdown(f"**{label}**")
                    st.text(body)
            if note.plan:
                st.markdown("**Plan**")
                st.text(note.plan)


def _report(ctx: AppContext, actor: Actor, page: review.ClientPage) -> None:
    today = ctx.clock().date()
    first, last = st.columns(2)
    since = first.date_input(
        "From",
        value=today - timedelta(days=reports.DEFAULT_DAYS - 1),
        key=f"report-since-{page.client_id}",
    )
    until = last.date_input("To", value=today, key=f"report-until-{page.client_id}")
    with_notes = st.checkbox("Include my notes", key=f"report-notes-{page.client_id}")
    key = REPORT_KEY.format(client=page.client_id)
    if st.button(
        "Prepare the PDF report",
        key=f"report-make-{page.client_id}",
        icon=":material/picture_as_pdf:",
    ):
        st.session_state[key] = state.attempt(
            lambda: reports.client_report(
                ctx, actor, page.client_id, since=since, until=until, with_notes=with_notes
            )
        )
    pdf = st.session_state.get(key)
    if pdf:
        st.download_button(
            "Download the report",
            data=pdf,
            file_name=f"report-{since:%Y%m%d}-{until:%Y%m%d}.pdf",
            mime="application/pdf",
            key=f"report-download-{page.client_id}",
            icon=":material/download:",
            on_click="ignore",
        )
