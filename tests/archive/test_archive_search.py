"""Search: exact recall and precision against a substring scan, filters, snippets, fuzzing."""
from __future__ import annotations

import argparse
import json
import random
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from banmian.archive.cli import add_parsers
from banmian.archive.ingest import IngestOptions, ingest
from banmian.archive.search import Filters, Searcher, compile_query, connect_readonly, snippet
from banmian.archive.store import headline_text
from banmian.archive.tokenize import _CJK, index_tokens, normalize, phrase_tokens
from banmian.errors import QueryError
from banmian.settings import DEFAULT

CJK_ONLY = re.compile(f"[{_CJK}]+")


def _texts(db) -> list[tuple[int, str, str]]:
    conn = connect_readonly(db)
    try:
        return [(i, normalize(headline_text(k, t, s)), normalize(b))
                for i, k, t, s, b in conn.execute("SELECT id, kicker, title, subtitle, body FROM articles")]
    finally:
        conn.close()


def _sample_queries(texts, n: int, seed: int) -> list[str]:
    """CJK-only substrings of 1-8 characters from random places, plus random 2-character pairs."""
    rng = random.Random(seed)
    out: set[str] = set()
    while len(out) < n:
        _, head, body = rng.choice(texts)
        field = head if (head and rng.random() < 0.25) else body
        if len(field) < 10:
            continue
        length = rng.choice((1, 2, 2, 2, 2, 3, 3, 4, 5, 6, 8))
        start = rng.randrange(len(field) - length)
        q = field[start:start + length]
        if CJK_ONLY.fullmatch(q):
            out.add(q)
    chars = [c for _, h, b in texts[:200] for c in b if CJK_ONLY.fullmatch(c)]
    for _ in range(n // 4):  # pairs that may occur nowhere
        out.add(rng.choice(chars) + rng.choice(chars))
    return sorted(out)


def _check_exact(db, queries) -> int:
    texts = _texts(db)
    with Searcher(db, timeout_s=30) as s:
        for q in queries:
            want = {i for i, head, body in texts if q in head or q in body}
            res = s.search(q, limit=None, snippets=False)
            got = {h.id for h in res.hits}
            assert got == want, (q, sorted(got - want)[:5], sorted(want - got)[:5])
            assert res.total == len(want)
    return len(texts)


def test_archive_search_is_exact_on_generated_pages(tmp_path_factory, generated_pages):
    """Acceptance: >= 1,000 generated pages; every query returns exactly the articles containing it."""
    db = tmp_path_factory.mktemp("gen-db") / "archive.db"
    res = ingest([generated_pages], db, IngestOptions(workers=2, facts=False))
    assert res.pages_parsed >= 1000 and res.failed == 0
    queries = _sample_queries(_texts(db), 400, seed=7)
    assert sum(len(q) == 2 for q in queries) >= 100
    assert _check_exact(db, queries) > 3000


def test_archive_search_is_exact_on_synthetic_pages(small_db):
    queries = _sample_queries(_texts(small_db), 300, seed=3)
    _check_exact(small_db, queries)


def test_archive_search_two_character_words_that_trigrams_miss(tmp_path):
    day = tmp_path / "pages" / "乐山日报" / "2024-07-09"
    day.mkdir(parents=True)
    (day / "p1.txt").write_text("乐山光伏产业\n\n本报讯（记者 张清）光伏。农产品和产品都在增长，GDP增长5%。\n",
                                encoding="utf-8")
    db = tmp_path / "a.db"
    ingest([tmp_path / "pages"], db)
    with Searcher(db) as s:
        for q in ("光伏", "产品", "农产品", "光", "伏", "gdp", "GDP增长", "增长5", "5%", "乐山 光伏"):
            assert s.search(q).total == 1, q
        for q in ("伏产品", "光伏农", "GDP增长5%增", "gd", "光伏 NOT 产品", "“光伏产品”"):
            assert s.search(q).total == 0, q


def test_archive_search_query_language():
    assert compile_query("光伏 风电").fts == '("光伏" AND "风电")'
    assert compile_query("光伏 AND 风电 OR 水电").fts == '(("光伏" AND "风电") OR "水电")'
    assert compile_query("(光伏 OR 风电) -煤炭").fts == '(("光伏" OR "风电") NOT "煤炭")'
    assert compile_query('"乐山 光伏"').fts == '"乐山 山 光伏"'
    assert compile_query("solar*").fts == '"solar"*'
    assert compile_query("body:光伏").fts == '{body} : "光伏"'
    assert compile_query("光伏 -(煤炭 OR 石油)").fts == '("光伏" NOT ("煤炭" OR "石油"))'
    for bad, msg in (('"光伏', "unclosed quote"), ("(光伏", r"unclosed \("), ("光伏)", r"unmatched \)"),
                     ("OR 光伏", "only excluded|OR needs|no letters"), ("光伏 OR", "OR needs a term after"),
                     ("NOT 光伏", "only excluded"), ("，。！", "no letters or digits"), ("", "empty query"),
                     ("(" * 40 + "光伏" + ")" * 40, "nested too deeply"), ("光 " * 70, "more than 64 terms"),
                     ("光伏 AND", "AND needs a term after"), ("x" * 1001, "characters long")):
        with pytest.raises(QueryError, match=msg):
            compile_query(bad)


def test_archive_search_filters_and_snippets(small_db):
    conn = connect_readonly(small_db)
    with Searcher(small_db) as s:
        everything = s.search("的 OR 是 OR 在", limit=None, snippets=False)
        assert everything.total > 0
        assert s.search("标记", Filters(date_from="2024-01-03", date_to="2024-01-04"), limit=None).total == 6
        assert s.search("标记", Filters(paper="别的报")).total == 0
        on_page_2 = s.search("标记", Filters(page=2), limit=None)
        assert on_page_2.total == 6 and all(h.page == 2 for h in on_page_2.hits)
        by = s.search("乐山", Filters(person="付小惠"))
        assert by.total == 1 and by.hits[0].headline.startswith("较真碰硬")
        with_stats = {r[0] for r in conn.execute("SELECT DISTINCT article_id FROM statistics")}
        stats = s.search("的 OR 是 OR 在", Filters(has_statistics=True), limit=None, snippets=False)
        assert {h.id for h in stats.hits} <= with_stats and stats.total == len(stats.hits)
        orgs = {r[0] for r in conn.execute("SELECT name FROM organizations")}
        if orgs:  # facts layer present
            org = sorted(orgs)[0]
            assert s.search("的 OR 是 OR 在", Filters(organization=org)).total >= 1
        hit = s.search("较真碰硬").hits[0]
        assert hit.snippet  # matched in the headline only: the headline is shown, marked
        body_hit = s.search("脱贫攻坚").hits[0]
        assert "<b>脱贫攻坚</b>" in body_hit.marked()
        ranked = s.search("乡村振兴", limit=None)
        assert ranked.hits[0].score >= ranked.hits[-1].score
        assert "乡村振兴" in (ranked.hits[0].headline or "") + (ranked.hits[0].kicker or "")  # headline boost
    assert snippet("经济……增长很快，增长", ("增长",), 6) == ("……增长很快，…", ((2, 4),))


def test_archive_search_cli_json(small_db, capsys):
    ap = argparse.ArgumentParser(prog="banmian")
    add_parsers(ap.add_subparsers(dest="command"))
    args = ap.parse_args(["search", "乡村", "OR", "的", "--db", str(small_db), "--json", "--limit", "2"])
    assert args.func(args, DEFAULT) == 0
    d = json.loads(capsys.readouterr().out)
    assert d["total"] >= len(d["results"]) == 2
    assert set(d["results"][0]) >= {"id", "paper", "date", "page", "headline", "snippet"}
    args = ap.parse_args(["search", "乡村", "--db", str(small_db)])
    assert args.func(args, DEFAULT) == 0
    out = capsys.readouterr().out
    assert "[乡村]" in out and "article(s)" in out


OPERATORS = ["AND", "OR", "NOT", "NEAR", "NEAR(", "(", ")", '"', "“", "”", "*", "^", "-", "+", ":", "{", "}",
             "headline:", "body:", "标题:", "title :", "{headline body}:", "'", "\\", "\x00", "；", "光伏", "乐山",
             "GDP", "2024", "的", " ", "  ", "\n", "\t", "é", "𠀀", "🙂", "ｱ", "Ⅻ", "ß", "İ", "\u200b", "\ufeff"]


@given(st.lists(st.one_of(st.sampled_from(OPERATORS), st.text(max_size=6)), max_size=14).map("".join))
def test_archive_search_fuzz_never_an_internal_error(small_searcher, query):
    try:
        res = small_searcher.search(query, limit=5)
    except QueryError as exc:
        assert str(exc) and "\n" not in str(exc).strip(" ")
        return
    assert res.total >= len(res.hits)
    # user text reaches FTS5 only inside quotes, as tokens
    outside = re.sub(r'"[^"]*"', "", res.fts)
    assert re.fullmatch(r"[\s()*:]*(?:(?:AND|OR|NOT|\{headline\}|\{body\})[\s()*:]*)*", outside), res.fts


@given(st.text(max_size=40))
def test_archive_search_tokens_of_a_term_occur_in_its_text(text):
    """A term's phrase is a run of the index tokens of any text that contains it."""
    tokens, prefix = phrase_tokens(text)
    if not tokens:
        return
    doc = index_tokens("前" + text + "后")
    n = len(tokens)
    if prefix:
        assert any(doc[i:i + n - 1] == list(tokens[:-1]) and doc[i + n - 1].startswith(tokens[-1])
                   for i in range(len(doc) - n + 1))
    else:
        assert any(doc[i:i + n] == list(tokens) for i in range(len(doc) - n + 1))


@pytest.fixture(scope="module")
def small_searcher(small_db):
    s = Searcher(small_db)
    yield s
    s.close()
