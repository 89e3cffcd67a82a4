"""The architecture's import rules (README, "Layers"), checked on the source."""

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).parents[1] / "therapy_app"


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def _modules(layer: str | None = None) -> list[Path]:
    root = PACKAGE / layer if layer else PACKAGE
    return sorted(root.rglob("*.py"))


def test_only_ui_imports_streamlit() -> None:
    offenders = [
        str(path.relative_to(PACKAGE))
        for path in _modules()
        if "ui" not in path.relative_to(PACKAGE).parts[:1]
        and any(name.split(".")[0] == "streamlit" for name in _imports(path))
    ]
    assert offenders == []


# What each layer must never import (the arrows of DESIGN section 2); interop's rule is an
# allow-list, below.
FORBIDDEN = {
    "art": (
        "therapy_app.journal",
        "therapy_app.services",
        "therapy_app.ui",
        "therapy_app.mood",
        "therapy_app.insights",
        "therapy_app.interop",
    ),
    "mood": ("therapy_app.journal", "therapy_app.services", "therapy_app.ui", "therapy_app.art"),
    "journal": ("therapy_app.services", "therapy_app.ui"),
    "insights": ("therapy_app.journal", "therapy_app.ui"),
    "services": ("therapy_app.ui", "therapy_app.cli"),
}


@pytest.mark.parametrize("layer", sorted(FORBIDDEN))
def test_layer_imports_flow_toward_the_core(layer: str) -> None:
    offenders = [
        f"{path.relative_to(PACKAGE)} imports {name}"
        for path in _modules(layer)
        for name in _imports(path)
        if name.startswith(FORBIDDEN[layer])
    ]
    assert offenders == []


# interop turns files into check-ins and back: it may lean on the core and nothing more.
INTEROP_MAY_IMPORT = (
    "therapy_app.interop",
    "therapy_app.mood",
    "therapy_app.clock",
    "therapy_app.errors",
)


def test_interop_imports_only_the_core() -> None:
    offenders = [
        f"{path.relative_to(PACKAGE)} imports {name}"
        for path in _modules("interop")
        for name in _imports(path)
        if name.startswith("therapy_app") and not name.startswith(INTEROP_MAY_IMPORT)
    ]
    assert offenders == []


def test_cli_does_not_import_heavy_modules_at_load() -> None:
    import subprocess
    import sys

    code = (
        "import sys, therapy_app.cli; "
        "print(sorted(m for m in ('torch', 'streamlit', 'sqlalchemy') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
