"""Headline lines of one article -> kicker (引题), title (主题), subtitle (副题).

From text alone the size hierarchy is gone, so roles come from how Chinese
headlines are written and wrapped:

* a field wraps onto lines that are all full but the last, so lines are
  grouped to keep each field's lines at one measure (:func:`split_fields`);
* a kicker leads into the title ("…会议上强调", "…——", "…：");
* a subtitle is an aside: "——访…", "（…通过）", "X主持 Y出席";
* with two fields and no such cue, kicker + title is the commoner pair, unless
  the second field is twice as long and wider than a body column (a
  smaller-type subtitle under a short title), or reads as one (a summary, who
  else came, what the first's subject went on to do);
* three fields without a cue are a kicker and a title (a kicker, title and
  subtitle together are rare), and what several headlines of a page open with
  alike (a series' name) is each one's kicker.

Each rule that picks a role was counted in the People's Daily dev corpus first.
"""
from __future__ import annotations

import re

from .captions import CAPTION_START
from .cuts import bracket_depth, closes_unopened
from .layout import PARAGRAPH_MEASURE, PARALLEL_END, Labelled
from .reflow_cues import IDEOGRAPHS
from .normalize import squeezed_width
from .shapes import spaced_halves
from .words import breaks_word

# A kicker leads into the title: a verb of speech, a dash or a colon, or the person the
# story is about named by craft or post ("北京绢花传承人金铁铃", "…红旗坪村第一书记肖曙光":
# all 10 such fields of the dev corpus are kickers; a title may open on the post alone,
# "第一书记卖山货").
KICKER_END = re.compile(r"(?:强调|指出|表示|要求|提出|寄语|印发|批示|致信|勉励|号召|宣布|——|—|：|:"
                        r"|[\u4e00-\u9fff”]{2}(?:传承人|第一书记|带头人)[\u4e00-\u9fff·]{2,3}"
                        # the occasion, without a subject ("就中俄建交70周年", "庆祝…成立70周年": all 9
                        # such fields of the corpus are kickers; a title says who marks it)
                        r"|^(?:就|庆祝|热烈庆祝|致敬)[^，。：—]{2,24}(?:周年|之际))$")
# A bracketed line is a subtitle ("（2024年6月25日…全体会议通过）", "（2019年1月3日）"); a
# short one without a date is the title's column tag ("（人民时评）") and stays with the title.
_N = r"(?:\d{1,4}|[〇零一二三四五六七八九十]{1,4})"
_DATE = rf"{_N}年{_N}月|{_N}月{_N}日"  # "2019年1月", "1月3日", "二〇一九年二月三日"; not "70年"
# (A long bracket without a date is a column tag, "（解读中央纪委三次全会精神⑥）": in the dev
# corpus all 12 bracketed subtitles hold a date, and 211 title tags of 13 or more
# characters none; an act's adoption note says "通过".)
SUBTITLE_START = re.compile(rf"^(?:——|—|一一|[（(][^（）()]{{11,}}通过[）)]$|[（(](?=[^（）()]*(?:{_DATE}))[^（）()]+[）)]$)")
# Who did what at the event of the title: "王勇出席并讲话", "黄坤明宣读习近平主席贺信…".
ACTION = re.compile(r"出席|主持|宣读|致辞|讲话|陪同|参加")
# A second field opening on what the first's subject did there ("韩正出席…论坛开幕式 / 宣读
# 习近平主席贺信并致辞", "习近平会见… / 强调中伊友好源远流长…", "习近平抵达加德满都 / 开始对
# 尼泊尔进行国事访问") goes on from the title: a subtitle (7 of 7 such pairs in the dev
# corpus); no title opens on a bare verb of speech or of going on.
ACTION_LEAD = re.compile(r"(?:出席|主持|宣读|致辞|讲话|陪同|参加|强调|指出|会见|表示|开始|继续)")
# ("韩正参加会见", "李克强出席闭幕式", "栗战书出席会议": 7 of 7 such fields of the corpus are
# subtitles; so are the 4 briefings on the news of the title, "外交部举行中外媒体吹风会介绍有关情况")
SUBTITLE_END = re.compile(r"(?:主持|出席|陪同|陪同考察|参加|出席并(?:讲话|致辞)|作出批示|出席[\u4e00-\u9fff]{1,3}式"
                          r"|(?:参加|出席)(?:会见|会谈|活动|会议|座谈会)|会介绍(?:有关|相关)情况)$")
# The column tag a title ends with may be a long series name ("（总书记的深情牵挂——来自
# 贫困乡村的精准脱贫故事）"); a bracket holding a date is a subtitle's ("（2019年1月3日）").
# A series tag may number its parts in brackets of its own ("（第一落点·聚焦行政执法三项制度
# （上））", 20 titles of the dev corpus).
TITLE_TAG = re.compile(rf"[（(](?![^（）()]*(?:{_DATE}))(?:[^（）()]|[（(][^（）()]{{1,6}}[）)]){{2,40}}[）)]$")
# A headline reporting a meeting or ceremony that took place ("中美经贸高级别磋商举行") is the
# title; the line under it tells who came and what was said, the subtitle ("美国总统特朗普
# 会见刘鹤").  In the dev corpus such a first field heads a title + subtitle 17 times in 21;
# the four kickers all announce the event ahead ("…将在长春举行", "…10月15日在福州开幕"),
# with a slogan for the title: a future or a date keeps the kicker reading.  A meeting named
# at the end ("栗战书主持召开第二十四次委员长会议") heads a title + subtitle in all 15 such pairs.
SHORT_TITLE_CHARS = 12  # a first field this short over one twice as long is mostly a kicker
EVENT_END = re.compile(r"(?:举行|开幕|召开|闭幕|举办|就绪|会议)$")
PREVIEW = re.compile(rf"将|{_DATE}")
_WHO_CAME = re.compile(r"[\u4e00-\u9fff]{2,3}(?:出席|主持|会见|宣读|致辞|讲话|参加)")  # a name, then what they did
# A series tag on the first of two fields ("舌尖上的博物馆（非遗年集·美食）") over a short
# second field ("成都川菜博物馆") is a series kicker over the piece's own title: in the dev
# corpus the second field is 7-8 characters in all 11 such kicker + title pairs, and 14 or
# more in 15 of 16 title + subtitle pairs (the other a byline set as the subtitle).
SERIES_TITLE_EMS = 9.0
# A second field that sums the story up, clause by clause ("听取今年减税降费政策实施汇报，
# 要求…；部署…"), is a subtitle: in the dev corpus, of two-field headlines without the cues
# above, those with a "；" in the second field are all title + subtitle (5), and of those
# whose second field runs to this many characters, 14 of 15.
SUMMARY_CHARS = 40
_DATED_FIGURE = re.compile(r"(?:\d{1,2}[—－-]\d{1,2}月|\d{1,2}月|前[一二三]季度|[一二三四]季度|上半年|今年|去年|全年|"
                           r"截至|\d{4}年)")
DATED_TITLE_CHARS = 8  # a first field this long, over the figures of a period, is their title
# A second field opening on the day it tells of ("5日起开始生效", "11月1日揭幕 预计总场次将达500场")
# says when the news of the first happens: all 3 such fields of the corpus are subtitles.
_DAY_LEAD = re.compile(r"(?:\d{1,2}月)?\d{1,2}日(?:起|[\u4e00-\u9fff]{2})")
# ... and one opening on a total, the amount of the news ("总投资86.5亿元", "累计精简比例达81%"):
# the corpus's one such field is a subtitle, no kicker or title opens so.
_AMOUNT_LEAD = re.compile(r"(?:总投资|投资总额|总额|总计|共计|合计|累计|总规模|涉及金额)[^，。]{0,6}\d")
CLAUSED_TITLE_CHARS = 10  # a first field this long is a title of its own ...
CLAUSED_MORE_CHARS = 3  # ... over a second of clauses running this much longer, its subtitle
_BRACKET_END = re.compile(r"[（(][^（）()]*[）)]$")  # a column tag, however long, is no summary


_DASH_ONLY = re.compile(r"[—－-]{1,4}")
# Particles that attach to what precedes them: a line opening with one continues the
# line above ("文化是民族舞剧 / 的立身之本"), it never opens a field.
_NO_FIELD_START = frozenset("的们")
# ("张家口：天蓝…"; "地点：…", "时间：…" label a piece of a compilation, over its title)
_NAMED_SUBJECT = re.compile(r"(?!地点|时间)[^：:，。（(]{1,6}[：:](?=[^：:]*[\u4e00-\u9fff]$)")
_BARE_FIGURE = re.compile(r"[0-9０-９]+")
STANDING_TITLES = frozenset(("图片报道", "图片新闻"))  # titles that head an article alone


def _tag_line(texts: list[str], k: int) -> bool:
    """Is line ``k`` a column tag on a line of its own, or the start of one wrapped onto the
    next line ("（经济新方位·六稳怎么干" / "①）")?"""
    tag = texts[k]
    if tag[:1] not in "（(":
        return False
    if _opens(tag) and k + 1 < len(texts) and len(texts[k + 1]) <= 4:
        tag += texts[k + 1]
    return len(tag) <= 16 and TITLE_TAG.fullmatch(tag) is not None and not SUBTITLE_START.match(tag)


def is_subtitle(text: str) -> bool:
    """Does ``text`` read as a subtitle ("——访…", "（…通过）", "…主持 …出席")?"""
    return bool(SUBTITLE_START.match(text) or SUBTITLE_END.search(text))


Field = list[Labelled]


def _width(f: Field) -> float:
    return sum(x.info.width for x in f)


def _tag_closes(texts: list[str], k: int) -> bool:
    """Does line ``k`` close a title's column tag opened on a line above ("挺有前景（经 /
    济新方位·六稳 / 怎么干①）")?"""
    if texts[k][-1:] not in "）)" or not closes_unopened(texts[k]):
        return False
    run, j = texts[k], k
    while j > 0 and bracket_depth(run) < 0:
        j -= 1
        run = texts[j] + run
    return (m := TITLE_TAG.search(run)) is not None and m.start() > 0


def _bracket_run(texts: list[str], k: int) -> str:
    """Line ``k`` and the lines after it while a bracket it opened stays open."""
    run = texts[k]
    while k + 1 < len(texts) and bracket_depth(run) > 0:
        k += 1
        run += texts[k]
    return run


def _opens(text: str) -> bool:
    return bracket_depth(text) > 0 or text.count("“") > text.count("”") or text.count("《") > text.count("》")


def _open_after(texts: list[str]) -> list[bool]:
    """For each line, is a bracket or quote still open after it, counting from the line
    that opened it: a tag broken over three lines stays open on its middle one, which
    the extractor may have cut at a space ("…（守初心 担使命 找" / "差距" / "抓落实·…" /
    "主题教育）")."""
    out, run = [], ""
    for t in texts:
        run += t
        out.append(_opens(run))
        if not out[-1]:
            run = ""
    return out


FIELD_COST = 0.6  # price of one more field, against one line off its field's measure
WIDTH_TOLERANCE = 1.5  # ems a line may differ from its field's measure (squeezing, spaces)
SOLID_TOLERANCE = 0.25  # the same, between two lines of ideographs alone
# Sub-editors balance a title wrapped onto two lines: in a two-line headline, a
# second line this many ems shorter than the first is a field of its own
# (kicker over title, title over subtitle), not the tail of one.  Kickers and
# subtitles are wrapped at the full measure and end on whatever remains, so in
# longer headlines a short last line says nothing.
BALANCE_EMS = 3.5
TAGGED_SHARE = 0.55  # a tagged title line's text, of the line above, that a wrap would not leave
COUPLET_EMS = 7.0  # a title of two halves this short wraps into them
# A title wrapped onto a second line with its column tag leaves there what the first
# line could not hold: a few characters (one to six in nine wraps of ten).  A second
# line with this much text before its tag is a title of its own under a kicker.
TAGGED_CORE_EMS = 7.0
TAGGED_HEAD_CHARS = 7  # a first phrase this short over a tagged one is the same title's ...
TAGGED_MORE_CHARS = 6  # ... where the tagged one runs at most this much longer (a kicker's title runs on)
HEADING_WRAP_SLACK = 3.0  # ems short of the column at which an in-body heading's line is not wrapped
LONGER_EMS = 0.75  # a second line this much longer than the first does not finish its wrap


def _says_who_did(line: str) -> bool:
    """Does ``line`` end as a subtitle does (SUBTITLE_END) with someone before the verb
    ("韩正参加会见")?  A wrap's tail ("…吹风 / 会介绍相关情况") ends so too, with no one."""
    m = SUBTITLE_END.search(line)
    return m is not None and m.start() >= 2


def _who_did(line: str) -> bool:
    """Is ``line`` a whole who-did-what field ending as a subtitle does, a name or two before
    the verb ("栗战书主持", "陈光浩主持陈扬杰出席")?  A title's line may end on the verb its
    next line gives the object of ("韩正会见沙特王储穆罕默德并共同主持" / "中沙高级别联合
    委员会第三次会议")."""
    if SUBTITLE_END.search(line) is None:
        return False
    # (each verb after a name: the text before the first verb and between two verbs is short)
    ends = [0] + [m.end() for m in ACTION.finditer(line)]
    return all(m.start() - end <= WHO_CHARS for m, end in zip(ACTION.finditer(line), ends))


WHO_CHARS = 4  # characters of a name before the verb of a who-did-what field, at most


def _field_cost(widths: list[float], printed: list[float], i: int, j: int, solid: list[bool],
                balanced: bool = True) -> int:
    """Lines i..j as one field: all but the last should share the first line's
    measure, the last cannot be longer, and a two-line field is ``balanced``
    (``printed``: widths with the column tag, which balancing counts) — a headline's,
    not an in-body heading's, which wraps at the column's full measure.  Two full
    lines of ideographs alone (``solid``) in one field hold the same number: set in
    one size at one measure they leave under an em over, nothing squeezes them."""
    cap = widths[i]
    off = sum(1 for k in range(i, j)
              if abs(widths[k] - cap) > (SOLID_TOLERANCE if solid[i] and solid[k] else WIDTH_TOLERANCE))
    unbalanced = balanced and len(printed) == 2 and j == i + 1 and printed[j] < printed[i] - BALANCE_EMS
    return off + (1 if widths[j] > cap + WIDTH_TOLERANCE or unbalanced else 0)


def split_fields(lines: list[Labelled], breaks: frozenset[int] = frozenset(), heading: bool = False) -> list[Field]:
    """Group wrapped headline lines into fields.

    A field is set in one type size and wrapped at one measure, so its lines
    are equally long but the last; a kicker or subtitle cue forces a break, and
    so does page furniture printed between two lines (``breaks``: indices of the
    lines after which it stood).  A small dynamic programme picks the grouping
    with the fewest lines off their field's measure, each extra field costing
    ``FIELD_COST``.  ``heading``: the lines are an in-body heading's, set in the
    column's measure, where a longer second line is the column's wrap.
    """
    n = len(lines)
    if n <= 1:
        return [list(lines)] if lines else []
    if lines[0].column_width >= PARAGRAPH_MEASURE:
        return [[x] for x in lines]  # text with a paragraph to a line has a field to a line too
    texts = [x.info.text for x in lines]
    # A column tag set after the title ("（脱贫第一线）") is not part of its measure.
    # (a dash is set full, two ems for "——": never squeezed as other marks may be)
    printed = [x.info.min_width + 0.5 * t.count("—") for x, t in zip(lines, texts)]
    widths = [w - (squeezed_width(m.group(0)) if (m := TITLE_TAG.search(t)) and m.start() else 0)
              for w, t in zip(printed, texts)]
    # A line is full to the measure when the next line opens with an ideograph, which
    # any line may break before; a bracket or tag held over leaves room unfilled.
    # (one span: a space inside, gone from the text, took room on the line).
    solid = [IDEOGRAPHS.fullmatch(t) is not None and len(x.info.spans) == 1
             and (k + 1 == n or IDEOGRAPHS.match(texts[k + 1]) is not None)
             for k, (t, x) in enumerate(zip(texts, lines))]
    # A dash alone on a line ends the kicker above it ("“人民英雄”申亮亮 / ——"): same field.
    dash = {k for k in range(n - 1) if _DASH_ONLY.fullmatch(texts[k + 1])}
    # A title ends with its column tag ("…（凭栏处）"): what follows is another field.
    forced = {k for k in range(n - 1)
              if k not in dash and (KICKER_END.search(texts[k]) or _who_did(texts[k])
                                    or SUBTITLE_START.match(texts[k + 1]) or _says_who_did(texts[k + 1]))
              or (TITLE_TAG.search(texts[k]) and texts[k][0] not in "（(") or _tag_closes(texts, k)}
    # A bracket or quote left open runs into the next line: same field; so does a
    # column tag set on a line of its own under the title ("让科研更有“生命力” / （记者手记）").
    # One ideograph alone on a line is a wrap's tail, never a field ("中国游客提供便 / 利"),
    # whatever parted it from the line above (a column break's blank line).
    open_after = _open_after(texts)
    # (nor does a field end on a comma: "中企深耕非洲市场27年，占据当地市场份额1/5，" / "物流服务
    # 辐射整个非洲地区" is one kicker, whatever the next line's width)
    glued = dash | {k for k in range(n - 1) if open_after[k] or texts[k][-1] in "，、；,;" or _tag_line(texts, k + 1)
                    or texts[k + 1][:1] in _NO_FIELD_START
                    or (len(texts[k + 1]) == 1 and IDEOGRAPHS.fullmatch(texts[k + 1]) and IDEOGRAPHS.match(texts[k][-1]))
                    # (a bare figure is no field: "2019" / "天文美景陆续登场", the year set apart)
                    or _BARE_FIGURE.fullmatch(texts[k]) is not None
                    # (a break inside a word is a wrap's: "2019年全国两会新闻中" / "心正式启用")
                    or breaks_word(texts[k], texts[k + 1])
                    or (k + 2 == n and not heading and _wrap_tail(texts[k], texts[k + 1]))}
    # A blank line parts fields, but not a couplet's halves: a title of two short phrases
    # as long as each other, set one over the other ("十指春风 / 一绣千年", "弘扬爱国精神 /
    # 汇聚奋进力量（逐梦70年）"), which the extractor may read as two blocks.  In the dev
    # corpus 357 titles are two such phrases parted by a space; 4 kicker + title pairs are.
    forced |= {k for k in breaks if k < n - 1 and not _halves(texts[k], texts[k + 1])}
    # A standing title is a field of its own: "图片报道" heads a photo story alone (101 of
    # 101 in the dev corpus without a kicker or subtitle), so lines beside it are another
    # article's headline.
    standing = [k for k, t in enumerate(texts) if t in STANDING_TITLES]
    forced |= {k for k in standing if k < n - 1} | {k - 1 for k in standing if k}
    # An event that took place over who came to it ("第十届茅盾文学奖颁奖典礼举行" / "黄坤明
    # 出席并会见获奖作家") is a title over its subtitle, never one title wrapped.
    forced |= {k for k in range(n - 1) if EVENT_END.search(texts[k]) and _WHO_CAME.match(texts[k + 1])}
    # A field that asks or exclaims ends on its mark ("一旁围观的群众都笑了 / 起来！" over
    # "胡同电暖 / 安享生活"): what follows is another field.
    forced |= {k for k in range(n - 1) if texts[k][-1] in "？！?!"}
    # A couplet title set whole on one line opens its field: the line above, a phrase
    # without word spaces, is another.  (Under a line with spaces of its own it may be
    # the middle of a title of several phrases: "树牢底线思维 弘扬 / 斗争精神 全力维护 / …")
    forced |= {k for k in range(n - 1) if len(lines[k].info.spans) == 1 and _couplet_line(lines[k + 1])}
    # ... and so does one under a couplet set whole (:func:`kicker_couplet`), itself under no
    # line with spaces.
    forced |= {k for k in range(n - 1) if (k == 0 or len(lines[k - 1].info.spans) == 1)
               and kicker_couplet(lines[k], lines[k + 1])}
    # Two lines ending alike ("…六国元首互致贺电" / "李克强同六国总理互致贺电") are two
    # parallel clauses, a title and the subtitle that says who else did the same: a wrap
    # does not end two lines in a row on the same words.
    forced |= {k for k in range(n - 1)
               if _ends_alike(texts[k], texts[k + 1]) and IDEOGRAPHS.fullmatch(texts[k][-PARALLEL_END:])}
    if heading:
        # An in-body heading wraps at the column's measure: a line well short of it ends
        # its heading ("心声" over "李彬", a signed piece's label over its writer; a
        # couplet's halves set one over the other are two paragraphs of the paper's text
        # as often as one, which then prints them on one line parted by a space).
        # (one broken after a comma runs on: "（六）不断深化标本兼治，" / "夺取…压倒性胜利")
        forced |= {k for k in range(n - 1) if printed[k] < lines[k].column_width - HEADING_WRAP_SLACK
                   and texts[k][-1] not in "，、；：,;:"}
    # A short phrase over a tagged one not much longer is one title broken at its space
    # ("坚决惩腐 / 巩固发展压倒性胜利（解读中央纪委三次全会精神④）"): in the dev corpus 135
    # titles are such a pair, 5 kicker + title pairs are; so under a kicker ("内蒙古乌兰察布
    # 破解农村牧区养老问题 / 共建幸福院 / 舒心享晚年（…）") and over a subtitle.
    # (the tagged phrase read on while its bracket stays open: "挺有前景（经 / 济新方位·六稳 /
    # 怎么干①）")
    broken = {k for k in range(n - 1) if len(texts[k]) <= TAGGED_HEAD_CHARS and IDEOGRAPHS.fullmatch(texts[k])
              and (m := TITLE_TAG.search(_bracket_run(texts, k + 1))) and m.start()
              and m.start() <= len(texts[k]) + TAGGED_MORE_CHARS and k not in forced
              # (not what a wrap may leave of the lines above it: a title wrapped in balance,
              # "巴基斯坦总统阿尔 / 维会见高云龙", or a deck wrapped at the full measure over
              # lines of its own, "——产生的…云层降雪量产 / 生影响", over the next tagged title;
              # one line far wider above it is a kicker set whole)
              and (k == 0 or k - 1 in forced or (printed[k] < printed[k - 1] - BALANCE_EMS
                                                 and (k == 1 or k - 2 in forced)))}
    glued |= broken
    if n == 2 and not broken and (m := TITLE_TAG.search(texts[1])) and m.start() and 0 not in glued:
        # Two lines, the second with a column tag: a title wrapped with its tag balances
        # its lines, tag and all; a tagged line printed wider than the line above, with
        # as much text of its own, is a title under a kicker ("台湾学子暑期赴大陆各地实习实践 /
        # 在交流与合作中携手共同成长进步（两岸聚焦）"), unless both are short: a
        # couplet wraps into its two halves ("春来耕种忙 / 乡村产业旺（开年一线看亮点）").
        core, above = widths[1], printed[0]
        if ((printed[1] > above + WIDTH_TOLERANCE and core >= TAGGED_SHARE * above) or core >= TAGGED_CORE_EMS) \
                and not (above <= COUPLET_EMS and core <= above + 1):
            forced.add(0)
    if n == 2 and not heading and printed[1] > printed[0] + LONGER_EMS and not TITLE_TAG.search(texts[1]):
        # A title wrapped onto two lines fills the first: a second line printed longer
        # than the first is a field of its own ("综合治理攻坚战开局良好 / 渤海近岸海域
        # 水质有所改善", "新春走基层 / 高升村步步高"), unless a bracket or quote the
        # first line opened runs on into it (glued, below).
        forced.add(0)
    # A title naming its subject before a colon ("张家口：天蓝地绿水清 / 建设“首都两区”风景这边
    # 独好") runs on past its first line: in the dev corpus 69 titles open so, no kicker does.
    glued |= {k for k in range(n - 1) if k == 0 and _NAMED_SUBJECT.match(texts[k])}
    forced -= glued
    # best[j] = (cost, starts of fields) for lines 0..j-1
    best: list[tuple[float, tuple[int, ...]]] = [(0.0, ())]
    for j in range(1, n + 1):
        options = []
        # A field may not run across a forced break: the first one met going back
        # from line j - 2 ends the starts to try (long heading runs have several).
        for i in range(j - 1, -1, -1):
            if i < j - 1 and i in forced:
                break
            if i > 0 and i - 1 in glued:
                continue
            cost, starts = best[i]
            options.append((cost + FIELD_COST + _field_cost(widths, printed, i, j - 1, solid, not heading), starts + (i,)))
        best.append(min(options))
    cuts = list(best[n][1]) + [n]
    return [list(lines[a:b]) for a, b in zip(cuts, cuts[1:])]


TAIL_CHARS = 4  # words this short, the block's last line, are what a wrap left over ...
TAIL_SHORTER = 4  # ... under a line at least this much longer


def _wrap_tail(above: str, text: str) -> bool:
    """Is ``text`` (its column tag aside), the last headline line, a few words a wrap left
    under the line ``above`` ("许其亮会见巴基斯坦陆军" / "参谋长", "…合作解决" / "经贸问题（钟声）")?
    No title of the dev corpus under a kicker or over a subtitle is shorter than five
    characters; a field leading into the next ends on a mark ("——", "："), not an
    ideograph.  (Lines go on under it: it is the first half of a couplet title, "安塞剪纸
    传承人王西安" / "蕴乡土" / "重形意（非遗年集·剪纸）".)"""
    core = text[:m.start()] if (m := TITLE_TAG.search(text)) and m.start() else text
    return (len(core) <= TAIL_CHARS and len(above) >= len(core) + TAIL_SHORTER and _TAIL_WORDS.fullmatch(core) is not None
            and _IDEOGRAPH_END.search(above) is not None
            # (who came is a subtitle however short: "韩正出席")
            and SUBTITLE_END.search(core) is None)


_IDEOGRAPH_END = re.compile(r"[\u4e00-\u9fff]$")
# words, a figure among them ("70周年", "55亿元规模"); (the line above TAIL_SHORTER longer: a
# title of two short halves, "十指春风 / 一绣千年", or a short title under its kicker, "新春走
# 基层 / 赶年集", is no wrap's tail)
_TAIL_WORDS = re.compile(r"[0-9０-９.]*[\u4e00-\u9fff]+[0-9０-９.]*[\u4e00-\u9fff]*")
HALF_MAX = 8  # characters in one half of a couplet title, at most
COUPLET_HALF_MIN = 3  # ... and at least, where a word space parts them on one line


def _halves(a: str, b: str) -> bool:
    """Are ``a`` and ``b`` the two halves of a couplet title: words alone, at most
    HALF_MAX characters each, exactly as long as each other (``b`` may end with the
    title's column tag)?  (One character apart, kicker + title pairs are as common.)"""
    if (m := TITLE_TAG.search(b)) and m.start():
        b = b[:m.start()]
    return (len(a) == len(b) <= HALF_MAX
            and IDEOGRAPHS.fullmatch(a) is not None and IDEOGRAPHS.fullmatch(b) is not None)


_QUOTES = re.compile("[“”‘’「」『』《》]")
COUPLET_MORE = 2  # characters a phrase under a couplet line runs past one half, at least, to be another field
_OPEN_BRACKET = re.compile("[（(]")  # (a column tag, perhaps wrapped onto the next line, is not the phrase)


def _couplet_line(line: Labelled) -> bool:
    """Is ``line`` a couplet title set whole: two phrases of words alone, as long as each
    other (quotes aside) and parted by a word space ("改造“小棚户” 创造“大幸福”", "让弱村变强
    把强村做优")?  A wrap cuts a field where the measure ends, not between balanced halves:
    such a line opens a field of its own."""
    if len(line.info.spans) != 2:
        return False
    # (the title's column tag after it, perhaps wrapped onto the next line, is not a half's:
    # "海底蛟龙 横亘碧波（新中国的“第一”·交通" / "篇）")
    a, b = (_QUOTES.sub("", h) for h in spaced_halves(line.info))
    b = _OPEN_BRACKET.split(b, 1)[0]
    return (COUPLET_HALF_MIN <= len(a) == len(b) <= HALF_MAX
            and IDEOGRAPHS.fullmatch(a) is not None and IDEOGRAPHS.fullmatch(b) is not None)


def kicker_couplet(line: Labelled, below: Labelled) -> bool:
    """Is ``line`` a couplet set whole (:func:`_couplet_line`) over ``below``, one phrase
    longer than either half: a kicker over its title ("博物馆里过大年 大庙会上品年味" /
    "83.25万人次流连武侯祠")?  A wrap does not end a line on a couplet's last word and go
    on with a phrase of another build.  (A third phrase as short as the halves ends a
    title of three, "中国特色 世界眼光 / 人类情怀（钟声）", "产业兴 乡村美 / 农民富"; so does
    a column tag, "…真抓实干促振兴 / （在习近平新时代…".)"""
    return (len(below.info.spans) == 1 and _couplet_line(line)
            and len(_OPEN_BRACKET.split(below.info.text, 1)[0]) >= len(spaced_halves(line.info)[0]) + COUPLET_MORE)


def _series_kicker(a: Field, b: Field) -> bool:
    """Is ``a``, ending with a column tag, a series kicker over the short title ``b``?"""
    core = _width(a) - squeezed_width(m.group(0)) if (m := TITLE_TAG.search(a[-1].info.text)) else _width(a)
    return _width(b) <= SERIES_TITLE_EMS and _width(b) < core


SERIES_NAME_CHARS = 8  # a series name printed over several headlines of one page is a word or two


def _first_word(line: Labelled) -> str:
    return spaced_halves(line.info)[0]


def _shared_lead(a: list[str], b: list[str], wa: str, wb: str) -> tuple[str, ...] | None:
    """The lines two headlines of a page open with alike, with more after in both: whole
    lines, or a word alone on the first line of one and before a space on the other's."""
    if a[0] == b[0]:
        k = 1
        while k < min(len(a), len(b)) - 1 and a[k] == b[k]:
            k += 1
        return tuple(a[:k]) if a[k:] != b[k:] else None
    # (a word set apart in both, alone on its line in one: in neither, it may be the
    # first words of a kicker wrapped in two ways, "金色的秋天 丰收的 / 季节…")
    if wa == wb and (wa == a[0] or wb == b[0]) and len(wa) <= SERIES_NAME_CHARS and IDEOGRAPHS.fullmatch(wa):
        return (wa,)
    return None


def series_names(heads: list[list[Labelled]]) -> frozenset[tuple[str, ...]]:
    """What two or more headlines of one page open with alike: the name of a series the page
    runs, alone on its line or parted from the rest by a space ("新春走基层" over "春节住新房 /
    欢喜又安心" and "新春走基层 人和家顺事事兴" over "阿妹戚托小镇的新生活"), or a kicker set
    over each, wrapped alike ("金色的秋天丰收的 / 季节（美丽中国）"): each time the kicker.
    Two titles seldom open on the same words set apart."""
    blocks = [([x.info.text for x in h], _first_word(h[0])) for h in heads if len(h) >= 2]
    return frozenset(lead for i, (a, wa) in enumerate(blocks) for b, wb in blocks[i + 1:]
                     if (lead := _shared_lead(a, b, wa, wb)) is not None)


def _series_break(lines: list[Labelled], series: frozenset[tuple[str, ...]]) -> int | None:
    """The index of the last line of a series name or shared kicker ``lines`` open with."""
    for lead in series:
        n = len(lead)
        if len(lines) > n and all(lines[k].info.text == lead[k] for k in range(n - 1)) \
                and _first_word(lines[n - 1]) == lead[-1]:
            return n - 1
    return None


LAST_TITLE_CHARS = 20  # a title standing last in a headline of three fields or more is at most this long


def _ends_alike(a: str, b: str) -> bool:
    """Do two clauses end on the same words (a title and the subtitle saying who else did
    the same)?"""
    return len(a) >= 5 and len(b) >= 5 and a[-PARALLEL_END:] == b[-PARALLEL_END:]


def _title_like(text: str) -> bool:
    """Could ``text`` be a title: short, no sentence in it, no photo's caption?"""
    return len(text) <= LAST_TITLE_CHARS and not any(c in text for c in "。：:") and not CAPTION_START.match(text)


def assign_roles(lines: list[Labelled], column_width: float = 0.0,
                 breaks: frozenset[int] = frozenset(), series: frozenset[tuple[str, ...]] = frozenset()
                 ) -> tuple[dict[str, Field], bool]:
    """Return ``({role: lines}, certain)``; ``certain`` is False when roles were guessed.

    ``column_width`` is the width of the article's body column, in ems; ``series``: the
    page's :func:`series_names`, a first line opening with one is the kicker.
    """
    if len(lines) > 1 and series and (k := _series_break(lines, series)) is not None:
        # (a field of its own whatever the lines after it: "新春走基层 / 春节住新房" are no
        # couplet's halves)
        fields = [lines[:k + 1], *split_fields(lines[k + 1:], frozenset(b - k - 1 for b in breaks if b > k))]
    else:
        fields = split_fields(lines, breaks)
    if not fields:
        return {}, True
    if len(fields) == 1:
        return {"title": fields[0]}, True
    kick = 0
    while kick < len(fields) - 1 and any(KICKER_END.search(x.info.text) for x in fields[kick][-1:]):
        kick += 1
    sub = len(fields)
    while sub > kick + 1 and is_subtitle("".join(x.info.text for x in fields[sub - 1])):
        sub -= 1
    head, middle, tail = fields[:kick], fields[kick:sub], fields[sub:]
    # (a tag may wrap: "…（深入学习贯彻习 / 近平新时代中国特色社会主义思想）")
    tagged = [k for k, f in enumerate(middle) if TITLE_TAG.search("".join([x.info.text for x in f[-2:]]))]
    if len(tagged) == 1 and len(middle) > 1:
        # The column tag ("（人民时评）") rides on the main title: before it a
        # kicker, after it a subtitle.
        t = tagged[0]
        if not (t == 0 and len(middle) == 2 and not head and not tail and _series_kicker(*middle)):
            head, middle, tail = head + middle[:t], [middle[t]], middle[t + 1:] + tail
    roles: dict[str, Field] = {}
    if head:
        roles["kicker"] = [x for f in head for x in f]
    if tail:
        roles["subtitle"] = [x for f in tail for x in f]
    certain = bool(head or tail)
    if head and tail:
        roles["title"] = [x for f in middle for x in f]
    elif head:
        # A kicker that leads in ("…时强调", "…——", "…：") is followed by the title alone,
        # however many phrases it is set in ("立足大局全局 / 狠抓贯彻落实推动…"): in the dev
        # corpus none of 305 such headlines has a subtitle but the five of who else came
        # ("韩正出席", "李克强作出批示"), which ``tail`` holds, and a last field ending as
        # the one before it does ("就中蒙建交70周年 / 习近平同…互致贺电 / 李克强同…互致贺电").
        if len(middle) > 1 and _ends_alike(*("".join(x.info.text for x in f) for f in middle[-2:])):
            middle, roles["subtitle"] = middle[:-1], middle[-1]
        roles["title"] = [x for f in middle for x in f]
    elif tail:  # subtitle known: perhaps a kicker, then the title
        if len(middle) > 1:
            roles["kicker"] = [x for f in middle[:-1] for x in f]
        roles["title"] = middle[-1]
    elif len(middle) == 2:
        # Kicker + title is the commoner pair (2:1 in People's Daily); a second
        # line twice as long as the first and wider than a body column is a
        # smaller-type subtitle under a title of some length ("习近平会见尼泊尔总统班达里 /
        # 两国元首共同宣布…"), or under a short one where it reports an event held
        # ("共谋化工行业发展 / “…”举行").  Under a short first field stating a fact it is
        # the title under a kicker ("暑期旅游持续升温 / 乐山大佛景区暑期接待游客同比增长
        # 18%"): of the corpus's pairs with a second field twice as long as the first, a
        # first of 12 characters at most begins 170 kicker + title pairs and 15 title +
        # subtitle pairs, a longer one 20 and 35.
        a, b = middle
        text_a, text_b = ("".join(x.info.text for x in f) for f in (a, b))
        if (_width(b) >= 2 * _width(a) and max(x.info.min_width for x in b) > column_width + 2
                and (len(text_a) > SHORT_TITLE_CHARS or EVENT_END.search(text_b))) or (
                ACTION.search(text_b) and not ACTION.search(text_a)) or ACTION_LEAD.match(text_b) or (
                EVENT_END.search(text_a) and not PREVIEW.search(text_a)) or (
                "；" in text_b or len(_BRACKET_END.sub("", text_b)) >= SUMMARY_CHARS) or (
                # (a headline's full first field over a longer one of clauses: 20 of 20 such
                # pairs of the corpus are title + subtitle; a short first phrase, "位居全省第2位"
                # over "1至5月，我市网络零售额…", is another arrangement)
                len(text_a) >= CLAUSED_TITLE_CHARS and "，" in text_b and "，" not in text_a
                and len(text_b) > len(text_a) + CLAUSED_MORE_CHARS) or (
                # (a statement over the figures of a period, "互联网业务收入规模不断扩大 / 1—8月收入
                # 增20.9%": 9 of 9 such pairs of the corpus whose first field is one phrase)
                _DATED_FIGURE.match(text_b) is not None and any(c.isdigit() for c in text_b)
                and len(text_a) >= DATED_TITLE_CHARS and all(len(x.info.spans) == 1 for x in a)) or (
                # (two clauses ending alike, "习近平同…互致贺电 / 李克强同…互致贺电": the second
                # says who else did the same, a subtitle; 6 of 6 such pairs in the corpus)
                _ends_alike(text_a, text_b)) or (
                (_DAY_LEAD.match(text_b) is not None or _AMOUNT_LEAD.match(text_b) is not None)
                and len(text_a) >= DATED_TITLE_CHARS):
            roles["title"], roles["subtitle"] = a, b
        else:
            roles["kicker"], roles["title"] = a, b
    elif _title_like(last := "".join(x.info.text for x in middle[-1])) and not _ends_alike(
            "".join(x.info.text for x in middle[-2]), last):
        # Three fields or more without a cue: a kicker, a title and a subtitle together are
        # rare (22 of 3,898 headlines in the dev corpus against 1,014 kicker + title): the
        # last is the title and the fields before it its kicker ("新春走基层 / 人和家顺事事兴 /
        # 阿妹戚托小镇的新生活"), unless it reads as no title (a caption, a list of who came)
        # or says who else did what the field before it tells.
        roles["kicker"] = [x for f in middle[:-1] for x in f]
        roles["title"] = middle[-1]
    else:
        roles["kicker"] = middle[0]
        roles["subtitle"] = middle[-1]
        roles["title"] = [x for f in middle[1:-1] for x in f]
    return roles, certain
