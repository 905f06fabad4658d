"""Knowledge checks: the questions and their options (never the answers: those live in ``autograde``).

A student's choices are saved in the store like any screen submission, so nbgrader can grade them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from . import validate
from .errors import FieldErrors, SimError

if TYPE_CHECKING:
    from .backend import Backend

__all__ = ["Question", "QUESTIONS", "QuizArea", "questions_of"]


@dataclass(frozen=True)
class Question:
    id: str
    prompt: str
    options: tuple[str, ...]
    multiple: bool = False  # several answers may be right


QUESTIONS: dict[str, Question] = {}


def _add(*qs: Question) -> None:
    for q in qs:
        QUESTIONS[q.id] = q


def questions_of(project_number: str) -> list[Question]:
    """The questions of one project, e.g. ``questions_of("01")``."""
    return [q for q in QUESTIONS.values() if q.id.startswith(f"{project_number}.")]


_add(
    Question(
        "01.q1",
        "下面哪些企业可以入驻阿里巴巴国际站？（多选）",
        (
            "在大陆工商局注册、自己生产玩具的工厂",
            "在大陆注册、专做服装出口的贸易公司",
            "为外贸企业提供运输的物流公司",
            "做产品检测认证的公司",
            "在海外注册的离岸公司",
            "没有营业执照的个人",
        ),
        multiple=True,
    ),
    Question(
        "01.q2",
        "出口通（普通会员）每年的基础服务费是多少？",
        ("免费", "29800 元/年", "80000 元/年", "按点击收费"),
    ),
    Question("01.q3", "金品诚企会员最多可以开几个子账号？", ("2 个", "5 个", "10 个", "不限")),
    Question(
        "01.q4",
        "注册国际站账号前，需要准备哪些资料？（多选）",
        (
            "没有绑定过阿里旗下产品的电子邮箱",
            "能接收验证码的手机号码",
            "与营业执照一致的公司名称",
            "法人的英文姓名",
            "海外银行账户",
            "登录密码",
        ),
        multiple=True,
    ),
    Question("01.q5", "判断：注册时填写的公司地址必须和营业执照上的注册地址完全一样。", ("对", "错")),
    # Issue 9's knowledge points: milestones (L215), enterprise Alipay (L371–373), budget tiers (L333).
    Question(
        "01.q6",
        "国际站哪一年上线信用保障服务，让交易可以在平台上走完全程？",
        ("1999 年", "2008 年", "2010 年", "2015 年"),
    ),
    Question(
        "01.q7",
        "由代理人（不是法人本人）申请企业支付宝认证，要准备哪些资料？（多选）",
        (
            "营业执照",
            "法人身份证件",
            "代理人二代身份证",
            "委托书",
            "银行对公账户",
            "法人的个人支付宝账号",
            "房产证",
        ),
        multiple=True,
    ),
    Question(
        "01.q8",
        "开店清单建议新店给外贸直通车（P4P）推广设预算上限，起步可以选哪两档？",
        ("50 元、100 元", "150 元、250 元", "500 元、1000 元", "不设上限"),
    ),
)


# 04_media: True View rules, quality levels, cover size, aspect ratios.
_add(
    Question(
        "04.q1",
        "这段视频发布到 True View 时被拒绝了：1080×1920（9:16）、时长 2 分 40 秒、大小 180 MB、英文字幕、"
        "英文配音，片尾出现了公司的 WhatsApp 号码。它违反了哪一条要求？",
        ("画幅比例不符合要求", "时长超过 3 分钟", "视频里出现了联系方式", "大小超过 500 MB"),
    ),
    Question(
        "04.q2",
        "下面哪些视频符合 True View 的发布要求？（多选）",
        (
            "1920×1080，45 秒，英文字幕，没有配音",
            "1280×720，3 分 10 秒，英文字幕",
            "1080×1080，20 秒，英文字幕，英文配音",
            "1080×1920，30 秒，中文字幕",
            "854×480，60 秒，英文字幕",
            "1080×1920，14 秒，英文字幕",
        ),
        multiple=True,
    ),
    Question(
        "04.q3",
        "一段 16:9 横屏、时长 40 秒、有产品介绍和卖点介绍的 True View 视频，审核通过后近 30 天的有效播放是"
        " 10 次。它现在的质量等级是？",
        ("合格", "良好", "优质", "审核不通过"),
    ),
    Question(
        "04.q4",
        "True View 视频的封面图片，尺寸至少要多大（宽×高，像素）？",
        ("640×640", "750×750", "750×1334", "1200×280"),
    ),
    Question(
        "04.q5",
        "True View 视频可以使用哪些画幅比例？（多选）",
        ("9:16", "16:9", "1:1", "3:4", "21:9", "2:1"),
        multiple=True,
    ),
    Question(
        "04.q6",
        "发布一条 True View 视频时，内容标签和关联产品的数量要求是？",
        (
            "标签 1–3 个，关联产品最多 9 个",
            "标签 1–5 个，关联产品最多 20 个",
            "标签可以不加，关联产品最多 9 个",
            "标签 1–3 个，关联产品最多 20 个",
        ),
    ),
    Question(
        "04.q7",
        "判断：只要另外加上英文字幕，用中文配音的视频也可以发布到 True View。",
        ("对", "错"),
    ),
    # Issue 9's 04 knowledge points: who may use 粉丝通 (the membership table, L283) and 数据查看 (L2257).
    Question(
        "04.q8",
        "按国际站的会员权益表，哪些卖家可以使用粉丝通（发布 True View 视频）？",
        (
            "免费会员、出口通会员、金品诚企会员都可以",
            "出口通会员里的一星商家，以及全部金品诚企会员",
            "只有金品诚企会员",
            "全部出口通会员和全部金品诚企会员",
        ),
    ),
    Question(
        "04.q9",
        "在 True View 的数据里，判断一条“良好”视频能不能升为“优质”，要看哪一项？",
        ("近 30 天的有效播放次数", "发布以来的总播放次数", "关联产品的个数", "视频的时长"),
    ),
)


# 项目二 知识点 5.3 子账号与权限表 (02.5.4), 知识点 4 全球旺铺 (02.4.1)
_add(
    Question(
        "02.q9",
        "哪些账号可以装修全球旺铺？（多选）",
        ("管理员（主账号）", "业务经理", "业务员", "制作员"),
        multiple=True,
    ),
    Question("02.q11", "读权限表：业务员账号可以管理橱窗产品吗？", ("可以", "不可以", "要看会员类型")),
    Question(
        "02.q12",
        "子账号 Wang fang 已被冻结，管理员想删除它，应该怎么做？",
        ("直接删除", "先解冻，再删除", "先改成制作员，再删除", "冻结的子账号永远不能删除"),
    ),
    Question(
        "02.q13",
        "删除一个业务员子账号后，它名下的询盘、客户和 RFQ 会怎样？",
        ("一起被删除", "自动归入主账号（管理员）", "平均分给其他业务员", "保留在已删除的账号里"),
    ),
)

# 项目二 知识点 1 后台菜单, 2 A&V 认证 (02.2.3), 3 公司信息 (02.3.1), 5 账户安全与权限表
_add(
    Question(
        "02.q1",
        "想查看热门关键词、店铺首页数据、流量入口和产品效果，应该打开主菜单的哪个栏目？",
        ("产品管理", "数据管家", "营销中心", "交易管理"),
    ),
    Question(
        "02.q2",
        "A&V 认证要核实哪两件事？（多选）",
        (
            "被认证的公司是否合法存在",
            "提出认证的人是否属于这家公司",
            "公司的产品是否好卖",
            "公司是否已经开通信用保障",
        ),
        multiple=True,
    ),
    Question(
        "02.q3",
        "营业执照是否真实有效、法人和被授权人是否真实，由谁来审核确认？",
        ("阿里巴巴的客户经理", "第三方认证公司（如中德、中诚信、CBI）", "海外买家", "商家自己"),
    ),
    Question(
        "02.q4",
        "A&V 认证提交工商四要素（工商信息）时，每天最多可以验证几次？",
        ("1 次", "3 次", "5 次", "不限次数"),
    ),
    Question(
        "02.q5",
        "下面哪些是 A&V 认证可以选择的授权方式？（多选）",
        (
            "法人代表个人支付宝验证",
            "企业支付宝验证",
            "对公账号打款验证",
            "线下验证",
            "微信扫码验证",
            "短信验证码验证",
        ),
        multiple=True,
    ),
    Question(
        "02.q6",
        "公司信息提交以后，多长时间内处于审核中、不能再编辑？",
        ("不用审核，随时可改", "1 个工作日", "3 个工作日", "7 天"),
    ),
    Question(
        "02.q7",
        "一家工贸一体的公司填了生产设备和生产线，还没上传生产线流程图。它的“生产信息”完整度是多少？",
        ("35%", "50%", "70%", "100%"),
    ),
    Question(
        "02.q8",
        "公司基本信息里打了勾的字段（A&V 已认证信息）需要变更时，应该怎么做？",
        ("直接在页面上改了再提交", "联系国际站客户经理申请修改", "注销账号重新注册", "让业务员子账号去改"),
    ),
    Question(
        "02.q10",
        "修改注册邮箱是敏感操作，需要先验证身份。可以选用哪些验证方式？（多选）",
        (
            "手机验证码+证件号码",
            "安保问题+证件号码",
            "有效验证码+证件号码",
            "人工服务",
            "只输入登录密码",
            "请同事代为确认",
        ),
        multiple=True,
    ),
    Question(
        "02.q14",
        "读权限表：哪些账号可以“管理公司信息”和做“A&V 认证”？（多选）",
        ("管理员（主账号）", "业务经理", "业务员", "制作员"),
        multiple=True,
    ),
)


# 项目二 修改认证信息与金品诚企上门预约 (L694-709), 知识点 4.1-4.2 旺铺板块与买家端/卖家端的对应 (L1036-1110).
# Numbered from 20 so that other parts of project 02 can add questions below without a clash.
_add(
    Question(
        "02.q20",
        "旺铺装修要素：下面哪些“买家端看到的 ← 卖家端要做的”对应关系是正确的？（多选）",
        (
            "买家端 R&D CAPACITY 页面 ← 卖家端 管理公司信息",
            "买家端 快速查找商品 ← 卖家端 设置产品分组",
            "买家端 快速查找商品 ← 卖家端 数据管家",
            "买家端 R&D CAPACITY 页面 ← 卖家端 橱窗产品",
        ),
        multiple=True,
    ),
    Question(
        "02.q21",
        "买家逛旺铺时想直接给商家发询盘，不用再跳转到别的页面。旺铺的哪个营销板块能做到？",
        ("多语言快链", "询盘直通车", "行业海报", "公司名片"),
    ),
    Question(
        "02.q22",
        "金品诚企认证文审通过后，上门认证的时间怎么定？",
        (
            "1 个月内自助预约，最快 48 小时后上门；可改约一次，须提前 48 小时",
            "7 天内由客户经理指定时间，不能改约",
            "不用预约，认证公司随时上门",
            "3 个月内自助预约，最快 24 小时后上门；可以随时改约",
        ),
    ),
    Question(
        "02.q23",
        "修改认证信息时，哪些字段属于特殊字段，要销售核实并补充资料？（多选）",
        ("公司类型", "经营地址", "公司英文名", "公司座机"),
        multiple=True,
    ),
)


# 项目三 知识点 2 发品规则 (标题、禁限售、重复铺货、主图视频), 3.1 RTS 与 Customization
_add(
    Question(
        "03.q1",
        "下面哪些产品标题违反了国际站的标题规则？（多选）",
        (
            "Kids Plastic Balance Board with Maze Game Integration Training Wobble Board Children Fitness Board Activity Game",
            "Marble Race 168 Ball Track Run Blocks Maze Track Building Blocks Assemble Set ABS Funnel Slide Bricks Toys 6 Children Gift",
            "Wireless Bluetooth Earphones Sports Headset with Mic for Running and Gym Workout",
            "Soft Cotton Baby Romper Long Sleeve Newborn Clothes for Boys and Girls",
            "Shockproof Silicone Phone Case for iPhone 13 Pro Max Soft Back Cover",
        ),
        multiple=True,
    ),
    Question(
        "03.q2",
        "典阅科技想卖一款第三类医疗器械——隐形眼镜。怎样发布才符合规则？",
        (
            "不需要任何证书，发布在 钟表珠宝眼镜 >> 眼镜 >> 太阳镜 类目",
            "先在认证中心提交禁限售证书，再发布在 Timepieces, Jewelry, Eyewear > Eyewear > Contact Lenses 类目",
            "先提交证书，再发布在任何相关的类目，例如 美容个护 >> 美容设备 >> 家用美容仪",
            "医疗器械在禁售清单里，所以第三类医疗器械有证书也不能发布",
        ),
    ),
    Question(
        "03.q3",
        "下面哪些商品属于平台禁售、不能发布？（多选）",
        ("电子烟", "儿童积木", "象牙工艺品", "女童连衣裙", "老虎机", "弹簧刀等管制刀具"),
        multiple=True,
    ),
    Question(
        "03.q4", "Ready to Ship（直接下单品）最晚要在多少天内发货？", ("7 天", "15 天", "30 天", "45 天")
    ),
    Question(
        "03.q5",
        "关于 Ready to Ship 和 Customization，哪些说法正确？（多选）",
        (
            "Ready to Ship 适合小批量、低起订量、要快速发货的买家",
            "Customization 适合来图、来样加工和开模等深度定制",
            "Ready to Ship 产品可以选择协商物流",
            "Customization 产品也可以按数量设置阶梯价格",
            "Ready to Ship 产品只能用价格区间展示价格",
        ),
        multiple=True,
    ),
    Question(
        "03.q6",
        "哪些做法会被判定为重复铺货？（多选）",
        (
            "同一款积木，只改了标题又发布一次",
            "同一款积木，换了主图和详情描述再发布一次",
            "同一款连衣裙的红色和蓝色，做成一个产品的两个规格",
            "材质、尺寸、价格都不同的两款积木，分别发布",
        ),
        multiple=True,
    ),
    Question("03.q7", "产品主图视频的时长最长是多少？", ("15 秒", "30 秒", "45 秒", "3 分钟")),
    # Issue 9's knowledge points: 无类目可选 (L1781), the title steps (L1865), 图片守护 (L1972).
    Question(
        "03.q8",
        "Mark 要发布一款新产品，可是网站上找不到任何合适的类目，应该怎么办？",
        (
            "随便放进一个流量大的类目",
            "向平台提报新类目",
            "放进“其他”类目后在标题里多写几遍产品名",
            "不能发布这款产品",
        ),
    ),
    Question(
        "03.q9",
        "按教材的做法，产品标题的制作顺序是哪一个？",
        (
            "基础标题制作 → 流量词添加 → 多标题发布",
            "多标题发布 → 基础标题制作 → 流量词添加",
            "流量词添加 → 多标题发布 → 基础标题制作",
            "基础标题制作 → 多标题发布 → 流量词添加",
        ),
    ),
    Question(
        "03.q10",
        "想防止自己拍的产品图片被别人盗用，可以怎么做？",
        ("给图片加水印", "给图片添加图片守护", "把图片改成中文背景", "每张图压缩到 5 MB 以上"),
    ),
)


# 项目七 知识点 4-9 外贸直通车 (07.9.3-07.9.6): ranking, click price, premiums, weekly budget, plan rules.
_add(
    Question(
        "07.q10",
        "同一个关键词下有三个直通车产品：D 推广评分 8、出价 12 元；E 推广评分 11、出价 9 元；"
        "F 推广评分 6、出价 16 元。谁排在最前面？",
        ("D", "E", "F", "出价最高的 F"),
    ),
    Question(
        "07.q11",
        "你的推广评分是 10；排在你后面的那一名推广评分 8、出价 5 元。买家点你一次，扣多少钱？",
        ("4.01 元", "5.01 元", "6.26 元", "你自己设的出价"),
    ),
    Question(
        "07.q12",
        "计划的基本出价是 5 元，美国地域溢价设为 220%。按模拟器（教材推荐地域表）的算法，美国买家搜索时出价是多少？",
        ("11 元", "16 元", "5.22 元", "7.2 元"),
    ),
    Question(
        "07.q13",
        "计划日预算 100 元，开启了周预算。下面哪些说法正确？（多选）",
        (
            "流量大的那天预算不够时，当天最多可以花 120 元",
            "一周（周六到下周五）加起来最多花 700 元",
            "当天没花完的预算会留到第二天，第二天最多花 200 元",
            "周预算的一周从周一算到周日",
        ),
        multiple=True,
    ),
    Question(
        "07.q14",
        "今天是 2022-08-20。下面哪个产品可以手动加入新品成长计划？",
        (
            "2022-07-12 第一次发布的毛绒南瓜抱枕",
            "2022-03-14 发布、上周编辑后重新发布的积木",
            "2022-04-01 发布、点击量最高的遥控车",
            "任何一个状态为参加推广的产品",
        ),
    ),
    Question(
        "07.q15",
        "关于定向推广计划，下面哪些说法正确？（多选）",
        (
            "同一个产品可以同时放在 2 个定向推广计划里",
            "一个定向推广计划最多放 200 个产品",
            "没有设置人群溢价的买家就看不到这个广告",
            "只有 1–2 星的关键词才能通过出价排进前五名",
        ),
        multiple=True,
    ),
)


# 项目九 数据分析: 基础指标 (L5085-5091), 商品诊断 (L5119-5127), 日常操作 (L5131-5139)
_add(
    Question(
        "09.q1",
        "数据管家里的“询盘”指标，不把下面哪一种算进去？",
        (
            "买家针对某个产品发来的有效询盘",
            "买家针对公司信息发来的有效询盘",
            "系统判定的垃圾询盘和 TM 咨询",
            "买家从 True View 视频页发来的有效询盘",
        ),
    ),
    Question("09.q2", "点击率（CTR）是怎么算出来的？", ("曝光 ÷ 点击", "点击 ÷ 曝光", "询盘 ÷ 点击", "访客 ÷ 曝光")),
    Question(
        "09.q3",
        "一款产品曝光很多、点击很少（高曝低点），先做哪一步最合适？",
        (
            "把它的价格调到全店最低",
            "加入直通车词库并加价推广",
            "看关键词分析里的流量词，在推广计划中屏蔽不相关的词或换一个产品推广",
            "什么都不做，等买家自己点击",
        ),
    ),
    Question(
        "09.q4",
        "一款产品点击不少、询盘很少（高点低反馈），应该重点分析什么？",
        (
            "访客来自哪些地区、价格是否有竞争力，并做竞品分析",
            "把产品从橱窗里撤下来",
            "删除所有关键词",
            "把它加入更多推广计划，再加价",
        ),
    ),
    Question(
        "09.q5",
        "下面哪一项是每周要做的店铺优化动作？",
        ("RFQ 报价", "True View 发布", "看关键词指数，把新的关键词加进来", "客户盘点"),
    ),
    Question(
        "09.q6",
        "实力优品和橱窗的关系，下面哪种做法对？",
        (
            "实力优品不需要放进橱窗",
            "实力优品应全部放进橱窗；橱窗不够时择优挑选",
            "橱窗只放新发布的产品",
            "每个分组只放一个实力优品",
        ),
    ),
)

class QuizArea:
    """Saves the student's choices for knowledge-check questions."""

    def __init__(self, backend: Backend) -> None:
        self.backend = backend

    def answer(self, question_id: str, selected: Any) -> None:
        question = QUESTIONS.get(question_id)
        if question is None:
            raise SimError(f"没有编号为 {question_id} 的题目")
        if isinstance(selected, str):
            selected = [selected]
        errors = FieldErrors()
        chosen = validate.choices(
            errors,
            "answer",
            "答案",
            selected,
            question.options,
            min_n=1,
            max_n=None if question.multiple else 1,
        )
        errors.raise_if_any()
        with self.backend.transaction("quiz.answer", question_id) as work:
            work.answers[question_id] = list(chosen)

    def answer_of(self, question_id: str) -> list[str]:
        return list(self.backend.state.answers.get(question_id, []))
