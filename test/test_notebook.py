"""examples/tour.ipynb runs in a real Jupyter kernel (nbclient + ipykernel) against LocalAirbyte and shows each
step of the tour."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any, Dict, List

import nbformat
import pytest
from jupyter_client.kernelspec import KernelSpecManager
from jupyter_client.manager import KernelManager
from nbclient import NotebookClient

TOUR = Path(__file__).resolve().parents[1] / "examples" / "tour.ipynb"


@pytest.fixture(scope="module")
def executed(tmp_path_factory: pytest.TempPathFactory) -> Dict[str, Any]:
    """The tour, run: each code cell's outputs by its tag."""
    home = tmp_path_factory.mktemp("jupyter")
    # A kernel of this very interpreter, whatever kernels the machine has (or has not) installed.
    spec = home / "kernels" / "tour"
    spec.mkdir(parents=True)
    argv = [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"]
    (spec / "kernel.json").write_text(json.dumps({"argv": argv, "display_name": "tour", "language": "python"}))
    manager = KernelManager(
        kernel_name="tour", kernel_spec_manager=KernelSpecManager(kernel_dirs=[str(home / "kernels")])
    )

    notebook = nbformat.read(TOUR, as_version=4)
    client = NotebookClient(notebook, km=manager, timeout=180, resources={"metadata": {"path": str(home)}})
    with pytest.MonkeyPatch.context() as environment:
        environment.setenv("IPYTHONDIR", str(home / "ipython"))
        environment.setenv("JUPYTER_RUNTIME_DIR", str(home / "runtime"))
        client.execute()
    return {cell.metadata.get("tags", [""])[0]: cell.get("outputs", []) for cell in notebook.cells}


def html(outputs: List[Any]) -> str:
    return "".join(output.get("data", {}).get("text/html", "") for output in outputs)


def text(outputs: List[Any]) -> str:
    printed = "".join(output.get("text", "") for output in outputs if output.output_type == "stream")
    return printed + "".join(output.get("data", {}).get("text/plain", "") for output in outputs)


def test_the_tour_runs_without_errors(executed: Dict[str, Any]) -> None:
    errors = [output for outputs in executed.values() for output in outputs if output.output_type == "error"]
    assert not errors
    assert set(executed) >= {"connect", "list", "connection", "stream", "patch", "refresh", "accept", "stop"}


def test_the_list_shows_as_a_table_and_a_dataframe(executed: Dict[str, Any]) -> None:
    table = html(executed["list"])
    assert table.startswith("<table><caption>2 connections</caption>")
    assert "<td>Stripe to Snowflake</td><td>inactive</td><td>Stripe</td><td>Snowflake</td>" in table
    frame = html(executed["list-dataframe"])
    assert "Stripe to Snowflake" in frame and "non_breaking" in frame and "Postgres to BigQuery" not in frame


def test_the_connection_shows_its_fields_and_streams(executed: Dict[str, Any]) -> None:
    shown = html(executed["connection"])
    assert "<caption>WebBackendConnectionRead</caption>" in shown and "<caption>3 streams</caption>" in shown
    # Where HTML is not shown (a terminal, a text export), the same result is the one-line repr.
    plain = text(executed["connection"])
    assert plain.startswith("WebBackendConnectionRead(name='Stripe to Snowflake', ") and len(plain) <= 1000
    printed = text(executed["stream"])
    assert printed.startswith("WebBackendConnectionRead(name='Stripe to Snowflake', connection_id=")
    assert "sync_catalog=<3 streams>" in printed
    assert "incremental ['updated'] [['id']]" in printed


def test_the_patch_and_its_effect_are_shown(executed: Dict[str, Any]) -> None:
    assert "<caption>3 streams</caption>" in html(executed["patch"])
    assert "<td>invoices</td><td>no</td>" in html(executed["patch"])
    printed = text(executed["patch-compare"])
    assert "before: 'Stripe to Snowflake', cron 0 0 6 * * ? UTC" in printed
    assert "after: 'Stripe to Snowflake (mornings)', cron 0 0 6 * * ? Europe/Berlin" in printed


def test_the_refresh_shows_its_diff_and_accepting_it_clears_the_change(executed: Dict[str, Any]) -> None:
    assert "schema change: non_breaking" in text(executed["refresh"])
    diff = html(executed["refresh"])
    # Airbyte lists a new object field and each of its nested fields (CatalogDiffHelpers.getStreamDiff).
    assert "<caption>3 changes</caption>" in diff
    assert "<td>charges</td><td>add_field</td><td>payment_method_details</td><td>no</td><td>object</td>" in diff
    accepted = html(executed["accept"])
    assert "Stripe to Snowflake (mornings)" in accepted and "non_breaking" not in accepted
