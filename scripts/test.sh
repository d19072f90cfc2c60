#!/usr/bin/env bash
# Set up, then lint, type-check and run the tests. Extra arguments go to the main pytest run.
# The Ray test starts a local cluster (~1.5 GB): it runs in its own step, after the others.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
.venv/bin/ruff check src tests benchmarks tools
.venv/bin/mypy
.venv/bin/python -m pytest -q -m "not ray" "$@"
.venv/bin/python -m pytest -q -m ray
