"""The layering rules cover every app: a new app joins the import-linter contracts or fails here."""

import tomllib
from pathlib import Path

from django.apps import apps

ROOT = Path(__file__).resolve().parents[2]
# core is the shared base below every app (its own "imports no app" contract); demo only seeds.
OUTSIDE_THE_LAYERS = {"groepsconsult.core", "groepsconsult.demo"}


def contracts():
    with open(ROOT / "pyproject.toml", "rb") as f:
        return tomllib.load(f)["tool"]["importlinter"]["contracts"]


def our_apps():
    return {c.name for c in apps.get_app_configs() if c.name.startswith("groepsconsult.")}


def test_every_app_is_in_the_layers_contract():
    layered = next(c for c in contracts() if c["type"] == "layers")
    assert our_apps() - OUTSIDE_THE_LAYERS - set(layered["containers"]) == set()


def test_no_app_escapes_the_acyclic_contract():
    acyclic = next(c for c in contracts() if c["type"] == "acyclic_siblings")
    assert acyclic["ancestors"] == ["groepsconsult"]


def test_core_imports_no_app():
    forbidden = next(c for c in contracts() if c["name"] == "core imports no app")
    assert our_apps() - OUTSIDE_THE_LAYERS <= set(forbidden["forbidden_modules"]) | {
        "groepsconsult.clinical"
    }
