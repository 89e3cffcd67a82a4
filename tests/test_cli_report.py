"""'therapy-app report' as the checks call it (DESIGN section 7): acts as the therapist,
refused in one line with nothing written where there is no consent in force."""

import pytest

from tests import test_cli
from tests.conftest import make_settings
from tests.helpers import make_user, reviewed_client
from therapy_app.journal.models import Role
from therapy_app.services import accounts, sharing
from therapy_app.services.context import open_app

cli = test_cli.cli  # the same fixture: a fresh data folder, the CLI as a real process


@pytest.fixture
def linked(tmp_path):
    ctx = open_app(make_settings(tmp_path))
    reviewed_client(ctx)
    make_user(ctx, "kim", Role.THERAPIST)
    yield ctx
    ctx.dispose()


def _refused(done, out) -> None:
    assert done.returncode != 0 and done.stdout == "" and not out.exists()
    assert len(done.stderr.strip().splitlines()) == 1, done.stderr


def test_the_consented_therapist_gets_a_pdf(cli, linked, tmp_path) -> None:
    out = tmp_path / "sam.pdf"
    done = cli("report", "--therapist", "lee", "--client", "sam", "--out", str(out))
    assert done.returncode == 0, done.stderr
    assert out.read_bytes().startswith(b"%PDF")
    ranged = tmp_path / "range.pdf"
    args = ("--since", "2026-01-01", "--until", "2026-01-31", "--out", str(ranged))
    assert cli("report", "--therapist", "lee", "--client", "sam", *args).returncode == 0


def test_without_consent_the_report_is_refused_and_nothing_written(cli, linked, tmp_path) -> None:
    out = tmp_path / "sam.pdf"
    _refused(cli("report", "--therapist", "kim", "--client", "sam", "--out", str(out)), out)
    _refused(cli("report", "--therapist", "sam", "--client", "lee", "--out", str(out)), out)
    _refused(cli("report", "--therapist", "lee", "--client", "nobody", "--out", str(out)), out)
    args = ("--since", "2026-13-01", "--out", str(out))
    bad_date = cli("report", "--therapist", "lee", "--client", "sam", *args)
    assert bad_date.returncode != 0 and not out.exists()  # a usage error, told by Typer
    sam = accounts.find_user(linked, "sam")
    (link,) = sharing.my_links(linked, sam)
    sharing.revoke(linked, sam, link.id)
    _refused(cli("report", "--therapist", "lee", "--client", "sam", "--out", str(out)), out)
