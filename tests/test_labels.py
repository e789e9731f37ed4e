"""Line labels that case files cannot pin down on their own: what one line is taken
for, where the article around it still goes wrong for other reasons; and the forms
of one kind of line (jump markers) side by side."""
from __future__ import annotations

import pytest

from banmian import parse_page
from banmian.readers import pages_from_text
from banmian.stages import furniture, layout, normalize, shapes

# A title set in a narrow block of its own above a dated news byline wrapped inside
# its date (an excerpt of a generated page).
NARROW_TITLE_THEN_WRAPPED_BYLINE = """\
联合国教科文
组织女童和妇
女教育奖颁奖
仪式在巴黎举
行
据新华社巴黎10月11
日电 （记者陈晨）10月
11日是国际女童日。联合
国教科文组织当天在位于法
国巴黎的总部举行第四届女
童和妇女教育奖颁奖仪式。
来自哥斯达黎加和西班牙的
两个项目获奖。
联合国教科文组织总干
事阿祖莱在仪式上致辞时说，
女童和妇女应享有同等的受
教育权利。5年来，国际社
会在支持和促进女童和妇女
教育事业发展方面取得了进
步，但仍有很长的道路要走。
阿祖莱说，中国政府在
促进教育公平方面作出了巨
大贡献，她向中国对教科文
组织女童和妇女教育奖提供
的支持表示衷心感谢。
"""


def _labels(text: str) -> dict[str, tuple[str, str]]:
    page = pages_from_text(text)[0]
    return {x.info.text: (x.label, x.why) for x in layout.label_lines(normalize.measure_lines(page))}


def _assert_labels(text: str, want: dict[str, str]) -> None:
    labels = _labels(text)
    assert {line: labels[line][0] for line in want} == want


def _roles(text: str, column_width: float = 16.0, breaks: frozenset[int] = frozenset()) -> dict[str, str]:
    """The headline roles :func:`assign_roles` gives the lines of ``text``, as strings."""
    from banmian.stages.headlines import assign_roles
    lines = layout.label_lines(normalize.measure_lines(pages_from_text(text)[0]))
    roles, _ = assign_roles(lines, column_width=column_width, breaks=breaks)
    return {r: "".join(x.info.text for x in v) for r, v in roles.items()}


def test_a_byline_wrapped_in_its_date_is_not_a_headline_line():
    # As wide as the narrow title block's measure before it and followed by a line of
    # a paragraph's first-line shape, it still opens the article: not a headline line.
    label, why = _labels(NARROW_TITLE_THEN_WRAPPED_BYLINE)["据新华社巴黎10月11"]
    assert (label, why) == ("body", "opens with a news-agency byline")


@pytest.mark.parametrize("marker, page", [
    ("（下转第2版）", 2), ("（转第3版）", 3), ("下转第二版", 2), ("（紧转第5版）", 5),
    ("（下转第4版▲）", 4), ("→下转第4版", 4), ("（下转02版）", 2), ("（下转A2版）", 2),
])
def test_jump_markers_as_papers_print_them(marker, page):
    text = ("全市春耕生产有序推进\n　　本报讯（记者 王五）近日，全市春耕生产\n全面展开，各地组织农技人员深入田间地头，\n"
            f"指导农民抓好春播工作，确保\n{marker}\n")
    issue = parse_page(text.encode("utf-8"))
    assert [a.continued_to for a in issue.articles] == [page]
    assert [f.kind for f in issue.furniture] == ["jump"]


@pytest.mark.parametrize("title", ["力挺“一国两制” 呼吁止暴制乱", "我为祖国自豪 我为祖国祝福", "读懂《资本论》 用好方法论"])
def test_a_title_of_two_phrases_may_close_a_quotation(title):
    """Two phrases set apart by a space are a display title, whether or not the first
    closes a quotation or a book title and the second opens one."""
    page = ("缅方始终支持一个中国政策，支持“一\n国两制”。新加坡内政部长指出，我们必\n"
            "须认清一个事实，那就是香港是中国的\n一部分。让我们着眼事实，而不是意识\n形态。\n"
            f"{title}\n近期，中国周边多国政府、政要公开\n表态，支持中国政府维护香港繁荣稳定\n"
            "的立场，反对任何外部势力干涉香港事\n务。\n")
    label, why = _labels(page)[title.replace(" ", "")]
    assert label == "head", why


def test_a_gap_before_a_closing_bracket_is_no_title():
    """A byline's gap inside its bracket ("（记者 张清）近日，") stays body text."""
    assert not shapes.two_phrases(normalize.measure_lines(pages_from_text("本报讯（记者 张清）近日，全市\n")[0])[0])


def test_a_clause_ending_as_the_headline_line_above_is_its_subtitle():
    """"李克强同…互致贺电" under "习近平同…互致贺电" says who else did the same: a headline line,
    however wide; a body line under a deck that happens to end alike is not."""
    page = ("中企员工坚守岗位，以实际行动讲好中国故\n事，赢得当地民众称赞，也让更多人了解\n中国。\n"
            "习近平同葡萄牙总统德索萨就\n中葡建交40周年互致贺电\n李克强同葡萄牙总理科斯塔互致贺电\n"
            "新华社北京2月8日电 国家主席\n习近平8日同葡萄牙总统德索萨互致贺\n电，庆祝两国建交40周年。习近平指出\n"
            "，中葡友好交往源远流长，两国关系发\n展顺利，各领域合作成果丰硕。\n")
    assert _labels(page)["李克强同葡萄牙总理科斯塔互致贺电"] == ("head", "ends as the headline line above")


def test_a_quoted_second_phrase_stays_on_its_title_line():
    """"“科幻之旅”青岛开启 “电影之都”看见未来": the gap is the title's word space, not a title
    beside a body line opening with a quotation (which runs on with a sentence's marks)."""
    page = ("再现了这一天文现象，吸引了众多观众\n前来观看。\n\n“科幻之旅”青岛开启 “电影之都”看见未来\n\n"
            "2019年春节档，《流浪地球》\n和《疯狂的外星人》两部科幻电影\n备受关注，票房成绩亮眼。\n")
    labels = _labels(page)
    assert labels["“科幻之旅”青岛开启“电影之都”看见未来"][0] == "head"


def test_a_full_first_line_ending_a_sentence_does_not_end_its_paragraph():
    """"父亲紧锁眉头舒展开了。" fills a first line (its indent dropped) to the end with a
    sentence's end: the full line after it runs on in the paragraph, no headline line."""
    page = ("价也压了，可还是没有人来买，\n麻袋上的旱烟就剩下了两把。\n父亲紧锁眉头舒展开了。\n"
            "他称了称麻袋上剩下的两把烟，\n对我说，这把烟要七毛七，少\n七毛五不卖，这把要六毛六，\n"
            "少六毛五不卖，我买过年用的\n东西正好。\n")
    assert _labels(page)["他称了称麻袋上剩下的两把烟，"][0] == "body"


def test_a_title_that_asks_wraps_onto_a_short_line():
    """"南方为何出现 / 连阴雨？": the asking mark ends the title's wrapped last line, which is
    no paragraph of the text under it."""
    page = ("多地遭遇极端天气，\n预计将持续到3月上\n旬\n南方为何出现\n连阴雨？\n\n南方阴雨天已持续多日。\n"
            "据中央气象台统计，去年12月\n以来，南方多地平均降水日数\n为1961年以来同期最多。气象\n"
            "预报显示，直到3 月上旬，这\n种罕见的阴雨天气仍将持续。\n")
    assert _labels(page)["连阴雨？"][0] == "head"
    article = parse_page(page.encode("utf-8")).articles[0]
    assert article.headline.title is not None and article.headline.title.value == "南方为何出现连阴雨？"


def test_a_line_inside_a_book_title_the_line_above_opened_is_text():
    """"…发布《外商投资准入特 / 别管 理 措 施 （ 负 面 清单 ）": a justified line ending in
    a bracket inside the book title the line above opened runs on, no title with its tag."""
    page = ("形成一大批可复制可推广的制\n度创新成果；到国家发改委、\n商务部发布《外商投资准入特\n"
            "别管 理 措 施 （ 负 面 清单 ）\n（2018年版）》，清单外所有\n市场主体“非禁即入”；再到\n"
            "各地对标国际一流，狠抓营商\n环境，一系列规则制度层面的\n")
    assert _labels(page)["别管理措施（负面清单）"][0] == "body"


def test_a_line_without_marks_between_blank_lines_is_a_headline_line():
    """"全市上半年新增城镇就业2.3万人" set on one line across the column, a blank line above and
    below and a paragraph's end before it: a headline line, however wide."""
    page = ("下一步，市人社局将继续开展\n“春风行动”等专项招聘活动，全年\n计划举办招聘会 120 场以上。\n\n"
            "全市上半年新增城镇就业2.3万人\n\n7 月3 日，全市中小学生暑期\n安全教育活动启动，活动将持续至\n8 月底。\n")
    assert _labels(page)["全市上半年新增城镇就业2.3万人"][0] == "head"


def test_words_as_wide_as_the_headline_line_above_are_its_next_line():
    """"赋权赋能脱贫攻坚 / 保障贫困人口尊严": two lines of words alone at one measure, both
    short of a first line, over the text: the second is the headline's, no paragraph."""
    page = ("心西南政法大学分中心暨西\n南政法大学人权研究院副院\n长、副教授）\n赋权赋能脱贫攻坚\n保障贫困人口尊严\n"
            "新中国成立 70 年来，\n伴随着我国社会主义建设和\n改革开放事业的推进，我国\n")
    assert _labels(page)["保障贫困人口尊严"][0] == "head"


@pytest.mark.parametrize("above, label", [
    ("全市今年新建公共充电桩1200个", "head"),  # a title, as wide as a first line
    ("本报成都11月20日电", "body"),  # a dateline runs into the lead
    ("为了解全市充电设施建设情况本报", "body"),  # "本报 / 记者从…": one sentence
    ("充电难是市民关心的问题，本报", "body"),  # with a sentence's marks
])
def test_an_open_line_above_a_news_lead(above, label):
    """A news lead ("记者从市发展改革委获悉，") opens a paragraph and nothing runs into it: an
    open line without marks above it is a headline line, unless it leads into the reporter."""
    page = ("景区提醒游客，雪天路滑，上山须\n做好防寒防滑准备。\n"
            f"{above}\n记者从市发展改革委获悉，今年以\n来，全市新建公共充电桩1200个，\n覆盖所有区县，方便市民出行。\n")
    assert _labels(page)[above][0] == label


def test_the_attribution_under_an_epigraph_is_a_paragraph_of_its_own():
    """"——金铁铃" under a quotation set as an epigraph says who said it: text, a paragraph of
    its own, no headline line between two bodies."""
    page = ("“心里有热爱，更重要的\n是身上有责任，只有不断观察\n鲜花，才能做好。”\n——金铁铃\n"
            "世上可有永不凋谢的花儿？\n若有，北京绢花算一种。走进花\n市社区博物馆，可以看到不少\n金铁铃的经典绢花作品。\n")
    labels = _labels(page)
    assert labels["——金铁铃"][0] == "body"
    article = parse_page(page.encode("utf-8")).articles[0]
    assert [p.text.value for p in article.paragraphs][1] == "——金铁铃"


def test_a_title_tagged_with_a_reporters_notes_set_apart_by_blank_lines():
    """"（记者手记）" reads as a source note closing a sentence, but a line ending in it set
    apart by blank lines, a paragraph's end above, is a title in display type."""
    page = ("唯如此，才能让科研更有生命力，\n才能给经济的腾飞插上科技的翅膀，才\n能在时代洪流中书写属于自己的精彩人\n生。\n\n"
            "让科研更有“生命力”（记者手记）\n\n□本报记者 吴秋余\n国家税务总局12366北京纳税服务\n中心近日发布提示。\n")
    assert _labels(page)["让科研更有“生命力”（记者手记）"][0] == "head"


def test_a_deck_above_a_news_lead_is_a_headline_line():
    """A deck's dash is no sentence's mark: "——个人缴费标准为每人每年400元" over a news lead
    ends no paragraph, it is the headline's, and so is the title line above it."""
    page = ("市医疗保障局相关负责人提醒，医保\n部门不会通过电话要求转账。\n医保缴费进行时\n"
            "2025年度城乡居民医保集中缴费启动\n——个人缴费标准为每人每年400元\n"
            "记者从市医疗保障局获悉，2025年度\n城乡居民基本医疗保险集中缴费工作已经\n启动，集中缴费期截至2025年2月28日。\n")
    _assert_labels(page, {"——个人缴费标准为每人每年400元": "head", "2025年度城乡居民医保集中缴费启动": "head"})


def test_the_papers_name_broken_beside_its_capitals_is_the_masthead():
    """An extractor may read a masthead's large glyphs apart ("人民日" / "RENMIN RIBAO" / "报"):
    short pieces set right against the paper's name in capitals are the masthead, not the
    last article's headline (across a blank line, "这一跪" under it is a title's)."""
    page = ("交警部门提醒：喝酒不开车，开车不\n喝酒。\n人民日\nRENMIN RIBAO\n报\n2024年12月5日 星期四\n")
    kinds = {f.text.value: f.kind for f in parse_page(page.encode("utf-8")).furniture}
    assert kinds.get("人民日") == kinds.get("报") == "masthead"


def test_a_short_line_across_a_blank_line_from_the_capitals_stays_text():
    # (the masthead mid-page, where an extractor put its block between two articles)
    body = ["他说，这一跪跪出了百姓的心声。"] * 8
    texts = body + ["RENMIN RIBAO", "这一跪", "胜千金"] + body
    kinds = [None] * 8 + ["masthead"] + [None] * 10
    blank = [False] * 9 + [True] + [False] * 9
    assert furniture.furniture_clusters(texts, kinds, blank=blank)[9] is None
    blank[9] = False  # set right against it, it is a piece of the name
    assert furniture.furniture_clusters(texts, kinds, blank=blank)[9] == "masthead"


def test_a_percentage_over_a_line_opening_with_a_figure_ends_a_headline():
    """"…同比增长18%" / "7月1日，…": no sentence runs from a percentage into a figure without
    a mark between them, so the open line is the headline's, however wide; a data callout
    ("53%") over a figure stays a paragraph of its own."""
    page = ("暑期旅游持续升温\n乐山大佛景区暑期接待游客同比增长18%\n7月1日，乐山大佛景区迎来暑期客流高\n"
            "峰，当日接待游客3.6万人次。\n据统计，6月以来，景区累计接待游客\n52万人次，同比增长18%。\n")
    assert _labels(page)["乐山大佛景区暑期接待游客同比增长18%"][0] == "head"
    callout = ("——\n53%\n2018年重庆市化解信访积案\n1200余件，群众满意度明显提\n升，信访总量持续下降。\n")
    assert _labels(callout)["53%"] == ("body", layout.FIGURE_WHY)


@pytest.mark.parametrize("bracket, tag", [("（义乌—列日）", False), ("（2018—2022年）", False), ("（大江大河·黄河）", True)])
def test_a_route_or_span_in_brackets_is_no_column_tag(bracket, tag):
    # a bracket parting two names or years by one dash is the text's own; a series tag
    # parts its names by a middle dot or two dashes
    from banmian.stages.shapes import COLUMN_TAG, RUNNING_BRACKET
    assert (COLUMN_TAG.search(bracket) is not None and RUNNING_BRACKET.search(bracket) is None) is tag
    page = ("中欧班列，为跨境电商插上翅膀\n中欧班列" + bracket + "\n“世界电子贸易平台”菜鸟号\n"
            "首趟列车日前抵达目的地比利\n时。这是首个贯通中欧的跨境\n电商专列，运行时间大大缩短\n。\n")
    assert (_labels(page)["中欧班列" + bracket][0] == "head") is tag


def test_a_writers_name_over_the_closing_note_is_the_letters_text():
    # a letter signed with the writer's name alone, then the note saying who they are, then
    # the next article's title: the name and the note are the letter's, neither a headline
    text = ("孩子们，你们要好好学习，作为父亲，我为\n你们点赞；作为孩子，你们也会为我们骄\n傲。\n"
            "爸爸在这边一切安好，勿念。\n冯学伟\n（作者为中国驻法国大使馆一秘）\n守正创新 弦歌不辍（办好思政课）\n"
            "复旦大学新闻学院把课程思政融入教学\n全过程，让学生在专业学习中坚定理想\n信念，成效明显。\n")
    _assert_labels(text, {"冯学伟": "body", "（作者为中国驻法国大使馆一秘）": "body", "守正创新弦歌不辍（办好思政课）": "head"})


def test_a_documents_signing_date_near_the_page_foot_is_its_text():
    # "特此公告。" / issuer / date: the date the notice was signed, not the running head's,
    # however near the page's foot it stands
    text = ("全国人民代表大会常务委员会公告\n第十三届全国人民代表大会常务委员会\n第九次会议决定，免去某某的职务。\n"
            "特此公告。\n全国人民代表大会常务委员会\n2019年2月27日\n")
    page = pages_from_text(text)[0]
    infos = normalize.measure_lines(page)
    assert [x.furniture for x in infos if x.text == "2019年2月27日"] == [None]
    running = "2019年2月27日\n星期三\n本报讯 近日，全市开展安全检查。\n"
    assert normalize.measure_lines(pages_from_text(running)[0])[0].furniture == "page_label"


@pytest.mark.parametrize("callout", ["826门", "24个", "3.5万名", "12条"])
def test_a_figure_with_its_measure_word_is_a_data_callout(callout):
    # a callout counts courses, items, people… in whatever measure word fits: never a title
    page = (callout + "\n2018年全军启动826门军事职业\n教育重点课程建设任务，覆盖全部\n专业领域。\n")
    assert _labels(page)[callout] == ("body", layout.FIGURE_WHY)


def test_one_ideograph_alone_on_a_line_is_no_headline_field():
    # A column break's blank line parted a title's last character from it ("中国游客提供便 /
    # (blank) / 利"), and blank lines part fields on the page: the character is still the
    # wrap's tail, not a subtitle of its own.
    from banmian.stages.headlines import split_fields
    page = pages_from_text("俄罗斯国立历史博物\n馆\n完备设施服务为\n中国游客提供便\n\n利\n")[0]
    lines = layout.label_lines(normalize.measure_lines(page))
    fields = split_fields(lines, breaks=frozenset({3}))
    assert ["".join(x.info.text for x in f) for f in fields] == ["俄罗斯国立历史博物馆", "完备设施服务为中国游客提供便利"]


def test_a_quotation_left_open_before_a_bracket_is_no_title_with_its_tag():
    # A title's column tag stands outside its quotation: a line opening a quotation it
    # does not close, ending on a bracket, runs on into the next line.
    text = ("《条例》对机构编制工作的动议、论证、审议决定、组织实施四个\n关键环节进行了具体规范。\n\n"
            "“做好机构编制工作是各级党委（党组）\n的政治责任。实践中，还缺少一套党委（党组）\n"
            "抓机构编制工作的具体制度安排。”专家分\n析说，《条例》把机构编制工作的基本程序分\n成四个关键环节。\n")
    assert _labels(text)["“做好机构编制工作是各级党委（党组）"][0] == "body"


@pytest.mark.parametrize("text, want", [
    ("十指春风\n\n一绣千年\n", ["十指春风一绣千年"]),
    ("弘扬爱国精神\n\n汇聚奋进力量（逐梦70年）\n", ["弘扬爱国精神汇聚奋进力量（逐梦70年）"]),
    # a kicker that leads into its title is no half: the blank line still parts them
    ("郭声琨强调\n\n坚持深挖整治\n", ["郭声琨强调", "坚持深挖整治"]),
])
def test_a_blank_line_does_not_part_a_couplet_titles_halves(text, want):
    # Where blank lines part a headline's fields (plain pdftotext's blocks), two short
    # phrases as long as each other, one over the other, are still one title: the dev
    # corpus has 357 titles of two such phrases, 4 kicker + title pairs of them.
    from banmian.stages.headlines import split_fields
    page = pages_from_text(text)[0]
    lines = layout.label_lines(normalize.measure_lines(page))
    fields = split_fields(lines, breaks=frozenset({0}))
    assert ["".join(x.info.text for x in f) for f in fields] == want


@pytest.mark.parametrize("line, byline", [
    ("　　记者了解到，现如今沈", False),  # what the reporter learnt, in running text
    ("　　记者从市交通局获悉，", False),
    ("■ 记者 倪珉", True),
    ("本报记者 张三、李四", True),
])
def test_a_reporter_at_work_in_the_text_is_no_byline(line, byline):
    text = ("　　沈阳站推出了动车组列\n车地方特产预订服务，解决\n了旅客带特产回家的难题。\n"
            f"{line}\n阳站的互联网订餐服务越来\n越朝着多元化方向升级，旅\n客在手机上就能下单订餐。\n")
    labels = _labels(text)
    assert (labels["".join(line.split()).strip("　")][0] == "byline") == byline


def test_a_lead_of_a_paragraphs_shape_without_its_full_stop_is_text():
    # A commentary's lead set in the column without its full stop: a first line an indent
    # short of the measure, the next full, then a short one; no headline wraps so.
    text = ("基层治理水平高低在很\n大程度上决定着群众的获得\n感和幸福感\n"
            "　　治理效果最容易转化为\n群众获得感。简政放权深入\n推进，创新创业浪潮风生水\n"
            "起；流程不断优化，人们到\n窗口办事越来越简单。\n")
    _assert_labels(text, {"基层治理水平高低在很": "body", "大程度上决定着群众的获得": "body"})


def test_an_open_deck_between_a_title_and_a_news_byline_is_the_subtitle():
    # Lines between a headline line and the agency byline that opens the text are the
    # headline's deck however they are punctuated: no paragraph stands before the byline.
    from banmian.stages.headlines import assign_roles
    text = ("李克强主持召开国\n务院常务会议\n听取今年减税降费政策实施汇\n报，要求确保为企业减负担为\n"
            "发展增动能；部署以更优营商\n环境进一步做好利用外资工作\n新华社北京10月16日电 国务\n"
            "院总理李克强10月16日主持召开国\n务院常务会议，听取今年减税降费政\n策实施汇报，要求确保为企业减负担、\n"
            "为发展增动能；部署以更优营商环境\n进一步做好利用外资工作。\n会议指出，按照党中央、国务院\n"
            "部署，今年以来各地、各有关部门狠\n抓减税降费政策落实，前8个月全国\n累计新增减税降费超过一万亿元，\n"
            "有力促进了经济平稳运行和结构优化。\n")
    lines = layout.label_lines(normalize.measure_lines(pages_from_text(text)[0]))
    head = [x for x in lines if x.label == "head"]
    assert [x.info.text for x in head][2:] == ["听取今年减税降费政策实施汇", "报，要求确保为企业减负担为",
                                               "发展增动能；部署以更优营商", "环境进一步做好利用外资工作"]
    roles, _ = assign_roles(head, column_width=16.0)
    assert "".join(x.info.text for x in roles["title"]) == "李克强主持召开国务院常务会议"
    assert "".join(x.info.text for x in roles["subtitle"]).startswith("听取今年减税降费政策实施汇报")


@pytest.mark.parametrize("title, subtitle", [
    # two clauses ending alike: the second says who else did the same (6 of 6 in the corpus)
    ("习近平同葡萄牙总统就中葡建交40周年互致贺电", "李克强同葡萄牙总理科斯塔互致贺电"),
    # a meeting named at the end of the first: the title (15 of 15 such pairs)
    ("栗战书主持召开第二十四次委员长会议", "决定十三届全国人大常委会第九次会议2月26日至27日举行"),
    # the second opening on what the first's subject did there (5 of 5 such pairs)
    ("王明出席2019年城市能源发展论坛", "宣读贺信并发表主旨演讲"),
    ("市长抵达友好城市", "开始对当地进行工作访问"),
    # a headline's full first field over a longer one of clauses (20 of 20 such pairs)
    ("少数民族文学创作欣欣向荣硕果累累", "每个民族均有代表性作家，形成一支多民族多语种多门类队伍"),
    # a statement over the figures of a period (9 of 9 such pairs)
    ("互联网业务收入规模不断扩大", "1—8月收入增20.9%"),
    # a second field opening on the day it tells of (3 of 3)
    ("香港特区政府订立《禁止蒙面规例》", "5日起开始生效"),
    # ... or on the total it comes to
    ("北京再取消21项创业办事证明", "累计精简比例达81%"),
])
def test_two_fields_read_as_title_and_subtitle(title, subtitle):
    assert _roles(f"{title}\n{subtitle}\n") == {"title": title, "subtitle": subtitle}


@pytest.mark.parametrize("text, want", [
    # a short phrase over a tagged one not much longer: one title broken at its space
    ("坚决惩腐\n巩固发展压倒性胜利（解读中央纪委三次全会精神④）\n", ["坚决惩腐巩固发展压倒性胜利（解读中央纪委三次全会精神④）"]),
    # ... but far longer, a kicker over its title
    ("检察机关\n为生态文明建设提供有力司法保障（权威发布）\n", ["检察机关", "为生态文明建设提供有力司法保障（权威发布）"]),
    # ... and under a kicker too, with a series tag as long as the corpus prints them (31-40)
    ("内蒙古乌兰察布破解农村牧区养老问题\n共建幸福院\n舒心享晚年（在习近平新时代中国特色社会主义思想指引下——新时代新作为新篇章）\n",
     ["内蒙古乌兰察布破解农村牧区养老问题", "共建幸福院舒心享晚年（在习近平新时代中国特色社会主义思想指引下——新时代新作为新篇章）"]),
    # ... its tag read on while its bracket stays open
    ("这个新岗位\n挺有前景（经\n济新方位·六稳\n怎么干①）\n", ["这个新岗位挺有前景（经济新方位·六稳怎么干①）"]),
    # ... but not a balanced wrap's tail over the next article's tagged title
    ("巴基斯坦总统阿尔\n维会见高云龙\n推动中阿关系深入发展（大使随笔）\n",
     ["巴基斯坦总统阿尔维会见高云龙", "推动中阿关系深入发展（大使随笔）"]),
    # ... and a tag wrapped over lines ends its title: what follows is another field
    ("第一部现代汉语规\n范字典（新中国的\n“第一”·文化篇）\n绿色星星\n", ["第一部现代汉语规范字典（新中国的“第一”·文化篇）", "绿色星星"]),
    # an event that took place over who came to it: title and subtitle, not one title wrapped
    ("第十届茅盾文学奖颁奖典礼举行\n黄坤明出席并会见获奖作家\n", ["第十届茅盾文学奖颁奖典礼举行", "黄坤明出席并会见获奖作家"]),
    # a title's line may end on the verb whose object the next line gives
    ("韩正会见沙特王储穆罕默德并共同主持\n中沙高级别联合委员会第三次会议\n",
     ["韩正会见沙特王储穆罕默德并共同主持中沙高级别联合委员会第三次会议"]),
    # a bare figure is no field: a title's year set apart
    ("2019\n\n天文美景陆续登场\n", ["2019天文美景陆续登场"]),
    # ... nor a deck's last words, wrapped at the full measure
    ("——产生的银离子含量远低于世卫组织标准和我国生活饮用水卫生\n标准增雪只能对当地的云产生作用，不会对下游地区云层降雪量产\n生影响\n江山如画（逐\n梦70年）\n",
     ["——产生的银离子含量远低于世卫组织标准和我国生活饮用水卫生标准增雪只能对当地的云产生作用，不会对下游地区云层降雪量产生影响",
      "江山如画（逐梦70年）"]),
])
def test_headline_lines_grouped_into_fields(text, want):
    # In the dev corpus 135 titles are two such phrases parted by a space, 5 kicker + title pairs.
    from banmian.stages.headlines import split_fields
    lines = layout.label_lines(normalize.measure_lines(pages_from_text(text)[0]))
    assert ["".join(x.info.text for x in f) for f in split_fields(lines)] == want


@pytest.mark.parametrize("kicker, title", [
    ("刘明在市发展改革委调研时强调", ["立足全局抓落实", "推动经济社会发展实现良好开局"]),
    ("基站率先布局，研发持续推进——", ["湖北下好", "“5G+”先手棋"]),
    # the person the story is about, named by craft or post (10 of 10 such fields)
    ("北京绢花传承人金铁铃", ["做朵不凋谢的“花儿金”"]),
])
def test_after_a_lead_in_kicker_the_rest_is_the_title(kicker, title):
    # In the dev corpus none of 305 headlines with such a kicker has a subtitle, bar the
    # five who-else-came lines ("韩正出席") that read as subtitles by themselves.
    assert _roles("\n".join([kicker, *title]) + "\n") == {"kicker": kicker, "title": "".join(title)}


def test_a_couplet_line_opens_its_field():
    # two phrases as long as each other parted by a word space are a title set whole; a
    # wrapped title's middle line under a line with a space of its own is no couplet
    from banmian.stages.headlines import split_fields
    lines = layout.label_lines(normalize.measure_lines(pages_from_text("内蒙古阿尔山推进棚改发展旅游业\n改造“小棚户” 创造“大幸福”\n")[0]))
    assert ["".join(x.info.text for x in f) for f in split_fields(lines)] == ["内蒙古阿尔山推进棚改发展旅游业", "改造“小棚户”创造“大幸福”"]
    lines = layout.label_lines(normalize.measure_lines(pages_from_text("树牢底线思维 弘扬\n斗争精神 全力维护\n国家政治安全\n")[0]))
    assert len(split_fields(lines)) == 1
    # ... a couplet with its column tag after it, the tag wrapped onto the next line
    lines = layout.label_lines(normalize.measure_lines(pages_from_text("第一条跨海隧道\n海底蛟龙 横亘碧波（新中国的“第一”·交通\n篇）\n")[0]))
    assert ["".join(x.info.text for x in f) for f in split_fields(lines)] == ["第一条跨海隧道", "海底蛟龙横亘碧波（新中国的“第一”·交通篇）"]


@pytest.mark.parametrize("text, want", [
    # a long column tag on its own line stays with its title (211 such tags in the corpus)
    ("向群众身边不正之风和腐败问题亮剑\n（解读中央纪委三次全会精神⑥）\n",
     {"title": "向群众身边不正之风和腐败问题亮剑（解读中央纪委三次全会精神⑥）"}),
    # ... a bracket with a date is a subtitle (all 12 bracketed subtitles of the corpus)
    ("全国人民代表大会常务委员会关于修改部分法律的决定\n（2019年10月26日第十三届全国人民代表大会常务委员会第十四次会议通过）\n",
     {"title": "全国人民代表大会常务委员会关于修改部分法律的决定",
      "subtitle": "（2019年10月26日第十三届全国人民代表大会常务委员会第十四次会议通过）"}),
])
def test_a_long_bracket_is_a_subtitle_only_with_a_date(text, want):
    assert _roles(text) == want


@pytest.mark.parametrize("heads, want", [
    # a word alone on one block's first line, before a space on the other's: a series' name
    (["新春走基层\n春节住新房\n", "新春走基层 人和家顺事事兴\n过节就在岗位上\n"], {("新春走基层",)}),
    # a kicker wrapped alike over two titles: its lines
    (["金色的秋天丰收的\n季节（美丽中国）\n稻梦空间\n", "金色的秋天丰收的\n季节（美丽中国）\n柑橘之乡\n"],
     {("金色的秋天丰收的", "季节（美丽中国）")}),
    # the same words set apart in neither: a kicker wrapped in two ways, no series' name
    (["金色的秋天 丰收的\n季节（美丽中国）\n", "金色的秋天 丰收的季\n节（美丽中国）\n"], set()),
    # two titles opening on one word run on: none
    (["习近平会见\n美国客人\n", "习近平同\n法国总统通电话\n"], set()),
])
def test_series_names_of_a_page(heads, want):
    from banmian.stages.headlines import series_names
    blocks = [layout.label_lines(normalize.measure_lines(pages_from_text(h)[0])) for h in heads]
    assert series_names(blocks) == want


def test_a_title_opening_on_a_post_is_no_kicker():
    from banmian.stages.headlines import KICKER_END
    assert KICKER_END.search("河北阳原县大田洼村第一书记赵云旺") and not KICKER_END.search("第一书记卖山货")


def test_a_briefing_on_the_news_is_the_subtitle():
    # "…举行中外媒体吹风会介绍有关情况" under the news it briefs on (4 of 4 in the corpus)
    assert _roles("习近平主席将出席第二届中国\n国际进口博览会\n商务部举行中外媒体吹风\n会介绍相关情况\n",
                  column_width=13.0) == {"title": "习近平主席将出席第二届中国国际进口博览会",
                                         "subtitle": "商务部举行中外媒体吹风会介绍相关情况"}


def test_who_else_came_to_a_meeting_is_the_subtitle():
    # "…参加会见", "…出席闭幕式", "…出席会议": 7 of 7 such fields of the corpus are subtitles,
    # so the title wrapped above it keeps both its lines
    assert _roles("李克强会见2019年度中国政\n府友谊奖获奖外国专家\n韩正参加会见\n", column_width=13.0) == {
        "title": "李克强会见2019年度中国政府友谊奖获奖外国专家", "subtitle": "韩正参加会见"}


@pytest.mark.parametrize("text, want", [
    # three fields without a cue: the last is the title, the ones before its kicker (a
    # kicker + title + subtitle is 22 headlines of the corpus's 3,898)
    ("新春走基层\n\n人和家顺事事兴\n\n阿妹戚托小镇的新生活\n",
     {"kicker": "新春走基层人和家顺事事兴", "title": "阿妹戚托小镇的新生活"}),
    # ... unless the last reads as no title (a caption)
    ("厦门湖里区机动式考察干部\n\n全程跟进关注更重一线作为\n\n图为2月18日，四川成都医护人员在生产线上作业。\n",
     {"kicker": "厦门湖里区机动式考察干部", "title": "全程跟进关注更重一线作为",
      "subtitle": "图为2月18日，四川成都医护人员在生产线上作业。"}),
])
def test_three_fields_without_a_cue(text, want):
    assert _roles(text, breaks=frozenset({0, 1})) == want


def test_the_serial_codes_label_alone_mid_page_is_masthead():
    """Plain pdftotext may set the masthead's lines inside a headline block far from the
    page's edge: "国内统一连续出版物号" alone on a line is the serial code's label, as
    "CN 11-0065" and "第25076期" are masthead wherever they stand."""
    body = "他说，这一跪跪出了百姓的心声，也跪出了干部的担当。\n" * 8
    page = body + "新春走基层\n\n国内统一连续出版物号\n\nCN 11-0065\n第25076期\n\n人和家顺事事兴\n\n阿妹戚托小镇的新生活\n" + body
    kinds = {f.text.value: f.kind for f in parse_page(page.encode("utf-8")).furniture}
    assert kinds.get("国内统一连续出版物号") == kinds.get("CN 11-0065") == "masthead"


def test_a_section_name_beside_a_bare_page_label_mid_page_is_furniture():
    # plain pdftotext may set a running head mid-page, its page label and section name
    # apart ("第十六版" / "国际"); a page label in Chinese numerals needs its 第
    body = ["他说，这一跪跪出了百姓的心声。"] * 8
    texts = body + ["第十六版", "国际", "迈向没有贫困的未来（钟声）"] + body
    kinds = [None] * 8 + ["page_label", None, None] + [None] * 8
    out = furniture.furniture_clusters(texts, kinds, blank=[False] * len(texts))
    assert out[9] == "page_label" and out[10] is None
    assert furniture.FURNITURE_RES[1][1].search("第十六版国际") and not furniture.FURNITURE_RES[1][1].search("十六版")


def test_a_quoted_title_over_its_column_tag_alone():
    """A title that quotes someone, its column tag wrapped onto a line of its own, is a
    headline line however it ends; a quotation in the text over a jump marker is not."""
    # (a column as narrow as the quotation: it is no short line there)
    body = "爱国、敬业、助人、奉献\n——这是同事对他的普\n遍评价。皮肤黝黑，饱经\n风雨洗礼；双眼有神，尽\n显明达干练。\n"
    _assert_labels(body + "\n“科技顶天，市场立地”\n（最美奋斗者）\n\n" + body,
                   {"“科技顶天，市场立地”": "head", "（最美奋斗者）": "head"})
    _assert_labels(body + "“一定要满足需求！”\n\n（上接第一版）\n" + body,
                   {"“一定要满足需求！”": "body"})


def test_a_reporters_notes_title_under_another_headline_line():
    """"…（记者手记）" reads as a source note closing a sentence; set under another
    article's headline line and over a blank line, it is a title of its own."""
    body = "科学研究为了什么？龚晓南用\n自己的实践给出答案——国家的\n需要就是我们的研究方向。\n"
    _assert_labels(body + "\n江山如画（逐梦70年）\n让科研更有“生命力”（记者手记）\n\n" + body,
                   {"江山如画（逐梦70年）": "head", "让科研更有“生命力”（记者手记）": "head"})


def test_a_standing_title_is_a_field_of_its_own():
    # "图片报道" heads a photo story alone (101 of 101 in the dev corpus): the lines under
    # it are another article's headline
    from banmian.stages.headlines import split_fields
    lines = layout.label_lines(normalize.measure_lines(pages_from_text("图片报道\n乡村振兴\n人才是关键（今日谈）\n")[0]))
    assert ["".join(x.info.text for x in f) for f in split_fields(lines)] == ["图片报道", "乡村振兴人才是关键（今日谈）"]


@pytest.mark.parametrize("text, want", [
    # the occasion without a subject is a kicker (all 9 such fields of the dev corpus)
    ("就中几建交60周年\n习近平同几内亚总\n统孔戴互致贺电\n",
     {"kicker": "就中几建交60周年", "title": "习近平同几内亚总统孔戴互致贺电"}),
    # ... and under it, a last field ending as the one before says who else did the same
    ("就中俄建交70周年\n习近平同俄罗斯总\n统普京互致贺电\n李克强同俄罗斯总理梅德韦杰夫互致贺电\n",
     {"kicker": "就中俄建交70周年", "title": "习近平同俄罗斯总统普京互致贺电",
      "subtitle": "李克强同俄罗斯总理梅德韦杰夫互致贺电"}),
])
def test_an_occasion_kicker(text, want):
    assert _roles(text) == want


def test_a_box_label_under_the_masthead_is_the_articles():
    # a label that heads a box inside an article ("人物小传" over a portrait's lead) is the
    # article's text even right under the masthead; a short line there is a section name
    body = ["雷忠义，第三届国医大师。"] * 8
    for label, want in (("人物小传", None), ("要闻", "other")):
        texts = ["人民日报", "代号1-1", label] + body
        kinds = ["masthead", "masthead", None] + [None] * 8
        assert furniture.furniture_clusters(texts, kinds)[2] == want


@pytest.mark.parametrize("label", ["背景故事", "亲历者说", "知识链接", "人物小传"])
def test_a_box_label_opens_a_section_of_the_article(label):
    # labels of boxes inside articles, as the dev corpus prints them (亲历者说 26 times,
    # 参观贴士 18, 知识链接 11, …): a section's heading, never a title
    body = "中国北极黄河站，位于挪威斯匹\n次卑尔根群岛的新奥尔松，是中\n国建立的首个北极科考站。\n"
    assert _labels(body + label + "\n" + body)[label][0] == "heading"


def test_a_wrapped_kickers_dash_tail_and_a_wrapped_column_tag():
    """A kicker leading into its title wraps its dash onto a short line of its own; a title's
    column tag wraps too, and still marks the title among the fields."""
    body = "内容提要：信仰、信念、\n信心，任何时候都至关重要，\n是指引和支撑中国人民站起\n来、富起来、强起来的强大\n精神力量。\n"
    text = ("始终坚定信仰信念信心（深入学习贯彻习\n近平新时代中国特色社会主义思想）\n\n"
            "自家院坝改造成舞台，没成想吸引了十里八乡的乡亲，四川省丹\n棱县——\n\n")
    assert _labels(text + body)["棱县——"][0] == "head"
    assert _roles(text)["title"] == "始终坚定信仰信念信心（深入学习贯彻习近平新时代中国特色社会主义思想）"


def test_a_date_and_its_weekday_apart_mid_page_are_furniture():
    # plain pdftotext may set the running head's date apart from its weekday, mid-page; a
    # letter's closing date alone stays text
    body = ["他说，这一跪跪出了百姓的心声。"] * 8
    texts = body + ["2019年2月12日", "星期二"] + body
    out = furniture.furniture_clusters(texts, [None] * len(texts))
    assert out[8] == out[9] == "date"
    texts = body + ["2019年2月12日"] + body
    assert furniture.furniture_clusters(texts, [None] * len(texts))[8] is None


def test_a_dash_subtitle_wrapped_is_one_field():
    # a dash is set full (two ems for "——"), never squeezed: the subtitle's first line
    # is as wide as the rest of its lines
    from banmian.stages.headlines import split_fields
    text = ("管辖的决定\n——（2019年10月26\n日第十三届全国人民代\n表大会常务委员会第十\n四次会议通过）\n")
    lines = layout.label_lines(normalize.measure_lines(pages_from_text(text)[0]))
    assert ["".join(x.info.text for x in f) for f in split_fields(lines)] == [
        "管辖的决定", "——（2019年10月26日第十三届全国人民代表大会常务委员会第十四次会议通过）"]


def test_a_closing_note_holding_a_bracket_of_its_own_closes_on_its_last_line():
    # "（作者为中共中央党校（国家行政学 / 院）…副主任、教 / 授）": the note stays open past
    # the inner bracket's close, and its last line ends the article's text, no headline
    body = "和文化品牌，不断实现内涵挖掘与表\n达创新的双向突破，创造具有强大影\n响力和广泛传播力的中国文化产品和\n文化品牌。\n"
    note = "（作者为中共中央党校（国家行政学\n院）文化政策与管理研究中心副主任、教\n授）\n"
    assert _labels(body + note + body)["授）"][0] == "body"


def test_a_section_name_alone_mid_page_is_the_running_heads():
    # plain pdftotext may set a running head's section name between two articles, apart
    # from its page label; a page with no running head found keeps it
    body = ["他说，这一跪跪出了百姓的心声。"] * 8
    texts = ["第五版"] + body + ["经济", "推动全民道德素质和社会文明程度达到新高度"] + body
    blank = [False] * len(texts)
    blank[9] = blank[10] = True
    kinds = ["page_label"] + [None] * (len(texts) - 1)
    assert furniture.furniture_clusters(texts, kinds, blank=blank)[9] == "page_label"
    assert furniture.furniture_clusters(texts, [None] * len(texts), blank=blank)[9] is None


@pytest.mark.parametrize("text, want", [
    # a title naming its subject before a colon runs on past its first line (69 titles of
    # the corpus open so, no kicker)
    ("张家口：天蓝地绿水清\n建设“首都两区”风景这边独好\n", ["张家口：天蓝地绿水清建设“首都两区”风景这边独好"]),
    # ... but "地点：…" labels a piece of a compilation, over its title
    ("地点：村养牛场\n春节长假后的第一个工作日\n", ["地点：村养牛场", "春节长假后的第一个工作日"]),
])
def test_a_title_naming_its_subject_before_a_colon(text, want):
    from banmian.stages.headlines import split_fields
    lines = layout.label_lines(normalize.measure_lines(pages_from_text(text)[0]))
    assert ["".join(x.info.text for x in f) for f in split_fields(lines)] == want


@pytest.mark.parametrize("line, pieces", [
    ("的立身之本 ——舞剧《醒·狮》的启示", ["的立身之本", "——舞剧《醒·狮》的启示"]),
    # a title may hold a comma, no sentence's end
    ("消费升级，以蓬勃内需推动长期增长（人民时评） ——中国经济的信心从何而来④",
     ["消费升级，以蓬勃内需推动长期增长（人民时评）", "——中国经济的信心从何而来④"]),
    # a sentence's dash runs on in its text
    ("他说。 ——这是我们的责任", ["他说。——这是我们的责任"]),
])
def test_a_title_and_its_deck_on_one_baseline_are_cut_apart(line, pieces):
    # PDFium joins a title's last line and the deck beside it on one baseline
    page = pages_from_text(line + "\n")[0]
    assert [x.text for x in normalize.measure_lines(page)] == pieces


@pytest.mark.parametrize("before, heading, body", [
    # ending as full as its column, over a run-in paragraph's first line (an indent short)
    (["分1万余人，移送司法机关", "1899人。"],
     ["（八）加强纪检监察机", "关党的政治建设，以过硬作", "风和本领扎实推动各项工作"],
     ["加强思想政治建设。旗", "帜鲜明讲政治，带头维护以", "党中央权威。"]),
    # ... its last line as wide as a paragraph's first, the next paragraph's start under it
    (["作的吸引力、感染力、说服力。"],
     ["（二）深化纪检监察体制改", "革，推动构建党统一指挥、全面", "覆盖、权威高效的监督体系"],
     ["建立国家监察体系总体框架。", "一体推进党的纪律检查体制改革、", "国家监察体制改革和纪检监察机"]),
    # broken after a comma, its second line short
    (["数据管理平台，推进巡视巡察信息化", "建设。"],
     ["（四）巩固拓展作风建设成果，", "坚定不移纠“四风”、树新风"],
     ["持之以恒落实中央八项规定精神。", "按照中央八项规定实施细则要求，把", "日常检查和集中督查结合起来。"]),
])
def test_a_numbered_heading_wrapped_over_lines(before, heading, body):
    labels = _labels("\n".join(before + heading + body) + "\n")
    assert [labels[h][0] for h in heading] == ["heading"] * len(heading)
    assert labels[body[0]][0] == "body"


@pytest.mark.parametrize("text, numbered", [
    ("第一部分：总体要求", True),  # a document's part
    ("第三章 法律责任", True),
    ("第二，坚持问题导向。", True),
    # an ordinal before its noun is no numbering: "the first dictionary", a series' title
    # ("第一部现代汉语规范字典（新中国的“第一”·文化篇）")
    ("第一部现代汉语规范字典（新中", False),
    ("第一部宪法诞生记", False),
])
def test_numbered_opening(text, numbered):
    assert bool(normalize.NUMBERED_RE.match(text)) is numbered


def test_a_wrapped_tags_last_number_is_no_numbered_heading():
    # "（12））" ends a column tag wrapped over lines, "（感言·岁末年初看经济（12））"
    infos = normalize.measure_lines(pages_from_text("（12））\n（12）坚持稳中求进\n")[0])
    assert [x.numbered for x in infos] == [False, True]


def test_a_laws_article_number_is_set_apart_from_its_text():
    # run on, "第一条" is an ordinal before its noun: a series' kicker, "the first tunnel"
    infos = normalize.measure_lines(pages_from_text("第一条 为了规范网络交易活动\n第一条跨海隧道\n")[0])
    assert [x.numbered for x in infos] == [True, False]


def test_an_in_body_heading_wraps_at_the_full_measure():
    # a headline balances its two lines; an in-body heading does not: it wraps at the
    # column's measure and leaves what remains ("…服务千万" / "旅客")
    from banmian.stages.headlines import split_fields
    lines = layout.label_lines(normalize.measure_lines(pages_from_text("零事故、零差错，服务千万\n旅客\n")[0]))
    lines = [x._replace(column_width=14.0) for x in lines]
    assert ["".join(x.info.text for x in f) for f in split_fields(lines, heading=True)] == ["零事故、零差错，服务千万旅客"]


def test_a_short_line_over_a_figure_it_had_room_for_ends_there():
    # "2017" would have fitted after "国情教育的思政课": the line ends short of its own
    # accord, a sub-heading; after a clause's comma a figure's move says nothing
    body = "高、市场潜力大、社会效益\n好的高质量项目，展现了当\n代大学生奋发有为、昂扬向\n上的精神风貌。\n"
    after = "2017年8月，参加第三\n届“互联网+”大学生创新创\n业大赛“青年红色筑梦之旅”\n的大学生们收到了习近平总\n"
    assert _labels(body + "国情教育的思政课\n" + after)["国情教育的思政课"][0] == "head"
    assert _labels(body + "鼓励的措施很实在，\n" + after)["鼓励的措施很实在，"][0] == "body"


def test_a_paragraphs_last_line_of_figures_ends_short():
    # figures print about half an em: "82.49%、47.86%。" ends its paragraph short of the
    # column, so the open line of no paragraph's shape under it is a sub-heading
    text = ("公路里程1.31万公里，新增34\n个乡镇及533个建制村通畅，\n乡镇、建制村通畅率分别达\n82.49%、47.86%。\n"
            "兴边富民，携手奋进奔小康\n西藏是国家重要的安全屏\n障，5年多来，西藏自然资源\n禀赋较好的边陲，被党的治边\n")
    assert _labels(text)["兴边富民，携手奋进奔小康"][0] == "head"


def test_figures_print_wider_than_half_an_em():
    """How much wider figures print is read off the full lines inside a paragraph that hold
    some; a line opening on a year after a sentence's end at a full line is then no
    paragraph's first line, however short its half-em measure makes it look."""
    from banmian.stages.reflow import body_width, figure_extra, reflow_paragraphs
    body = ["守边的精神一代代传了下来，牧民", "们在2018年共巡逻了1200次，边", "境线上的每一块界碑都有人照看，全乡",
            "在2019年又添了15户新居民，他", "们在新房里挂起国旗，还在村口立起了", "一块新的木牌，2016年全乡修通了",
            "公路，2015年通上了电，牧民们的日", "子越过越好，大家都感谢党的好政策。", "2017年10月，习主席在百忙之中",
            "给卓嘎、央宗姐妹回信，勉励她们继续", "守护好祖国的神圣国土。"]
    lines = layout.label_lines(normalize.measure_lines(pages_from_text("\n".join(body) + "\n")[0]))
    assert figure_extra(lines, body_width(lines)) > 0.0
    texts = ["".join(x.info.text for x in p.lines) for p in reflow_paragraphs(lines)]
    assert texts == ["".join(body)], texts


def test_a_bylines_last_name_wrapped_with_its_credit():
    # "■ 融媒体记者 贺广华 薛 原 李龙" / "伊 文 / 图": the last name's tail and the credit
    labels = _labels("■ 融媒体记者 贺广华 薛 原 李龙\n伊 文 / 图\n\n  创军人荣耀，筑世界和平。第七届世\n界军人运动会18日晚在湖北省武汉市隆\n重开幕。\n")
    assert labels["伊文/图"][0] == "byline"


@pytest.mark.parametrize("label, headline", [("短评", True), ("核心阅读", False)])
def test_a_label_after_a_jump_marker(label, headline):
    # after "（下转第六版）" a column's name heads the next article; a label that opens an
    # article's text ("核心阅读") is that text's first paragraph
    text = ("当时的场景，李翠枝记忆犹新，“总书\n记离开会场时，还关切地询问国产奶粉\n\n（下转第六版）\n" + label + "\n"
            "委员有所呼，政协有所应。经层层\n遴选，以《关于弘扬劳模精神和工匠精\n神，大力推行现代学徒制》为题。\n")
    assert (_labels(text)[label][0] == "head") is headline


def test_an_email_address_is_never_a_headline_line():
    # a column's address to write to, under its call for pieces, over the next article's title
    # (a page holds text enough to read the column's measure off)
    text = ("基层干部要把群众的事当成自己的事，\n多到田间地头走一走，多听听老百姓\n的心里话，把工作做到群众心坎上。\n"
            "（作者为本报记者）\n栏 目 投 稿 邮 箱 ：\nyxxz8494@163.com\n钥匙对孔锁才开\n（一线行走）\n"
            "本报讯（记者韩晓明）近日，记者来到\n某县城乡结合部的社区，看到干部正在\n走访群众，了解大家的急难愁盼。\n")
    labels = _labels(text)
    assert labels["yxxz8494@163.com"][0] == "body" and labels["钥匙对孔锁才开"][0] == "head"


def test_a_few_short_articles_one_paragraph_long_are_a_paragraph_to_a_line():
    """One paragraph twice as long as a column page's longest line (a kicker across the
    page, 43 characters on the example page) is enough: such a page is read a paragraph to
    a line, however few of its lines are long."""
    small = ("乡村书屋开进新社区\n　　引子\n　　" + "书屋开放以来，" * 14 + "居民们都说好。\n"
             "夜市开张\n　　入夜的老街灯火通明。\n")
    infos = normalize.measure_lines(pages_from_text(small)[0])
    assert layout.one_line_paragraphs(infos)
    kicker = "马波在全市巩固拓展脱贫攻坚成果同乡村振兴有效衔接考核评估问题整改暨工作推进会议上强调"
    columns = kicker + "\n较真碰硬抓好问题整改\n" + "本报讯（记者 张清）近日，全市\n" + "召开会议，部署下一阶段工作，要\n" * 6
    assert not layout.one_line_paragraphs(normalize.measure_lines(pages_from_text(columns)[0]))
