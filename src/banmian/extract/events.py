"""Events: article fields + people + dates -> :class:`~banmian.extract.facts.Event` list.

Meetings and activities are found where they are held ("…推进会议召开",
"“…交流活动”举行", "开展“…活动”") or spoken at ("马波在…会议上强调"); talks
and audiences from 会见 / 会谈.  The people around them get roles from the verb
after their name: 主持 -> chair; 讲话 / 强调 / 出席会议并讲话 -> speaker;
出席 / 参加 -> attendees.

>>> from banmian.extract.people import find_mentions
>>> t = "7月8日，全市防汛工作推进会议召开，市委书记马波出席会议并讲话。市长陈光浩主持，市委副书记陈扬杰出席。"
>>> ev = find_events({"body": t}, {"body": find_mentions(t)}, {})
>>> [(e.kind, e.name, e.chair, e.speaker, e.attendees) for e in ev]
[('会议', '全市防汛工作推进会议', ('陈光浩',), ('马波',), ('陈扬杰',))]
"""
from __future__ import annotations

import re

from .facts import DateFact, Event, Field, Loc
from .people import PUNCT, Mention

_NOUN = (r"(?:常务会议|联席会议|全体会议|会议|代表大会|大会|全会|常委会|座谈会|推进会|研讨会|论坛|峰会|发布会|交流会|报告会|"
         r"动员会|部署会|调度会|培训班|签约仪式|仪式|典礼|活动|博览会|展览会|交易会|洽谈会|年会|例会|现场会|视频会|工作会|推介会|"
         r"开幕式|闭幕式|见面会|茶话会|招待会|晚会)")
# Both patterns are anchored on their verb and matched backwards over the clause
# before it (a leading lazy ".{2,70}?" would be tried at every position).
_NOUN_END = re.compile(rf"{_NOUN}[”\"]?$")
_HELD_NAME = re.compile(rf"[“\"]?[^，。；：！？\n]{{2,70}}?{_NOUN}[”\"]?$")
_SPOKEN_VERB = re.compile(r"(?:上|时|期间)(?:强调|指出|讲话|表示|发表|致辞)")
_SPOKEN_NAME = re.compile(rf"在(?P<name>[^，。；！？\n]{{2,70}}?{_NOUN})$")
_HELD_TRIGGER = re.compile(r"召开|举行|开幕|闭幕|举办|启动")
_ORGANISED = re.compile(rf"(?:开展|举办|组织|举行|召开)了?[“\"](?P<name>[^”\"]{{2,50}}?{_NOUN})[”\"]")
_MEETS = re.compile(r"(?P<verb>会见|接见|会谈)")
_CHAIR = re.compile(r"^(?:同志)?主持")
_SPEAK = re.compile(r"^(?:同志)?(?:出席会议并|出席并|到会并|在会上|在[^，。；]{0,70}?(?:上|时))?"
                    r"(?:作重要讲话|发表讲话|讲话|强调|指出|作报告|作动员讲话|致辞|作工作报告)")
_ATTEND = re.compile(r"^(?:同志)?(?:等)?(?:出席|参加|列席|在主会场参加|在分会场参加)")
_ATTEND_SENTENCE = re.compile(r"(?:出席|参加|列席)")


def _kind(name: str) -> str:
    return "活动" if name.endswith(("活动", "仪式", "典礼", "开幕式", "闭幕式", "晚会")) else "会议"


def _clean_name(text: str, start: int, end: int) -> tuple[int, str]:
    """Drop what opens the clause before an event's name: a date, 在/据/由, 近日 …"""
    raw = text[start:end]
    m = re.match(r"(?:(?:近日|日前|昨天|今天|当天|上午|下午|晚上|[0-9]{1,2}月[0-9]{1,2}日|[0-9]{1,2}日)[，,]?|在|据|由|为|于)*", raw)
    cut = m.end() if m else 0
    return start + cut, raw[cut:].strip("“”\"")


def _norm(name: str) -> str:
    return re.sub(r"[“”\"‘’'\s]", "", name)


def find_events(fields: dict[Field, str], mentions: dict[Field, list[Mention]],
                dates: dict[Field, list[DateFact]]) -> list[Event]:
    """Events of one article.  ``fields`` maps field name (body, kicker, …) to text;
    ``mentions`` and ``dates`` hold what was already found in each field."""
    found: dict[str, Event] = {}
    order: list[str] = []
    for field in ("body", "kicker", "title", "subtitle"):
        text = fields.get(field)
        if not text:
            continue
        for start, end, span_end in _candidates(text):
            s, name = _clean_name(text, start, end)
            if len(name) < 4 or any(c in PUNCT and c not in "“”‘’" for c in name):
                continue
            key = _norm(name)
            if key in found:
                continue
            when = _date_near(text, s, dates.get(field, []))
            found[key] = Event(_kind(name), name, when, Loc(s, span_end, field))
            order.append(key)
        for m in _MEETS.finditer(text):
            host = [x for x in mentions.get(field, []) if x.name_loc.end <= m.start() and m.start() - x.name_loc.end <= 25]
            guests = [x for x in mentions.get(field, []) if m.end() <= x.loc.start and x.loc.start - m.end() <= 40]
            if not host or not guests:
                continue
            h, g = host[-1], guests[0]
            name = f"{h.name}{m.group('verb')}{g.name}" if m.group("verb") != "会谈" else f"{h.name}同{g.name}会谈"
            key = _norm(name)
            if key not in found:
                found[key] = Event(m.group("verb"), name, _date_near(text, m.start(), dates.get(field, [])),
                                   Loc(h.name_loc.start, g.name_loc.end, field),
                                   speaker=(h.name,), attendees=(h.name, g.name))
                order.append(key)
    events = [found[k] for k in order]
    main = next((i for i, e in enumerate(events) if e.kind in ("会议", "活动")), None)
    if main is not None:
        chair, speaker, attendees = _roles(fields, mentions)
        e = events[main]
        if e.date is None:
            e = Event(e.kind, e.name, _first_date(dates), e.loc)
        events[main] = Event(e.kind, e.name, e.date, e.loc, chair, speaker, attendees)
    return events


def _candidates(text: str) -> list[tuple[int, int, int]]:
    """(name start, name end, match end) of events held, spoken at, or organised."""
    out: list[tuple[int, int, int]] = []
    for t in _HELD_TRIGGER.finditer(text):
        lo = t.start()
        while lo > 0 and text[lo - 1] not in "，。；：！？\n" and t.start() - lo < 95:
            lo -= 1
        clause = text[lo:t.start()]
        vm = len(clause)
        for adv in ("隆重", "正式", "顺利", "胜利"):
            if clause.endswith(adv):
                vm -= len(adv)
                break
        at = clause.rfind("在", max(0, vm - 21), vm)  # "…会议在北京召开"
        if at >= 0 and _NOUN_END.search(clause, 0, at):
            vm = at
        nm = _HELD_NAME.search(clause, 0, vm)
        if nm:
            out.append((lo + nm.start(), lo + nm.end(), t.end()))
    for t in _SPOKEN_VERB.finditer(text):
        lo = t.start()
        while lo > 0 and text[lo - 1] not in "，。；！？\n" and t.start() - lo < 75:
            lo -= 1
        j = text.rfind("在", lo, t.start())
        while j >= 0:
            nm = _SPOKEN_NAME.match(text, j, t.start())
            if nm:
                out.append((nm.start("name"), nm.end("name"), t.end()))
                break
            j = text.rfind("在", lo, j)
    for m in _ORGANISED.finditer(text):
        out.append((m.start("name"), m.end("name"), m.end()))
    return out


def _date_near(text: str, pos: int, dates: list[DateFact]) -> str | None:
    """The date printed in the same sentence, before the event if possible."""
    s = pos
    while s > 0 and text[s - 1] not in "。！？\n":
        s -= 1
    e = pos
    while e < len(text) and text[e] not in "。！？\n":
        e += 1
    near = [d for d in dates if s <= d.loc.start < e and d.value and d.kind == "date"]
    before = [d for d in near if d.loc.start <= pos]
    pick = before[-1] if before else (near[0] if near else None)
    return pick.value if pick else None


def _first_date(dates: dict[Field, list[DateFact]]) -> str | None:
    body = [d for d in dates.get("body", []) if d.kind == "date" and d.value and d.loc.start < 40]
    return body[0].value if body else None


def _roles(fields: dict[Field, str], mentions: dict[Field, list[Mention]]) -> tuple[tuple[str, ...], ...]:
    chair: list[str] = []
    speaker: list[str] = []
    attendees: list[str] = []
    for field, ms in mentions.items():
        text = fields.get(field, "")
        for x in ms:
            if x.source == "byline":
                continue
            after = text[x.name_loc.end:x.name_loc.end + 80]
            if _CHAIR.match(after):
                _add(chair, x.name)
            elif _SPEAK.match(after):
                _add(speaker, x.name)
            elif _ATTEND.match(after) or (_list_then_attend(text, x) and x.source in ("list", "title")):
                _add(attendees, x.name)
    attendees = [a for a in attendees if a not in chair and a not in speaker]
    return tuple(chair), tuple(speaker), tuple(attendees)


def _list_then_attend(text: str, x: Mention) -> bool:
    """Is ``x`` in a sentence that ends by saying its people attended ("…在主会场参加")?"""
    e = x.name_loc.end
    while e < len(text) and text[e] not in "。！？\n":
        e += 1
    s = x.loc.start
    while s > 0 and text[s - 1] not in "。！？\n":
        s -= 1
    sentence = text[s:e]
    return bool(_ATTEND_SENTENCE.search(text, x.name_loc.end, e)) and not re.search(
        r"讲话|强调|主持|召开|举行", sentence)


def _add(xs: list[str], name: str) -> None:
    if name not in xs:
        xs.append(name)
