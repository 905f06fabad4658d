"""The answer key of every knowledge check (teacher and tests only: never installed with the package).

The package keeps only a digest of each answer (``autograde.specs.quiz.answer_digest``);
``tests/autograde/test_quiz_answers.py`` checks that the two agree.
"""

QUIZ_ANSWERS: dict[str, list[str]] = {
    "01.q1": ["在大陆工商局注册、自己生产玩具的工厂", "在大陆注册、专做服装出口的贸易公司"],
    "01.q2": ["29800 元/年"],
    "01.q3": ["10 个"],
    "01.q4": [
        "与营业执照一致的公司名称",
        "没有绑定过阿里旗下产品的电子邮箱",
        "法人的英文姓名",
        "登录密码",
        "能接收验证码的手机号码",
    ],
    "01.q5": ["错"],
    "02.q1": ["数据管家"],
    "02.q10": ["人工服务", "安保问题+证件号码", "手机验证码+证件号码", "有效验证码+证件号码"],
    "02.q11": ["不可以"],
    "02.q9": ["制作员", "管理员（主账号）"],
    "02.q12": ["先解冻，再删除"],
    "02.q13": ["自动归入主账号（管理员）"],
    "02.q2": ["提出认证的人是否属于这家公司", "被认证的公司是否合法存在"],
    "02.q3": ["第三方认证公司（如中德、中诚信、CBI）"],
    "02.q4": ["3 次"],
    "02.q5": ["企业支付宝验证", "对公账号打款验证", "法人代表个人支付宝验证", "线下验证"],
    "02.q6": ["1 个工作日"],
    "02.q7": ["70%"],
    "02.q8": ["联系国际站客户经理申请修改"],
    "02.q14": ["管理员（主账号）"],
    "02.q20": ["买家端 R&D CAPACITY 页面 ← 卖家端 管理公司信息", "买家端 快速查找商品 ← 卖家端 设置产品分组"],
    "02.q21": ["询盘直通车"],
    "02.q22": ["1 个月内自助预约，最快 48 小时后上门；可改约一次，须提前 48 小时"],
    "02.q23": ["公司类型", "经营地址"],
    "03.q1": [
        "Kids Plastic Balance Board with Maze Game Integration Training Wobble Board Children Fitness Board Activity Game",
        "Shockproof Silicone Phone Case for iPhone 13 Pro Max Soft Back Cover",
        "Wireless Bluetooth Earphones Sports Headset with Mic for Running and Gym Workout",
    ],
    "03.q2": [
        "先在认证中心提交禁限售证书，再发布在 Timepieces, Jewelry, Eyewear > Eyewear > Contact Lenses 类目"
    ],
    "03.q3": ["弹簧刀等管制刀具", "电子烟", "老虎机", "象牙工艺品"],
    "03.q4": ["15 天"],
    "03.q5": [
        "Customization 产品也可以按数量设置阶梯价格",
        "Customization 适合来图、来样加工和开模等深度定制",
        "Ready to Ship 适合小批量、低起订量、要快速发货的买家",
    ],
    "03.q6": ["同一款积木，只改了标题又发布一次", "同一款积木，换了主图和详情描述再发布一次"],
    "03.q7": ["45 秒"],
    "04.q1": ["视频里出现了联系方式"],
    "04.q2": ["1080×1080，20 秒，英文字幕，英文配音", "1920×1080，45 秒，英文字幕，没有配音"],
    "04.q3": ["良好"],
    "04.q4": ["750×1334"],
    "04.q5": ["16:9", "1:1", "3:4", "9:16"],
    "04.q6": ["标签 1–3 个，关联产品最多 9 个"],
    "04.q7": ["错"],
    "04.q8": ["出口通会员里的一星商家，以及全部金品诚企会员"],
    "04.q9": ["近 30 天的有效播放次数"],
}
