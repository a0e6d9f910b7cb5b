"""pyproject.toml says what the code needs, in ranges; requirements/constraints.txt pins it.

Regression tests for issue #6 item 9: the license field needs setuptools >= 77, lxml was
imported but not declared, and exact pins in [project] dependencies clash with other spaCy
tools in a user's environment (exact pins belong in the constraints file, which make uses).
"""

from __future__ import annotations

import ast
import sys
import tomllib
from importlib import metadata

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

from .conftest import ROOT

PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
PROJECT = PYPROJECT["project"]
REQUIREMENTS = [Requirement(line) for line in PROJECT["dependencies"]]
EXTRAS = [
    Requirement(line) for lines in PROJECT["optional-dependencies"].values() for line in lines
]


def _pins() -> dict[str, Version]:
    pins = {}
    text = (ROOT / "requirements" / "constraints.txt").read_text(encoding="utf-8")
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            name, version = line.split("==")
            pins[canonicalize_name(name)] = Version(version)
    return pins


def test_the_build_backend_understands_the_license_field():
    # A license given as an SPDX string (PEP 639) needs setuptools 77 or later.
    assert isinstance(PROJECT["license"], str)
    (setuptools,) = [
        Requirement(r) for r in PYPROJECT["build-system"]["requires"] if r.startswith("setuptools")
    ]
    assert not setuptools.specifier.contains("76.9"), setuptools
    assert setuptools.specifier.contains("77.0")


@pytest.mark.parametrize("requirement", REQUIREMENTS + EXTRAS, ids=str)
def test_dependencies_are_ranges_and_the_constraints_pin_inside_them(requirement):
    specs = list(requirement.specifier)
    assert specs and not any(spec.operator in ("==", "===") for spec in specs), requirement
    pinned = _pins().get(canonicalize_name(requirement.name))
    assert pinned is not None, f"{requirement.name} is not pinned in requirements/constraints.txt"
    assert requirement.specifier.contains(pinned), f"{requirement.name}=={pinned} not in range"


def _imported_top_level_modules() -> set[str]:
    found = set()
    for path in (ROOT / "src" / "dateline").rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                found.update(alias.name.split(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                found.add(node.module.split(".")[0])
    return found - set(sys.stdlib_module_names) - {"dateline"}


def test_every_imported_package_is_declared():
    # An extra counts (textacy for the attribution baseline): its import is guarded.
    declared = {canonicalize_name(r.name) for r in REQUIREMENTS + EXTRAS}
    distributions = metadata.packages_distributions()
    missing = {}
    for module in sorted(_imported_top_level_modules()):
        names = {canonicalize_name(d) for d in distributions.get(module, [module])}
        if not names & declared:
            missing[module] = sorted(names)
    assert not missing, f"imported but not in [project] dependencies: {missing}"
