"""Snapshot the public surface of the client that openapi-generator 7.26.0 ("python") makes from our spec.

    python scripts/stock_surface.py                       # install the generator in a temporary venv, run it
    python scripts/stock_surface.py --generator PATH      # use an installed openapi-generator-cli instead

It generates the stock client in a temporary folder, imports it in a child Python that sees it instead of ours,
and writes what code can reach of it to `test/stock_surface.json`: every module; the names each defines (and a
package's star import); for each class its bases outside the package, its members, its instances' attributes,
its fields (pydantic), members (enums) or keys (TypedDicts); for each function its parameters (name, kind,
default). No code is kept. `test/test_stock_surface.py` compares ours with it, and reads the differences we
make on purpose, each with its reason, from `docs/stock_differences.yaml`.

Needs Java and network access to PyPI (for `openapi-generator-cli==7.26.0`), and the client's runtime
dependencies in this Python. `dump()` is also what the test runs on our package, in this process.
"""

from __future__ import annotations

import argparse
import ast
import enum
import importlib
import inspect
import json
import os
import pkgutil
import subprocess
import sys
import sysconfig
import tempfile
import types
import typing
from pathlib import Path
from typing import Any, Callable, Dict, List, Optional

ROOT = Path(__file__).resolve().parents[1]
SPEC = ROOT / "spec" / "webbackend.yaml"
SNAPSHOT = ROOT / "test" / "stock_surface.json"
GENERATOR = "openapi-generator-cli==7.26.0"
PACKAGE = "openapi_client"
SIMPLE = (str, int, float, bool, type(None))
# Dunder methods that are part of how code uses an object, and so of its surface.
DUNDERS = ("__init__", "__enter__", "__exit__")


def samples_by_name() -> Dict[str, Callable[[Any], Any]]:
    """One instance of each class whose instances carry attributes of their own, built as user code builds them."""

    def configuration(package: Any) -> Any:
        return package.configuration.Configuration()

    def api_client(package: Any) -> Any:
        return package.api_client.ApiClient(configuration(package))

    def rest_response(package: Any) -> Any:
        import urllib3

        return package.rest.RESTResponse(urllib3.HTTPResponse(body=b"{}", status=200, preload_content=False))

    return {
        "configuration.Configuration": configuration,
        "api_client.ApiClient": api_client,
        "api.web_backend_api.WebBackendApi": lambda p: p.api.web_backend_api.WebBackendApi(api_client(p)),
        "rest.RESTClientObject": lambda p: p.rest.RESTClientObject(configuration(p)),
        "rest.RESTResponse": rest_response,
        "exceptions.ApiException": lambda p: p.exceptions.ApiException(status=404, reason="Not Found"),
        "exceptions.ApiTypeError": lambda p: p.exceptions.ApiTypeError("message"),
        "exceptions.ApiValueError": lambda p: p.exceptions.ApiValueError("message"),
        "exceptions.ApiKeyError": lambda p: p.exceptions.ApiKeyError("message"),
        "exceptions.ApiAttributeError": lambda p: p.exceptions.ApiAttributeError("message"),
    }


# -- describing what code can reach ----------------------------------------------------------------------


def _in_package(value: Any) -> bool:
    return str(getattr(value, "__module__", "") or "").split(".")[0] == PACKAGE


def default_text(value: Any) -> Optional[str]:
    """A default as the snapshot writes it: the repr of a simple value, else `<its type>`; None for no default."""
    if value is inspect.Parameter.empty:
        return None
    return repr(value) if isinstance(value, SIMPLE) else f"<{type(value).__name__}>"


# How a parameter's kind is written before its name (a positional-or-keyword parameter has no mark).
KIND_MARKS = {
    inspect.Parameter.POSITIONAL_ONLY: "positional ",
    inspect.Parameter.POSITIONAL_OR_KEYWORD: "",
    inspect.Parameter.VAR_POSITIONAL: "*",
    inspect.Parameter.KEYWORD_ONLY: "keyword ",
    inspect.Parameter.VAR_KEYWORD: "**",
}


def parameter_text(parameter: inspect.Parameter) -> str:
    """`name`, `name=None`, `keyword debug=None`, `*args`, `**kwargs`: kind, name and default, no annotation."""
    default = default_text(parameter.default)
    return KIND_MARKS[parameter.kind] + parameter.name + ("" if default is None else f"={default}")


def describe_function(function: Any) -> Dict[str, Any]:
    try:
        signature = inspect.signature(function)
    except (TypeError, ValueError):
        return {"kind": "function", "parameters": None}
    return {"kind": "function", "parameters": [parameter_text(p) for p in signature.parameters.values()]}


def _simple_value(value: Any) -> Any:
    """A value the snapshot can hold as it is (JSON), or None."""
    if isinstance(value, SIMPLE):
        return {"value": value}
    if isinstance(value, type):
        return {"value": f"{value.__module__}.{value.__qualname__}"}
    if isinstance(value, (list, tuple, set, frozenset)):
        items = [_simple_value(item) for item in value]
        if all(item is not None for item in items):
            values = [item["value"] for item in items]
            return {"value": sorted(values, key=repr) if isinstance(value, (set, frozenset)) else values}
    if isinstance(value, dict):
        entries = {str(k): _simple_value(v) for k, v in value.items()}
        if all(v is not None for v in entries.values()):
            return {"value": {k: v["value"] for k, v in entries.items()}}
    return None


def describe_value(value: Any) -> Dict[str, Any]:
    if isinstance(value, typing.TypeVar):
        return {"kind": "typevar"}
    if isinstance(value, type):
        return {"kind": "alias", "target": f"{value.__module__}.{value.__qualname__}"}
    if typing.get_origin(value) is not None:
        return {"kind": "type alias", "text": repr(value).replace("typing.", "")}
    simple = _simple_value(value)
    return {"kind": "value", "type": type(value).__name__, **(simple or {})}


def describe_member(cls: type, name: str) -> Optional[Dict[str, Any]]:
    owner = next((klass for klass in cls.__mro__ if name in vars(klass)), None)
    if owner is None or not _in_package(owner):
        return None
    raw = vars(owner)[name]
    if isinstance(raw, property):
        return {"kind": "property"}
    if isinstance(raw, classmethod):
        return {**describe_function(raw.__func__), "kind": "classmethod"}
    if isinstance(raw, staticmethod):
        return {**describe_function(raw.__func__), "kind": "staticmethod"}
    if inspect.isfunction(raw):
        return describe_function(raw)
    if name in getattr(cls, "__members__", {}):
        return None  # an enum member: listed with the others
    simple = _simple_value(raw)
    return {"kind": "attribute", **(simple or {"type": type(raw).__name__})}


def describe_class(cls: type, sample: Optional[Callable[[], Any]]) -> Dict[str, Any]:
    entry: Dict[str, Any] = {
        "kind": "class",
        "bases": sorted(f"{k.__module__}.{k.__qualname__}" for k in cls.__mro__[1:] if not _in_package(k)),
    }
    members = {}
    for name in sorted(set(dir(cls)) | {n for n in DUNDERS if hasattr(cls, n)}):
        if name.startswith("_") and name not in DUNDERS:
            continue
        described = describe_member(cls, name)
        if described is not None:
            members[name] = described
    entry["members"] = members
    if isinstance(cls, enum.EnumMeta):
        entry["enum"] = {name: member.value for name, member in cls.__members__.items()}
    if hasattr(cls, "__required_keys__") and hasattr(cls, "__optional_keys__"):
        entry["keys"] = {key: key in cls.__required_keys__ for key in sorted(cls.__annotations__)}
    fields = getattr(cls, "model_fields", None)
    if isinstance(fields, dict) and cls.__module__.startswith(PACKAGE):
        entry["fields"] = {
            name: {
                "json": info.alias or name,
                "required": info.is_required(),
                "default": None if info.is_required() else default_text(info.default),
            }
            for name, info in fields.items()
        }
    if sample is not None:
        # The attributes an instance has beyond its class's.
        entry["instance"] = sorted(name for name in set(dir(sample())) - set(dir(cls)) if not name.startswith("_"))
    return entry


def describe(value: Any, sample: Optional[Callable[[], Any]] = None) -> Dict[str, Any]:
    if isinstance(value, types.ModuleType):
        return {"kind": "module"}
    if isinstance(value, type) and _in_package(value):
        return describe_class(value, sample)
    if inspect.isfunction(value):
        return describe_function(value)
    return describe_value(value)


def defined_names(module: types.ModuleType) -> List[str]:
    """The public names a module's own source defines (a package: what its star import gives)."""
    if hasattr(module, "__path__"):
        return star_names(module.__name__)
    source = inspect.getsource(module)
    names = []
    for node in ast.parse(source).body:
        if isinstance(node, (ast.FunctionDef, ast.ClassDef)):
            names.append(node.name)
        elif isinstance(node, ast.Assign):
            names += [target.id for target in node.targets if isinstance(target, ast.Name)]
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            names.append(node.target.id)
    return sorted(name for name in set(names) if not name.startswith("_"))


def star_names(module_name: str) -> List[str]:
    namespace: Dict[str, Any] = {}
    exec(f"from {module_name} import *", namespace)
    return sorted(name for name in namespace if name != "__builtins__")


def module_names() -> List[str]:
    package = importlib.import_module(PACKAGE)
    found = [PACKAGE]
    for info in pkgutil.walk_packages(package.__path__, PACKAGE + "."):
        if not info.name.startswith(f"{PACKAGE}.testing"):
            found.append(info.name)
    return sorted(found)


def dump(modules: Optional[List[str]] = None) -> Dict[str, Any]:
    """The surface of the `openapi_client` this Python imports: of `modules` (default: all of them)."""
    package = importlib.import_module(PACKAGE)
    samples = samples_by_name()
    surface: Dict[str, Any] = {}
    for module_name in modules or module_names():
        module = importlib.import_module(module_name)
        prefix = module_name[len(PACKAGE) + 1 :]
        names: Dict[str, Any] = {}
        for name in defined_names(module):
            value = getattr(module, name, None)
            home = getattr(value, "__module__", None)
            if hasattr(module, "__path__") and isinstance(value, (type, types.FunctionType)) and home != module_name:
                # A package's name for what one of its modules defines (and describes).
                names[name] = {"kind": "reexport", "of": f"{home}.{value.__qualname__}"}
                continue
            factory = samples.get(f"{prefix}.{name}")
            names[name] = describe(value, (lambda f=factory: f(package)) if factory else None)
        entry: Dict[str, Any] = {"names": names}
        if hasattr(module, "__path__"):
            entry["star"] = star_names(module_name)
        surface[module_name] = entry
    return surface


# -- generating the stock client -------------------------------------------------------------------------


def generate(output: Path, generator: Optional[str]) -> None:
    if generator is None:
        venv = output.parent / "generator-venv"
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        subprocess.run([str(venv / "bin" / "pip"), "install", "--quiet", GENERATOR], check=True)
        generator = str(venv / "bin" / "openapi-generator-cli")
    subprocess.run(
        [
            generator,
            "generate",
            "-g",
            "python",
            "-i",
            str(SPEC),
            "-o",
            str(output),
            "--global-property",
            "apiTests=false,modelTests=false",
        ],
        check=True,
        stdout=subprocess.DEVNULL,
    )


def dump_stock(output: Path) -> Dict[str, Any]:
    """The stock client's surface, dumped by a child Python that sees it (and this Python's libraries), not ours."""
    site = sysconfig.get_paths()["purelib"]
    environment = {**os.environ, "PYTHONPATH": os.pathsep.join([str(output), site])}
    # -S: no site initialisation, so that an installed (or editable) openapi_client of ours is not seen.
    result = subprocess.run(
        [sys.executable, "-S", __file__, "--dump"], env=environment, capture_output=True, text=True, check=True
    )
    surface: Dict[str, Any] = json.loads(result.stdout)
    return surface


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--generator", help="an installed openapi-generator-cli (default: install 7.26.0)")
    parser.add_argument("--dump", action="store_true", help=argparse.SUPPRESS)
    arguments = parser.parse_args(argv)
    if arguments.dump:
        json.dump(dump(), sys.stdout)
        return 0
    with tempfile.TemporaryDirectory() as folder:
        output = Path(folder) / "stock"
        generate(output, arguments.generator)
        surface = dump_stock(output)
    snapshot = {"generator": GENERATOR, "spec": str(SPEC.relative_to(ROOT)), "modules": surface}
    SNAPSHOT.write_text(json.dumps(snapshot, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {SNAPSHOT.relative_to(ROOT)}: {len(surface)} modules")
    return 0


if __name__ == "__main__":
    sys.exit(main())
