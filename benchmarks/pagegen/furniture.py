"""Page furniture: masthead, page header, editors' line, page number.

These lines are not article text; the gold lists them in page_furniture exactly as printed.
The editors' names are invented (random surname + given name), not taken from the corpus.
"""
from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from .model import Placed
from .style import PageStyle
from .typeset import Align, Typesetting, place, units

PAPER = "人民日报"
SECTIONS = ["要闻", "经济", "社会", "国际", "文化", "评论", "地方", "视点", "生态", "科技", "体育", "理论"]
_SURNAMES = "王李张刘陈杨赵黄周吴徐孙马朱胡郭何林罗高梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕"
_GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰涛明超秀霞平刚桂英华玉兰萍建国志文斌宁晨阳雪梅"
_WEEKDAYS = "一二三四五六日"
_CN_DIGITS = "〇一二三四五六七八九"


@dataclass(frozen=True, slots=True)
class Furniture:
    top: list[Placed]
    bottom: list[Placed]
    top_height: float     # pt taken from the top of the type area
    bottom_height: float
    texts: list[str]      # every item as printed, spaces included (for page_furniture)


def invented_name(rng: random.Random) -> str:
    given = "".join(rng.choice(_GIVEN) for _ in range(rng.choice([1, 2, 2])))
    return rng.choice(_SURNAMES) + given


def date_line(date: str) -> str:
    """The date as mastheads print it.

    >>> date_line("2019-02-01")
    '2019年2月1日 星期五'
    """
    d = dt.date.fromisoformat(date)
    return f"{d.year}年{d.month}月{d.day}日 星期{_WEEKDAYS[d.weekday()]}"


def cn_number(n: int) -> str:
    """Page numbers as 版 labels print them: 2 -> 二, 12 -> 十二, 20 -> 二十.

    >>> [cn_number(n) for n in (2, 10, 12, 20, 24)]
    ['二', '十', '十二', '二十', '二十四']
    """
    if n < 10:
        return _CN_DIGITS[n]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else _CN_DIGITS[tens]) + "十" + (_CN_DIGITS[ones] if ones else "")


def _item(text: str, font: str, size: float, x: float, y: float, align: Align, width: float) -> Placed:
    ts = Typesetting(font=font, size=size, justify=False)
    return Placed(place(units(text, font), width, 0, ts, justify=False, align=align), x, y, "furniture")


def make_furniture(rng: random.Random, style: PageStyle, number: int, date: str) -> Furniture:
    """Masthead (page 1) or running header (other pages), and an optional footer."""
    x0, width = style.margin, style.page_width - 2 * style.margin
    font = style.head_font
    top: list[Placed] = []
    bottom: list[Placed] = []
    texts: list[str] = []

    def add(where: list[Placed], text: str, font: str, size: float, y: float, align: Align) -> None:
        where.append(_item(text, font, size, x0, y, align, width))
        texts.append(text)

    top_h = 0.0
    y = style.margin
    side: tuple[Align, ...] = ("left", "center")
    if style.header and number == 1:
        size = rng.choice([44.0, 52.0, 60.0])
        add(top, PAPER, font, size, y + size, rng.choice(side))
        add(top, "RENMIN RIBAO", style.small_font, 9.0, y + size + 14, "left")
        extras = [date_line(date), f"今日{rng.choice([16, 20, 24])}版",
                  f"第{rng.randint(25000, 25400)}期", "国内统一连续出版物号 CN 11-0065", "代号1-1"]
        for k, text in enumerate(rng.sample(extras, rng.randint(1, 4))):
            add(top, text, style.small_font, 9.0, y + 12 + 12 * k, "right")
        top_h = size + 30
    elif style.header:
        size = rng.choice([14.0, 16.0, 18.0])
        base = y + size
        section = rng.choice(SECTIONS if number > 4 else ["要闻"])
        label = rng.choice([f"第{number}版", str(number), f"{number:02d}", f"第{cn_number(number)}版", f"A{number}"])
        if rng.random() < 0.3:
            add(top, f"{label} {section}", font, size, base, "center")
        else:
            add(top, section, font, size, base, "center")
            add(top, label, style.small_font, 10.0, base, "right")
        add(top, date_line(date), style.small_font, 9.0, base, "left")
        if rng.random() < 0.4:
            add(top, PAPER, font, 11.0, base - size - 2, "left")
        top_h = size + 16
    bottom_h = 0.0
    if style.footer:
        y_foot = style.page_height - style.margin
        roll = rng.random()
        if roll < 0.7:
            editors = f"本版责编：{invented_name(rng)} {invented_name(rng)}"
            if rng.random() < 0.5:
                editors += f" {invented_name(rng)}"
        elif roll < 0.85:  # local papers name each desk: "责任编辑：… 美编：… 校对：…"
            editors = f"责任编辑：{invented_name(rng)} 美编：{invented_name(rng)} 校对：{invented_name(rng)}"
        else:
            editors = f"值班主任：{invented_name(rng)} 责任编辑：{invented_name(rng)} 组版：{invented_name(rng)}"
        add(bottom, editors, style.small_font, 8.0, y_foot, rng.choice(("left", "right")))
        if rng.random() < 0.5:
            add(bottom, f"版式设计：{invented_name(rng)}", style.small_font, 8.0, y_foot - 11, "right")
        if rng.random() < 0.5:
            add(bottom, str(number), style.small_font, 9.0, y_foot, "center")
        bottom_h = 30.0
    return Furniture(top, bottom, top_h, bottom_h, texts)
