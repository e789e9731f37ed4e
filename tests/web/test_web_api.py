"""The JSON API: every endpoint answers what its view shows, with stable ids and pagination."""
from __future__ import annotations

from pathlib import Path
from urllib.parse import quote

import pytest

from webpages import EXAMPLE, XSS_PAPER

LS = quote("乐山日报", safe="")


def test_web_api_papers_lists_every_paper(client):
    r = client.get("/api/papers")
    assert r.status_code == 200
    papers = {p["name"]: p for p in r.json()["papers"]}
    assert set(papers) == {"乐山日报", "测试日报", "图像日报", XSS_PAPER}
    ls = papers["乐山日报"]
    assert (ls["issues"], ls["first_date"], ls["last_date"], ls["pages"]) == (2, "2024-07-09", "2024-07-10", 3)
    assert ls["url"] == f"/papers/{LS}"


def test_web_api_issues_by_year_and_paginated(client):
    r = client.get(f"/api/papers/{quote('测试日报')}/issues")
    d = r.json()
    assert [y["year"] for y in d["years"]] == ["2023", "2024"] and d["total"] == 4
    assert client.get(f"/api/papers/{quote('测试日报')}/issues?year=2024").json()["total"] == 3
    page = client.get(f"/api/papers/{quote('测试日报')}/issues?offset=1&limit=2").json()
    assert [i["date"] for i in page["items"]] == ["2024-05-06", "2024-05-20"] and page["total"] == 4
    assert client.get("/api/papers/没有这份报/issues").status_code == 404


def test_web_api_issue_has_pages_and_articles(client):
    d = client.get(f"/api/papers/{LS}/issues/2024-07-09").json()
    assert [(p["seq"], p["number"], p["status"]) for p in d["pages"]] == [(1, 1, "parsed"), (2, 2, "parsed")]
    assert len(d["articles"]) == 6
    a2 = d["articles"][1]
    assert a2["key"] == "乐山日报/2024-07-09/a2" and a2["pages"] == [1, 2]
    assert d["pages"][0]["articles"] == 5 and d["pages"][1]["articles"] == 2
    assert client.get(f"/api/papers/{LS}/issues/2024-07-08").status_code == 404


def test_web_api_page_has_source_lines_articles_and_furniture(client):
    d = client.get(f"/api/papers/{LS}/issues/2024-07-09/pages/1").json()
    assert d["key"] == "乐山日报/2024-07-09/p1" and d["number"] == 1 and d["next_url"]
    assert len(d["articles"]) == 5
    src = d["source"]
    assert src["available"] and not src["changed"] and src["image_url"] is None
    lines = src["pages"][0]["lines"]
    assert len(lines) == 434 and lines[0]["n"] == 1
    assert lines[0]["text"] == EXAMPLE.read_text(encoding="utf-8").split("\n")[0]
    assert [f["text"] for f in d["furniture"]] == ["（下转第2版）"]
    assert "path" not in d  # where the archive's files live is not the API's business
    a1 = d["articles"][0]
    assert a1["byline"]["reporters"] == ["付小惠"] and a1["paragraphs"][0]["spans"][0][:2] == [1, 1]


def test_web_api_page_two_carries_the_continuation(client):
    d = client.get(f"/api/papers/{LS}/issues/2024-07-09/pages/2").json()
    assert [a["seq"] for a in d["articles"]] == [2, 6]
    part = [p for p in d["articles"][0]["paragraphs"] if p["spans"][0][0] == 2]
    assert part and part[0]["text"].startswith("全会强调")


def test_web_api_article_by_key_and_by_id_agree(client):
    d = client.get(f"/api/papers/{LS}/issues/2024-07-09/articles/1").json()
    assert d["title"].startswith("较真碰硬") and d["kicker"].startswith("马波") and d["subtitle"] == "陈光浩主持陈扬杰出席"
    assert d["dateline"] == "7月8日" and d["byline"]["text"] == "本报讯（记者 付小惠）"
    assert d["facts"] and any(p["name"] == "马波" for p in d["facts"]["people"])
    assert d["next_url"].endswith("/articles/2") and d["prev_url"] is None
    by_id = client.get(f"/api/articles/{d['id']}").json()
    assert by_id == d
    assert client.get("/api/articles/999999").status_code == 404
    assert client.get(f"/api/papers/{LS}/issues/2024-07-09/articles/99").status_code == 404


def test_web_api_page_by_id(client):
    d = client.get(f"/api/papers/{LS}/issues/2024-07-09/pages/2").json()
    assert client.get(f"/api/pages/{d['id']}").json()["key"] == "乐山日报/2024-07-09/p2"
    assert client.get("/api/pages/999999").status_code == 404


def test_web_api_page_image_renders_the_pdf_beside_the_text(client):
    d = client.get(f"/api/papers/{quote('图像日报')}/issues/2024-03-01/pages/1").json()
    assert d["source"]["image_url"] == f"/api/pages/{d['id']}/image.png"
    assert any(p["boxes"] for a in d["articles"] for p in a["paragraphs"])
    r = client.get(d["source"]["image_url"])
    assert r.status_code == 200 and r.headers["content-type"] == "image/png" and r.content[:4] == b"\x89PNG"
    text_only = client.get(f"/api/papers/{LS}/issues/2024-07-09/pages/1").json()["id"]
    assert client.get(f"/api/pages/{text_only}/image.png").status_code == 404


def test_web_api_people_and_person(client):
    d = client.get("/api/people?limit=100").json()
    names = {p["name"]: p for p in d["items"]}
    assert "付小惠" in names and "记者" in names["付小惠"]["titles"]
    assert d["total"] >= len(d["items"])
    assert [p["name"] for p in client.get("/api/people?q=付小").json()["items"]] == ["付小惠"]
    small = client.get("/api/people?limit=2&offset=1").json()
    assert len(small["items"]) == 2 and small["offset"] == 1
    zq = client.get(f"/api/people/{quote('张清')}").json()
    assert zq["total"] >= 4 and zq["titles"][0]["title"] == "记者"
    months = [m["month"] for m in zq["timeline"]]
    assert months[0] == "2023-12" and months == sorted(months)
    assert zq["articles"][0]["date"] >= zq["articles"][-1]["date"]  # newest first
    assert client.get(f"/api/people/{quote('无名氏')}").status_code == 404


def test_web_api_statistics_carry_audit_badges(client):
    d = client.get("/api/statistics?limit=200").json()
    by = {(s["metric"], s["breakdown"], s["text"]): s for s in d["items"]}
    assert by[("工业产值", None, "100.00亿元")]["audit"] == "ok"
    assert by[("旅游收入", "西镇", "45.00亿元")]["audit"] == "inconsistent"
    bad = [a for a in by[("旅游收入", "西镇", "45.00亿元")]["audits"] if not a["ok"]]
    assert bad and bad[0]["computed"] and bad[0]["reported"]
    assert {m["metric"] for m in d["metrics"]} >= {"工业产值", "旅游收入"}
    one = client.get(f"/api/statistics?metric={quote('旅游收入')}").json()
    assert one["total"] == 4 and all(s["metric"] == "旅游收入" for s in one["items"])


def test_web_api_search_two_characters_with_facets_and_highlights(client):
    d = client.get(f"/api/search?q={quote('光伏')}").json()
    assert d["total"] >= 1
    hit = d["hits"][0]
    assert hit["key"] == "乐山日报/2024-07-09/a6" and hit["url"].endswith("/2024-07-09/articles/6")
    s, e = hit["highlights"][0]
    assert hit["snippet"][s:e] == "光伏"
    assert d["facets"]["paper"] == [{"value": "乐山日报", "count": d["total"]}]
    assert d["facets"]["year"][0]["value"] == "2024"
    assert client.get(f"/api/search?q={quote('乡村振兴')}&paper={quote('测试日报')}").json()["total"] == 4
    dated = client.get(f"/api/search?q={quote('乡村振兴')}&paper={quote('测试日报')}&from=2024-01-01&to=2024-05-31")
    assert dated.json()["total"] == 2
    paged = client.get(f"/api/search?q={quote('乡村振兴')}&limit=1&offset=1").json()
    assert len(paged["hits"]) == 1 and paged["offset"] == 1


@pytest.mark.parametrize("q", ["NOT 光伏", "(光伏", "\"光伏", "。。。"])
def test_web_api_search_bad_query_is_400_with_the_fix(client, q):
    r = client.get(f"/api/search?q={quote(q)}")
    assert r.status_code == 400 and r.json()["detail"]


def test_web_api_parse_reconstructs_the_example_page(client):
    r = client.post("/api/parse", files={"file": ("leshan.txt", EXAMPLE.read_bytes(), "text/plain")},
                    data={"paper": "乐山日报", "date": "2024-07-09"})
    assert r.status_code == 200, r.text
    d = r.json()
    assert d["name"] == "leshan.txt" and len(d["articles"]) == 5
    assert d["articles"][0]["title"].startswith("较真碰硬") and d["articles"][0]["id"] is None
    assert d["furniture"][0]["text"] == "（下转第2版）"


def test_web_api_openapi_documents_every_endpoint(client):
    schema = client.get("/openapi.json").json()
    paths = set(schema["paths"])
    assert {"/api/papers", "/api/papers/{paper}/issues", "/api/papers/{paper}/issues/{date}",
            "/api/papers/{paper}/issues/{date}/pages/{seq}", "/api/papers/{paper}/issues/{date}/articles/{seq}",
            "/api/articles/{article_id}", "/api/pages/{page_id}", "/api/pages/{page_id}/image.png", "/api/people",
            "/api/people/{name}", "/api/statistics", "/api/search", "/api/parse"} == paths
    assert client.get("/docs").status_code == 200


def test_web_api_views_without_js_use_the_same_data(client):
    """Each HTML view answers 200 and shows what its API twin returns."""
    checks = {
        "/": "乐山日报",
        f"/papers/{LS}": "2024年7月",
        f"/papers/{LS}/2024-07-09": "较真碰硬",
        f"/papers/{LS}/2024-07-09/pages/1": "版面原文",
        f"/papers/{LS}/2024-07-09/articles/2": "接第2版",
        "/people": "付小惠",
        f"/people/{quote('付小惠')}": "记者",
        "/statistics": "不一致",
        f"/search?q={quote('光伏')}": "<mark>光伏</mark>",
        "/upload": 'type="file"',
    }
    for url, needle in checks.items():
        r = client.get(url)
        assert r.status_code == 200, url
        assert needle in r.text, url


def test_web_api_views_switch_to_english(app):
    from fastapi.testclient import TestClient
    with TestClient(app) as c:  # its own cookie jar: the session client stays Chinese
        assert "<h1>人物" in c.get("/people").text
        r = c.get("/people?lang=en")
        assert "<h1>People" in r.text and "lang=en" in r.headers["set-cookie"]
        assert "<h1>People" in c.get("/people").text  # the cookie remembers
        assert "<h1>人物" in c.get("/people?lang=zh").text


def test_web_api_row_id_urls_redirect_to_stable_ones(client):
    aid = client.get(f"/api/papers/{LS}/issues/2024-07-09/articles/3").json()["id"]
    r = client.get(f"/articles/{aid}", follow_redirects=False)
    assert r.status_code == 307 and r.headers["location"] == f"/papers/{LS}/2024-07-09/articles/3"
    pid = client.get(f"/api/papers/{LS}/issues/2024-07-09/pages/2").json()["id"]
    assert client.get(f"/pages/{pid}", follow_redirects=False).headers["location"].endswith("/2024-07-09/pages/2")


def test_web_api_html_page_selects_an_article_without_js(client):
    html = client.get(f"/papers/{LS}/2024-07-09/pages/1?a=3").text
    assert 'class="card sel" id="a3"' in html
    assert 'id="L1-271" class="line role-body hl" data-a="3"' in html  # 环境固本's first body line


def test_web_api_static_files_and_missing_ones(client):
    r = client.get("/static/reader.js")
    assert r.status_code == 200 and "javascript" in r.headers["content-type"]
    assert client.get("/static/nope.js").status_code == 404


def test_web_api_missing_source_file_is_said_not_failed(tmp_path, web_db):
    """A page file moved away since ingest: the page still shows its articles, the source says why."""
    import shutil

    from fastapi.testclient import TestClient

    from banmian.web.app import create_app
    db = tmp_path / "copy.db"
    shutil.copy(web_db, db)
    with TestClient(create_app(db)) as c:
        d = c.get(f"/api/papers/{quote('测试日报')}/issues/2024-05-06/pages/1").json()
        path = Path(c.app.state.banmian.pool.reader().value("SELECT path FROM pages WHERE id = ?", (d["id"],)))
        moved = path.with_suffix(".moved")
        path.rename(moved)
        try:
            d = c.get(f"/api/papers/{quote('测试日报')}/issues/2024-05-06/pages/1").json()
            assert d["source"] == {"available": False, "reason": "missing", "changed": False, "pages": [],
                                   "image_url": None}
            assert len(d["articles"]) == 2
            assert "原始文件不可用" in c.get(f"/papers/{quote('测试日报')}/2024-05-06/pages/1").text
        finally:
            moved.rename(path)


def test_web_api_parse_reads_a_pdf_with_a_text_layer(client, tmp_path):
    pytest.importorskip("reportlab")
    from webpages import make_text_pdf, synthetic_page
    pdf = make_text_pdf(tmp_path / "p1.pdf", synthetic_page(2)).read_bytes()
    d = client.post("/api/parse", files={"file": ("p1.pdf", pdf, "application/pdf")}).json()
    assert [a["title"] for a in d["articles"]][1] == "城市建设提速增效群众生活品质不断提升成效明显"
    assert all(p["boxes"] and len(p["boxes"][0]) == 4 for a in d["articles"] for p in a["paragraphs"])
    html = client.post("/upload", files={"file": ("p1.pdf", pdf, "application/pdf")}).text
    assert "data:image/png;base64," in html and '<rect x="20.0"' in html


def test_web_api_archived_pdf_page_shows_its_image(client):
    pytest.importorskip("reportlab")
    d = client.get(f"/api/papers/{quote('图像日报')}/issues/2024-03-02/pages/1").json()
    assert d["source"]["image_url"] and client.get(d["source"]["image_url"]).content[:4] == b"\x89PNG"
    if d["status"] == "parsed":  # ingest reads PDFs: lines come from the text layer, boxes from the archive
        assert d["source"]["available"] and any(p["boxes"] for a in d["articles"] for p in a["paragraphs"])
    html = client.get(f"/papers/{quote('图像日报')}/2024-03-02/pages/1").text
    assert d["source"]["image_url"] in html


def test_web_api_search_facets_one_pass_equals_per_facet_queries(app):
    """Unfiltered facets come from one grouped pass; they must equal the per-facet queries."""
    from banmian.archive.search import Filters
    from banmian.web import queries
    r = app.state.banmian.pool.reader()
    for q in ("乡村振兴", "记者", "光伏"):
        one_pass = queries.facets(r, q, Filters())
        per_facet = queries.facets(r, q, Filters(date_from="0001-01-01"))  # filters nothing, takes the other path
        assert one_pass == per_facet, q
