"""The safety plan page and the country setting: saved for real, refused whole when too
long (the text stays on the page), and the chosen country's lines shown first."""

from streamlit.testing.v1 import AppTest

from tests.helpers import PASSWORD, make_user
from therapy_app.mood.safety_plan import MAX_ITEMS
from therapy_app.services import accounts, safety_plans


def _page(module: str) -> None:
    import importlib

    importlib.import_module(f"therapy_app.ui.views.{module}").render()


def _open(ctx, module: str) -> AppTest:
    at = AppTest.from_function(_page, args=(module,), default_timeout=60)
    at.session_state["auth_token"] = accounts.log_in(ctx, "robin", PASSWORD)
    return at.run()


def test_the_plan_is_saved_and_a_too_long_part_is_refused_with_the_text_kept(
    services_ctx,
) -> None:
    robin = make_user(services_ctx, "robin")
    at = _open(services_ctx, "safety_plan_view")
    at.text_area(key="safety-coping").input("Walk to the river\n\nCall Ana")
    at.button[0].click().run()  # the form's submit button
    assert any("saved" in s.value for s in at.success)
    assert safety_plans.get_safety_plan(services_ctx, robin).coping == (
        "Walk to the river",
        "Call Ana",
    )
    too_long = "\n".join(f"sign {n}" for n in range(MAX_ITEMS + 1))
    at.text_area(key="safety-warning_signs").input(too_long)
    at.button[0].click().run()
    assert any("at most" in e.value for e in at.error)
    assert at.text_area(key="safety-warning_signs").value == too_long
    assert safety_plans.get_safety_plan(services_ctx, robin).warning_signs == ()


def test_the_country_chosen_in_settings_is_kept(services_ctx) -> None:
    make_user(services_ctx, "robin")
    at = _open(services_ctx, "settings_view")
    at.selectbox(key="settings-country").set_value("IE").run()
    at.button(key="settings-country-save").click().run()
    assert not at.exception
    assert any("Country saved" in s.value for s in at.success)
    assert accounts.find_user(services_ctx, "robin").country == "IE"
