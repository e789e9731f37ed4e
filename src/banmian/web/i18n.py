"""Interface labels in Chinese (the default) and English: a key -> the label for a language.

The reader's text is always the paper's own Chinese; only the labels around it
switch.  ``?lang=en`` (or ``zh``) picks a language and a cookie keeps it.

>>> label("zh", "people"), label("en", "people")
('人物', 'People')
>>> pick_lang("en", None), pick_lang(None, "en"), pick_lang("xx", None)
('en', 'en', 'zh')
"""
from __future__ import annotations

LANGS = ("zh", "en")
DEFAULT_LANG = "zh"

LABELS: dict[str, tuple[str, str]] = {
    "site": ("版面阅读器", "banmian reader"),
    "papers": ("报纸", "Papers"),
    "issues": ("期数", "Issues"),
    "issue": ("期", "Issue"),
    "pages": ("版面", "Pages"),
    "page": ("版", "Page"),
    "articles": ("文章", "Articles"),
    "article": ("文章", "Article"),
    "people": ("人物", "People"),
    "person": ("人物", "Person"),
    "statistics": ("统计数据", "Statistics"),
    "search": ("搜索", "Search"),
    "upload": ("上传版面", "Upload a page"),
    "first_date": ("最早", "First"),
    "last_date": ("最近", "Last"),
    "characters": ("字数", "Characters"),
    "skipped": ("未解析", "Skipped"),
    "kicker": ("引题", "Kicker"),
    "title": ("主题", "Title"),
    "subtitle": ("副题", "Subtitle"),
    "byline": ("署名", "Byline"),
    "reporters": ("记者", "Reporters"),
    "dateline": ("日期", "Dateline"),
    "paragraphs": ("正文", "Text"),
    "continued_from": ("上接第{n}版", "Continued from page {n}"),
    "continued_to": ("下转第{n}版", "Continued on page {n}"),
    "page_n": ("第{n}版", "Page {n}"),
    "part_on_page": ("接第{n}版", "Continued on page {n}"),
    "roles_guessed": ("题目层次为推测", "Headline roles guessed"),
    "no_title": ("（无标题）", "(no title)"),
    "facts": ("事实", "Facts"),
    "organizations": ("机构", "Organisations"),
    "places": ("地点", "Places"),
    "dates": ("日期", "Dates"),
    "targets": ("目标", "Targets"),
    "events": ("会议活动", "Events"),
    "audits": ("核对", "Audits"),
    "consistent": ("一致", "consistent"),
    "inconsistent": ("不一致", "inconsistent"),
    "not_checked": ("未核对", "not checked"),
    "computed": ("计算范围", "Computed range"),
    "reported": ("印刷值", "Printed"),
    "check": ("核对项", "Check"),
    "metric": ("指标", "Metric"),
    "breakdown": ("细分", "Breakdown"),
    "value": ("数值", "Value"),
    "unit": ("单位", "Unit"),
    "period": ("时期", "Period"),
    "yoy": ("同比", "YoY"),
    "share": ("占比", "Share"),
    "text": ("原文", "Text"),
    "name": ("姓名", "Name"),
    "titles": ("职务", "Titles"),
    "titles_seen": ("出现过的职务", "Titles seen"),
    "mentions": ("提及", "Mentions"),
    "timeline": ("按月分布", "Over time"),
    "source": ("原文", "Source"),
    "source_text": ("版面原文", "Page text as extracted"),
    "source_image": ("版面图像", "Page image"),
    "reconstructed": ("重建的文章", "Reconstructed articles"),
    "source_missing": ("原始文件不可用", "Source file not available"),
    "source_changed": ("原始文件在入库后已改变，行号可能不符", "The file changed since it was archived; lines may not match"),
    "furniture": ("版面元素", "Page furniture"),
    "unclaimed": ("未归入文章的行", "Lines in no article"),
    "select_hint": ("悬停或点击文章，左侧高亮其原文行；点击原文行选中所属文章。",
                    "Hover or click an article to highlight its source lines; click a line to select its article."),
    "query": ("关键词", "Query"),
    "results": ("共 {n} 篇", "{n} articles"),
    "no_results": ("没有找到", "Nothing found"),
    "from": ("起", "From"),
    "to": ("止", "To"),
    "all": ("全部", "All"),
    "year": ("年份", "Year"),
    "facets": ("筛选", "Refine"),
    "prev": ("上一页", "Previous"),
    "next": ("下一页", "Next"),
    "upload_help": ("上传一版的文本（pdftotext 导出的 .txt）；只在此重建显示，不存入档案。上限 {mb} MB。",
                    "Upload one page's text (a pdftotext .txt); it is reconstructed here and not stored. "
                    "Limit {mb} MB."),
    "file": ("文件", "File"),
    "paper_name": ("报名", "Paper"),
    "date": ("日期", "Date"),
    "submit": ("重建", "Reconstruct"),
    "uploaded": ("上传的版面", "Uploaded page"),
    "error": ("出错了", "Something went wrong"),
    "not_found": ("找不到", "Not found"),
    "back_home": ("返回首页", "Back to the start"),
    "api": ("接口", "API"),
    "weekdays": ("一二三四五六日", "MTWTFSS"),
    "month": ("{y}年{m}月", "{y}-{m:02d}"),
    "count_articles": ("{n} 篇", "{n} articles"),
    "count_issues": ("{n} 期", "{n} issues"),
    "count_people": ("共 {n} 人", "{n} people"),
    "count_rows": ("共 {n} 条", "{n} rows"),
    "filter": ("筛选", "Filter"),
    "name_filter": ("姓名", "Name"),
    "warnings": ("提示", "Warnings"),
    "empty_archive": ("档案中还没有报纸。用 `banmian ingest` 导入。", "The archive holds no paper yet: add some with `banmian ingest`."),
    "lang_other": ("English", "中文"),
}


def label(lang: str, key: str, **kw: object) -> str:
    """The label ``key`` in ``lang``, formatted with ``kw``; an unknown key shows as itself."""
    pair = LABELS.get(key)
    if pair is None:
        return key
    text = pair[1] if lang == "en" else pair[0]
    return text.format(**kw) if kw else text


def pick_lang(query: str | None, cookie: str | None) -> str:
    """The language asked for in the query string, else the cookie's, else Chinese."""
    for value in (query, cookie):
        if value in LANGS:
            return value
    return DEFAULT_LANG
