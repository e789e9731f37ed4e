"""Text -> search tokens: overlapping CJK bigrams, Latin words and digits.

The archive's full-text index (FTS5, ``tokenize='ascii'``) stores text already cut
by :func:`index_tokens`; queries are cut by :func:`phrase_tokens`, the same rules,
so a query matches exactly where its characters occur.  Why bigrams and not
FTS5's ``trigram``: trigram finds nothing for 2-character words such as 光伏
(see ``../shared/NOTES.md``, Search); why not a word segmenter: jieba misses
产品 inside 农产品.

Rules, applied to NFKC-normalised, case-folded text:

* a run of CJK characters ``c1…cn`` gives ``c1c2, c2c3, …, c(n-1)cn, cn``: every
  overlapping bigram, then the last character alone.  The trailing unigram makes
  1-character searches exact (``光*`` finds every 光) and keeps bigrams of two runs
  from ever sitting side by side, so a phrase cannot match across punctuation;
* a run of other letters/digits is one token (``GDP2019`` -> ``gdp2019``);
* where spaces or punctuation separate two tokens and one of them is a Latin
  word, the marker ``〓`` stands between them, so ``2019年`` does not match
  ``2019，年``.

>>> index_tokens("光伏发电，GDP增长 5%")
['光伏', '伏发', '发电', '电', '〓', 'gdp', '增长', '长', '〓', '5']
>>> phrase_tokens("光伏发电")
(('光伏', '伏发', '发电'), False)
>>> phrase_tokens("光")
(('光',), True)
"""
from __future__ import annotations

import re
import unicodedata

#: Bump when the rules change: the archive re-indexes (FTS 'delete' needs the old tokens).
TOKENIZER_VERSION = 1

#: Stands for a gap next to a Latin word; U+3013 is a symbol, so no text ever yields it as a token.
BREAK = "〓"

# CJK letters (bigrammed): radicals, 々〆〇, Hangzhou numerals, kana, bopomofo, jamo, ideographs
# (BMP, extension A, compatibility, planes 2-3), Yi, Hangul.  CJK punctuation (U+3000-3004,
# U+3008-301F, ・) is not here: it separates runs like any other punctuation.
_CJK = ("\u2e80-\u2fdf\u3005-\u3007\u3021-\u3029\u3031-\u3035\u3038-\u303c\u3041-\u309f"
        "\u30a1-\u30fa\u30fc-\u30ff\u3100-\u318f\u31a0-\u31bf\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff"
        "\ua000-\ua4cf\uac00-\ud7af\uf900-\ufaff\U00020000-\U0003ffff")
_RUNS = re.compile(f"(?P<cjk>[{_CJK}]+)|(?P<word>[^\\W_{_CJK}]+)")


def normalize(text: str) -> str:
    """The form both documents and queries are compared in: NFKC, then case-folded.

    >>> normalize("ＧＤＰ２０１９年")
    'gdp2019年'
    """
    return unicodedata.normalize("NFKC", text).casefold()


def _runs(text: str) -> list[tuple[bool, str, int, int]]:
    """(is_cjk, run, start, end) for every letter/digit run of already normalised text."""
    return [(m.lastgroup == "cjk", m.group(), m.start(), m.end()) for m in _RUNS.finditer(text)]


def index_tokens(text: str) -> list[str]:
    """Tokens of a document field, in order (positions matter for phrases)."""
    out: list[str] = []
    prev_end = -1
    prev_word = False
    for cjk, run, start, end in _runs(normalize(text)):
        if out and start > prev_end and (prev_word or not cjk):
            out.append(BREAK)
        if cjk:
            out.extend([run[i:i + 2] for i in range(len(run) - 1)])
            out.append(run[-1])
        else:
            out.append(run)
        prev_end, prev_word = end, not cjk
    return out


def index_text(text: str) -> str:
    """:func:`index_tokens` joined by spaces: the value stored in an FTS5 column.

    >>> index_text("乐山 2024")
    '乐山 山 〓 2024'
    """
    return " ".join(index_tokens(text))


def phrase_tokens(term: str) -> tuple[tuple[str, ...], bool]:
    """Tokens of one query term as an FTS5 phrase, and whether its last token is a prefix.

    Spaces and punctuation at the ends of a term are ignored; a term without letters
    or digits gives ``((), False)``.  The last CJK run drops its trailing unigram (the
    text may go on after it); a 1-character last run becomes a prefix (``光`` -> ``光*``).

    >>> phrase_tokens("GDP增长")
    (('gdp', '增长'), False)
    >>> phrase_tokens("增长5%")
    (('增长', '长', '5'), False)
    >>> phrase_tokens("，。")
    ((), False)
    """
    runs = _runs(normalize(term))
    out: list[str] = []
    prefix = False
    prev_end = -1
    prev_word = False
    for k, (cjk, run, start, end) in enumerate(runs):
        last = k == len(runs) - 1
        if out and start > prev_end and (prev_word or not cjk):
            out.append(BREAK)
        if cjk:
            out.extend([run[i:i + 2] for i in range(len(run) - 1)])
            if not last:
                out.append(run[-1])
            elif len(run) == 1:
                out.append(run)
                prefix = True
        else:
            out.append(run)
        prev_end, prev_word = end, not cjk
    return tuple(out), prefix


def is_word_token(token: str) -> bool:
    """True for a Latin word/number token (not a CJK bigram or unigram, not the break marker).

    >>> is_word_token("solar"), is_word_token("光伏"), is_word_token(BREAK)
    (True, False, False)
    """
    m = _RUNS.fullmatch(token)
    return m is not None and m.lastgroup == "word"


def term_pieces(term: str) -> list[str]:
    """The letter/digit runs of a query term, normalised: what a snippet highlights.

    >>> term_pieces("光伏，GDP")
    ['光伏', 'gdp']
    """
    return [run for _, run, _, _ in _runs(normalize(term))]
