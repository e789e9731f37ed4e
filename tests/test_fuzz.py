"""Fuzzing: page-like text built and mutated by hypothesis, and byte-mutated PDFs.

Invariants: no crash (only ``BanmianError`` for refused input), no hang past the
per-page limit, no non-space character lost or duplicated on text input, and the
output always fits the JSON contract.  CI (``CI=true``) runs 10,000 generated
pages and 1,000 mutated PDFs; a longer run for nightly use:

    HYPOTHESIS_PROFILE=nightly BANMIAN_FUZZ_PDFS=20000 pytest tests/test_fuzz.py
"""
from __future__ import annotations

import io
import os
import random
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from banmian import parse_text
from banmian.errors import BanmianError, ReadError
from banmian.pipeline import run_issue
from banmian.readers import read_bytes
from banmian.serialize import issue_to_dict
from invariants import nonspace, output_chars, spans_consistent

settings.register_profile("nightly", max_examples=200_000, deadline=None,
                          suppress_health_check=list(HealthCheck))
CI = bool(os.environ.get("CI"))
PAGES = 10_000 if CI else 300
PDF_MUTANTS = int(os.environ.get("BANMIAN_FUZZ_PDFS", 1000 if CI else 60))

HAN = "会议指出全市上下要切实提高政治站位坚持党建引领把考核评估反馈问题整改作为检验作风的考场服务群众"
PUNCT = "，。、；：？！“”（）《》——…"
body_line = st.text(alphabet=HAN + PUNCT + "0123456789.%", min_size=8, max_size=20)
short_line = st.text(alphabet=HAN + "（）", min_size=1, max_size=10)
wide_line = st.text(alphabet=HAN + "，", min_size=21, max_size=40)
piece = st.one_of(
    body_line, body_line, body_line, short_line, wide_line,
    st.sampled_from(["", "本报讯（记者 张清）近日，记者从市商", "本报北京5月14日电 （记者杜海涛）国家",
                     "■ 记者 倪 珉", "□本报记者 王明峰 常", "碧罗", "（下转第2版）", "（上接第1版）", "（下转第二版）",
                     "一、把握阶段性目标", "（一）培育壮大先进制造业集群。", "核心阅读", "本版责编：王五 赵六",
                     "2024年7月9日 星期二", "第2版 要闻", "乐山日报", "5 位 。 其 中 ，网 络", "\f", "　　会议强调，",
                     "江山如画（逐梦70年）", "——记挺身抗暴的香港普通市民", "（作者为北京市法官）", "代号1-1"]))


@st.composite
def page_text(draw):
    lines = draw(st.lists(piece, min_size=1, max_size=120))
    # mutations: duplicate, drop or swap lines, stray spaces, CRLF endings
    for _ in range(draw(st.integers(0, 3))):
        if len(lines) < 2:
            break
        i, j = draw(st.integers(0, len(lines) - 1)), draw(st.integers(0, len(lines) - 1))
        op = draw(st.sampled_from(["dup", "drop", "swap", "space"]))
        if op == "dup":
            lines.insert(i, lines[j])
        elif op == "drop":
            lines.pop(i)
        elif op == "swap":
            lines[i], lines[j] = lines[j], lines[i]
        else:
            k = draw(st.integers(0, max(0, len(lines[i]))))
            lines[i] = lines[i][:k] + " " + lines[i][k:]
    sep = draw(st.sampled_from(["\n", "\r\n"]))
    return sep.join(lines)


def check_contract(d: dict) -> None:
    """The parse JSON contract (fields may be added, not changed)."""
    assert isinstance(d["articles"], list) and isinstance(d["furniture"], list)
    for a in d["articles"]:
        assert set(a["headline"]) >= {"kicker", "title", "subtitle"}
        assert all(v is None or isinstance(v, str) for k, v in a["headline"].items() if k in ("kicker", "title", "subtitle"))
        assert a["byline"] is None or (isinstance(a["byline"]["reporters"], list) and "source" in a["byline"]
                                       and isinstance(a["byline"]["text"], str))
        assert a["dateline"] is None or isinstance(a["dateline"], str)
        for p in a["paragraphs"]:
            assert isinstance(p["text"], str) and p["kind"] in ("body", "heading")
            assert all(isinstance(n, int) for n in p["lines"])
        for k in ("continued_to", "continued_from"):
            assert a[k] is None or isinstance(a[k], int)
        assert isinstance(a["pages"], list)
    for f in d["furniture"]:
        assert isinstance(f["text"], str) and isinstance(f["kind"], str) and isinstance(f["lines"], list)


@settings(max_examples=PAGES, deadline=None, suppress_health_check=list(HealthCheck))
@given(page_text())
def test_fuzz_generated_pages_keep_every_char(raw):
    t0 = time.monotonic()
    try:
        issue = parse_text(raw)
    except ReadError:
        assert not raw.replace("\f", "").strip()
        return
    assert time.monotonic() - t0 < 30
    assert output_chars(issue) == nonspace(raw.replace("\f", ""))
    assert spans_consistent(issue)
    check_contract(issue_to_dict(issue))


def _base_pdfs() -> list[bytes]:
    canvas = pytest.importorskip("reportlab.pdfgen.canvas")
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    out = []
    for n_pages in (1, 2):
        buf = io.BytesIO()
        c = canvas.Canvas(buf, pagesize=(600, 800))
        for p in range(n_pages):
            c.setFont("STSong-Light", 24)
            c.drawString(40, 760, "较真碰硬抓好问题整改")
            c.setFont("STSong-Light", 10)
            for i, line in enumerate(["本报讯（记者 张清）近日，记者从市", "商务局了解到，今年1至5月，我市",
                                      "网络零售额实现增长。", "（下转第2版）" if p == 0 else "（上接第1版）"]):
                c.drawString(40, 720 - 14 * i, line)
            c.showPage()
        c.save()
        out.append(buf.getvalue())
    return out


def _mutate(data: bytes, rng: random.Random) -> bytes:
    b = bytearray(data)
    op = rng.choice(["flip", "truncate", "insert", "delete", "splice"])
    if op == "flip":
        for _ in range(rng.randint(1, 20)):
            b[rng.randrange(len(b))] = rng.randrange(256)
    elif op == "truncate":
        del b[rng.randrange(8, len(b)):]
    elif op == "insert":
        i = rng.randrange(len(b))
        b[i:i] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 64)))
    elif op == "delete":
        i = rng.randrange(len(b))
        del b[i:i + rng.randint(1, 256)]
    else:
        i, j = sorted(rng.randrange(len(b)) for _ in range(2))
        b[i:i] = b[j:j + rng.randint(1, 512)]
    if not bytes(b[:1024]).lstrip().startswith(b"%PDF"):
        b[0:0] = b"%PDF-1.4\n"
    return bytes(b)


def test_fuzz_mutated_pdfs_never_crash():
    bases = _base_pdfs()
    rng = random.Random(20241125)
    outcomes = {"parsed": 0, "refused": 0}
    for k in range(PDF_MUTANTS):
        data = _mutate(bases[k % len(bases)], rng)
        t0 = time.monotonic()
        try:
            pages = read_bytes(data, f"mutant-{k}.pdf")
            issue = run_issue(pages)
            check_contract(issue_to_dict(issue))
            outcomes["parsed"] += 1
        except BanmianError as exc:
            assert "\n" not in str(exc) and f"mutant-{k}.pdf" in str(exc)
            outcomes["refused"] += 1
        assert time.monotonic() - t0 < 60, f"mutant {k} took too long"
    assert outcomes["parsed"] + outcomes["refused"] == PDF_MUTANTS
