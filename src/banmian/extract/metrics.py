"""Metric names: the text printed before a figure -> the name of what it measures.

"我市网络交易额实现" -> 网络交易额: verbs of reporting (实现, 达到, 为 …), adverbs
(同比, 已经 …), scope words (我市, 全国 …) and leading function words come off; a
possessor before 的 goes ("全市的…"), a qualifier stays ("100M及以上接入速率的…用户");
what follows 共 / 累计 is the metric ("学校共自查自纠问题" -> 自查自纠问题).  Used by
:mod:`banmian.extract.statistics` and :mod:`banmian.extract.targets`.

>>> clean_metric("其中，网络零售额实现"), metric_ok("同比多增")
('网络零售额', False)
"""
from __future__ import annotations

import re

# Comparisons are not metrics ("同比多增3069亿元", "比上月多2550亿元"); nor are bare rates.
_COMPARISON_START = ("同比", "环比", "比", "较", "与")
_BARE_RATES = frozenset("升幅 降幅 增幅 涨幅 跌幅 增速 降速 增长率".split())
# A verb alone does not name what was measured ("分别实行300元、400元…的补助").
_BARE_VERBS = frozenset("实行 实施 开展 推进 推动 建设 修建 开辟 完成 达到 实现 增长 上涨 下降 降低 提高 减少 增加 新建 建成 发放 "
                        "安排 落实 下达 拨付 带动 帮助 吸引 引进 超过 突破 达 为 是 有 共 约 占".split())
_VERB_TAIL = re.compile(
    r"(?:分别)?(?:稳定在|保持在|维持在|实现|达到|达|为|是|完成|突破|超过|超|共计|合计|累计|总计|增至|增长到|增加到|提高到|提升到|上升到|下降到|减少到|降至|"
    r"升至|约为|约|近|至|到|拥有|有|已达|已|共|高达|仅为|仅|只有|在|了)+$"
)
_ADVERB_TAIL = re.compile(r"(?:则|也|还|仍|均|已经|都|总共|逆势|同比|持续|继续|再次|首次|大幅|稳步|分别|接近|将近|一年|每年|每月|全年|相应|目前|就)+$")
_PER_TAIL = re.compile(r"(?:为)?每[\u4e00-\u9fff]$")  # "进口均价为每吨511.3元": 每吨 qualifies the unit
_LEAD_FUNC = re.compile(r"^(?:而|但|且|据|其(?![中他它余实次])|由(?!于)|在(?![线职岗校建读编用业])|从(?![业事])|并(?![购网表])|"
                        r"有(?![效关限色机线偿形生序利力])(?=..))")
# "全县各级各类学校共自查自纠问题": what follows 共 / 累计 names the figure
_MID_TOTAL = re.compile(r"(?:累计|总共|共计|共有|(?<![公总一])共(?![享同建识性产青和事振赢生]))")
_LEAD_PAREN = re.compile(r"^[^（）]{0,6}（[^）]{1,6}）(?=.{4})")  # "市（地）营商环境…" -> "营商环境…"
_THRESHOLD = re.compile(r"[0-9]+[^0-9]{0,3}(?:及以上|及以下|以上|以下)")
_MID_SCOPE = re.compile(r"(?:已|已经)?在?(?:全国|全省|全市|全区|全县|全球)")
_POSSESSOR = re.compile(r"(?:市|省|县|区|国|州|村|镇|公司|企业|集团|我们|他们)$")
LEAD_SCOPE = re.compile(
    r"^(?:其中|此外|另外|同时|目前|如今|当前|现在|截至目前|截至[^，]{0,12}?|截止[^，]{0,12}?|全年|当年|今年|去年|同期|当月|上半年|下半年|前三季度|"
    r"我市|全市|全省|全国|我国|我省|本市|该市|全区|全县|全州|该县|该区|该省|该公司|公司|在[^，]{1,16}?中|分别|共|累计|首次|已|已经|"
    r"以现行标准衡量|据统计|统计显示|数据显示)+"
)
_PRONOUN_START = ("我们", "他们", "她们", "它们", "我", "他", "她", "它", "其", "该", "这", "那", "此")


def clean_metric(seg: str) -> str:
    """The metric named by the text before a figure.

    >>> clean_metric("我市网络交易额实现"), clean_metric("其中，网络零售额实现"), clean_metric("订单总量达到")
    ('网络交易额', '网络零售额', '订单总量')
    >>> clean_metric("全市的农户比重为"), clean_metric("全县各级各类学校共自查自纠问题")
    ('农户比重', '自查自纠问题')
    >>> clean_metric("100M及以上接入速率的固定互联网宽带接入用户达")
    '100M及以上接入速率的固定互联网宽带接入用户'
    """
    seg = seg.strip().strip("，,：:").strip()
    seg = _VERB_TAIL.sub("", seg)
    seg = _ADVERB_TAIL.sub("", seg)
    seg = _VERB_TAIL.sub("", seg)
    seg = _PER_TAIL.sub("", seg)
    if "的" in seg:
        # keep a qualifier ("100M及以上接入速率的…用户"), drop a possessor ("全市的…") or an overlong lead
        k = seg.rindex("的")
        if k <= 2 or _POSSESSOR.search(seg[:k]) or len(seg) > MAX_METRIC:
            seg = seg[k + 1:]
    mt = None
    for mt in _MID_TOTAL.finditer(seg):  # noqa: B007 - the last match is wanted
        pass
    if mt is not None and mt.start() >= 2 and len(seg) - mt.end() >= 2:
        seg = seg[mt.end():]
    seg = _LEAD_PAREN.sub("", seg)
    ms = None
    for ms in _MID_SCOPE.finditer(seg):  # noqa: B007 - the last match is wanted
        pass
    if ms is not None and ms.start() > 0 and len(seg) - ms.end() >= 2:
        seg = seg[ms.end():]  # "基础电信企业已在全国开通5G基站" -> "开通5G基站"
    prev = None
    while prev != seg:  # "其中问责…", "而在…中": peel scope words and function words in turn
        prev = seg
        seg = _LEAD_FUNC.sub("", LEAD_SCOPE.sub("", seg))
    seg = seg.strip().strip("，,：:").strip()
    if seg.count("“") != seg.count("”"):
        seg = seg.strip("“”\"")
    if seg.count("（") != seg.count("）"):
        seg = seg.strip("（）()")
    return seg


MAX_METRIC = 26


def metric_ok(metric: str) -> bool:
    """Is ``metric`` a plausible name for what a figure measures?

    >>> metric_ok("网络零售额"), metric_ok("4G用户规模"), metric_ok("同比多增"), metric_ok("我们已拥")
    (True, True, False, False)
    """
    if not 2 <= len(metric) <= MAX_METRIC:
        return False
    if any(c in "，。；：、()《》\"%" for c in metric):
        return False
    if metric.count("“") != metric.count("”") or metric.count("（") != metric.count("）"):
        return False
    if re.search(r"[0-9]", metric) and not re.search(r"[A-Za-z]", metric) and not _THRESHOLD.search(metric):
        return False  # digits only in names ("4G用户", "PM2.5") and thresholds ("65岁以上人口")
    if metric.startswith(_COMPARISON_START) or metric in _BARE_RATES:
        return False
    if metric[-1] in "了着过是和与及或等在从对把被将向" or metric[0] in "了着是和与及或等对把被将向也都就还又再更最很":
        return False
    if metric.startswith(_PRONOUN_START) or metric in _BARE_VERBS or metric.startswith(("距", "离", "绵延", "长达")):
        return False
    return bool(re.search(r"[\u4e00-\u9fff]", metric))


def refine_metric(metric: str, topic: str | None) -> str:
    """Narrow a metric by an overlapping topic clause.

    >>> refine_metric("网络零售额", "实物型网络零售")
    '实物型网络零售额'
    """
    if not topic or topic == metric or metric.endswith(topic) or topic.endswith(metric) and len(topic) > len(metric) + 6:
        return metric
    for k in range(min(len(topic), len(metric)), 1, -1):
        if topic.endswith(metric[:k]):
            return topic[:-k] + metric
    return metric
