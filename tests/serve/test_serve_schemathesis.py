"""Property-based tests of the whole API from its OpenAPI document (schemathesis).

Generated requests, valid and invalid, against every operation: none may get a server error, and
every answer must match the documented schema, status codes and content type. Examples are few per
operation so the run stays well under a minute.

The schema is loaded when the module is imported (schemathesis' lazy fixture loader does not work
with pytest 9), from a store built in a temporary folder removed at exit.
"""

from __future__ import annotations

import atexit
import shutil
import tempfile
from pathlib import Path

import pytest
import serve_store as S

schemathesis = pytest.importorskip("schemathesis")
from hypothesis import HealthCheck, settings  # noqa: E402
from schemathesis.checks import not_a_server_error  # noqa: E402
from schemathesis.specs.openapi.checks import (  # noqa: E402
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from eventwire.serve import create_app  # noqa: E402

TOKEN = "schemathesis-token"
_DIR = Path(tempfile.mkdtemp(prefix="eventwire-schemathesis-"))
atexit.register(shutil.rmtree, _DIR, True)
# The analysis endpoint is enabled so that it is in the schema; it is left out below (it loads spaCy).
APP = create_app(S.build_store(_DIR / "store.duckdb"), token=TOKEN, snapshot=False)
schema = schemathesis.openapi.from_asgi("/openapi.json", APP)


@schema.exclude(path="/api/v1/analyze").parametrize()
@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
def test_serve_schemathesis_no_server_errors(case: object) -> None:
    case.call_and_validate(checks=[not_a_server_error, status_code_conformance,  # type: ignore[attr-defined]
                                   content_type_conformance, response_schema_conformance])
