"""Our public surface against the stock 7.26 client's (`test/stock_surface.json`, written by
`scripts/stock_surface.py`): every module, name, class, member, parameter (name, kind, default), field, enum
member, TypedDict key and instance attribute of the stock client exists here, alike. Every difference is one we
make on purpose and list, with its reason, in `docs/stock_differences.yaml`; a listed difference that no longer
exists fails too, so that the list cannot drift."""

from __future__ import annotations

import fnmatch
import importlib
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Dict, Iterator, List, Optional, Tuple

import pytest
import repository_scripts
import yaml

ROOT = Path(__file__).resolve().parents[1]
SNAPSHOT = json.loads((ROOT / "test" / "stock_surface.json").read_text(encoding="utf-8"))
DIFFERENCES_FILE = ROOT / "docs" / "stock_differences.yaml"
KINDS_OF_DIFFERENCE = {
    "missing module",
    "missing",
    "kind",
    "parameters",
    "value",
    "bases",
    "enum",
    "keys",
    "fields",
    "instance attribute",
    "star",
    "behaviour",
}


SCRIPT = repository_scripts.load("stock_surface")


@dataclass(frozen=True)
class Difference:
    where: str
    what: str
    detail: str

    def __str__(self) -> str:
        return f"{self.where}: {self.what}: {self.detail}"


# -- comparing one entry ---------------------------------------------------------------------------------

PARAMETER = re.compile(r"^(positional |keyword |\*\*|\*)?(\w+)(?:=(.*))?$")


def _parameter(text: str) -> Tuple[str, str, Optional[str]]:
    match = PARAMETER.match(text)
    assert match, text
    return match.group(1) or "", match.group(2), match.group(3)


def parameter_problems(stock: List[str], ours: List[str]) -> List[str]:
    """Why a call written for `stock`'s parameters would not work alike with `ours` (none: it would)."""
    theirs = [_parameter(text) for text in stock]
    mine = [_parameter(text) for text in ours]
    problems = []
    positional = [p for p in theirs if p[0] in ("", "positional ")]
    for index, (kind, name, default) in enumerate(positional):
        if index >= len(mine) or mine[index][:2] != (kind, name):
            problems.append(f"parameter {index} is {kind}{name}, ours {ours[index] if index < len(mine) else 'none'}")
        elif default is not None and mine[index][2] != default:
            problems.append(f"{name} defaults to {default}, ours to {mine[index][2]}")
    by_name = {name: (kind, default) for kind, name, default in mine}
    for kind, name, default in theirs:
        if kind == "keyword ":
            ours_kind, ours_default = by_name.get(name, ("missing", None))
            if ours_kind not in ("keyword ", ""):
                problems.append(f"keyword {name} is {ours_kind.strip() or 'missing'} here")
            elif default is not None and ours_default != default:
                problems.append(f"{name} defaults to {default}, ours to {ours_default}")
        elif kind in ("*", "**") and (kind, name) not in {(k, n) for k, n, _ in mine}:
            problems.append(f"{kind}{name} is missing")
    stock_names = {name for _, name, _ in theirs}
    for kind, name, default in mine[len(positional) :]:
        if name not in stock_names and default is None and kind not in ("*", "**"):
            problems.append(f"{name} is required here and unknown to the stock client")
    return problems


def _defined_at(path: str) -> Any:
    """The object a dotted path names in our package: `openapi_client.models.x.X` -> the class."""
    module_name, _, name = path.rpartition(".")
    return getattr(importlib.import_module(module_name), name, None)


def compare(where: str, stock: Dict[str, Any], value: Any, sample: Optional[Any]) -> Iterator[Difference]:
    if stock["kind"] == "reexport":
        if value is not _defined_at(stock["of"]):
            yield Difference(where, "value", f"not {stock['of']}")
        return
    ours = SCRIPT.describe(value)
    if stock["kind"] != ours["kind"]:
        yield Difference(where, "kind", f"stock {stock['kind']}, ours {ours['kind']}")
        return
    if stock["kind"] == "class":
        yield from compare_class(where, stock, value, sample)
    elif stock["kind"] in ("function", "classmethod", "staticmethod"):
        problems = parameter_problems(stock["parameters"], ours["parameters"])
        if problems:
            yield Difference(where, "parameters", "; ".join(problems))
    elif stock["kind"] in ("alias", "type alias"):
        key = "target" if stock["kind"] == "alias" else "text"
        if stock[key] != ours[key]:
            yield Difference(where, "value", f"stock {stock[key]}, ours {ours[key]}")
    elif stock["kind"] == "value" and (stock.get("type"), stock.get("value")) != (ours.get("type"), ours.get("value")):
        yield Difference(where, "value", f"stock {stock.get('value')!r}, ours {ours.get('value')!r}")


def compare_class(where: str, stock: Dict[str, Any], cls: type, sample: Optional[Any]) -> Iterator[Difference]:
    ours = SCRIPT.describe_class(cls, None)
    missing_bases = set(stock["bases"]) - set(ours["bases"])
    if missing_bases:
        yield Difference(where, "bases", f"not a subclass of {sorted(missing_bases)}")
    for name, member in stock["members"].items():
        mine = SCRIPT.describe_member(cls, name)
        if mine is None and member["kind"] in ("property", "attribute") and hasattr(sample, name):
            continue  # an instance attribute here
        if mine is None:
            yield Difference(f"{where}.{name}", "missing", f"a {member['kind']} of the stock class")
        elif mine["kind"] != member["kind"] and {mine["kind"], member["kind"]} != {"property", "attribute"}:
            yield Difference(f"{where}.{name}", "kind", f"stock {member['kind']}, ours {mine['kind']}")
        elif "parameters" in member:
            problems = parameter_problems(member["parameters"], mine["parameters"])
            if problems:
                yield Difference(f"{where}.{name}", "parameters", "; ".join(problems))
        elif "value" in member and member["value"] != mine.get("value"):
            yield Difference(f"{where}.{name}", "value", f"stock {member['value']!r}, ours {mine.get('value')!r}")
    for attribute in stock.get("instance", []):
        if sample is None or not hasattr(sample, attribute):
            yield Difference(f"{where}.{attribute}", "instance attribute", "missing on an instance")
    enum_members = stock.get("enum", {})
    ours_members = {name: member.value for name, member in getattr(cls, "__members__", {}).items()}
    for name, value in enum_members.items():
        if ours_members.get(name) != value:
            yield Difference(f"{where}.{name}", "enum", f"stock {value!r}, ours {ours_members.get(name)!r}")
    if "keys" in stock and stock["keys"] != ours.get("keys"):
        yield Difference(where, "keys", f"stock {stock['keys']}, ours {ours.get('keys')}")
    for name, field in stock.get("fields", {}).items():
        mine = ours.get("fields", {}).get(name)
        if mine != field:
            yield Difference(f"{where}.{name}", "fields", f"stock {field}, ours {mine}")


def surface_differences() -> List[Difference]:
    """Every way in which our package differs from the snapshot."""
    package = importlib.import_module(SCRIPT.PACKAGE)
    samples = SCRIPT.samples_by_name()
    found: List[Difference] = []
    for module_name, entry in SNAPSHOT["modules"].items():
        try:
            module = importlib.import_module(module_name)
        except ImportError as error:
            found.append(Difference(module_name, "missing module", str(error)))
            continue
        if "star" in entry:
            exported = set(SCRIPT.star_names(module_name))
            found += [
                Difference(f"{module_name}.{n}", "star", "not exported") for n in entry["star"] if n not in exported
            ]

        prefix = module_name[len(SCRIPT.PACKAGE) + 1 :]
        for name, stock in entry["names"].items():
            if not hasattr(module, name):
                found.append(Difference(f"{module_name}.{name}", "missing", f"a {stock['kind']} of the stock module"))
                continue
            factory = samples.get(f"{prefix}.{name}")
            sample = factory(package) if factory and stock["kind"] == "class" else None
            found += compare(f"{module_name}.{name}", stock, getattr(module, name), sample)
    return found


# -- the list of deliberate differences ------------------------------------------------------------------


@dataclass(frozen=True)
class Listed:
    where: str
    what: str
    why: str
    test: Optional[str]

    def matches(self, difference: Difference) -> bool:
        return self.what == difference.what and fnmatch.fnmatchcase(difference.where, self.where)


def listed() -> List[Listed]:
    entries = yaml.safe_load(DIFFERENCES_FILE.read_text(encoding="utf-8"))
    return [Listed(e["where"], e["what"], e["why"], e.get("test")) for e in entries]


def test_the_snapshot_is_of_the_stock_client_for_our_spec() -> None:
    assert SNAPSHOT["generator"] == "openapi-generator-cli==7.26.0"
    assert (ROOT / SNAPSHOT["spec"]).is_file()
    assert {"openapi_client.api.web_backend_api", "openapi_client.configuration", "openapi_client.rest"} <= set(
        SNAPSHOT["modules"]
    )


def test_every_difference_from_the_stock_surface_is_listed_with_its_reason() -> None:
    entries = listed()
    unlisted = [str(d) for d in surface_differences() if not any(entry.matches(d) for entry in entries)]
    assert not unlisted, "not listed in docs/stock_differences.yaml:\n" + "\n".join(unlisted)


def test_every_listed_difference_still_exists() -> None:
    found = surface_differences()
    stale = [
        f"{entry.where} ({entry.what})"
        for entry in listed()
        if entry.what != "behaviour" and not any(entry.matches(d) for d in found)
    ]
    assert not stale, "listed in docs/stock_differences.yaml but no longer different:\n" + "\n".join(stale)


def test_every_listed_difference_has_a_reason_and_a_known_kind() -> None:
    for entry in listed():
        assert entry.what in KINDS_OF_DIFFERENCE, entry
        assert len(entry.why.split()) >= 4, entry


def test_every_behaviour_difference_names_the_test_that_pins_it() -> None:
    for entry in listed():
        if entry.what != "behaviour":
            continue
        assert entry.test, f"{entry.where}: name the test that pins it"
        path, _, name = entry.test.partition("::")
        source = (ROOT / path).read_text(encoding="utf-8")
        assert re.search(rf"^def {re.escape(name)}\(", source, re.MULTILINE), entry.test


@pytest.mark.parametrize(
    ("stock", "ours", "problem"),
    [
        (["self", "a", "b=None"], ["self", "a", "b=None", "keyword c=1"], None),
        (["self", "a", "b=None"], ["self", "a", "b=None", "c=2"], None),
        (["self", "a"], ["self", "a=None"], None),
        (["self", "a", "b=None"], ["self", "b=None", "a"], "parameter 1 is a"),
        (["self", "a", "b=None"], ["self", "a", "b=0"], "b defaults to None"),
        (["self", "a", "keyword debug=None"], ["self", "a", "keyword debug=None"], None),
        (["self", "a", "keyword debug=None"], ["self", "a"], "keyword debug is missing"),
        (["self", "a"], ["self", "a", "c"], "c is required here"),
        (["self", "**kwargs"], ["self"], "**kwargs is missing"),
    ],
)
def test_parameter_comparison(stock: List[str], ours: List[str], problem: Optional[str]) -> None:
    problems = parameter_problems(stock, ours)
    if problem is None:
        assert problems == []
    else:
        assert any(p.startswith(problem) for p in problems), problems
