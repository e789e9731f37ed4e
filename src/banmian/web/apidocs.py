"""OpenAPI schema -> a self-contained HTML reference served at ``/docs``.

FastAPI's Swagger UI loads its script and stylesheet from a CDN, so offline (the
way banmian is meant to run) it shows a blank page, and it needs an inline
script our Content-Security-Policy forbids.  This page is rendered on the
server from ``app.openapi()``: every path, method, summary, parameter and
response model, styled by the reader's own CSS.
"""
from __future__ import annotations

from html import escape
from typing import Any

METHODS = ("get", "post", "put", "patch", "delete")


def _schema_name(schema: dict[str, Any] | None) -> str:
    if not schema:
        return ""
    if "$ref" in schema:
        return schema["$ref"].rsplit("/", 1)[-1]
    if schema.get("type") == "array":
        return f"array of {_schema_name(schema.get('items'))}"
    return schema.get("type", "object")


def render_docs(spec: dict[str, Any]) -> str:
    """HTML for the API reference.

    >>> "/api/papers" in render_docs({"info": {"title": "t"}, "paths": {"/api/papers": {"get": {"summary": "报纸"}}}})
    True
    """
    info = spec.get("info", {})
    out = ['<!doctype html><html lang="zh"><head><meta charset="utf-8">',
           f"<title>{escape(info.get('title', 'API'))}</title>",
           '<link rel="stylesheet" href="/static/reader.css"></head><body><main>',
           f"<h1>{escape(info.get('title', 'API'))} <small>{escape(str(info.get('version', '')))}</small></h1>",
           f"<p>{escape(info.get('description', ''))}</p>",
           '<p>Machine-readable schema: <a href="/openapi.json">/openapi.json</a></p>']
    for path, ops in sorted(spec.get("paths", {}).items()):
        for method in METHODS:
            op = ops.get(method)
            if op is None:
                continue
            out.append(f'<section class="endpoint"><h2><code>{method.upper()} {escape(path)}</code></h2>')
            if op.get("summary") or op.get("description"):
                out.append(f"<p>{escape(op.get('summary') or '')} {escape(op.get('description') or '')}</p>")
            params = op.get("parameters", [])
            if params:
                out.append("<table><tr><th>parameter</th><th>in</th><th>type</th><th>required</th>"
                           "<th>description</th></tr>")
                for p in params:
                    out.append(f"<tr><td><code>{escape(p.get('name', ''))}</code></td><td>{escape(p.get('in', ''))}</td>"
                               f"<td>{escape(_schema_name(p.get('schema')))}</td>"
                               f"<td>{'yes' if p.get('required') else ''}</td>"
                               f"<td>{escape(p.get('description', ''))}</td></tr>")
                out.append("</table>")
            body = op.get("requestBody", {}).get("content", {})
            for ctype, c in body.items():
                out.append(f"<p>Body ({escape(ctype)}): {escape(_schema_name(c.get('schema')))}</p>")
            responses = []
            no_content: dict[str, Any] = {}
            for code, r in op.get("responses", {}).items():
                schema = next(iter(r.get("content", {}).values()), no_content).get("schema")
                responses.append(f"{escape(code)} {escape(_schema_name(schema))}".strip())
            if responses:
                out.append(f"<p>Responses: {', '.join(responses)}</p>")
            out.append("</section>")
    out.append("</main></body></html>")
    return "".join(out)
