"""My safety plan: six steps written when calm, for when things get hard. One tap from every
page (the sidebar, under "Need help now?"); the page loads nothing from elsewhere, and a copy
can be kept on the device as a page that opens with no network."""

from __future__ import annotations

import streamlit as st

from therapy_app.interop.safety_plan_page import safety_plan_html
from therapy_app.mood.safety_plan import PARTS, SafetyPlan, lines_of
from therapy_app.services import safety_plans
from therapy_app.ui import state, widgets


def render() -> None:
    ctx, actor = state.require_actor()
    st.title("My safety plan")
    st.caption(
        "Write it when you feel steady, ideally with your therapist, and keep it close. When "
        "things get hard, go through the steps in order until you feel safer. Only you can "
        "see it; it is stored encrypted."
    )
    plan = state.attempt(lambda: safety_plans.get_safety_plan(ctx, actor))
    if plan is None:
        return
    with st.form("safety-plan", border=False):
        written = {
            name: st.text_area(
                part.title,
                value="\n".join(getattr(plan, name)),
                help=part.prompt,
                placeholder=part.prompt,
                key=f"safety-{name}",
                height=110,
            )
            for name, part in PARTS.items()
        }
        st.caption("One item per line.")
        saved = st.form_submit_button("Save my plan", type="primary", icon=":material/save:")
    if saved:
        new = SafetyPlan(**{name: lines_of(text) for name, text in written.items()})
        if state.attempt(lambda: safety_plans.save_safety_plan(ctx, actor, new)):
            st.success("Your safety plan is saved.", icon=":material/check:")
            plan = new
    st.subheader("Help now")
    widgets.crisis_resources(expanded=True)
    st.download_button(
        "Keep a copy on this device",
        safety_plan_html(actor.display_name, plan, widgets.shown_resources()),
        file_name="safety-plan.html",
        mime="text/html",
        icon=":material/download:",
        key="safety-download",
        help="A single page that opens without the app or a network: save it to your phone.",
    )
    st.caption(
        "The app never calls or messages anyone for you. The numbers above are for you to use; "
        "choose your country in Settings to see its lines first."
    )
