"""Pages for the web reader's test archive: the example page, a continuation page, statistics with
consistent and inconsistent audits, an article carrying HTML/JS, and a PDF page with line boxes.

Synthetic text is laid out like a text dump: headline lines, then body lines 16
characters wide.  Nothing here needs ../shared.
"""
from __future__ import annotations

import shutil
from pathlib import Path

EXAMPLE = Path(__file__).resolve().parent.parent / "pages" / "leshan-daily-p1.txt"
XSS_SCRIPT = "<script>alert(1)</script>"
XSS_IMG = '"><img src=x onerror=alert(1)>'
XSS_PAPER = '安全<img src=x onerror=alert(2)>日报'


def wrap(text: str, width: float = 16) -> list[str]:
    """Column lines ``width`` ems wide, as typeset: a CJK character is 1 em, a half-width one 0.5."""
    lines, line, ems = [], "", 0.0
    for ch in text:
        w = 0.5 if ord(ch) < 0x2E80 else 1.0
        if ems + w > width:
            # never break beside a space: a dump's line ends lose it (keep half-width runs whole)
            cut = len(line)
            while ch.isascii() and cut > 0 and line[cut - 1].isascii() and " " in line[cut - 1:] + ch:
                cut -= 1
            cut = cut or len(line)
            lines.append(line[:cut])
            line = line[cut:]
            ems = sum(0.5 if ord(c) < 0x2E80 else 1.0 for c in line)
        line += ch
        ems += w
    return lines + ([line] if line else [])


def article(title: str, *paragraphs: str) -> list[str]:
    lines = [title, ""]
    for p in paragraphs:
        lines += wrap(p)
    return lines + [""]


def continuation_page() -> str:
    """Page 2 of the example issue: the end of the 决定 (上接第1版) and one new article."""
    return "\n".join(
        ["（上接第1版）"]
        + wrap("全会强调，要坚持以习近平新时代中国特色社会主义思想为指导，深入贯彻党的二十大精神，加快构建现代化产业体系。")
        + [""]
        + article("光伏产业链条不断延伸产业集群效应日益凸显", "本报讯（记者 李明）今年以来，我市光伏产业发展迅速，多晶硅产量持续增长，产业集群效应日益凸显。")
    ) + "\n"


def statistics_page() -> str:
    """Two list statistics: one whose parts add up, one whose parts do not (an audit flags it)."""
    good = ("1至6月，全市工业产值100.00亿元。其中，甲区、乙区和丙区分别实现工业产值40.00亿元、35.00亿元和25.00亿元，"
            "占比分别为40.00%、35.00%和25.00%。")
    bad = ("1至6月，全县旅游收入100.00亿元。其中，东镇、西镇和南镇分别实现旅游收入40.00亿元、45.00亿元和25.00亿元，"
           "占比分别为40.00%、35.00%和25.00%。")
    return "\n".join(article("上半年全市工业经济稳中向好发展态势持续巩固", "本报讯（记者 王小明）" + good)
                     + article("上半年全县旅游市场持续升温回暖游客人数创新高", "本报讯（记者 陈静）" + bad)) + "\n"


def xss_page() -> str:
    """An article whose title and body carry markup that must render as text."""
    body = (f"本报讯（记者 张清）近日，市网信办提醒广大网民，网页中出现的{XSS_SCRIPT}以及{XSS_IMG}等字样，"
            "应当原样显示为文字而不执行。网信办工作人员表示，要切实提高网络安全意识。")
    return "\n".join(article("网页安全测试标题文字用于检验页面转义显示效果", body)
                     + article("另一篇普通的报道标题文字用于检验页面显示效果", "今年以来，我市乡村振兴工作稳步推进，农民收入持续增加。")) + "\n"


def synthetic_page(k: int) -> str:
    """A plain page for the calendar (several issues over two months)."""
    return "\n".join(article(f"要闻报道{'一二三四'[k - 1]}全市乡村振兴工作稳步推进取得实效",
                             "本报讯（记者 张清）近日，全市召开工作会议，研究部署乡村振兴重点任务。市长陈光浩出席会议。")
                     + article("城市建设提速增效群众生活品质不断提升成效明显", "今年以来，城市更新项目加快推进，群众生活品质不断提升。")) + "\n"


def make_pages(root: Path) -> Path:
    """``root/paper/date/pN.txt`` for every test issue; returns ``root``."""
    def put(paper: str, date: str, name: str, text: str | None = None, src: Path | None = None) -> Path:
        folder = root / paper / date
        folder.mkdir(parents=True, exist_ok=True)
        f = folder / name
        if src is not None:
            shutil.copy(src, f)
        else:
            f.write_text(text or "", encoding="utf-8")
        return f

    put("乐山日报", "2024-07-09", "p1.txt", src=EXAMPLE)
    put("乐山日报", "2024-07-09", "p2.txt", continuation_page())
    put("乐山日报", "2024-07-10", "p1.txt", statistics_page())
    put(XSS_PAPER, "2024-07-11", "p1.txt", xss_page())
    for k, date in enumerate(("2024-05-06", "2024-05-20", "2024-06-03", "2023-12-30"), 1):
        put("测试日报", date, "p1.txt", synthetic_page(k))
    return root


def make_pdf(path: Path, width: float = 300.0, height: float = 400.0) -> Path:
    """A one-page PDF (blank: pypdfium2 makes it, no fonts needed)."""
    import pypdfium2 as pdfium
    doc = pdfium.PdfDocument.new()
    doc.new_page(width, height)
    doc.save(str(path))
    doc.close()
    return path


def make_text_pdf(path: Path, text: str) -> Path:
    """A one-page PDF with a text layer (reportlab, the built-in STSong-Light CID font: nothing embedded).

    Headline lines (wider than the 16-character column) are set larger, as printed.
    """
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas
    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    c = canvas.Canvas(str(path), pagesize=(400, 600))
    y = 570.0
    for line in text.split("\n"):
        size = 16 if len(line) > 16 else 12
        c.setFont("STSong-Light", size)
        c.drawString(20, y, line)
        y -= size * 1.5
    c.save()
    return path
