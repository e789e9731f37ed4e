"""Fuzzing: schemathesis against /openapi.json, and hypothesis against the HTML views: never a 500.

Schemathesis's pytest plugin is not used (it trails pytest releases); each API
operation's hypothesis strategy is driven here instead, valid inputs checked
against the documented response schemas too.  Bounded for CI: a fixed number
of examples per operation whatever the hypothesis profile says (CI's asks for
2,000 per property, far too many for HTTP calls).
"""
from __future__ import annotations

from urllib.parse import quote

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

schemathesis = pytest.importorskip("schemathesis")
from schemathesis import GenerationMode  # noqa: E402
from schemathesis.checks import not_a_server_error  # noqa: E402
from schemathesis.specs.openapi.checks import response_schema_conformance  # noqa: E402

EXAMPLES = 40
BOUNDED = settings(max_examples=EXAMPLES, deadline=None, derandomize=True, database=None,
                   suppress_health_check=list(HealthCheck))


@pytest.fixture(scope="module")
def api_schema(app):
    return schemathesis.openapi.from_asgi("/openapi.json", app)


def _operations():
    from banmian.web.api_routes import router
    return [(m, r.path) for r in router.routes for m in sorted(r.methods)]


@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE], ids=lambda m: m.value)
@pytest.mark.parametrize("method, path", _operations(), ids=lambda x: x)
def test_web_fuzz_api_never_500(api_schema, method, path, mode):
    op = api_schema[path][method]
    if mode == GenerationMode.NEGATIVE and not (op.path_parameters or op.query or op.body):
        pytest.skip("nothing to make invalid")
    checks = [not_a_server_error] + ([response_schema_conformance] if mode == GenerationMode.POSITIVE else [])

    @given(case=op.as_strategy(generation_mode=mode))
    @BOUNDED
    def run(case):
        case.call_and_validate(checks=checks)
    run()


TEXT = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=30)
VIEWS = ["/papers/{s}", "/papers/{s}/2024-07-09", "/papers/乐山日报/{s}", "/papers/乐山日报/2024-07-09/pages/{s}",
         "/papers/乐山日报/2024-07-09/articles/{s}", "/papers/乐山日报/2024-07-09/pages/1?a={s}", "/articles/{s}",
         "/pages/{s}", "/people/{s}", "/people?q={s}&offset={s}", "/statistics?metric={s}", "/search?q={s}",
         "/search?q=光伏&paper={s}&year={s}&from={s}&page={s}", "/papers/乐山日报?year={s}", "/static/{s}",
         "/upload?lang={s}"]


@given(view=st.sampled_from(VIEWS), value=TEXT)
@settings(BOUNDED, max_examples=300)
def test_web_fuzz_html_views_never_500(client, view, value):
    url = view.replace("{s}", quote(value, safe=""))
    r = client.get(url)
    assert r.status_code < 500, (url, r.status_code, r.text[:300])
