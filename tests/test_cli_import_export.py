"""import and export on the command line, as the checks call them (DESIGN section 7)."""

import json

import pytest

from tests import test_cli
from tests.interop.test_importers import DATA, FIXTURES

pytestmark = pytest.mark.slow  # trains networks or runs the CLI in subprocesses

cli = test_cli.cli  # the same fixture: a fresh data folder, the CLI as a real process

DAYLIO = str(FIXTURES / "daylio/currin_sample_multiple_moods.csv")


def _user(cli) -> None:
    assert cli("user", "add", "sam", stdin="a long passphrase\n").returncode == 0


def test_import_twice_adds_nothing_and_keeps_moods_and_notes(cli) -> None:
    _user(cli)
    dry = cli("import", "daylio", DAYLIO, "--user", "sam", "--dry-run", "--json")
    assert dry.returncode == 0, dry.stderr
    assert json.loads(dry.stdout)["entries_new_in_file"] == 7
    assert json.loads(cli("entries", "--user", "sam", "--json").stdout) == []
    mapping = "Refreshed=5,ok but sleepy=2,Anxious=awful"
    done = cli("import", "daylio", DAYLIO, "--user", "sam", "--mood-map", mapping, "--json")
    counts = json.loads(done.stdout)
    assert (counts["entries_added"], counts["entries_skipped_as_duplicates"]) == (7, 0)
    again = json.loads(cli("import", "daylio", DAYLIO, "--user", "sam", "--json").stdout)
    assert (again["entries_added"], again["entries_skipped_as_duplicates"]) == (0, 7)
    listed = json.loads(cli("entries", "--user", "sam", "--json").stdout)
    assert [e["quick_mood"] for e in listed] == [
        "okay", "okay", "great", "good", "bad", "bad", "awful"
    ]  # fmt: skip


def test_notes_come_back_exactly(cli) -> None:
    _user(cli)
    path = str(DATA / "daylio_bom_crlf_2019.csv")
    assert cli("import", "daylio", path, "--user", "sam", "--json").returncode == 0
    notes = {e["note"] for e in json.loads(cli("entries", "--user", "sam", "--json").stdout)}
    assert (
        "Zażółć gęślą jaźń — ünïcödé ✓" in notes and "line one\nline two of the same note" in notes
    )


def test_a_refused_file_is_one_line_and_writes_nothing(cli, tmp_path) -> None:
    _user(cli)
    binary = tmp_path / "export.csv"
    binary.write_bytes(bytes(range(256)) * 64)
    for fmt, path in [
        ("daylio", binary),
        ("howwefeel", DATA / "not_an_export.csv"),
        ("daylio", DATA / "daylio_bad_rows.csv"),
        ("zip", DATA / "not_an_export.csv"),
    ]:
        done = cli("import", fmt, str(path), "--user", "sam", "--json")
        assert done.returncode != 0 and done.stdout == ""
        assert len(done.stderr.strip().splitlines()) == 1, done.stderr
    assert json.loads(cli("entries", "--user", "sam", "--json").stdout) == []


def test_bad_mood_map_is_a_usage_error(cli) -> None:
    _user(cli)
    done = cli("import", "daylio", DAYLIO, "--user", "sam", "--mood-map", "OK=7")
    assert done.returncode == 2 and "level 1 awful to 5 great" in done.stderr


def test_export_then_import_into_another_account(cli, tmp_path) -> None:
    _user(cli)
    assert cli("user", "add", "kim", stdin="a long passphrase\n").returncode == 0
    assert cli("import", "daylio", DAYLIO, "--user", "sam").returncode == 0
    for fmt in ("csv", "json", "zip"):
        done = cli("export", fmt, "--user", "sam", "--out", str(tmp_path / f"j.{fmt}"))
        assert done.returncode == 0 and "Exported 7 entries" in done.stdout, done.stderr
    ranged = cli(
        "export", "json", "--user", "sam", "--out", str(tmp_path / "r.json"),
        "--since", "2021-01-01", "--until", "2021-12-31",
    )  # fmt: skip
    assert "Exported 2 entries" in ranged.stdout
    moved = cli("import", "zip", str(tmp_path / "j.zip"), "--user", "kim", "--json")
    assert json.loads(moved.stdout)["entries_added"] == 7
    listed = [json.loads(cli("entries", "--user", u, "--json").stdout) for u in ("sam", "kim")]
    keep = ("occurred_at", "quick_mood", "note", "tags", "valence")
    assert [[{k: e[k] for k in keep} for e in found] for found in listed][0] == [
        {k: e[k] for k in keep} for e in listed[1]
    ]
    bad = cli("export", "json", "--user", "sam", "--out", str(tmp_path), "--since", "x")
    assert bad.returncode == 2 and len(bad.stderr.strip().splitlines()) <= 6


def test_mood_map_is_for_daylio_only(cli) -> None:
    _user(cli)
    done = cli("import", "json", DAYLIO, "--user", "sam", "--mood-map", "OK=3")
    assert done.returncode == 2 and "Daylio exports only" in done.stderr
