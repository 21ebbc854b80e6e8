# Sourced by the other scripts: make (once) and activate the virtual environment they run in.
# VENV chooses where it lives (default .venv); PYTHON which interpreter makes it (default python3).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
VENV="${VENV:-.venv}"
if [ ! -x "$VENV/bin/python" ]; then
    "${PYTHON:-python3}" -m venv "$VENV"
    "$VENV/bin/python" -m pip install --quiet --upgrade pip
fi
# shellcheck disable=SC1091
source "$VENV/bin/activate"
