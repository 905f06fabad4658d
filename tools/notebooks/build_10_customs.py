"""Build course/10_customs/10_customs.ipynb (项目十 出口服务: 报关单证制作)."""

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
from alisim_widgets.screens.customs import CustomsDocsPage
from alisim_widgets.screens.tasks import ModeBanner, SelfCheck, TaskChecklist
from alisim_widgets.sim.customs import fee_notation
from autograde import check

backend = aw.open_backend("10_customs", path=".")
if backend.problem:
    print(backend.problem)
ModeBanner(backend)
"""

NOTATION = """
# 费用的海关写法：fee_notation(写法, 数值, 币制)。写法 rate = 率，unit = 单价，total = 总价
examples = [
    ("运费 5%", "rate", 5, None),
    ("运费 USD50/MT", "unit", 50, "USD"),
    ("运费 HKD5000", "total", 5000, "HKD"),
    ("保费 0.27%", "rate", 0.27, None),
    ("保费 EUR5000", "total", 5000, "EUR"),
    ("杂费计入 1%", "rate", 1, None),
    ("杂费计入 GBP5000", "total", 5000, "GBP"),
    ("杂费扣除 1%", "rate", -1, None),
    ("杂费扣除 JPY5000", "total", -5000, "JPY"),
]
for name, kind, value, currency in examples:
    print(f"{name:<18} → {fee_notation(kind, value, currency)}")
"""

TRY_IT = """
# 动手试一试：本任务的运费是 100 澳元（总价），报关单上该怎么写？改一改数值、写法和币制再运行
fee_notation("total", 100, "AUD")
"""

TASK_SOLUTION = """
if backend.customs.latest() is None:
    customs.fill(
        domestic_shipper="HuNan DianYue Science and Technology Co., Ltd",
        exit_customs="北京关区",
        record_no="00001",
        overseas_consignee="Cici",
        transport_mode="水路运输",
        vessel="MARE DKICUM/ 0332W",
        voyage_no="23230",
        bill_of_lading="X21666002495",
        producer_seller="HuNan DianYue Science and Technology Co., Ltd",
        supervision_mode="一般贸易",
        levy_nature="一般征税",
        license_no="370000266736773",
        contract_no="CN62302095206141",
        trade_country="中国",
        arrival_country="澳大利亚",
        destination_port="中国境内",
        exit_port="北京",
        package_kind="包/袋",
        packages="100",
        gross_kg="30.5",
        net_kg="30",
        trade_terms="CIF",
        currency="AUD-澳大利亚元",
        freight="100",
        freight_kind="总价",
        insurance="4",
        insurance_kind="总价",
        misc="20",
        misc_kind="总价",
        marks="N/M",
        special_relationship="否",
        price_influence="否",
        royalties="否",
        goods=[{
            "hs_code": "6204420000", "goods_name": "Princess Dress Pink/002-03F", "quantity": "100", "unit": "件",
            "gross_kg": "30.5", "net_kg": "30", "unit_price": "20", "total": "2000", "currency": "AUD",
            "origin_country": "中国", "destination_country": "澳大利亚", "domestic_source": "东城区",
            "levy": "照章征税",
        }],
        shipper="HuNan DianYue Science and Technology Co., Ltd",
        shipper_address="15 / F, Building A, No.128 East Fourth Ring Middle Road, Chaoyang District, Beijing",
        shipper_tel_fax="13666301234",
        consignee_address="55 Dunblane Street, Camperdown, NSW 2050, Australia",
        consignee_tel_fax="0061-6356345",
        settlement="T/T",
        volume_cbm="1",
        ship_date="2023-01-20",
        contract_date="2023.01.03",
        packing_list_no="20200103",
        packing_list_date="2023.01.03",
        invoice_no="IVF62302095202332",
        invoice_date="2023.01.03",
    ).submit()
"""

QUIZ_IDS = sorted(q for q in QUESTIONS if q.startswith("10."))


def quiz_cells() -> list:
    return [cell for qid in QUIZ_IDS for cell in quiz(qid)]


CHECKLIST = (
    'TaskChecklist(backend, {"10.1.4": "制作报关单证", '
    + ", ".join(f'"{q}": "知识检测 {q.split("q")[-1]}"' for q in QUIZ_IDS)
    + "})"
)

cells = [
    md("""
# 项目十　出口服务：报关单证制作

**学习目标**
- 知道阿里巴巴的报关单证制作工具能做什么：一次录入，生成报关草单、合同、发票和装箱单；
- 会填报关单的基本信息：发货人和收货人、成交方式和它要求的费用、币制、标记唛码、三项确认；
- 会用海关的写法填运费、保费和杂费（率、单价、总价，以及扣除时的负数）；
- 会填商品信息：10 位 HSCODE、品名、毛重和净重、法定单位，分清贸易国、运抵国和指运港；
- 在模拟工具里为 Mark 做出一整套报关单证，并打开生成的 PDF 和表格。

**怎么用这个笔记本**：从上到下依次运行每个单元格（Shift + Enter）。表单就是模拟的报关单证工具，
填写后点击橙色的“生成单证”按钮。操作会自动保存在本文件夹的 `alisim_state.json` 里，生成的单证放在
`customs_docs` 文件夹里，交作业时连同它们一起提交。
"""),
    code(SETUP, "setup", locked=True),
    md("""
## 故事背景

2023 年 1 月 3 日，湖南典阅科技接到了澳大利亚买家 **Cici** 的订单：100 件粉色公主裙（Princess Dress
Pink/002-03F），每件 20 澳元，走海运出口。货物出境前要向海关申报，Mark 需要准备报关单和随附的合同、
发票、装箱单。一份一份地手写既慢又容易前后不一致，所以他打算用国际站的**报关单证制作工具**：
信息只录一次，整套单证一次生成。
"""),
    md("""
## 知识点 1.1　报关单证制作工具

出口报关要交的不只是一张报关单，还要附上**合同**、**商业发票**和**装箱单**。这几份单证里有大量相同的
信息（发货人、收货人、商品、数量、金额、重量），分开填写很容易出现数字对不上的情况。

阿里国际站开发的报关单证制作工具把这件事简化了：企业把报关信息**录入一次**，工具就能**一键生成**
整套资料——报关草单，以及合同、发票、装箱单。草单用来核对，核对无误后再正式申报。

## 知识点 1.2　账号注册使用

用这个工具只要两步：先在阿里巴巴的注册页面注册一个账号，再用注册的邮箱和密码登录工具的网站，
就可以开始制作单证。（本项目里的模拟工具不需要另外注册，直接在下面填写即可。）
"""),
    md("""
## 知识点 1.3　基本信息怎么填

**发货人和收货人**：可以填公司名称，也可以填地址。

**成交方式**：最常见的是三种，它们决定了报关单上要填哪些费用：

| 成交方式 | 运费 | 保险费 | 为什么 |
|---|---|---|---|
| CIF | 要填 | 要填 | 价格里已经包含了运到目的港的运费和保险费 |
| C&F | 要填 | 不填 | 价格包含运费，保险由买方自己买 |
| FOB | 不填 | 不填 | 卖方只负责在本国港口装船，之后的运费和保险都归买方 |

模拟工具会按这张表检查：选了 CIF 却漏填保费，或者选了 FOB 却填了运费，都会被拒绝。

**币制**：可以是外币，也可以是人民币，和实际收汇的币种保持一致就行。

**标记唛码**（Shipping Marks，单证上也写作 Marks、MKS、Marks & Nos.、Case Mark 等）：印刷或贴在货物外包装上的
标识，也要写进装箱单、提单和发票。货物没有唛码时，填 **N/M**（No Mark）。

**特殊关系确认、价格影响确认、支付特许权使用费确认**：问的是卖方和收货人、中间商之间有没有某种关系，
使这笔生意的价格和别的生意不一样。按实际情况填“是”或“否”。
"""),
    md("""
## 知识点 1.4　运费、保费、杂费的海关写法

报关单上的费用不是直接写“100 澳元”，而是写成“**币制代码 / 数值 / 标记**”的形式。标记说明这个数是怎么算的：
**1 = 费率**，**2 = 每单位的单价**，**3 = 总价**。按费率填写时不写币制。杂费如果是**扣除**（从货价里减掉），数值写成**负数**。

常用的海关币制代码：

| 币种 | 美元 USD | 港币 HKD | 欧元 EUR | 英镑 GBP | 日元 JPY | 澳大利亚元 AUD |
|---|---|---|---|---|---|---|
| 代码 | 502 | 110 | 300 | 303 | 116 | 601 |

运行下面的单元格，看看教材例表里的每一种费用是怎么写的：
"""),
    code(NOTATION),
    code(TRY_IT),
    md("""
在下面的工具里填运费、保费、杂费时，输入框旁边也会实时显示它在报关单上的写法。

## 知识点 1.5　商品信息怎么填

- **HSCODE**：报关用的商品编码，**10 位数字**。本任务的公主裙是 6204420000。
- **商品名称及规格型号**：写货物的品名，最好中英文对照（普通货物可以只写中文，化工品必须中英文都写）；规格型号可以不填。
- **毛重和净重**：两个都要写。一般毛重大于净重（毛重包括包装）；裸装货物毛重可以等于净重；
  **毛重小于净重不合常理**，工具会拒绝。
- **法定单位**：法定第一单位是千克时，指的是**净重**；法定第二单位没有特别要求时，可以按客户的需要写件、套等。
- **最终目的国、原产国、单价、总价**按实际填写；**总价 = 数量 × 单价**，算错了工具会提示。

**贸易国、运抵国、指运港**不要混：

| 项目 | 含义 | 三方贸易的例子（中间商在新加坡，收货人在荷兰鹿特丹） |
|---|---|---|
| 贸易国 | 实际和我们做这笔生意的一方所在的国家 | 新加坡 |
| 运抵国 | 货物直接运到的国家 | 荷兰 |
| 指运港 | 货物最终要到达的港口 | 鹿特丹 |

不是三方贸易时，贸易国和运抵国是同一个国家。（注意：本任务给出的贸易国是“中国”、指运港是“中国境内”，
按任务原样填写即可；工具会提醒你贸易国和运抵国不一致，但不会拒绝。）
"""),
    locked_md(
        """
## 实操 10.1.4　制作报关单证

报关单证制作工具是阿里国际站研发的一款报关单证工具：企业只要录入一次报关信息，就能一键生成整套报关资料
（报关草单、合同、发票、装箱单）。为了后面顺利报关，请帮 Mark 在工具里按下面的信息填写，然后点击“生成单证”。

**基本信息**

| 项目 | 内容 | 项目 | 内容 |
|---|---|---|---|
| 境内发货人 | HuNan DianYue Science and Technology Co., Ltd | 出境关别 | 北京关区 |
| 备案号 | 00001 | 境外收货人 | Cici |
| 运输方式 | 水路运输 | 运输工具名称 | MARE DKICUM/ 0332W |
| 航次号 | 23230 | 提运单号 | X21666002495 |
| 生产销售单位 | HuNan DianYue Science and Technology Co., Ltd | 监管方式 | 一般贸易 |
| 征免性质 | 一般征税 | 许可证号 | 370000266736773 |
| 合同协议号 | CN62302095206141 | 贸易国--运抵国 | 中国--澳大利亚 |
| 指运港--离境口岸 | 中国境内--北京 | 包装种类 | 包/袋 整装 100 件 |
| 毛重/净重 | 30.5kg/30kg | 成交方式 | CIF |
| 其他费用总价 | 运费：100，保费：4，杂费：20 | 币制 | AUD-澳大利亚元 |
| 标记唛码 | N/M | 特殊关系、价格影响、支付特许权 | 否 |

**商品信息**

| 项目 | 内容 |
|---|---|
| 商品编号 | 6204420000 |
| 商品名称及规格型号 | Princess Dress Pink/002-03F |
| 数量及单位 | 100 件（法一单位） |
| 重量：毛重/净重 | 30.5kg/30kg |
| 单价/总价/币值 | 每件 20 澳元，共 2000 澳元 |
| 原产地 / 目的国 | 中国 / 澳大利亚 |
| 境内货源地 | 东城区 |
| 征免方式 | 照章征税 |

**合同箱单发票相关信息**

| 项目 | 内容 |
|---|---|
| 发货人 | HuNan DianYue Science and Technology Co., Ltd |
| 发货地址 | 15 / F, Building A, No.128 East Fourth Ring Middle Road, Chaoyang District, Beijing |
| 发货人电话和传真 | 13666301234 |
| 收货人地址 | 55 Dunblane Street, Camperdown, NSW 2050, Australia |
| 收货人电话和传真 | 0061-6356345 |
| 结汇方式 | T/T |
| 体积 | 1CBM |
| 预计发货日期 | 2023 年 1 月 20 日 |
| 合同号/日期 | CN62302095206141/2023.01.03 |
| 箱单号/日期 | 20200103/2023.01.03 |
| 发票号/日期 | IVF62302095202332/2023.01.03 |

**提示**：费用按“总价”填写；日期可以写成 2023-01-03，也可以照抄 2023.01.03。评分看你**最近一次**生成的单证里保存的信息。
""",
        "task_10_1_4",
    ),
    code('customs = aw.screen_for("10.1.4", backend)\ncustoms'),
    code('SelfCheck(backend, "10.1.4")'),
    md("下面的单元格可以留空（只用上面的页面完成任务也能得分），也可以用代码操作页面。"),
    solution(TASK_SOLUTION, "answer_10_1_4"),
    grade('check("10.1.4", backend)', "check_10_1_4", SPECS["10.1.4"].points),
    md("""
### 打开生成的单证

生成成功后，本文件夹的 `customs_docs` 文件夹里会多出五个文件：报关草单、合同、商业发票、装箱单四个 PDF，
以及一个包含四个工作表的 Excel 表格（老师或同学想修改时可以直接编辑）。在左侧文件浏览器里双击 PDF 就能打开。
运行下面的单元格，列出文件并预览单证内容：
"""),
    code("""
for path in backend.customs.files():
    print(path)
CustomsDocsPage(backend)
"""),
    md("""
也可以直接在笔记本里看 PDF：下面的单元格把报关草单嵌在页面里（JupyterLab 用浏览器自带的 PDF 阅读器显示）。
把 `files[0]` 改成 `files[1]`、`files[2]`、`files[3]`，就能看合同、商业发票和装箱单。
"""),
    code("""
from IPython.display import IFrame, display

files = backend.customs.files()
if not files:
    print("还没有生成单证：先在上面的页面点击“生成单证”")
elif files[0].is_absolute():  # 教师版的单证放在临时文件夹里，不留在要发布的作业文件夹中
    print("单证在临时文件夹里：", files[0].parent)
else:
    display(IFrame(files[0].as_posix(), width=900, height=650))
"""),
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

- 报关单证制作工具：信息录入一次，一键生成报关草单、合同、发票和装箱单，避免几份单证数字对不上；
- 成交方式决定费用：CIF 填运费和保险费，C&F 只填运费，FOB 都不填；
- 费用的海关写法：币制代码/数值/标记，标记 1 = 率、2 = 单价、3 = 总价，按率填时不写币制，扣除写负数；
  常用代码 502 美元、110 港币、300 欧元、303 英镑、116 日元（601 澳大利亚元）；
- 币制和收汇币种一致；没有唛头填 N/M；三项确认按实际填是或否；
- 商品信息：HSCODE 10 位，毛重不小于净重，法定第一单位千克指净重，总价 = 数量 × 单价；
- 贸易国是成交方所在国，运抵国是货物直接运到的国家，指运港是最终到达的港口；不是三方贸易时贸易国与运抵国一致。

至此，Mark 从注册账号、开店、发布产品，一直做到了出口报关，完整走了一遍国际站的业务流程。
"""),
]

if __name__ == "__main__":
    out = write(cells, ROOT / "course" / "10_customs" / "10_customs.ipynb", "项目十 出口服务")
    print(f"wrote {out}")
