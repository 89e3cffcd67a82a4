"""The command line as scripts use it: real processes, JSON on stdout, errors on stderr."""

import json
import os
import subprocess
import sys

import pytest

from tests.conftest import TEST_KEY

pytestmark = pytest.mark.slow  # trains networks or runs the CLI in subprocesses


@pytest.fixture
def cli(tmp_path):
    env = {**os.environ, "THERAPY_APP_HOME": str(tmp_path), "THERAPY_APP_KEY": TEST_KEY}
    env.pop("DATABASE_URL", None)

    def run(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "therapy_app", *args],
            input=stdin,
            capture_output=True,
            text=True,
            env=env,
            timeout=300,  # a hang guard; a loaded machine trains slowly
        )

    return run


def test_user_checkin_entries_round_trip(cli) -> None:
    assert (
        cli(
            "user", "add", "sam", "--timezone", "Europe/Paris", stdin="a long passphrase\n"
        ).returncode
        == 0
    )
    done = cli(
        "checkin",
        "--user",
        "sam",
        "--emotion",
        "joy:3",
        "--emotion",
        "anxious",
        "--tag",
        "Walk",
        "--note",
        "first <b>entry</b>",
        "--sleep",
        "7",
        "--json",
    )
    assert done.returncode == 0, done.stderr
    entry = json.loads(done.stdout)
    assert entry["feelings"][0] == {"word": "joy", "intensity": 3, "primary": "joy"}
    assert entry["tags"] == ["walk"] and entry["note"] == "first <b>entry</b>"
    listed = cli("entries", "--user", "sam", "--json")
    assert [e["id"] for e in json.loads(listed.stdout)] == [entry["id"]]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["checkin", "--user", "sam", "--emotion", "blorp"], "Valid feelings"),
        (["checkin", "--user", "sam", "--valence", "3"], "between -1 and 1"),
        (["checkin", "--user", "nobody"], "user add nobody"),
        (["entries", "--user", "sam", "--since", "2026-13-40"], "YYYY-MM-DD"),
        (["checkin", "--user", "sam", "--mood", "fab"], "awful, bad, okay, good, great"),
        (["train", "--r1-gamma", "-1"], "greater than or equal to 0"),
        (["train", "--device", "tpu"], "'cpu', 'cuda'"),
        (["generate", "--emotion", "joy", "--n", "40", "--out", "."], "less than or equal to 32"),
        (["user", "add", "kim", "--role", "nurse"], "'client', 'therapist', 'admin'"),
        (["generate", "--emotion", "joy", "--out", "pyproject.toml"], "cannot be a folder"),
        (["bench", "gan", "--sheets", "pyproject.toml/sheets"], "cannot be a folder"),
    ],
)
def test_errors_are_one_clear_line_and_write_nothing(cli, args, message) -> None:
    cli("user", "add", "sam", stdin="a long passphrase\n")
    result = cli(*args)
    assert result.returncode != 0
    assert message in result.stderr and "Traceback" not in result.stderr
    assert json.loads(cli("entries", "--user", "sam", "--json").stdout) == []


def test_debug_shows_the_traceback_of_an_error(cli) -> None:
    result = cli("--debug", "checkin", "--user", "nobody")
    assert result.returncode != 0 and "Traceback" in result.stderr


def test_backup_and_restore_commands(cli, tmp_path) -> None:
    cli("user", "add", "sam", stdin="a long passphrase\n")
    cli("checkin", "--user", "sam", "--mood", "good", "--note", "kept")
    out = tmp_path / "b.json.gz"
    assert cli("backup", "--out", str(out)).returncode == 0
    refused = cli("restore", str(out))
    assert refused.returncode != 0 and "already holds accounts" in refused.stderr


@pytest.mark.parametrize("generator", ["forms", "pixels"])
def test_train_writes_a_generator_with_its_training_record(cli, tmp_path, generator) -> None:
    out = tmp_path / "generator.pt"
    done = cli(
        "train", "--generator", generator, "--iters", "3", "--batch", "8", "--images", "64",
        "--out", str(out),
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "rendering training set: 64/64" in done.stderr
    record = json.loads(out.with_suffix(".json").read_text())
    assert record["iterations"] == 3 and record["options"]["r1_gamma"] == 0.05
    assert record["options"]["generator"] == generator
    assert record["options"]["mode_seeking_weight"] == 4.0


def test_demo_json_names_the_accounts_and_counts_the_guided_sessions(cli) -> None:
    done = cli("demo", "--days", "3", "--no-art", "--json")
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert result["client"] == "demo-7" and result["therapist"] == "demo-therapist-7"
    assert result["sessions"] == 4
    assert (result["dap_notes"], result["acknowledged_flags"]) == (1, 1)
    assert result["entries"] == 2 * 3 + 5  # two a day and the sessions' check-ins
