#!/usr/bin/env bash
# Set up, then lint, type-check and run the tests.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
.venv/bin/ruff check src tests benchmarks tools
.venv/bin/mypy
.venv/bin/python -m pytest -q "$@"
