"""Build course/08_trade/08_trade.ipynb (项目八 交易管理: 信用保障订单 and 运费模板)."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))
sys.path.insert(0, str(ROOT))

from nbbuild import code, grade, locked_md, md, quiz, solution, write  # noqa: E402

from alisim_widgets.sim.quiz import QUESTIONS  # noqa: E402
from autograde import SPECS  # noqa: E402

SETUP = """
# 第一步：打开本项目的模拟店铺（自动读取本文件夹里保存的进度）
import alisim_widgets as aw
from alisim_widgets.screens.freight import FreightPreview
from alisim_widgets.screens.tasks import ModeBanner, SelfCheck, TaskChecklist
from alisim_widgets.screens.trade import FeeCalculator, OrdersPage
from autograde import check

backend = aw.open_backend("08_trade", path=".")
if backend.problem:
    print(backend.problem)
ModeBanner(backend)
"""

SOLUTION_08_1_4 = """
if not [o for o in backend.trade.orders() if not o.inquiry_id]:
    order_form.fill(
        order_type="信用保障订单",
        buyer_email="DGQFAD@126.COM",
        buyer_name="Lin meimei",
        shipping_address="San Carlos, Mendoza, Argentina Eugenio Bustos, Mendoza, Mendoza, Argentina, 5569",
        product="2022 Autumn Velvet Bodycon Black Midi Dress for Women Long Sleeve Ruched Slim Fit Evening Dress Female Party Clubwear Vestido",
        spec="C10",
        quantity=100,
        unit_price_usd=36,
        shipping_method="海运",
        advance_usd=1000,
        ship_within_days=5,
        trade_terms="FOB",
        export_via_onetouch="不使用一达通报关",
    ).submit()
"""

SOLUTION_08_1_5 = """
if not [o for o in backend.trade.orders() if o.inquiry_id]:
    inquiry_form.fill(
        inquiry_id="INQ-AMY-01",
        product="Kids Plastic Balance Board with Maze Game Integration Training Wobble Board Children Fitness Board Activity Game",
        quantity=50,
        unit_price_usd=6,
        shipping_method="海运",
        trade_terms="CIF",
        advance_usd=200,
        ship_within_days=3,
        consignee_name="kayla",
        consignee_mobile="15899635888",
        consignee_postcode="90012",
        shipping_address="205 W. 1st St. Los Angeles, California 90012, America",
        export_via_onetouch="不使用一达通报关",
        assurance_term="保障到收货后",
    ).submit()
"""

SOLUTION_08_2_3 = """
europe = ["Germany", "Italy", "Czech Republic", "France", "Spain", "Belgium"]
if not backend.freight.templates():
    freight_form.fill(
        name="RTS 商品常规物流",
        origin="中国大陆",
        origin_postcode="250000",
        method="快递",
        goods="普通商品",
        logistics="优选物流",
        destination="France",
        services=[
            {"service": "FedEx IP", "delivery": "仓到门", "warehouse": "八达通深圳仓",
             "warehouse_postcode": "518000", "countries": europe, "rate_pct": 50},
            {"service": "全球3C&普货专线", "delivery": "仓到门", "warehouse": "越航深圳机场仓",
             "warehouse_postcode": "518000", "countries": europe, "rate_pct": 50},
        ],
    ).submit()
"""

QUIZ_IDS = sorted(q for q in QUESTIONS if q.startswith("08."))
TASKS = {"08.1.4": "起草信保订单", "08.1.5": "起草线上信保订单", "08.2.3": "设置运费模板"}


def quiz_cells() -> list:
    return [cell for qid in QUIZ_IDS for cell in quiz(qid)]


def task_cells(task_id: str, var: str, source: str) -> list:
    slug = task_id.replace(".", "_")
    return [
        code(f'{var} = aw.screen_for("{task_id}", backend)\n{var}'),
        code(f'SelfCheck(backend, "{task_id}")'),
        md("下面的单元格可以留空（只用上面的页面完成任务也能得分），也可以用代码操作页面。"),
        solution(source, f"answer_{slug}"),
        grade(f'check("{task_id}", backend)', f"check_{slug}", SPECS[task_id].points),
    ]


CHECKLIST = (
    "TaskChecklist(backend, {"
    + ", ".join(f'"{t}": "{name}"' for t, name in TASKS.items())
    + ", "
    + ", ".join(f'"{q}": "知识检测 {q.split("q")[-1]}"' for q in QUIZ_IDS)
    + "})"
)

cells = [
    md("""
# 项目八　交易管理：信用保障订单和运费模板

**学习目标**
- 说清信用保障订单和 e收汇订单各适合什么样的买家，二者有什么不同；
- 记住开通信用保障的条件，知道哪些目的地不能走信保订单；
- 会起草信保订单：买家信息、产品、付款条件、发货时间、贸易术语、出口方式；
- 会从询盘页面直接起草线上信保订单；
- 了解各种支付方式的手续费和到账时间，知道订单提交后还要经过哪些环节；
- 会设置运费模板：承运方案、发往国家、仓库、五种运费类型和承诺达，并会预览运费。

**怎么用这个笔记本**：从上到下依次运行每个单元格（Shift + Enter）。表单就是模拟的卖家后台页面，
填写后点击橙色按钮提交。操作会自动保存在本文件夹的 `alisim_state.json` 里，交作业时连同它一起提交。
"""),
    code(SETUP, "setup", locked=True),
    md("""
## 故事背景

2022 年 9 月，湖南典阅科技的店铺已经有了稳定的询盘。有买家直接下单订购连衣裙，老客户 Amy Tang
也谈妥了第一笔儿童平衡板的采购。Mark 要把这些生意变成平台上的订单：用**信用保障订单**让陌生买家放心付款，
再给店里的 Ready to Ship 商品配好**运费模板**，让买家一下单就能看到运费。
"""),
    md("""
## 知识点 1.1　信用保障订单和 e收汇订单

两种都是在平台上完成的线上订单，网站给的权益一样，操作流程也差不多。区别在于**买家是否需要平台担保**：

| | 信用保障订单（Trade Assurance） | e收汇订单（Direct Pay Order） |
|---|---|---|
| 适合谁 | 新买家、第一次合作，双方还不太信任 | 合作过的老买家返单，彼此已经信任 |
| 交易保障 | 有：平台用信用保障额度为买家担保，保障期间要冻结额度 | 没有保障，所以不占用信用保障额度 |
| 谁来起草 | 买家、卖家都可以 | 只有卖家能起草，买家每次都要确认 |
| 支付方式 | 多种跨境支付方式（见知识点 1.4） | 只有 T/T 和 D/P 两种，币种美元或人民币 |
| 谁能开通 | 大陆、港台的付费供应商，以及大陆已注册的免费供应商 | 大陆付费供应商 |

开通入口：信用保障在 bao.alibaba.com 点“免费开通”，或者第一次起草信保订单时按弹窗开通；
e收汇在 My Alibaba 的“交易管理 → 交易服务中心”，也可以在起草订单的页面直接开通。两者开通都不收费。
"""),
    md("""
## 知识点 1.2　开通信用保障要满足的条件

平台会检查卖家的“信用记录”，下面几条都要满足（条件以后可能调整，以《信用保障服务规则》为准）：

1. 公司法人、实际控制人和关联公司没有其他不良诚信记录；
2. 网站累计违规扣分**少于 48 分**（扣分还会影响信保额度）；
3. 严重侵权被投诉的累计次数**少于 3 次**；同一家公司有多个主账号时，只要一个账号达到 3 次，所有账号都不能开通；
4. **免费会员**要先做企业或法定代表人的**支付宝实名认证**；
5. 没有其他潜在风险，比如一达通方面的风险。

模拟店铺在模拟器里也会检查这几条：扣分到 48 分、侵权投诉到 3 次，起草订单就会被拒绝，并说明原因。
"""),
    md("""
## 知识点 1.3　起草和修改信保订单

路径：**My Alibaba → 交易管理 → 起草信用保障订单**（电脑、App、手机网页都可以起草）。

**填写订单基础信息时要注意：**
- **买家邮箱**应该是买家正在使用的**海外邮箱**；订单一旦起草，邮箱就**改不了**了。
  （任务里的 DGQFAD@126.COM 是国内邮箱服务商，模拟器会提醒你核对，但不会拒绝。）
- **添加产品**：在线起草时直接选店铺里已经发布的产品，并选好规格；已有线下 PI 的，可以“添加合同”上传。
- **运输条款**：收货地址（找不到城市时选“其他”再填写）、运输方式（如海运）、贸易术语（如 FOB、CIF）。
- **出口方式**：选“使用一达通报关”之前，先确认这批货真的能走一达通，否则以后无法发货，会拉低按时发货率；
  选“不使用一达通报关”时，产品不需要经过一达通预审。
- **发货时间**：写“预付款到账后几个自然日内发货”。只留 0–2 天很容易逾期，要给自己留足时间。

**支付条款：**
- 订单总价 = 数量 × 单价 + 其他费用；**预付款至少 1 美元**；想让买家一次付清，就把预付款设为总价的 100%；
- 尾款 = 订单总价 − 预付款，系统自动算出来。

**修改订单**：买家付款以前，卖家可以修改订单（买家邮箱除外），改完后要买家重新确认。
在下面的页面顶部，“修改订单”可以把一张还没付款的订单载入表单，改好后再点“提交订单”。
"""),
    md("""
## 知识点 1.4　支付方式、手续费和到账时间

买家付款时可以选不同的支付方式，每种方式的手续费和处理时间不一样：

| 支付方式 | 限制 | 手续费 | 处理时间 |
|---|---|---|---|
| Credit/Debit Card（信用卡/借记卡） | 多币种，VISA 每笔上限 12,000 美元 | 支付金额的 1.5%，最低 0.50 | 1–2 小时 |
| Online Transfer | 只能用本地货币，每笔上限 10,000 美元 | 15–30 美元，看金额 | 1–2 个工作日 |
| Online Bank Payment | 只能用美元，每笔上限 10,000 美元 | 15–30 美元，看金额 | 4–5 个工作日（有的银行 9–10 个） |
| Wire Transfer（T/T 电汇） | 美元国内电汇 1–2 个工作日，多币种 2–7 个工作日 | 15 美元起，看金额 | 1–7 个工作日 |
| Western Union（西联） | 只能用美元，每笔上限 1,500 美元 | 4.50–45.00 美元，看金额 | 1 个工作日 |
| Pay Later（先买后付） | 只能用美元，每笔上限 10,000 美元 | 支付金额的 1.5%（也有免息的） | 3–4 个工作日 |

表里“看金额”的费用，模拟器按一个固定的比例算，并保证落在表中的范围里。
用下面的**手续费计算器**试一试：改一改金额，看看哪种方式最省钱、哪种方式超过了上限。
"""),
    code("FeeCalculator(1000)"),
    md("""
## 知识点 1.5　增值服务、提交订单、到账和提现

- **增值服务**：除了个别特殊订单，起草时都可以勾选“专人跟单&验货服务”，降低生产周期和货物质量的风险。
  费用单由系统生成，买家直接付给平台，卖家等验货公司或平台工作人员联系就行。
- **订单备注**可以写特殊约定，例如“遇到中国法定节假日，发货日期顺延”。
- **提交订单**后会得到一个**订单编号**，系统发邮件通知买家；卖家也可以把订单链接发给买家。
  以后在“交易管理 → 所有订单”里可以找到它。
- **一笔订单的一生**：买家确认订单 → 买家付预付款 → 预付款到账后在承诺的天数内发货 → 买家付尾款 →
  钱到账后**关联订单**、**提现**。走一达通出口的，从一达通出口账户提现；自营出口等方式，从自主出口账户提现。
  e收汇订单没有信保额度的限制，买家确认合同、资金和货物对得上，就可以按实际收到的金额关联提现。

做完下面的实操以后，可以在“所有订单”页面里模拟这一整套流程（模拟时钟会往后走）。
"""),
    md("""
## 知识点 1.6　常见问题

- **开通要钱吗？** 信用保障和 e收汇开通都免费。
- **开通后多久能让买家看到？** 审核通过后大约 24 小时展示，买家搜索产品的页面最晚 72 小时同步。
- **货已经发走了，还能补起草信保订单吗？** 不能。信保订单必须**先起草、后发货**；走一达通的，
  信保订单要早于一达通委托单的通关时间，否则关联不上。
- **哪些目的地不能走信保订单？** 伊朗、北朝鲜、叙利亚、古巴、苏丹、埃及和克里米亚地区。
  缅甸可以走信保订单，但银行方面不保证能正常收款。模拟器会拒绝收货地址在这些地方的订单，并说明原因。
"""),
    locked_md(
        """
## 实操 08.1.4　起草信保订单

一家名为美国莱欧贸易有限公司的客户订购了一批连衣裙，这笔订单走信用保障。请帮 Mark 起草信用保障订单：

| 项目 | 内容 |
|---|---|
| 买家邮箱 | DGQFAD@126.COM |
| 买家姓名 | Lin meimei |
| 收货地址 | San Carlos, Mendoza, Argentina Eugenio Bustos, Mendoza, Mendoza, Argentina, 5569 |
| 产品名称 | 2022 Autumn Velvet Bodycon Black Midi Dress for Women Long Sleeve Ruched Slim Fit Evening Dress Female Party Clubwear Vestido |
| 产品规格 | C10 |
| 数量 | 100 件 |
| 单价 | 36 USD |
| 运输方式 | 海运 |
| 发货日期 | 预付款 1000 美金，预付款到账后 5 个自然日内发货 |
| 贸易术语 | FOB |
| 出口方式 | 不使用一达通报关 |
| 其他 | 无其他费用，无增值服务 |

**提示**：订单总价和尾款由系统自动计算，填完数量、单价和预付款后看一看对不对。
客户公司叫“美国”莱欧贸易，收货地址却在阿根廷：按任务给的信息填写即可。评分看你**最近一次**在这个页面提交的订单。
""",
        "task_08_1_4",
    ),
    *task_cells("08.1.4", "order_form", SOLUTION_08_1_4),
    locked_md(
        """
## 实操 08.1.5　从询盘起草线上信保订单

经过一段时间的沟通，零售商 Amy Tang 准备第一笔先采购 50 件儿童平衡板。请在询盘页面选中 Amy Tang 的询盘
（编号 INQ-AMY-01），点“起草信保订单”，买家的邮箱和姓名会从询盘自动带入。然后按下面的信息完成订单：

| 项目 | 内容 |
|---|---|
| 产品名称 | Kids Plastic Balance Board with Maze Game Integration Training Wobble Board Children Fitness Board Activity Game |
| 数量 | 50 件 |
| 单价 | 6 美金 |
| 运输方式 | 海运 |
| 贸易术语 | CIF，无其他费用 |
| 发货日期 | 预付款 200 美金到账后 3 个自然日内发货 |
| 收货方信息 | 姓名 kayla，手机号 15899635888，邮编 90012 |
| 收货地址 | 205 W. 1st St. Los Angeles, California 90012, America |
| 出口方式 | 不使用一达通报关 |
| 信用保障条款 | 保障到收货后 |
""",
        "task_08_1_5",
    ),
    *task_cells("08.1.5", "inquiry_form", SOLUTION_08_1_5),
    md("""
### 模拟订单的后续流程

选中一个订单，依次点“买家确认订单”“买家付款”（可以换支付方式，看手续费和到账日期），等预付款到账
（用“模拟时钟 +1 天”往后拨）再“发货”，然后收尾款、“提现”。试一试：预付款还没到账就点发货，会怎样？
超过承诺的发货日期再发货呢？（这些操作不影响实操的得分。）
"""),
    code("OrdersPage(backend)"),
    md("""
## 知识点 2.1　运费模板：入口和功能

运费模板决定买家下单时看到的运费。入口有两个：发布或管理产品时，在物流信息里点“管理运费模板”；
或者 **My Alibaba → 交易管理 → 运费模板**，新建或编辑模板。

- **承运商**：系统从平台推荐的快递方案里挑选，有全球行业专线，也有无忧专线。要先确认自己的货在这条线上能运。
- **销售国家**：默认勾选这个方案能派送的所有国家，可以按平台推荐的优势线路调整。
- **发货仓库**：选离自己近的仓库（仓到门方案要选仓库，并填发货邮编）。
- **运费计算**：用平台的快递价格，**调价率默认 100%**，可以往上或往下调。

**配置之前先知道：**
- 运费模板目前**只支持快递**，不支持空运和海运；
- 快递运不了的大件、量不准尺寸和重量的商品，暂时做不了 Ready to Ship 商品；
- 运费太高会吓跑买家：常见原因是包装尺寸、重量填得太大，把“按件卖”理解成“按箱卖”，或调价率设得太高。
- 发货时按买家选的快递方案走，不要随意换快递公司，否则物流凭证关联不上，信保订单完结不了。
"""),
    md("""
## 知识点 2.2　运费模板的配置逻辑

**第一步：选对快递方案。** 先保证商品能运出去；再按“快、中、慢”给买家几种选择，时效和价格差不多的方案不用重复配。
**一种商品类型只配一个运费模板**，不要把不同类型的商品混在一起。

**第二步：填运费详情。** 选仓库或填邮编，勾选要卖的国家（带电产品不要勾选不支持带电的国家），再选运费类型：

| 运费类型 | 怎么算 | 用在哪里 |
|---|---|---|
| 阿里物流价 | 平台运价 × 调价率 | 用平台物流时推荐 |
| 卖家包邮 | 运费为 0，不向买家收运费 | 想用包邮吸引买家 |
| 按重量 / 按数量 | 自己设首重、续重或每件的运费 | 用自己的物流 |
| 协商物流 | 不显示明确的运费 | 不符合 Ready to Ship 标准，运费模板里不能用 |

**承诺达（On-time Delivery）**：平台为 23 个国家的买家提供“准时送达”的保障。包裹出库后没有在承诺的时间内送到，
平台按这笔信保订单的运费补偿买家，**最多 50 美元**。想让商品带上 On-time Delivery 标签，要同时满足：
方案是支持承诺达的**六条线**之一（全球 3C、全球重货、全球化妆品、全球电子烟、欧美专线、中美经济专线），
运费类型选**阿里物流价**，**调价率不超过 120%**。运不了的商品不要配承诺达。

**第三步：和商品关联，检查有没有异常。** 看商品是否符合 RTS 标准、有没有“体积太大”“无法承运”的提示，
再看**预览运费**：预览里的运费是**最小起订量**的运费，单位美元。某个方案没出现，说明最小起订量已经超出它的承运范围，
比如无忧专线单个包裹最多 20 kg；反过来，**全球重货专线要 20 kg 以上才会出现**。
"""),
    locked_md(
        """
## 实操 08.2.3　设置运费模板

公司主要面向欧洲市场，Mark 要设置一个运费模板，保证订单能正常起草。请按下面的要求完成：

| 项目 | 内容 |
|---|---|
| 模板名称 | RTS 商品常规物流 |
| 发货地 | 中国大陆，发货地邮编 250000 |
| 物流支持方式 | 快递 |
| 公司经营商品 | 普通商品 |
| 物流选择 | 优选物流 |
| 发往的国家 | 欧洲 France |
| 服务类型 1 | FedEx IP，仓到门，八达通深圳仓发货，发货邮编 518000；发往 Germany、Italy、Czech Republic、France、Spain、Belgium；运费调整比例 50% |
| 服务类型 2 | 全球 3C&普货专线，仓到门，越航深圳机场仓发货，发货邮编 518000；发往国家同上；运费调整比例 50% |

**提示**：第二个服务类型点“+ 添加服务类型”再填。运费类型保持“阿里物流价”，调整比例填在“运费调整比例”里。
""",
        "task_08_2_3",
    ),
    *task_cells("08.2.3", "freight_form", SOLUTION_08_2_3),
    md("""
### 预览运费

保存模板以后，选一个产品，看看它**最小起订量**的运费是多少（美元）。换一个很重的产品
（比如起订量 100 套的积木）再看看：哪个方案不见了？为什么？
"""),
    code("FreightPreview(backend, 3178)"),
    md("""
## 知识检测

每道题选好答案后点击“提交答案”，答案会保存下来，可以改了再交。
"""),
    *quiz_cells(),
    md("""
## 我的进度
"""),
    code(CHECKLIST),
    md("""
## 小结

- 信用保障订单给新买家担保，e收汇订单给信任已建立的老买家，不占额度，只有 T/T 和 D/P；
- 开通信保：违规扣分少于 48 分，严重侵权投诉少于 3 次，免费会员要支付宝实名认证；
- 起草订单：买家海外邮箱（起草后不能改）、已发布产品和规格、数量单价、预付款至少 1 美元（可以 100%）、
  尾款自动算、发货天数别太紧、出口方式想清楚；伊朗、北朝鲜、叙利亚、古巴、苏丹、埃及、克里米亚不能走信保；
- 订单要先起草后发货；付款方式不同，手续费和到账时间不同；钱到账后关联订单、提现；
- 运费模板只支持快递；一种商品一个模板；五种运费类型里协商物流不能用于 RTS；
  承诺达要六条线之一、阿里物流价、调价率不超过 120%，最多赔 50 美元；预览的是最小起订量的美元运费。

下一个项目，Mark 要学会看店铺的数据，用数据来指导运营。
"""),
]

if __name__ == "__main__":
    out = write(cells, ROOT / "course" / "08_trade" / "08_trade.ipynb", "项目八 交易管理")
    print(f"wrote {out}")
