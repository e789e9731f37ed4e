"""Test pages that need nothing from ../shared: the example page and synthetic text pages.

Synthetic pages look like a text dump of a real page: per article a headline line,
then body lines 16 characters wide, paragraphs ending in 。.  Text is drawn from a
fixed pool of common characters with a seeded generator, so every run makes the
same pages.
"""
from __future__ import annotations

import random
import shutil
from pathlib import Path

EXAMPLE = Path(__file__).resolve().parent.parent / "pages" / "leshan-daily-p1.txt"

POOL = ("的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面"
        "而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开"
        "它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条"
        "只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边"
        "流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百"
        "规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务"
        "具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越")
CHARS_PER_LINE = 16


def synthetic_page(rng: random.Random, articles: int = 4, marker: str = "") -> str:
    """One page of ``articles`` articles; ``marker`` is written into the first body (to find it later)."""
    lines: list[str] = []
    for k in range(articles):
        lines.append("".join(rng.choice(POOL) for _ in range(rng.randint(18, 26))))
        lines.append("")
        for p in range(rng.randint(2, 5)):
            text = "".join(rng.choice(POOL) for _ in range(rng.randint(30, 120)))
            if k == 0 and p == 0 and marker:
                text = marker + text
            text += "。"
            lines.extend(text[i:i + CHARS_PER_LINE] for i in range(0, len(text), CHARS_PER_LINE))
        lines.append("")
    return "\n".join(lines) + "\n"


def make_archive_pages(root: Path, issues: int, pages_per_issue: int = 3, seed: int = 1,
                       paper: str = "测试日报", with_example: bool = True) -> list[Path]:
    """``root/paper/YYYY-MM-DD/pN.txt`` for ``issues`` issues; the first issue's p1 is the example page."""
    rng = random.Random(seed)
    files = []
    for i in range(issues):
        folder = root / paper / f"2024-{1 + i // 28:02d}-{1 + i % 28:02d}"
        folder.mkdir(parents=True, exist_ok=True)
        for n in range(1, pages_per_issue + 1):
            f = folder / f"p{n}.txt"
            if i == 0 and n == 1 and with_example:
                shutil.copy(EXAMPLE, f)
            else:
                f.write_text(synthetic_page(rng, marker=f"标记{i:03d}{n}"), encoding="utf-8")
            files.append(f)
    return files
