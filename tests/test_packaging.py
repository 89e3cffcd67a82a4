"""A wheel built from the source installs into a fresh virtual environment and paints with the
models it carries (not with files of the source tree)."""

import json
import shutil
import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[1]
TRAINED = ROOT / "therapy_app" / "art" / "trained"

pytestmark = pytest.mark.slow


def _run(*command: object, cwd: Path) -> str:
    done = subprocess.run(
        [str(part) for part in command], cwd=cwd, capture_output=True, text=True, timeout=600
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


# Caught by the sentence encoder alone (neither the rules nor the linear model flag it).
NOTE = "I've pressed every flower from the garden into the book I'm leaving her."


def test_a_wheel_installed_in_a_fresh_environment_paints_and_reads(tmp_path) -> None:
    source = tmp_path / "source"  # a copy: building leaves build/ and egg-info behind
    shutil.copytree(
        ROOT / "therapy_app",
        source / "therapy_app",
        ignore=shutil.ignore_patterns("__pycache__", "*.pyc"),
    )
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, source / name)
    wheels = tmp_path / "wheels"
    _run(sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
         "-w", wheels, source, cwd=tmp_path)  # fmt: skip
    (wheel,) = wheels.glob("therapy_app-*.whl")

    fresh = tmp_path / "fresh"
    venv.create(fresh, with_pip=False)
    python = fresh / "bin" / "python"
    site = Path(_run(python, "-c", "import sysconfig; print(sysconfig.get_path('purelib'))",
                     cwd=tmp_path).strip())  # fmt: skip
    # The dependencies come from this environment's site-packages, added after the fresh
    # one's own: offline and fast, and its editable therapy_app is not on that path.
    (site / "dependencies.pth").write_text(sysconfig.get_path("purelib") + "\n")
    _run(sys.executable, "-m", "pip", "--python", python, "install", "--no-deps", "-q", wheel,
         cwd=tmp_path)  # fmt: skip

    installed = _run(python, "-c", "import therapy_app; print(therapy_app.__file__)", cwd=tmp_path)
    assert Path(installed.strip()).is_relative_to(site)
    shipped = {path.name for path in (site / "therapy_app" / "art" / "trained").iterdir()}
    assert shipped == {path.name for path in TRAINED.iterdir()}

    painted = {}
    for name, command in (
        ("wheel", [fresh / "bin" / "therapy-app"]),
        ("source", [sys.executable, "-m", "therapy_app"]),
    ):
        out = tmp_path / f"painted-{name}"
        out.mkdir()
        printed = _run(*command, "generate", "--emotion", "joy", "--n", "1", "--seed", "3",
                       "--size", "64", "--out", out, "--json", cwd=tmp_path)  # fmt: skip
        (picture,) = json.loads(printed)
        painted[name] = (picture["provenance"], Path(picture["file"]).read_bytes())
    assert painted["wheel"] == painted["source"]  # the same model, the same pixels
    read = {
        name: json.loads(_run(*command, "suggest", NOTE, "--json", cwd=tmp_path))
        for name, command in (
            ("wheel", [fresh / "bin" / "therapy-app"]),
            ("source", [sys.executable, "-m", "therapy_app"]),
        )
    }
    assert read["wheel"] == read["source"]  # the same readers, the encoder among them
    assert read["wheel"]["risk"]
