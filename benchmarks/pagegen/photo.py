"""Photos with captions inside an article's region (PDF variant ``photos``).

A photo spans the article's body columns, above or below the body; its caption is set under it
in a smaller type: a description ("图为…。") and a credit ("本报记者 张伟摄"), on one line or
two.  Captions are invented from word lists (never corpus sentences), so that caption text can
be told apart from article text when a parser's output is checked for leaked captions.
"""
from __future__ import annotations

import random
from dataclasses import dataclass
from typing import Literal

from .furniture import invented_name
from .model import Photo, Placed
from .typeset import Align, Typesetting, break_lines, place

_PLACES = ["北京市朝阳区", "浙江杭州", "四川成都", "江西南昌", "贵州毕节", "山东青岛", "河北雄安新区",
           "新疆喀什", "广东深圳", "湖北武汉", "云南昆明", "甘肃敦煌", "黑龙江哈尔滨", "福建厦门",
           "安徽合肥", "湖南长沙", "陕西延安", "江苏苏州"]
_WHO = ["市民", "游客", "农民", "工人", "志愿者", "医护人员", "小学生", "科研人员", "村民", "快递员",
        "消防队员", "民警"]
_DOING = ["在田间采收蔬菜", "参观科技展览", "在生产线上作业", "观看民俗表演", "在社区广场健身",
          "检查设备运行情况", "在图书馆阅读", "在果园采摘", "参加植树活动", "体验智能设备",
          "在港口装卸集装箱", "在大棚里查看草莓长势"]
Where = Literal["top", "bottom"]


def caption_text(rng: random.Random, date: str) -> tuple[str, str]:
    """(description, credit) of one invented caption.

    >>> d, c = caption_text(random.Random(1), "2019-03-08")
    >>> d.endswith("。"), c.endswith(("摄", "发"))
    (True, True)
    """
    month, day = int(date[5:7]), int(date[8:10])
    when = rng.choice([f"{month}月{day - 1 if day > 1 else day}日，", "日前，", "近日，", ""])
    lead = rng.choice(["图为", "图为", "", "上图："])
    desc = f"{lead}{when}{rng.choice(_PLACES)}{rng.choice(_WHO)}{rng.choice(_DOING)}。"
    who = invented_name(rng)
    credit = rng.choice([f"本报记者 {who}摄", f"新华社记者 {who}摄", f"{who}摄", f"{who}摄（人民视觉）",
                         "新华社发"])
    return desc, credit


@dataclass(frozen=True, slots=True)
class PlacedPhoto:
    photo: Photo
    caption: str            # as printed (furniture text)
    lines: list[Placed]     # caption lines
    top: float              # region taken, pt from the page top
    bottom: float


def place_photo(rng: random.Random, x0: float, width: float, top: float, bottom: float, where: Where,
                font: str, body_size: float, date: str) -> PlacedPhoto:
    """A photo of a random height between `top` and `bottom`, at the top or bottom of that
    space, with its caption lines under it."""
    desc, credit = caption_text(rng, date)
    ts = Typesetting(font, round(body_size * rng.choice([0.8, 0.85, 0.9]), 1), justify=False)
    text = f"{desc}  {credit}" if rng.random() < 0.6 else desc + "\n" + credit
    lead = ts.size * 1.3
    align: Align = rng.choice(["left", "center"])
    set_lines = [place(u, width, 0, ts, justify=False, align=align)
                 for part in text.split("\n") for u in break_lines(part, width / ts.size, 0, ts)]
    cap_h = len(set_lines) * lead + 4
    height = (bottom - top) * rng.uniform(0.22, 0.36)
    y0 = top if where == "top" else bottom - cap_h - height
    y1 = y0 + height
    lines = [Placed(ln, x0, y1 + 2 + (k + 1) * lead - (lead - ts.size), "caption")
             for k, ln in enumerate(set_lines)]
    photo = Photo(x0, y0, x0 + width, y1, rng.choice(["image", "box"]), rng.randrange(1 << 16))
    caption = text.replace("\n", " ")
    return PlacedPhoto(photo, caption, lines, y0, y1 + cap_h)
