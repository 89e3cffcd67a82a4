"""What `therapy-app run` serves: the Streamlit script app.py on Streamlit's own server, with
page addresses answered as `page_addresses` explains. `streamlit run` finds `app` below and
serves it (the name and the `st.App` call are how it recognises this file)."""

from pathlib import Path

import streamlit as st
from starlette.middleware import Middleware

from therapy_app.ui import sign_in_cookie
from therapy_app.ui.page_addresses import PageAddresses

app = st.App(
    Path(__file__).with_name("app.py"),
    routes=sign_in_cookie.ROUTES,
    middleware=[Middleware(sign_in_cookie.BrowserCookie), Middleware(PageAddresses)],
)
