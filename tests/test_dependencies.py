"""Dependencies: Streamlit pinned to the minor version tested, every imported package
declared, and the exact versions the tests ran on recorded for an audit."""

import ast
import re
import sys
import tomllib
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).parents[1]


def _declared(extras: bool = False) -> dict[str, str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    requirements = list(project["dependencies"])
    if extras:  # the test tools, which also drive `therapy-app bench app` (playwright)
        requirements += [r for group in project["optional-dependencies"].values() for r in group]
    found = {}
    for requirement in requirements:
        name, spec = re.fullmatch(r"([A-Za-z0-9_.-]+)(?:\[[^\]]*\])?(.*)", requirement).groups()
        found[name.lower()] = spec
    return found


def test_streamlit_is_pinned_to_one_minor_version() -> None:
    spec = _declared()["streamlit"]
    major, minor, next_major, next_minor = map(
        int, re.fullmatch(r">=(\d+)\.(\d+),<(\d+)\.(\d+)", spec).groups()
    )
    assert (next_major, next_minor) == (major, minor + 1), spec
    assert metadata.version("streamlit").startswith(f"{major}.{minor}.")


def test_every_imported_package_is_declared() -> None:
    imported = set()
    for path in (ROOT / "therapy_app").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Import):
                imported |= {alias.name.split(".")[0] for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                imported.add(node.module.split(".")[0])
    third_party = imported - set(sys.stdlib_module_names) - {"therapy_app"}
    provided_by = {
        package: dist.lower()
        for package, dists in metadata.packages_distributions().items()
        for dist in dists
    }
    assert {provided_by[package] for package in third_party} <= set(_declared(extras=True))


def test_the_lock_records_the_versions_installed() -> None:
    locked = dict(
        line.split("==", 1)
        for line in (ROOT / "requirements.lock").read_text().splitlines()
        if line and not line.startswith("#")
    )
    assert {"streamlit", "starlette", "torch", "sqlalchemy"} <= {n.lower() for n in locked}
    for name, version in locked.items():
        assert metadata.version(name) == version, f"{name}: run make lock"
