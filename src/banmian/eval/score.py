"""Score predicted page/issue JSON against gold files, with the metrics of ``score_pages.py``.

Input: a gold dict (``NAME.gold.json``: ``articles`` with kicker/title/subtitle,
``byline.reporters``, ``paragraphs``, ``continued_to``/``continued_from``; issue golds add
``kind: "issue"`` and ``merged_article``) and a prediction as parsed JSON, read as
tolerantly as the independent scorer reads it.  Output: a :class:`PageScore` per file, a
:class:`Report` per folder, ``Report.summary()`` with the scorer's ``aggregate`` keys, and
the scorer's text table and one-line summary.

The independent scorer (``shared/tools/score_pages.py``) is the judge, so this module
reproduces it number for number, quirks included: floating-point sums are taken in the
scorer's order, and odd prediction shapes fail (count as missing) exactly where it fails.
"""
from __future__ import annotations

import glob
import json
import os
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, fields
from typing import Any

__all__ = ["PageScore", "Report", "format_table", "score_dirs", "score_page", "split_sentences",
           "strip_byline_prefix", "summary_line"]

_WS = re.compile(r"\s+")
# a sentence ends at 。！？ (runs of them), keeping closing quotes/brackets; a tail without
# an end mark is a sentence too
_SENTENCE = re.compile(r"[^。！？]*[。！？]+[”’」』）)》〉]*|[^。！？]+$")
_SOURCES = r"(?:本报|新华社|人民网|中新社|经济日报|光明日报|新华网|央视新闻|人民日报)"
_PLACE_CHAR = r"(?:(?!记者)[\u4e00-\u9fff、·])"  # a dateline place name never runs into 记者
# "本报北京5月14日电（记者杜海涛）", "新华社北京电", "据央视新闻5月1日电", "本报讯（记者张清）";
# matched on whitespace-free text
_BYLINE_PREFIX = re.compile(
    r"^(?:据?" + _SOURCES + _PLACE_CHAR + r"{0,12}?(?:\d{1,2}月\d{1,2}日)?电"
    r"|据?" + _PLACE_CHAR + r"{1,12}?\d{1,2}月\d{1,2}日电"
    r"|本报讯)"
    r"(?:（[^（）]{0,40}）)?")
# CJK ideographs, CJK/fullwidth punctuation, dashes/quotes/ellipsis and the middle dot
_CJK = r"\u2e80-\u2fdf\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef\u2010-\u2027\u00b7"
_BAD_SPACE = re.compile(r"(?<=[" + _CJK + r"])(\s+)(?=[" + _CJK + r"])")
_REPORTER_SEP = re.compile(r"[、，,\s]+")
_CN_DIGITS = "零一二三四五六七八九"
# what makes a prediction unreadable (the scorer's load_pred catches exactly these, plus
# OverflowError for int(inf), on which the scorer itself would crash)
_UNREADABLE = (OSError, ValueError, TypeError, AttributeError, OverflowError)
_CONT_FIELDS = ("continued_to", "continued_from")


def _nows(s: Any) -> str:
    return _WS.sub("", s or "")


def strip_byline_prefix(s: str) -> str:
    """Drop a leading dateline/byline prefix from whitespace-free text.

    Keeping "本报讯（记者张清）" in paragraph 1 or moving it to the byline are both accepted,
    so the prefix never takes part in text comparison.

    >>> strip_byline_prefix("本报北京5月14日电（记者杜海涛）今年以来，消费回升。")
    '今年以来，消费回升。'
    >>> strip_byline_prefix("本报讯（记者张清）近日，记者了解到。")
    '近日，记者了解到。'
    >>> strip_byline_prefix("记者从市商务局了解到。")
    '记者从市商务局了解到。'
    """
    m = _BYLINE_PREFIX.match(s)
    return s[m.end():] if m else s


def split_sentences(body: str) -> list[str]:
    """Sentences of a whitespace-free body, each with any leading byline prefix removed.

    >>> split_sentences("本报讯（记者张清）第一句。“第二句！”没有句号的尾巴")
    ['第一句。', '“第二句！”', '没有句号的尾巴']
    """
    out = (strip_byline_prefix(m.group(0)) for m in _SENTENCE.finditer(body) if m.group(0))
    return [s for s in out if s]


def _text(v: Any) -> str | None:
    """A text-ish JSON value as a string: lists are joined, {"text": …} is unwrapped."""
    if v is None:
        return None
    if isinstance(v, str):
        return v
    if isinstance(v, list):
        return "".join(_text(x) or "" for x in v)
    if isinstance(v, dict):
        return _text(v.get("text"))
    return str(v)


def _chinese_number(t: str) -> int:
    """A run of 一…九/十 as a number.  ``str.index`` looks for a substring, so "二三十" reads
    as 20 and "十二三" as 12, while "一三十" or "二十十" raise ValueError (= unreadable) --
    the scorer behaves exactly so."""
    if t == "十":
        return 10
    if "十" in t:
        tens, ones = t.split("十")
        return (_CN_DIGITS.index(tens) if tens else 1) * 10 + (_CN_DIGITS.index(ones) if ones else 0)
    return _CN_DIGITS.index(t[0])


def _page_number(v: Any) -> int | None:
    """2, 2.0, "2", "第2版", "第二版", {"page": 2} -> 2; booleans and lists -> None."""
    if v is None or isinstance(v, bool):
        return None
    if isinstance(v, dict):
        for key in ("page", "page_number", "to", "from", "value"):
            if key in v:
                return _page_number(v[key])
        return None
    if isinstance(v, (int, float)):
        return int(v)  # NaN raises ValueError: the whole prediction is unreadable
    if isinstance(v, str):
        m = re.search(r"\d+", v)  # first run of (any Unicode) digits
        if m:
            return int(m.group())
        m = re.search(r"[一二三四五六七八九十]+", v)
        if m:
            return _chinese_number(m.group())
    return None


@dataclass(frozen=True)
class _Article:
    """One article, normalised for comparison (gold or predicted)."""

    kicker: Any
    title: Any
    subtitle: Any
    reporters: tuple[Any, ...]      # gold: as written; predicted: whitespace removed, no empties
    raw_paragraphs: tuple[str, ...]  # as given: the spurious-space count looks at these
    paragraphs: tuple[str, ...]      # whitespace removed, empties dropped, prefix off the first
    body: str
    sentences: tuple[str, ...]
    continued_to: Any
    continued_from: Any
    reporters_uncertain: bool = False
    roles_uncertain: bool = False

    def breaks(self) -> set[int]:
        """Body offsets at which a new paragraph starts."""
        out, n = set(), 0
        for p in self.paragraphs[:-1]:
            n += len(p)
            out.add(n)
        return out

    def headline_set(self) -> frozenset[str]:
        return frozenset(_nows(x) for x in (self.kicker, self.title, self.subtitle) if _nows(x))


def _article(kicker: Any, title: Any, subtitle: Any, reporters: Iterable[Any], paragraphs: Iterable[Any],
             continued_to: Any, continued_from: Any, *, reporters_uncertain: bool = False,
             roles_uncertain: bool = False) -> _Article:
    raw = tuple(p for p in paragraphs if p is not None)
    paras = [q for q in (_nows(p) for p in raw) if q]
    if paras:
        # only the first non-empty paragraph carries the prefix; if it was nothing but the
        # prefix it disappears and the next paragraph is left as it is
        paras[0] = strip_byline_prefix(paras[0])
        paras = [p for p in paras if p]
    body = "".join(paras)
    return _Article(kicker, title, subtitle, tuple(reporters), raw, tuple(paras), body,
                    tuple(split_sentences(body)), continued_to, continued_from,
                    reporters_uncertain, roles_uncertain)


def _gold_articles(gold: Mapping[str, Any]) -> list[_Article]:
    out = []
    for a in gold.get("articles", []):
        by = a.get("byline") or {}
        # gold values are taken as written: continued_to "2" never equals a predicted 2, and
        # an empty reporter name still has to be matched
        out.append(_article(a.get("kicker"), a.get("title"), a.get("subtitle"),
                            by.get("reporters") or [], a.get("paragraphs") or [],
                            a.get("continued_to"), a.get("continued_from"),
                            reporters_uncertain=bool(by.get("uncertain")),
                            roles_uncertain=bool(a.get("headline_roles_uncertain"))))
    return out


def _predicted_article(a: Mapping[str, Any]) -> _Article:
    head = a.get("headline")
    if isinstance(head, str):
        head = {"title": head}
    if not isinstance(head, dict):
        head = {}
    # a headline key that is present wins even when null; article-level keys are the fallback
    kicker, title, subtitle = (_text(head.get(k, a.get(k))) for k in ("kicker", "title", "subtitle"))
    by = a.get("byline")
    reps = by.get("reporters") if isinstance(by, dict) else None
    if reps is None:
        reps = a.get("reporters")
    if isinstance(reps, str):
        reps = [x for x in _REPORTER_SEP.split(reps) if x]
    reporters = [r for r in (_nows(_text(x)) for x in reps or []) if r]
    paras = a.get("paragraphs")
    if paras is None:
        t = a.get("body", a.get("text"))
        paras = t.split("\n") if isinstance(t, str) else (t or [])
    if isinstance(paras, str):
        paras = paras.split("\n")
    # anything iterable is accepted (a dict gives its keys); a number raises TypeError
    return _article(kicker, title, subtitle, reporters, [_text(x) for x in paras],
                    _page_number(a.get("continued_to")), _page_number(a.get("continued_from")))


def _predicted_articles(raw: Any) -> list[_Article] | None:
    """Articles of a parsed prediction, or None when the scorer would find it unreadable."""
    try:
        arts = raw
        if isinstance(raw, dict):
            arts = raw.get("articles")
            if arts is None and isinstance(raw.get("pages"), list):
                arts = [a for pg in raw["pages"] if isinstance(pg, dict) for a in pg.get("articles") or []]
        # non-dict entries are skipped; a top-level string or null is an empty page, not a failure
        return [_predicted_article(a) for a in arts or [] if isinstance(a, dict)]
    except _UNREADABLE:
        return None


def _bcubed(gold: list[_Article], pred: list[_Article]) -> tuple[float, float, dict[int, Counter[int]]]:
    """B-cubed (precision, recall) over sentences and, per gold article, how many of its
    sentences each predicted article holds.  Repeated sentences pair up in order."""
    gold_at: dict[str, list[int]] = defaultdict(list)
    pred_at: dict[str, list[int]] = defaultdict(list)
    for gi, a in enumerate(gold):
        for s in a.sentences:
            gold_at[s].append(gi)
    for pi, a in enumerate(pred):
        for s in a.sentences:
            pred_at[s].append(pi)
    # the Counter's insertion order is the scorer's summation order: keep it for == floats
    pairs: Counter[tuple[int, int]] = Counter()
    for s, gl in gold_at.items():
        pairs.update(zip(gl, pred_at.get(s, [])))
    n_gold = sum(len(a.sentences) for a in gold)
    n_pred = sum(len(a.sentences) for a in pred)
    rec = sum(c * c / len(gold[g].sentences) for (g, _), c in pairs.items()) / n_gold if n_gold else 1.0
    prec = (sum(c * c / len(pred[p].sentences) for (_, p), c in pairs.items()) / n_pred if n_pred
            else (1.0 if not n_gold else 0.0))
    shared: dict[int, Counter[int]] = defaultdict(Counter)
    for (g, p), c in pairs.items():
        shared[g][p] = c
    return prec, rec, shared


def _exempt_prefix_end(p: str) -> int:
    """End of a leading dateline/byline prefix in raw text, plus the whitespace after it."""
    kept = [i for i, ch in enumerate(p) if not ch.isspace()]
    m = _BYLINE_PREFIX.match("".join(p[i] for i in kept))
    if not m or not m.end():
        return 0
    end = kept[m.end() - 1] + 1
    while end < len(p) and p[end].isspace():
        end += 1
    return end


def _spurious_spaces(raw_paragraphs: Iterable[str]) -> tuple[int, int]:
    """(whitespace chars between two CJK chars, all chars) of one article's raw paragraphs.
    "本报讯（记者 张清）" is how bylines are printed, so the first paragraph's prefix is exempt."""
    bad = chars = 0
    first = True
    for p in raw_paragraphs:
        chars += len(p)
        skip = 0
        if p.strip():
            skip = _exempt_prefix_end(p) if first else 0
            first = False
        bad += sum(len(m.group(1)) for m in _BAD_SPACE.finditer(p) if m.start() >= skip)
    return bad, chars


@dataclass(frozen=True)
class PageScore:
    """Metrics of one gold file; pairs are (hits, out of), ``para`` is (tp, fp, fn).

    Field names are the scorer's row keys (hence ``segP``), so rows compare one to one.
    """

    name: str
    kind: str
    route: str
    n_gold: int
    n_pred: int
    missing: bool
    segP: float
    segR: float
    segF1: float
    exact: tuple[int, int]
    para: tuple[int, int, int]
    title: tuple[int, int]
    hset: tuple[int, int]
    byline: tuple[int, int]
    cont: tuple[int, int]
    cont_false: int  # predicted minus gold non-null continuation fields (may be negative)
    spaces: tuple[int, int]  # (spurious whitespace chars, predicted chars)

    def as_row(self) -> dict[str, Any]:
        """The scorer's per-file row (its ``--json`` ``rows`` entries), tuples as lists."""
        return {f.name: list(v) if isinstance(v := getattr(self, f.name), tuple) else v for f in fields(self)}


def _score(gold: Mapping[str, Any], pred: list[_Article] | None, name: str) -> PageScore:
    g_arts = _gold_articles(gold)
    p_arts = pred or []
    prec, rec, shared = _bcubed(g_arts, p_arts)
    if pred is None:
        prec = rec = 0.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0

    # whole bodies, 1:1, each gold article takes the first unused identical predicted body
    pool: dict[str, list[int]] = defaultdict(list)
    for pi, a in enumerate(p_arts):
        if a.body:
            pool[a.body].append(pi)
    exact = {gi: pool[a.body].pop(0) for gi, a in enumerate(g_arts) if pool.get(a.body)}
    tp = fp = fn = 0
    for gi, pi in exact.items():
        gb, pb = g_arts[gi].breaks(), p_arts[pi].breaks()
        tp, fp, fn = tp + len(gb & pb), fp + len(pb - gb), fn + len(gb - pb)

    title = hset = byline = byline_n = cont = cont_n = 0
    for gi, a in enumerate(g_arts):
        best = None
        if shared.get(gi):  # most shared sentences; ties go to the earlier predicted article
            best = p_arts[max(shared[gi].items(), key=lambda kv: (kv[1], -kv[0]))[0]]
        if best is not None and (_nows(a.title) == _nows(best.title) or
                                 (a.roles_uncertain and _nows(best.title) in a.headline_set())):
            title += 1
        if best is not None and a.headline_set() == best.headline_set():
            hset += 1
        if a.reporters and not a.reporters_uncertain:
            byline_n += 1
            if best is not None and sorted(_nows(x) for x in a.reporters) == sorted(best.reporters):
                byline += 1
        for f in _CONT_FIELDS:
            if getattr(a, f) is not None:
                cont_n += 1
                if best is not None and getattr(best, f) == getattr(a, f):
                    cont += 1
    if gold.get("kind") == "issue":
        # the article(s) running across pages must come out whole; merged_article is
        # 1-based (0/absent = every article, negative indexes from the end as in Python)
        mi = gold.get("merged_article")
        bodies = {a.body for a in p_arts}
        for a in [g_arts[mi - 1]] if mi else g_arts:
            cont_n += 1
            if a.body in bodies:
                cont += 1

    n_cont = sum(getattr(a, f) is not None for a in p_arts for f in _CONT_FIELDS)
    n_cont -= sum(getattr(a, f) is not None for a in g_arts for f in _CONT_FIELDS)
    bad = chars = 0
    for a in p_arts:  # per article: each has its own first paragraph
        x, y = _spurious_spaces(a.raw_paragraphs)
        bad, chars = bad + x, chars + y
    n = len(g_arts)
    return PageScore(name=name, kind=gold.get("kind", "page"), route=gold.get("route", ""), n_gold=n,
                     n_pred=0 if pred is None else len(pred), missing=pred is None,
                     segP=prec, segR=rec, segF1=f1, exact=(len(exact), n), para=(tp, fp, fn),
                     title=(title, n), hset=(hset, n), byline=(byline, byline_n), cont=(cont, cont_n),
                     cont_false=n_cont, spaces=(bad, chars))


def score_page(gold: Mapping[str, Any], pred: dict | list | None, *, name: str = "") -> PageScore:
    """Score one parsed prediction (None = missing) against one gold dict.

    A prediction the scorer cannot read (``{"articles": 5}``) counts as missing.

    >>> gold = {"articles": [{"title": "环境固本", "byline": {"reporters": ["倪珉"]},
    ...          "paragraphs": ["本报讯（记者 倪珉）环境似水，企业如鱼。", "营商环境好。"]}]}
    >>> s = score_page(gold, [{"title": "环境固本", "reporters": "倪珉",
    ...                        "body": "环境似水，企业如鱼。\\n营商 环境好。"}])
    >>> s.segF1, s.exact, s.para, s.title, s.byline, s.spaces
    (1.0, (1, 1), (1, 0, 0), (1, 1), (1, 1), (1, 17))
    >>> score_page(gold, None).missing, score_page(gold, {"articles": 5}).segF1
    (True, 0.0)
    """
    return _score(gold, None if pred is None else _predicted_articles(pred), name)


def _load_prediction(path: str) -> list[_Article] | None:
    try:
        with open(path, encoding="utf-8") as fh:
            raw = json.load(fh)
    except _UNREADABLE:
        return None
    return _predicted_articles(raw)  # a file holding `null` is an empty page, not a missing one


def _ratio(pair: tuple[int, int]) -> float | None:
    return pair[0] / pair[1] if pair[1] else None


@dataclass(frozen=True)
class Report:
    """Scores of every gold file of a folder, in name order."""

    rows: tuple[PageScore, ...]

    def summary(self) -> dict[str, Any]:
        """The scorer's ``aggregate``: seg_* macro over files, the rest micro over articles.

        >>> Report(()).summary()["seg_F1"] is None
        True
        """
        rows = self.rows
        n = len(rows)

        def total(key: str) -> tuple[int, int]:
            return (sum(getattr(r, key)[0] for r in rows), sum(getattr(r, key)[1] for r in rows))

        tp, fp, fn = (sum(r.para[i] for r in rows) for i in range(3))
        pp = tp / (tp + fp) if tp + fp else None
        pr = tp / (tp + fn) if tp + fn else None
        para = 2 * pp * pr / (pp + pr) if pp and pr else (0.0 if tp + fp + fn else None)
        bad, chars = total("spaces")
        return {
            "seg_P": sum(r.segP for r in rows) / n if n else None,
            "seg_R": sum(r.segR for r in rows) / n if n else None,
            "seg_F1": sum(r.segF1 for r in rows) / n if n else None,
            "exact": _ratio(total("exact")), "para_F1": para, "title": _ratio(total("title")),
            "hset": _ratio(total("hset")), "byline": _ratio(total("byline")), "cont": _ratio(total("cont")),
            "spaces_per_10k": bad / chars * 10000 if chars else 0.0,
            "cont_false_pos": sum(max(0, r.cont_false) for r in rows),
            "pages": sum(1 for r in rows if r.kind == "page"),
            "issues": sum(1 for r in rows if r.kind == "issue"),
            "missing": sum(1 for r in rows if r.missing),
            "gold_articles": sum(r.n_gold for r in rows),
            "counts": {k: list(total(k)) for k in ("exact", "title", "hset", "byline", "cont")},
        }


def score_dirs(gold_dir: str | os.PathLike[str], pred_dir: str | os.PathLike[str],
               only: str | None = None) -> Report:
    """Score ``pred_dir/NAME.json`` against every ``gold_dir/NAME.gold.json``.

    ``only`` is a regex searched in the gold file names.  A missing or unreadable
    prediction scores as a total failure for that page or issue.

    >>> import tempfile
    >>> from pathlib import Path
    >>> d = Path(tempfile.mkdtemp())
    >>> _ = (d / "p1.gold.json").write_text('{"articles": [{"title": "标题", "paragraphs": ["一句话。"]}]}')
    >>> _ = (d / "p2.gold.json").write_text('{"kind": "issue", "articles": []}')
    >>> _ = (d / "p1.json").write_text('[{"title": "标题", "body": "一句话。"}]')
    >>> r = score_dirs(d, d)
    >>> [(s.name, s.kind, s.missing, s.segF1) for s in r.rows]
    [('p1', 'page', False, 1.0), ('p2', 'issue', True, 0.0)]
    >>> len(score_dirs(d, d, only="p2").rows)
    1
    """
    # root_dir: a folder name holding glob characters ("[") is taken literally; hidden
    # files are skipped as the scorer's glob skips them
    names = sorted(glob.glob("*.gold.json", root_dir=gold_dir))
    if only:
        names = [g for g in names if re.search(only, g)]
    rows = []
    for fname in names:
        name = fname[:-len(".gold.json")]
        with open(os.path.join(gold_dir, fname), encoding="utf-8") as fh:
            gold = json.load(fh)
        rows.append(_score(gold, _load_prediction(os.path.join(pred_dir, name + ".json")), name))
    return Report(tuple(rows))


def _fmt(x: float | None, nd: int = 3) -> str:
    return "  -  " if x is None else f"{x:.{nd}f}"


def summary_line(summary: Mapping[str, Any], label: str = "heldout") -> str:
    """One line, exactly as the scorer prints it.

    >>> s = Report(()).summary()
    >>> summary_line(s, "乐山")
    '乐山: seg_F1=  -   exact=  -   para_F1=  -   title=  -   hset=  -   byline=  -   cont=  -   spaces/10k=0.0 pages=0 issues=0'
    """
    s = summary
    return (f"{label}: seg_F1={_fmt(s['seg_F1'])} exact={_fmt(s['exact'], 2)} para_F1={_fmt(s['para_F1'], 2)} "
            f"title={_fmt(s['title'], 2)} hset={_fmt(s['hset'], 2)} byline={_fmt(s['byline'], 2)} "
            f"cont={_fmt(s['cont'], 2)} spaces/10k={s['spaces_per_10k']:.1f} pages={s['pages']} issues={s['issues']}")


def _frac(pair: tuple[int, int]) -> str:
    return f"{pair[0]}/{pair[1]}" if pair[1] else "-"


def format_table(report: Report) -> str:
    """The scorer's per-file table, a blank line, then one summary line per route
    (``route`` or ``?``, plus ``/issue`` for issues); no trailing newline.

    >>> gold = {"route": "txt", "articles": [{"title": "标题", "paragraphs": ["第一句。", "第二句。"]}]}
    >>> print(format_table(Report((score_page(gold, [{"title": "标题", "body": "第一句。第二句。"}], name="乐山"),))))
    name            kind  rt      gold pred   segP  segR segF1   exact paraF1  title   hset    byl   cont  sp/10k
    乐山              page  txt        1    1  1.000 1.000 1.000     1/1   0.00    1/1    1/1      -      -     0.0
    <BLANKLINE>
      txt: seg_F1=1.000 exact=1.00 para_F1=0.00 title=1.00 hset=1.00 byline=  -   cont=  -   spaces/10k=0.0 pages=1 issues=0
    """
    lines = [f"{'name':<16}{'kind':<6}{'rt':<7}{'gold':>5}{'pred':>5}  {'segP':>5} {'segR':>5} {'segF1':>5}  "
             f"{'exact':>6} {'paraF1':>6} {'title':>6} {'hset':>6} {'byl':>6} {'cont':>6} {'sp/10k':>7}"]
    for r in report.rows:
        tp, fp, fn = r.para
        para_f1 = 2 * tp / (2 * tp + fp + fn) if tp + fp + fn else None
        sp = r.spaces[0] / r.spaces[1] * 10000 if r.spaces[1] else 0.0
        lines.append(f"{r.name:<16}{r.kind!s:<6}{r.route!s:<7}{r.n_gold:>5}{('MISS' if r.missing else r.n_pred):>5}  "
                     f"{r.segP:5.3f} {r.segR:5.3f} {r.segF1:5.3f}  {_frac(r.exact):>6} {_fmt(para_f1, 2):>6} "
                     f"{_frac(r.title):>6} {_frac(r.hset):>6} {_frac(r.byline):>6} {_frac(r.cont):>6} {sp:7.1f}")
    lines.append("")
    groups: dict[str, list[PageScore]] = defaultdict(list)
    for r in report.rows:
        groups[(r.route or "?") + (f"/{r.kind}" if r.kind != "page" else "")].append(r)
    lines += [summary_line(Report(tuple(groups[k])).summary(), label="  " + k) for k in sorted(groups)]
    return "\n".join(lines)
