"""Word lists the rule-based extractors share: titles, surnames, suffixes, places.

Input: nothing.  Output: frozen sets and compiled patterns.  The lists are
generic (Chinese official, party, corporate and academic titles; the common
surnames; organisation and administrative suffixes), never strings taken from a
particular page.

>>> longest_title_suffix("乐山市政务服务管理局局长")
'局长'
>>> longest_title_suffix("市委副书记")
'副书记'
>>> "欧阳" in COMPOUND_SURNAMES
True
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..wordlist import jieba_word_list

# --- titles --------------------------------------------------------------------
# Base titles; "副"/"常务副"/"代" forms are generated below.  Longest match wins,
# so 副总经理 beats 总经理 beats 经理.
_BASE_TITLES = """
书记 第一书记 党委书记 党组书记 党工委书记 纪委书记 党支部书记 支部书记 总支书记 村支书 村党支部书记
党委委员 党组成员 常委 委员 主任委员 政委 政治委员 总书记 秘书长 秘书 主委
主席 总理 委员长 省长 市长 县长 区长 州长 镇长 乡长 村长 旗长 盟长 街道办主任
部长 局长 厅长 处长 科长 司长 署长 院长 校长 所长 站长 馆长 社长 台长 行长 庭长 队长 组长 团长
会长 理事长 董事长 董事 监事长 监事 总经理 经理 总裁 首席执行官 首席代表 首席科学家 首席专家 首席经济学家
总工程师 总会计师 总经济师 总监 总编辑 主编 总编 编辑 记者 特约记者 通讯员 评论员 总工
主任 参事 巡视员 调研员 督察长 检察长 审判长 法官 检察官 院士 教授 研究员 讲师 博士 博士生导师 导师
总干事 干事 专员 特派员 大使 总领事 领事 公使 参赞 发言人 新闻发言人 负责人 主要负责人 创始人 合伙人 董秘
总统 首相 国王 女王 王储 埃米尔 总督 外长 国务卿 议长 总司令 司令员 司令 参谋长 军长 师长 旅长 团长 营长 连长
政治部主任 支队长 大队长 中队长 所长 警长 民警 交警 辅警 村医 医生 医师 主任医师 护士长 护士 教师 老师 班主任
总指挥 指挥长 召集人 代表 首席 总设计师 设计师 工程师 技术员 研究生 学生 村民 农民 工人 职工 党员 志愿者
领导 负责同志 厂长 矿长 场长 总队长 舰长 机长 船长 列车长 主持人 讲解员 网格员 驻村第一书记 第一副主任
特使 特别代表 牵头人 工作人员 议长 副议长 代议长 首席记者
"""

_DEPUTY_FORMS = ("副", "常务副", "代理", "代", "执行", "名誉", "荣誉", "常务", "专职副", "党组副")
_DEPUTIZABLE = {
    "书记", "主席", "总理", "委员长", "省长", "市长", "县长", "区长", "州长", "镇长", "乡长", "村长",
    "部长", "局长", "厅长", "处长", "科长", "司长", "署长", "院长", "校长", "所长", "站长", "馆长",
    "社长", "台长", "行长", "队长", "组长", "团长", "会长", "理事长", "董事长", "总经理", "经理", "总裁",
    "总工程师", "总会计师", "总经济师", "总监", "总编辑", "主编", "主任", "检察长", "秘书长", "总干事",
    "司令员", "参谋长", "政委", "庭长", "支队长", "大队长", "首席执行官", "总统", "首相", "议长",
    "厂长", "总指挥", "指挥长", "主任委员",
}

TITLES: frozenset[str] = frozenset(
    {t for t in _BASE_TITLES.split()}
    | {d + t for t in _DEPUTIZABLE for d in _DEPUTY_FORMS}
)
_MAX_TITLE = max(map(len, TITLES))

# Titles that may follow the name ("习近平总书记", "李四教授"); the others only precede it.
TITLES_AFTER_NAME: frozenset[str] = frozenset(
    "总书记 主席 总理 委员长 书记 省长 市长 县长 院士 教授 研究员 老师 同志 先生 女士 大使 总统 首相".split()
)

# A title word must not run on into a longer word: 委员|会, 书记|处, 代表|团, 主席|台 …
# (the last character of the title and the next one).
TITLE_BLOCKERS = frozenset("""
员会 事会 委会 记处 表处 表团 席团 席台 表大 员们 者们 表们 长们 授们 师们 民们 生们 工们 员制 长制 任制 员级 长级 员职
员岗 任职 长职 者证 员证 表证 任务 员室 长室 记室 员部 员队 员位 员组 员班 员长 理长 表性 记者站 代会
""".split())


def title_blocked(text: str, te: int) -> bool:
    """Does the title ending at ``te`` run on into a longer word (委员会, 代表团)?

    >>> title_blocked("委员会", 2), title_blocked("首相会晤", 2)
    (True, False)
    """
    return text[te - 1:te + 1] in TITLE_BLOCKERS

# Titles so generic that a following surname-like character is usually not a name.
WEAK_TITLES = frozenset("代表 领导 党员 村民 农民 工人 职工 学生 志愿者 首席 技术员 老师 教师 医生 护士 博士 工作人员".split())


def longest_title_suffix(segment: str) -> str | None:
    """The longest title word ``segment`` ends with, or ``None``.

    >>> longest_title_suffix("尚纬股份有限公司党委书记")
    '党委书记'
    >>> longest_title_suffix("有限公司") is None
    True
    """
    for n in range(min(_MAX_TITLE, len(segment)), 0, -1):
        if segment[-n:] in TITLES:
            return segment[-n:]
    return None


# Regex alternation of all titles, longest first (for forward scanning).
TITLE_ALT = "|".join(sorted(TITLES, key=len, reverse=True))

# Short party / government bodies that stay fused in the title (市委书记, 国务院总理):
# a title qualified only by these is a rank, not an employer.
FUSED_BODY_RE = re.compile(
    r"^(?:中共|中国共产党)?(?:[\u4e00-\u9fff]{0,8}?(?:省|市|县|区|州|旗|盟|镇|乡|村|街道|自治区|自治州|自治县|特区))?"
    r"(?:委|党委|党组|党工委|政府|人民政府|人大|人大常委会|常委会|政协|纪委|监委|纪委监委|纪工委|管委会)$"
    r"|^(?:中共)?(?:中央)?(?:军委|政治局|书记处|中央|国务院)$"
    r"|^(?:国家|全国|中央|省|市|县|区|州|镇|乡|村|党|党中央|国务院|党和国家|中共中央|中央军委|全国人大常委会|全国政协|全国人大|中共中央政治局|中央政治局)$"
)

# --- surnames ------------------------------------------------------------------
SURNAMES: frozenset[str] = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
    "姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫阎段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
    "常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成"
    "苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷"
    "晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀"
    "郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚花权强帅屠豆朴盖练廉禹井祖漆巴丰支卿国狄平计索宣晋"
    "相门云容敬扈晁芮都普阙浦戈伏鹿薄邸雍辜羊阿乌母裘亓修邰赫杭况那宿鲜印逯隆茹诸战慕危玉银亢嵇公哈湛宾戎勾茅利"
    "於呼居揭干但尉冶斯元束檀衣信展阴昝智幸奉植衡富尧闭由习赖洪鄂虎"
)
COMPOUND_SURNAMES: frozenset[str] = frozenset(
    "欧阳 司马 上官 诸葛 东方 皇甫 尉迟 公孙 慕容 长孙 宇文 司徒 令狐 夏侯 端木 轩辕 呼延 南宫 西门 赫连 独孤 申屠 万俟 闻人 太史 钟离".split()
)

# Characters that never occur inside a Chinese given name in news text: function
# words, measure words and the like.  A candidate containing one is not a name.
NOT_IN_NAME = frozenset("的了是在与及或等们把被将对向从于为也都就还而且并又所之其这那该各每个年月日时分说称到着过吗呢吧啊第率曾已党两")

# Given names that are really common words: "国国家主席" is 中国 + 国家主席.
NOT_GIVEN_NAMES = frozenset("国家 人民 中国 中央 全国 政府 社会 经济 发展 建设 工作 主席 书记 委员 代表 领导 干部 群众 企业 公司 大学 学院 工程 科学 技术 研究".split())

# Words after which a name ends (verbs of saying and acting, prepositions).
NAME_FOLLOWERS: tuple[str, ...] = tuple(sorted(set("""
表示 说 说道 主持 出席 讲话 强调 指出 介绍 告诉 认为 谈道 谈到 谈及 会见 会谈 参加 在 于 等 同 与 和 及 以及
的 一行 率 率团 带队 调研 考察 来到 对 向 代表 作 做 宣布 致辞 致信 发表 回答 接受 坦言 感慨 提出 要求 希望 称 还
也 就 则 是 为 被 分别 同志 先生 女士 深有 看到 听到 今天 昨天 近日 日前 曾 曾经 已 已经 正 正在 一直 早在 当时
会同 陪同 出访 访问 观看 视察 看望 慰问 主持召开 签署 宣读 通报 部署 传达 总结 作出 批示 回信 致电 致函
将 已于 首先 随后 最后 现场 亲自 专门 特别 主张 建议 解释 透露 补充 笑着 感叹 直言 坦承 告诫 提醒 寄语 说明
当选 担任 兼任 出任 获得 荣获 带领 组织 领导 指导 负责 牵头 参与 一起 共同 等人 总书记 主席 总理 书记 院士 教授
关于 重要 系列 回忆 讲述 说起 介绍说 举行 出任 看来 指导 走进 来到 察看 了解 询问 叮嘱 勉励 鼓励 肯定 祝贺 感谢 会晤 通电话
采访 走访 探访 获悉 了解到 发现 注意到 观察 统计 报道 摄 文 图 等人 说明 解读
抵达 到达 协助 带着 多次 再次 此前 亲自 一直 也曾 先后 随即 立即 当即 专程 邀请 应邀
""".split()), key=len, reverse=True))

# Common words that start with a surname character; a bare (untitled) candidate
# equal to one of these is not a name.
COMMON_WORDS_WITH_SURNAME = frozenset("""
文件 文章 文化 文明 方面 方案 方式 方向 方法 高度 高质量 高新 高水平 高校 江河 金融 石油 安全 许多 于是 黄金
林业 田间 龙头 常态 常委 武装 向好 关于 时间 明确 易地 全面 全市 全省 全国 全会 全体 会议 会上 成员 成果 成效
任务 任何 管理 管控 路径 海外 华侨 国家 国际 国内 政府 政策 单位 党员 党委 党组 党建 计划 原则 原来 平台 平安
和平 和谐 明年 明显 新区 新型 房屋 房价 司法 司机 师生 师资 相关 相互 相比 相应 通过 连续 车辆 项目 游客 宣传
宁静 严格 严重 应当 应急 应该 钱款 申请 申报 经济 景区 景点 景色 农村 农业 农民 尚未 齐心 齐全 关键 关系 乐于
商务 商业 商品 都市 都是 邱壑 边境 边防 卫生 米粮 公司 公开 公共 公园 公众 元旦 元素 包括 包容 曲线 毛利 花园
强化 强调 强国 云端 索引 阳光 明天 信息 信心 信用 展示 展览 智能 智慧 富民 富裕 衡量 由于 时代 时期 阿里 普通
普及 普惠 容量 容易 初步 初心 来自 来源 来到 门户 巴西 巴黎 海关 海洋 丰富 支持 支撑 戈壁 万元 万亿 谈判 简单
简化 车站 章程 程序 程度 房地产 黄河 长江 长城 贾汪 雷达 牛奶 马路 马上 伍员 尤其 华为 华人 华北 华东 华南
干部 干事 群众 党政 党风 党性 党中央 党组织 宁可 白皮 门城 全员 全体 全部 全力 全新 严肃 包装 庞大 施工 施策 汤圆 明星 温暖 温度 甘肃 陆续 陆地 曾是 曾任 武汉 杭州
""".split())

# Verbs (and adverbs) that open a clause before a place or organisation name:
# "办好乐山绿色硅谷产业学院", "推进城镇化", "位列县（市、区）前三".
VERB_PREFIXES: tuple[str, ...] = tuple(sorted(set("""
推进 推动 促进 打造 提升 建设 加快 加强 发展 实施 深化 强化 做强 做大 做靓 培育 支持 位列 位居 引导 带动 完善 健全 创建
办好 建好 建强 共建 聚焦 围绕 依托 构建 形成 巩固 拓展 开展 组织 参与 高标准 高质量 大力 积极 全力 持续 不断 进一步
鼓励 争创 申报 设立 成立 组建 参观 前往 来到 走进 服务 助力 推广 壮大 落实 保障 服务于 面向 覆盖 辐射 联通 连接 携手
安排 立即 随即 当即 指派 委托 派出 召集
""".split()), key=len, reverse=True))


def strip_verbs(name: str) -> str:
    """Drop clause-opening verbs from the front of a name candidate.

    >>> strip_verbs("办好乐山绿色硅谷产业学院"), strip_verbs("高标准建设核技术中心"), strip_verbs("位列")
    ('乐山绿色硅谷产业学院', '核技术中心', '位列')
    """
    m = _VERB_PREFIX_RE.match(name)
    while m and m.end() < len(name):
        name = name[m.end():]
        m = _VERB_PREFIX_RE.match(name)
    return name



@lru_cache(maxsize=1)
def dictionary_words() -> frozenset[str]:
    """2–3 character words of jieba's dictionary that start with a surname character
    and are not tagged as person names: "时隔", "国庆", "干部" are words, not names.

    Loaded once, on first use (~0.3 s); empty when jieba is not installed.

    >>> "干部" in dictionary_words(), "李克强" in dictionary_words()
    (True, False)
    """
    path = jieba_word_list()
    if path is None:  # optional: the hand-made list above still applies
        return frozenset()
    out = set()
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            parts = line.split(" ")
            if len(parts) != 3:
                continue
            w, freq, tag = parts
            if not (2 <= len(w) <= 3 and (w[0] in SURNAMES or w[:2] in COMPOUND_SURNAMES)):
                continue
            # person names (nr*) and place names (ns: jieba files 普京 there) may be names,
            # except very frequent two-character ones, which are words (高峰 1556, 文明 6584)
            if not tag.startswith(("nr", "ns")) or (len(w) == 2 and tag.startswith("nr") and int(freq) >= 1000):
                out.add(w)
    return frozenset(out)


# --- organisations ---------------------------------------------------------------
# Suffixes that end an organisation name, longest first.
ORG_SUFFIXES: tuple[str, ...] = tuple(sorted(set("""
股份有限公司 有限责任公司 有限公司 股份公司 集团公司 集团有限公司 公司 集团 控股 银行 分行 支行 保险公司
委员会 管理局 办公室 办公厅 研究院 研究所 科学院 工程院 设计院 大学 学院 中学 小学 职业学校 医院 卫生院
法院 检察院 人民法院 人民检察院 政府 人民政府 公安局 派出所 协会 学会 商会 联合会 联盟 基金会 促进会 合作社
报社 电视台 广播电台 出版社 通讯社 新华社 商务署 署 局 厅 部 办 委 社 大区 代表处 办事处 分公司 事务所 交易所
博物馆 图书馆 纪念馆 美术馆 科技馆 体育馆 文化馆 组织 联合国 党委 市委 省委 县委 区委 州委 工委 人大常委会 政协
委员会办公室 党组
""".split()), key=len, reverse=True))

# Strong suffixes: always an institution name when a proper prefix precedes them.
# Weak ones (部 办 委 社 署 局 厅 组织) need a longer prefix and a non-word-continuation check.
WEAK_ORG_SUFFIXES = frozenset("部 办 委 社 署 局 厅 组织".split())

# Words starting with a suffix character that show the suffix does not end a name.
ORG_SUFFIX_CONTINUATIONS = frozenset("""
局长 局面 局势 局部 部长 部分 部署 部门 部队 部位 部件 院长 院士 院校 院落 院子 所长 所有 所在 所以 所属 所得 所需
站长 馆长 会长 会议 会上 会见 会同 会谈 会员 会展 社长 社会 社区 社保 委员 委托 委屈 办理 办好 办法 办事 办公 办学
厅长 署长 行长 厂长 司长 校长 队长 组长 署名 办好 办成 部件 委会 社团 局内 局外
""".split())

# Prefixes that make an organisation mention generic, not a name (该公司, 有关部门).
GENERIC_ORG_PREFIXES = re.compile(
    r"^(?:该|本|这|那|此|各|各级|其|我|贵|一家|多家|两家|数家|几家|有关|相关|上级|下级|民营|国有|大型|中小|龙头|当地|地方|"
    r"外地|全国|全省|全市|全县|全区|省级|市级|县级|区级|国家级|科技型|新型|重点|主要|其他|其它|所有|部分|不少|许多|这些|"
    r"同一|首家|一批|一些|骨干|领军|头部|行业|各类|各个|该县|该市|该区|该省|我市|我省|我县|我区|本市|本省)"
)

# --- boundaries --------------------------------------------------------------------
# Verbs and function words that precede a name or title chain but are not part of
# it.  A prefix is cut after the last of these.
LEFT_CUTS: tuple[str, ...] = tuple(sorted(set("""
会见 会谈 接见 看望 慰问 陪同 邀请 应邀 同 与 向 对 在 据 由 经 让 请 被 把 将 给 跟 是 为 作为 成为 有 称 说 了 的 从 到 赴
时任 现任 曾任 担任 兼任 出任 来自 联合 共同 携手 协同 会同 支持 推动 推进 依托 通过 经过 成立 设立 组建 建设 建强 建好
办好 打造 创建 引进 入驻 落户 牵头 举办 主办 承办 协办 前往 走进 参观 考察 调研 访问 包括 以及 还有 主要有 如 像 等 及
和 于 当选 任命 免去 表示 指出 强调 介绍 告诉 认为 获悉 了解到 得知 获 荣获 授予 颁发 加入 参与 参加 培育 发布 召开
""".split()), key=len, reverse=True))

# --- places ------------------------------------------------------------------------
PROVINCES = frozenset("""
北京 天津 上海 重庆 河北 山西 辽宁 吉林 黑龙江 江苏 浙江 安徽 福建 江西 山东 河南 湖北 湖南 广东 海南 四川 贵州 云南
陕西 甘肃 青海 台湾 内蒙古 广西 西藏 宁夏 新疆 香港 澳门
""".split())

COUNTRIES = frozenset("""
中国 美国 英国 法国 德国 俄罗斯 日本 韩国 朝鲜 印度 巴西 加拿大 澳大利亚 新西兰 意大利 西班牙 葡萄牙 荷兰 比利时
瑞士 瑞典 挪威 芬兰 丹麦 波兰 奥地利 希腊 土耳其 伊朗 伊拉克 以色列 埃及 南非 尼日利亚 肯尼亚 埃塞俄比亚 阿根廷
墨西哥 智利 秘鲁 古巴 越南 老挝 柬埔寨 泰国 缅甸 马来西亚 新加坡 印度尼西亚 菲律宾 巴基斯坦 孟加拉国 斯里兰卡 尼泊尔
哈萨克斯坦 乌兹别克斯坦 蒙古 沙特阿拉伯 阿联酋 卡塔尔 科威特 阿曼 约旦 叙利亚 黎巴嫩 乌克兰 白俄罗斯 匈牙利 捷克
塞尔维亚 罗马尼亚 保加利亚 爱尔兰 冰岛 卢森堡 摩洛哥 阿尔及利亚 突尼斯 苏丹 安哥拉 坦桑尼亚 赞比亚 津巴布韦 委内瑞拉
哥伦比亚 厄瓜多尔 乌拉圭 巴拉圭 玻利维亚 巴拿马 哥斯达黎加 斐济 巴布亚新几内亚 阿富汗 塔吉克斯坦 吉尔吉斯斯坦 土库曼斯坦
格鲁吉亚 亚美尼亚 阿塞拜疆 文莱 东帝汶 马尔代夫 也门 巴林 塞浦路斯 马耳他 斯洛伐克 斯洛文尼亚 克罗地亚 立陶宛 拉脱维亚
爱沙尼亚 欧盟 莫桑比克 纳米比亚 博茨瓦纳 马达加斯加 毛里求斯 塞内加尔 马里 尼日尔 乍得 喀麦隆 加蓬 刚果 贝宁 多哥 加纳
科特迪瓦 几内亚 利比里亚 塞拉利昂 冈比亚 毛里塔尼亚 利比亚 吉布提 索马里 厄立特里亚 卢旺达 布隆迪 乌干达 马拉维 莱索托
安提瓜和巴布达 多米尼克 格林纳达 巴哈马 牙买加 海地 多米尼加 萨尔瓦多 洪都拉斯 尼加拉瓜 危地马拉 伯利兹 苏里南 圭亚那
特立尼达和多巴哥 汤加 萨摩亚 瓦努阿图 基里巴斯 所罗门群岛 密克罗尼西亚 帕劳 瑙鲁 图瓦卢 黑山 北马其顿 阿尔巴尼亚 波黑
摩尔多瓦 列支敦士登 摩纳哥 圣马力诺 安道尔 不丹 科摩罗 塞舌尔 佛得角 赤道几内亚 中非 南苏丹 巴勒斯坦 斯威士兰
""".split())

PLACE_SUFFIXES = ("特别行政区", "自治区", "自治州", "自治县", "自治旗", "街道", "新区", "省", "市", "县", "区", "州", "镇", "乡", "村", "旗", "盟")

# Stems before 市/区/县/州 that make a common word, not a place (全市, 城区, 超市 …).
NOT_PLACE_STEMS = frozenset("""
全 我 本 该 各 此 城 超 上 都 省 地 园 景 社 片 辖 城区 市区 郊区 老区 灾区 林区 库区 牧区 山区 矿区 厂区 校区 营区 军区
园区 景区 社区 街区 小区 商区 城市 新城 主城 中心城 县城 边境 沿海 东部 西部 南部 北部 中部 东北 西北 西南 东南 分 试验
示范 开发 保税 综合 功能 核心 重点 生态 保护 自贸 贫困 欠发达 少数民族 民族 城乡 农 农业 工业 产业 旅游 风景 自然 禁
限 服务 商务 居住 生活 行政 病 疫 战 战区 防 同 跨 多 整 市 县 区 镇 乡 村 大 小 新 老 旧 一 二 三 四 五 六 七 八 九 十
""".split())

# Characters after a place suffix that show it is part of a longer word: 市场, 县域, 区域, 村民 …
PLACE_CONTINUATIONS = frozenset("场民委长级域别间内外属政直辖情容值面府里长委籍官界划块位化貌容")

# A place suffix after these characters ends a common word: 农村, 城镇, 城乡 …
PLACE_BAD_BIGRAMS = frozenset("""
农村 乡村 山村 渔村 城镇 乡镇 集镇 城乡 家乡 故乡 下乡 老乡 回乡 同乡 返乡 异乡 水乡 梦乡 省市 市县 县区 州县 各省 各市 各县
各区 外省 外市 外县 本省 本市 本县 全省 全市 全县 全区 全州 我省 我市 我县 我区 该省 该市 该县 该区 分省 跨省 跨市 跨区 跨县
""".split())

# Single-character organisation suffixes that end common words instead: 部署, 举办 …
NON_ORG_BIGRAMS = frozenset("""
部署 签署 公署 官署 布局 格局 结局 大局 全局 开局 变局 僵局 骗局 赌局 饭局 棋局 创办 举办 主办 承办 协办 兴办 开办 督办
交办 包办 合办 筹办 代办 首办 帮办 领办 领办 全部 内部 外部 局部 东部 西部 南部 北部 中部 干部 腹部 头部 底部 顶部 基部
细部 各部 面部 胸部 背部 腰部 旅社 结社 入社 出社 两委 村委 居委 常委 编委 评委 主委 政委 纪委
""".split())


def trie_pattern(words: frozenset[str] | tuple[str, ...] | set[str]) -> str:
    """A regex alternation of ``words`` built as a trie, so matching costs one pass
    per position instead of one try per word; longer words win.

    >>> import re
    >>> re.findall(trie_pattern({"书记", "副书记", "书记处"}), "市委副书记")
    ['副书记']
    """
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        ends = "" in node
        branches = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if ends else body

    return build(trie)


TITLE_RE = re.compile(trie_pattern(TITLES))


_VERB_PREFIX_RE = re.compile(trie_pattern(frozenset(VERB_PREFIXES)))
