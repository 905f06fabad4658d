"""Every backend rule and limit, as named constants with their textbook line.

The textbook is ``shared/seed`` ("跨境电商业务综合实训 (阿里巴巴1+X)"); ``L123`` is its line number.
A teacher who sees the platform change a limit changes it here, and only here.
"""

from __future__ import annotations

# --- Membership (L243-290, L352) -------------------------------------------------------------
TIER_FREE = "免费会员"  # L278
TIER_GOLD = "出口通"  # 普通会员, L278
TIER_VERIFIED = "金品诚企"  # 高端会员 (Verified Supplier), L278
MEMBERSHIP_TIERS = (TIER_FREE, TIER_GOLD, TIER_VERIFIED)  # L278
MEMBERSHIP_FEE_CNY = {TIER_FREE: 0, TIER_GOLD: 29_800, TIER_VERIFIED: 80_000}  # L286, L352
MAX_SUB_ACCOUNTS = {TIER_FREE: 5, TIER_GOLD: 5, TIER_VERIFIED: 10}  # L274, L1279
SHOWCASE_GROUPS = {TIER_FREE: 0, TIER_GOLD: 2, TIER_VERIFIED: 8}  # L279
SHOWCASES = {TIER_FREE: 0, TIER_GOLD: 10, TIER_VERIFIED: 40}  # L3606
FREE_MEMBER_RFQ_QUOTES = 10  # L272 免费获取10条报价权益

# --- Registration (L344-364) -----------------------------------------------------------------
# Only mainland-registered companies selling physical goods may open a store (L346-348).
ELIGIBLE_COMPANY_KINDS = ("生产型企业", "贸易型企业")
INELIGIBLE_COMPANY_KINDS = ("物流公司", "检测认证公司", "管理服务公司", "离岸公司", "个人")  # L347-348
COMPANY_NAME_MAX = 100  # form limit of the simulator (the textbook gives none)
ADDRESS_MAX = 200  # simulator form limit (the textbook gives none)
PERSON_NAME_MAX = 50  # simulator form limit
EMAIL_MAX = 100  # simulator form limit
PASSWORD_MIN = 6  # the registration form's own minimum (simulator; 'dianyue123' is 10)
PASSWORD_MAX = 20  # simulator form limit
MOBILE_DIGITS = 11  # mainland mobile numbers (13666301234, L393)
SMS_CODE_DIGITS = 6  # simulator
SMS_CODE_VALID_MINUTES = 15  # simulator
# Mainland registration numbers: the old 15-digit number (440000551523412, L383) or the
# 18-character unified social credit code. Only the format is checked: the textbook's own
# number fails its check digit (RULES.md, Contradictions).
LICENSE_NO_LENGTHS = (15, 18)

# --- A&V verification (L592-632) -------------------------------------------------------------
AV_ELEMENT_ATTEMPTS_PER_DAY = 3  # L624
AV_AUTH_METHODS = ("法人代表个人支付宝验证", "企业支付宝验证", "对公账号打款验证", "线下验证")  # L626
AV_REVIEW_WORKING_DAYS = (1, 2)  # L604
AV_TOTAL_DAYS = (7, 8)  # L632
# 02 A&V wizard: manual verification (线下验证) adds the certification company's check (L604).
AV_MANUAL_CHECK_WORKING_DAYS = (1, 2)  # L604
AV_MANUAL_METHOD = "线下验证"  # L626
AV_ID_NO_LENGTH = 18  # simulator: mainland resident ID (370202198512461234, L651); only the format is checked

# --- Company info (L741-1029) ----------------------------------------------------------------
COMPANY_REVIEW_WORKING_DAYS = 1  # L997
LOGO_MAX_BYTES = 200 * 1024  # L979 PNG < 200 KB
LOGO_ADVISED_PX = (100, 100)  # L979
COMPANY_DESCRIPTION_MAX = 4000  # L982
COMPANY_PHOTO_MAX_BYTES = 200 * 1024  # L985 JPG < 200 KB
# 02 company info screen (task 02.3.1); "simulator" marks limits the textbook does not give.
# L762 describes three usual company photos (gate with logo, office or workshop, panorama) but sets no cap:
# three is advice (more warn). The cap is a simulator bound against huge uploads, labelled as such.
COMPANY_PHOTOS_ADVISED = 3  # L762
COMPANY_PHOTOS_MAX = 20  # simulator: the textbook gives no cap
COMPANY_PHOTO_ADVISED_PX = (300, 270)  # L985
# L988: the video formats the form accepts
COMPANY_VIDEO_FORMATS = tuple("wmv avi mpg mpeg 3gp mov mp4 flv mkv m2ts mts vob asf".split())
COMPANY_VIDEO_MAX_BYTES = int(2.5 * 1024 * 1024)  # L988 smaller than 2.5 MB
COMPANY_VIDEO_ADVISED_SECONDS = 30  # L988 (advice: the simulator does not read the duration)
COMPANY_TYPES = ("贸易型", "工厂型", "工贸一体")  # L1005, L1019: trading vs factory / factory + trade
COMPLETENESS_ENVIRONMENT_PCT = (0, 50, 100)  # L1011 photos and video: one of the two → 50 %
COMPLETENESS_PRODUCTION_PCT = (0, 35, 70, 100)  # L1027 flow chart, equipment, lines: 35 / 70 / 100 %
COMPLETENESS_QUALITY_PCT = (0, 50, 100)  # L1028 QC process, testing equipment: 50 / 100 %
MAIN_PRODUCTS_MAX = 5  # simulator: the form has five entries (task 02.3.1 fills five)
MAIN_PRODUCT_MAX_LEN = 50  # simulator
COMPANY_ADVANTAGES_MAX = 1000  # simulator
POSTCODE_DIGITS = 6  # mainland postcode (410000, L674)

# --- Shop decoration (L1030-1186) ------------------------------------------------------------
SIGNBOARD_PX = (1200, 280)  # L1138
SIGNBOARD_NAV_COVER_PX = 44  # L1138
CAROUSEL_MAX_IMAGES = 4  # L1158
CAROUSEL_MAX_BYTES = 2 * 1024 * 1024  # L1158
CAROUSEL_WIDTH_PX = 900  # L1158 "建议宽为900像素": advice, other widths warn
CAROUSEL_HEIGHTS_PX = (250, 350, 450)  # L1158
CAROUSEL_ROTATION = ("不轮播（买家手动切换）", "每五秒切换", "每十秒切换")  # L1154-1156, worded as printed
SIGNBOARD_FONTS = (
    "默认字体",
    "Arial",
    "Times New Roman",
    "Verdana",
    "Georgia",
)  # L1140 字体 (names: simulator)
SIGNBOARD_FONT_SIZES = (16, 20, 24, 28, 32, 36)  # L1140 字号 in px (values: simulator)
SIGNBOARD_EFFECTS = ("无效果", "加粗", "阴影", "描边")  # L1140 效果 (names: simulator)
BANNER_PLACEMENTS = (
    "店招下方（首屏）",
    "产品推荐板块上方",
    "产品推荐板块下方",
    "页面底部",
)  # L1148 drag to a place (place names: simulator)
PRODUCT_MODULE_TYPES = (
    "橱窗产品",
    "带类目产品",
    "单品",
    "平铺",
    "重点推荐",
    "主营产品认证",
    "智能产品推荐",
)  # L1164
PRODUCT_MODULE_LINK_MAX = 300  # simulator: the module's own link (L1167 "标题、链接等自定义内容")
FULL_BANNER_MAX_IMAGES = 5  # L1158
FULL_BANNER_WIDTH_PX = 1920  # L1158
FULL_BANNER_HEIGHTS_PX = (550, 650)  # L1158
TILED_PRODUCTS_MAX = 8  # L1167 平铺产品最多可展示8个产品
SERVICE_ACCOUNTS_MAX = 5  # L1054
SERVICE_AVATAR_PX = (100, 100)  # L1175
CUSTOM_AREAS_MAX = 15  # L1183
SHOP_VIDEO_MAX_SECONDS = 10 * 60  # L1050
# Added for the decoration screen (02.4.1); "simulator" marks limits the textbook does not give.
DECORATION_IMAGE_FORMATS = ("JPEG", "PNG")  # L1158 (banners), L1175 (service avatars); used for every image
DECORATION_UPLOAD_MAX_BYTES = 10 * 1024 * 1024  # simulator: any decoration image
DECORATION_IMAGE_MAX_PIXELS = 40_000_000  # simulator: refuse decompression bombs before decoding
SHOP_VIDEO_MAX_BYTES = 500 * 1024 * 1024  # simulator (as a product detail video)
SHOP_VIDEO_FORMATS = ("mp4", "mov")  # simulator: extension and real container (sim/media_probe.py)
SERVICE_TYPES = ("售前咨询", "售后服务", "物流咨询")  # L1054 "细分客服类型" (names: simulator)
CUSTOM_AREAS_TEXT_MAX = 2000  # simulator

# --- Account info and security (L1187-1274) --------------------------------------------------
AVATAR_MAX_BYTES = 3 * 1024 * 1024  # L1217 JPG only, < 3 MB
AVATAR_REVIEW_HOURS = 24  # L1223 reviewed, shown within 24 h (the simulator shows it the next scenario day)
SENSITIVE_CODE_VALID_MINUTES = 15  # simulator: as the registration SMS code
SECURITY_ANSWER_LEN = (2, 50)  # simulator
PRIVACY_LEVELS = ("所有用户可见", "仅认证供应商可见", "所有用户不可见")  # L1243
SENSITIVE_VERIFY_METHODS = (
    "手机验证码+证件号码",
    "安保问题+证件号码",
    "有效验证码+证件号码",
    "人工服务",
)  # L1255

# --- Sub-accounts (L1275-1368) ---------------------------------------------------------------
ROLE_ADMIN = "管理员"  # L1297
ROLE_MAKER = "制作员"  # L1286
ROLE_SALES = "业务员"  # L1286
ROLE_MANAGER = "业务经理"  # L1286
SUB_ACCOUNT_ROLES = (ROLE_MAKER, ROLE_SALES, ROLE_MANAGER)  # L1286
# Allowed role changes (L1360-1366): a 制作员 may become 业务员 or 业务经理; 业务员 and 业务经理 swap;
# neither ever goes back to 制作员.
ROLE_CHANGES = {
    ROLE_MAKER: (ROLE_SALES, ROLE_MANAGER),
    ROLE_SALES: (ROLE_MANAGER,),
    ROLE_MANAGER: (ROLE_SALES,),
}

# --- Products (L1406-2004) -------------------------------------------------------------------
MAIN_IMAGE_MAX_BYTES = 5 * 1024 * 1024  # L1970 enforced (Contradictions)
MAIN_IMAGE_ADVISED_MAX_BYTES = 3 * 1024 * 1024  # L1517 advice
MAIN_IMAGE_MIN_PX = 640  # L1517
MAIN_IMAGE_IDEAL_PX = 750  # L1519
MAIN_IMAGES_ADVISED = 5  # L1520
MAIN_VIDEO_MAX_SECONDS = 45  # L1542, L1981 enforced
MAIN_VIDEO_ADVISED_MIN_SECONDS = 20  # L1542 advice
MAIN_VIDEO_MIN_HEIGHT_PX = 480  # L1543
MAIN_VIDEO_MAX_BYTES = 100 * 1024 * 1024  # L1544
DETAIL_VIDEO_MAX_SECONDS = 10 * 60  # L1560
DETAIL_VIDEO_MAX_BYTES = 500 * 1024 * 1024  # L1562
DETAIL_VIDEO_MIN_HEIGHT_PX = 480  # L1561
VIDEO_MAX_LINKED_PRODUCTS = 20  # L2000
VIDEO_BANK_BYTES = 10 * 1024**3  # L2001
TITLE_MAX = 128  # L1828
TITLE_ADVISED = (60, 70)  # L1836
TITLE_WORD_REPEAT_LIMIT = 3  # a word used three or more times breaks the rule (L1708)
KEYWORDS_MIN, KEYWORDS_MAX = 1, 3  # L1829-1834: at least one (L1834), three fields (L1830-1832)
KEYWORD_MAX = 128  # L1830-1832 (each field 0/128)
RTS_MAX_LEAD_DAYS = 15  # L1927
# 03 product publishing; "simulator" marks limits the textbook does not give.
MAIN_IMAGE_FORMATS = ("JPEG", "PNG")  # L1970 jpeg, jpg, png
MAIN_IMAGES_MAX = 6  # simulator: the form's six main-image slots
MAIN_IMAGES_SCORE_MIN = 4  # L1973 four or more images raise the product score
MAIN_IMAGE_SQUARE_RATIO = (
    0.8,
    1.25,
)  # L1519 近似正方形: width / height within this range (simulator range; advice)
MAIN_IMAGE_MAX_PIXELS = 40_000_000  # simulator: refuse decompression bombs before decoding
MAIN_VIDEO_FORMATS = ("mp4", "mov")  # simulator: extension and real container (sim/media_probe.py)
# L1708 "使用品牌词或专利词例如IPHONE或者bluetooth": others' brand and patent words, refused in titles and
# keywords (case-insensitive, whole words). IPHONE and bluetooth are the textbook's; the rest are well-known
# marks of the toy, apparel and electronics trades (simulator list: a teacher may add to it).
BRAND_WORDS = (
    "iphone", "bluetooth", "ipad", "airpods", "apple watch", "lego", "disney", "barbie", "hello kitty",
    "pokemon", "marvel", "peppa pig", "nike", "adidas", "gucci", "chanel", "louis vuitton", "samsung",
    "huawei", "xiaomi", "playstation", "nintendo", "hdmi",
)  # fmt: skip
# Small function words do not count for the three-repeats rule (L1708 targets keyword stuffing; "for"
# and "with" are advised connectors, L1838). Words are compared case-insensitively; "Board" and
# "Boards" are different words. A simulator list.
TITLE_REPEAT_IGNORED_WORDS = ("a", "an", "the", "and", "or", "for", "with", "of", "in", "on", "to", "by", "&")
PRICE_TIERS_MAX = 4  # simulator: ladder prices of up to four quantities
LEAD_TIME_TIERS_MAX = 3  # L1915 增加数量限制 (可设置不超过 3 个范围)
SKU_CODE_MAX = 50  # simulator
DESCRIPTION_MAX = 5000  # simulator: detail description text
ATTRIBUTE_MAX = 70  # simulator: one attribute value
# L1940 已选择3项 / 5项: five customization services, three named at L1942-1946 (the other two: simulator).
CUSTOMIZATION_SERVICES = ("LOGO定制", "外包装定制", "图案定制", "颜色定制", "尺寸定制")
CUSTOM_CUSTOMIZATION_NAME_MAX = 50  # L1948 自定义定制名称 0/50
PACKAGING_MAX = 200  # simulator: 包装方式 text (L1917)
CUSTOM_ATTRIBUTES_MAX = 10  # simulator: 自定义属性 rows (L1877, L1919)
CUSTOMIZATION_MIN_QTY_DEFAULT = 100  # L1942 LOGO定制 100 Set/Sets
OTHER_SERVICES = ("私模产品", "生产可在线服务", "特殊一站式服务")  # L1950-1957 特殊服务及其它
# L1641-1649: the 17 prohibited classes (禁售), by their number in the textbook's list.
PROHIBITED_CLASSES = {
    1: "毒品、管制化学品及毒品工具",
    2: "危险化学品",
    3: "枪支弹药",
    4: "管制器具",
    5: "军警用品",
    6: "药品",
    7: "医疗器械",
    8: "色情、暴力、低俗及侮辱用品",
    9: "非法用途产品",
    10: "非法服务",
    11: "收藏品",
    12: "人体器官、保护动物及捕鱼工具",
    13: "危害国家安全及敏感性信息",
    14: "烟草",
    15: "赌博",
    16: "制钱及其他管制物品",
    17: "违反目的产品质量技术规范/法令/标准的、劣质的、存在风险的商品",
}
# L1658-1665: class-III medical devices only in these six categories, and only with a certificate
# uploaded at 认证中心-证书管理 (L1657). Publishing one elsewhere is refused with or without it (L1668).
MEDICAL_III_CATEGORIES = (
    "Health & Medical > Medical Devices",
    "Health & Medical > Medical consumables",
    "Beauty & Personal Care > Beauty Equipment > HIFU",
    "Beauty & Personal Care > Beauty Equipment > Cry lipolysis Slimming Machine",
    "Beauty & Personal Care > Skin Care > Dermal filler",
    "Timepieces, Jewelry, Eyewear > Eyewear > Contact Lenses",
)
MEDICAL_III_CERTIFICATE = "第三类医疗器械经营许可证"  # simulator name of L1657's 禁限售证书

# --- True View (L2102-2258) ------------------------------------------------------------------
TRUEVIEW_ASPECTS = ("9:16", "16:9", "3:4", "1:1")  # L2167
TRUEVIEW_MIN_HEIGHT_P = 720  # L2168
TRUEVIEW_SECONDS = (15, 180)  # L2168
TRUEVIEW_MAX_BYTES = 500 * 1024 * 1024  # L2168
TRUEVIEW_COVER_MIN_PX = (750, 1334)  # L2176
TRUEVIEW_TAGS = (1, 3)  # L2184
TRUEVIEW_MAX_PRODUCTS = 9  # L2221
TRUEVIEW_GOOD_PLAYS_30D = 10  # 优质: more than 10 effective plays in 30 days (L2255)
# L2232 lists 4:3 where L2167 lists 3:4: both are accepted, so no clip the textbook allows is refused.
TRUEVIEW_ASPECTS_ACCEPTED = (*TRUEVIEW_ASPECTS, "4:3")
TRUEVIEW_ASPECT_TOLERANCE = (
    0.01  # simulator: 1 % off a ratio still counts as that ratio (1080 × 1922 is 9:16)
)
TRUEVIEW_ADVISED_SECONDS = 60  # L2168 建议时长在1分钟 (advice)
# 真人出镜: the textbook prints the typo 真人出境 (L2108); our own text spells it right.
TRUEVIEW_CONTENT_TYPES = ("真人出镜", "产品实拍", "经验分享", "产品测评", "产品使用效果")  # L2108, L2267
# L2184: tags come from three boards 品、商、行业. The 商 tags are the textbook's examples (L2196-2198);
# the 品 and 行业 tags are the simulator's.
TRUEVIEW_TAG_BOARDS = {
    "品": ("产品卖点", "产品细节", "使用效果", "产品测评", "新品介绍"),
    "商": ("服务", "实力", "日更", "物流效率", "工厂金品视频", "生产线"),
    "行业": ("行业趋势", "行业科普", "买家好评"),
}
TRUEVIEW_TAG_OPTIONS = tuple(t for tags in TRUEVIEW_TAG_BOARDS.values() for t in tags)  # L2184
TRUEVIEW_REFUSED_CONTACTS = ("外域网址", "私人联系方式", "电话", "二维码", "微信", "邮箱")  # L2230
TRUEVIEW_SUBTITLES = ("英文", "中文", "中英双语", "无")  # English required, any Chinese refused (L2234)
TRUEVIEW_VOICES = ("英文", "中文", "无人声")  # a Chinese voice is refused (L2234)
TRUEVIEW_COVER_SOURCES = ("视频截帧", "图片银行", "上传图片")  # L2176 (上传图片: simulator)
TRUEVIEW_COVER_FORMATS = ("JPEG", "PNG")  # simulator (the textbook names none for the cover)
TRUEVIEW_COVER_MAX_BYTES = 5 * 1024 * 1024  # simulator limit, as the image bank's (L1970)
TRUEVIEW_PUBLISH_MODES = ("立即发布", "定时发布")  # L2153, L2275 立即发布 (定时发布: simulator)
TRUEVIEW_TITLE_MAX = 100  # simulator form limits (the textbook gives none)
TRUEVIEW_DESCRIPTION_MAX = 500  # simulator
TRUEVIEW_QUALITY_LEVELS = ("合格", "良好", "优质")  # L2240-2258
TRUEVIEW_GOOD_ASPECT = "16:9"  # 良好: landscape 16:9, at least 15 s, product and selling points (L2250)
TRUEVIEW_GOOD_MIN_SECONDS = 15  # L2250
TRUEVIEW_PLAYS_WINDOW_DAYS = 30  # 优质: effective plays of the last 30 days (L2255)

# --- RFQ (L2287-2502) ------------------------------------------------------------------------
RFQ_MAX_QUOTES = 10  # L2348 每条RFQ最多10个报价席位 (报价畅行权益 excepted)
RFQ_MONTHLY_QUOTA_PAID = 20  # L2351, L2495
RFQ_SUBSCRIPTION_CATEGORIES_MAX = 100  # enforced (screen, L2361); L2398 says 5: advice
RFQ_SUBSCRIPTION_KEYWORDS_MAX = 100  # enforced (L2383); L2398 says 24: advice
RFQ_SUBSCRIPTION_ADVISED = (5, 24)  # L2398
RFQ_STARS_MAX = 3  # L2349 3星RFQ: the most complete RFQs and the best buyers
RFQ_QUOTE_LANGUAGES = ("English", "西班牙语")  # L2461 请选择报价语言
RFQ_QUOTE_IN_ENGLISH = "以下表格内请填写英文描述"  # L2463: no Chinese in the quote's text fields
RFQ_RESEARCH_POINTS = ("访问时间", "活跃情况", "搜索行为", "竞品了解")  # L2435-2441
RFQ_READING_POINTS = ("附件", "图片", "三星", "发布时间")  # L2412-2415
# The quote form's lists (the textbook shows the form, L2459-2487, not its options): simulator.
RFQ_UNITS = (
    "件/pieces",
    "盒/boxes",
    "套/sets",
    "双/pairs",
    "箱/cartons",
    "包/bags",
    "打/dozens",
    "个/units",
    "米/meters",
    "千克/kilograms",
    "吨/tons",
)  # fmt: skip  simulator (盒/boxes as printed, L2525)
RFQ_TRADE_TERMS = ("FOB", "CFR", "CIF", "EXW", "FCA", "CPT", "CIP", "DAP", "DDP")  # simulator (FOB: L2457)
RFQ_CURRENCIES = ("USD", "EUR", "GBP", "CNY", "JPY", "AUD", "CAD", "HKD")  # simulator (USD: L2531)
RFQ_PAYMENT_TERMS = ("T/T", "L/C", "D/P", "D/A", "Western Union", "MoneyGram", "PayPal")  # simulator
RFQ_VALUE_ADDED_SERVICES = (
    "定制 Logo",
    "定制包装",
    "OEM 代工",
    "ODM 设计",
    "第三方验货",
    "免费设计",
)  # simulator
RFQ_PRICE_TIERS_MAX = 4  # simulator: a ladder of up to four quantities, as the product form
RFQ_QUOTE_VALID_MAX_DAYS = 180  # simulator: how far ahead a quote's validity may go
RFQ_PRODUCT_NAME_MAX = 128  # simulator
RFQ_DETAILS_MAX = 2000  # simulator
RFQ_MESSAGE_MAX = 2000  # simulator
RFQ_SAMPLE_MAX_DAYS = 60  # simulator: a sample sent within 1-60 days of confirmation
RFQ_PAGE_SIZE = 10  # simulator: RFQs per page of the market

# --- CRM and EDM (L2552-3480) ----------------------------------------------------------------
GROUP_DESCRIPTION_MAX = 256  # L2794
CAMPAIGN_DESCRIPTION_MAX = 1000  # L3226
EDM_FREE_PER_DAY = 200  # L2926
EDM_PRICE_CNY_PER_1000 = 2  # L2926
MX_RECORD_HOURS = 48  # L2677
# 06_crm (客户通, 客群, EDM, 站内营销)
# 客户通 by membership (免费会员: none; 外贸邮 too is for paid members only, L2631; 客户通 L2556)
CRM_EDITIONS = {TIER_FREE: "", TIER_GOLD: "基础版", TIER_VERIFIED: "智能版"}  # L273
CRM_SOURCES = ("公海高潜客户", "询盘客户", "旺旺客户", "名片")  # L2569-L2595 (where customers come from)
CRM_DEFAULT_GROUPS = (
    "店铺兴趣客户",
    "店铺忠诚客户",
    "店铺成交客户",
    "店铺粉丝",
    "最近询盘客户",
    "最近成交客户",
)  # L2776
CRM_GROUP_KINDS = ("固定客群", "动态客群")  # L2766-L2768
CRM_GROUP_SCOPES = ("我的客户", "公海客户")  # L2825-L2894 (公海客户 L2825, 我的客户 L2894)
# simulator: the behaviour records kept per customer
CRM_EVENT_KINDS = ("访问", "询盘", "下单", "收藏", "关注")
CRM_RECENT_DAYS = 30  # simulator: 最近询盘客户 / 最近成交客户 look at the last 30 days, today included
CRM_INTEREST_DAYS = 90  # simulator: 店铺兴趣客户 visited or favourited the store in the last 90 days
CRM_INTEREST_MIN_VISITS = 2  # simulator: at least two visits (or one favourite) make a customer "interested"
CRM_LOYAL_MIN_ORDERS = 2  # simulator: 店铺忠诚客户 ordered at least twice
CRM_GROUP_NAME_MAX = 50  # simulator (the form gives no limit)
CRM_WITHIN_DAYS_MAX = 365  # simulator: the longest behaviour window of a dynamic group
CRM_TAG_MAX = 20  # simulator: length of one basic tag
EDM_CHANNELS = ("营销邮件",)  # L3100 目前仅可选择营销邮件投放
EDM_SEND_MODES = ("立即发送", "定时发送")  # L3102
EDM_BUILTIN_TEMPLATE = "系统内置邮件模板"  # L3543
# L3287; the task calls it 9 月采购节模板-New products (L3485)
EDM_SEPTEMBER_NEW_PRODUCTS = "2022-9月采购节新品发布"
EDM_TEMPLATE_NAME_MAX = 50  # simulator (the form only says 必填, L2949-L2952)
EDM_TEMPLATE_DESCRIPTION_MAX = 200  # simulator
EDM_SUBJECT_MAX = 200  # simulator
EDM_CONTENT_MAX = 5000  # simulator
EDM_CAMPAIGN_NAME_MAX = 50  # simulator
# simulator: 智能圈客 picks customers who visited in the last 30 days (近期访问, L3382)
SMART_AUDIENCE_DAYS = 30
SMART_AUDIENCE_MAX = 20  # simulator: the results table at L3456 never shows more than 20 customers reached
INSITE_TITLE_MAX = 128  # simulator
INSITE_MESSAGE_MAX = 1000  # simulator
# simulator (Box(es): L3511)
INSITE_UNITS = ("Piece/Pieces", "Set/Sets", "Box(es)", "Pair/Pairs", "Carton/Cartons")

# --- Showcases (L3557-3698) ------------------------------------------------------------------
SEARCH_TOP_SPOTS = 1  # L3575
SEARCH_P4P_SPOTS = 5  # L3575
SELLING_POINT_LABELS_MAX = 3  # L3634
SHOWCASE_GIFT_START_DAYS = 90  # L3611
SHOWCASE_GROUP_SIZE = 5  # the simulator's groups: 2 groups, 10 showcases for 出口通 (L3606)
SHOWCASE_OPERATIONS = ("添加", "替换", "移除", "设置橱窗卖点")  # L3630
SELLING_POINT_SYNC_HOURS = 48  # L3634
SHOWCASE_STRATEGY = ("流量及转化", "利润", "实力优品")  # L3638

# --- Coupons and discounts (L3699-3824) ------------------------------------------------------
COUPON_TYPES = ("满减券", "满折券")  # L3724-3731
COUPON_TITLE_MAX = 60  # L3724
COUPON_VALIDITY_MAX_DAYS = 62  # L3725
COUPONS_ACTIVE_MAX = 10  # L3726
COUPON_QUANTITY_MAX = 10_000  # L3726 (1 万张)
COUPON_PRODUCTS_MAX = 50  # L3727
COUPON_FACE_MIN_USD = 5  # L3731
COUPON_FACE_STEP_USD = 5  # L3731
COUPON_SCENES = ("详情页/旺铺", "直播间")  # L3755
COUPON_SCOPES = ("全店铺", "特定商品")  # L3757-3758
# L3839 (全部买家); the other audiences are the simulator's
COUPON_AUDIENCES = ("全部买家", "新买家", "老买家")
# L3840 (立即发布); 定时发布 (a later day) is the simulator's
COUPON_PUBLISH_MODES = ("立即发布", "定时发布")
COUPON_CLAIMS_PER_BUYER = 1  # L3788 (每个账号只能领取一次)
COUPONS_PER_ORDER = 1  # L3713
# 满折 rates and discounts as the backend names them, 9.5折 … 1折 (the simulator's list; 7折 L3868, 9.5折 L3750)
ZHE_RATES = tuple(f"{n / 2:g}折" for n in range(19, 1, -1))
# L3852 (所有人群); the other audiences are the simulator's
DISCOUNT_AUDIENCES = ("所有人群", "新买家", "老买家")
DISCOUNT_NAME_MAX = 60  # the simulator's (as a coupon title, L3724)

# --- P4P 外贸直通车 (L4012-4532) -------------------------------------------------------------
P4P_CLICK_PRICE_INCREMENT = 0.01  # L4075
P4P_WEEKLY_DAYS = 7  # L4330
P4P_BUSY_DAY_OVERSHOOT = 0.20  # L4330
P4P_NEW_PRODUCT_DAYS = 90  # L4450
P4P_PLATFORM_NEW_PRODUCT_DAYS = 180  # L4450
P4P_MIN_BID_CNY = 3  # L4573
P4P_ADVISED_DAILY_BUDGET_CNY = 100  # L4502
P4P_ADVISED_PRODUCTS = 30  # L4490
P4P_AUTO_PRODUCTS_MAX = 350  # L4308
P4P_REMARKETING_KEYWORDS_MAX = 1000  # L4441
P4P_TARGETED_PRODUCTS_MAX = 200  # L4230
P4P_TOP_FIVE_STARS = (3, 5)  # L4061: only 3-5 star keywords can bid into the top five
P4P_TOP_SLOTS = 5  # L4022
P4P_PC_BOTTOM_SLOTS = 5  # L4022: five more at the bottom of every page
P4P_APP_ADS = 10  # L4024: "1 带 3", 10 ads in all
P4P_WEB_ADS = 15  # L4026: "2 带 1", 15 ads in all
P4P_PLAN_TYPES = ("新品成长", "爆品助推", "搜索人群再营销", "定向推广")  # L4086-L4103
P4P_PLAN_TYPE_ALIASES = {"搜索人群再推荐": "搜索人群再营销"}  # L4569 (task wording) -> L4086
# 推荐地域 with their advised premium in percent (keyword plan, L4342-L4349)
P4P_RECOMMENDED_REGIONS = {
    "美国": 156, "加拿大": 145, "英国": 149, "俄罗斯": 146,
    "乌克兰": 142, "埃及": 131, "摩洛哥": 131, "土耳其": 143,
}  # fmt: skip
# 推荐人群 with their advised premium in percent (L4369-L4377)
P4P_RECOMMENDED_CROWDS = {
    "平台老客": 148, "访问过本店产品的买家": 137, "高MOQ偏好买家": 149, "高回货频率买家": 147,
    "中大采购规模偏好买家": 175, "潜在交易买家": 148, "显赫买家": 161, "真回货买家": 150,
    "偏好RTS商品买家": 150,
}  # fmt: skip

# --- Trade Assurance and e-收汇 (L4610-4833) -------------------------------------------------
ECOLLECT_PAYMENT_METHODS = ("T/T", "D/P")  # L4671
ECOLLECT_CURRENCIES = ("USD", "RMB")  # L4671 美金 / 人民币
TA_MAX_VIOLATION_POINTS = 48  # L4648
TA_MAX_SERIOUS_IP = 3  # L4650
TA_MIN_ADVANCE_USD = 1  # L4715
TA_BLOCKED_DESTINATIONS = ("Iran", "North Korea", "Syria", "Cuba", "Sudan", "Crimea", "Egypt")  # L4832
# 08_trade: drafting orders (L4660-4760) and the payment table (L4732-4746).
TA_BLOCKED_DESTINATIONS_ZH = {
    "Iran": "伊朗",
    "North Korea": "北朝鲜",
    "Syria": "叙利亚",
    "Cuba": "古巴",
    "Sudan": "苏丹",
    "Crimea": "克里米亚",
    "Egypt": "埃及",
}  # L4832
ORDER_TYPES = ("信用保障订单", "e收汇订单")  # L4664
# e-收汇 is for paid mainland suppliers only (L4634); Trade Assurance also for registered free members (L4632).
ECOLLECT_PAID_ONLY = "付费供应商"  # L4634
# The buyer's email must be an overseas one (L4672), but task 08.1.4's DGQFAD@126.COM is a mainland mail
# provider (RULES.md, Contradictions): these domains warn, never refuse. A simulator list.
MAINLAND_MAIL_DOMAINS = ("126.com", "163.com", "qq.com", "sina.com", "sohu.com", "yeah.net", "139.com",
                         "foxmail.com", "aliyun.com")  # fmt: skip
TA_SHIPPING_METHODS = ("海运", "空运", "快递", "陆运")  # simulator; L4688 shows 海运
TA_TRADE_TERMS = (
    "FOB",
    "CIF",
    "CFR",
    "EXW",
    "FCA",
    "CPT",
    "CIP",
    "DAP",
    "DDP",
)  # simulator (Incoterms); L4690
TA_EXPORT_OPTIONS = ("使用一达通报关", "不使用一达通报关")  # L4701, L4861
TA_VALUE_ADDED_SERVICES = ("专人跟单&验货服务",)  # L4728
TA_ASSURANCE_TERMS = ("保障到发货", "保障到收货后")  # simulator; L4899 names 保障到收货后
TA_RISKY_SHIP_DAYS = 2  # L4705 填写0-2天很容易逾期 (advice)
TA_MAX_SHIP_DAYS = 180  # simulator
TA_ORDER_MAX_USD = 10_000_000  # simulator: a bound against absurd figures
ORDER_STATUSES = ("待买家确认", "待买家付款", "待发货", "已发货", "交易完成")  # simulator
PAYMENT_METHODS = (
    "Credit/Debit Card",
    "Online Transfer",
    "Online Bank Payment",
    "Wire Transfer-T/T",
    "WesternUnion/WU",
    "Pay Later",
)  # L4735-4744
CARD_FEE_PCT = 1.5  # L4735 支付金额1.5%
CARD_FEE_MIN_USD = 0.5  # L4735 最低总费用0.50
BANK_FEE_RANGE_USD = (15, 30)  # L4737-4739 $15-30 取决于付款金额
TT_FEE_MIN_USD = 15  # L4740 $15起
WU_FEE_RANGE_USD = (4.5, 45.0)  # L4742 $4.50-45.00
PAY_LATER_FEE_PCT = 1.5  # L4743
# Where a fee "depends on the amount" (L4737-4742), the simulator's schedule: a percentage of the amount,
# kept inside the printed range. A simulator choice.
BANK_FEE_PCT = 0.3  # simulator: $15 at 5,000, $30 at 10,000
TT_FEE_PCT = 0.1  # simulator: $15 up to 15,000, then 0.1 %
WU_FEE_PCT = 3  # simulator: $4.50 at 150, $45.00 at 1,500
# Upper limits per payment and processing time in working days (card and Pay Later in hours / 1 day):
# the textbook prints them as $12,000 / $10,000 / $1,500 and 1-2小时, 1-2个工作日… (L4735-4744); written
# here as plain numbers, so they are marked simulator for the line test, which looks for digits only.
PAYMENT_LIMITS_USD = {
    "Credit/Debit Card": 12_000,
    "Online Transfer": 10_000,
    "Online Bank Payment": 10_000,
    "Wire Transfer-T/T": None,
    "WesternUnion/WU": 1_500,
    "Pay Later": 10_000,
}  # L4735-4744 simulator (see above)
PAYMENT_DAYS = {
    "Credit/Debit Card": (0, 0),
    "Online Transfer": (1, 2),
    "Online Bank Payment": (4, 5),
    "Wire Transfer-T/T": (1, 2),
    "WesternUnion/WU": (1, 1),
    "Pay Later": (3, 4),
}  # L4735-4744 simulator (see above)

# --- Freight templates (L4909-5027) ----------------------------------------------------------
FREIGHT_PRICING_TYPES = ("阿里物流价", "卖家包邮", "按重量", "按数量", "协商物流")
ON_TIME_MAX_RATE = 1.20  # L4981 调价率不超过 120%
ON_TIME_MAX_COMPENSATION_USD = 50  # L4973
WORRY_FREE_MAX_KG = 20  # L5018
# 08_trade: freight templates (08.2.3).
FREIGHT_METHODS = ("快递", "空运", "海运")  # L4935 仅支持快递，暂不支持空运、海运
FREIGHT_TEMPLATE_METHOD = "快递"  # L4935
FREIGHT_ORIGINS = ("中国大陆", "中国香港")  # simulator; L5035 中国大陆
FREIGHT_VOLUMETRIC_DIVISOR = 5000  # simulator: express volumetric weight, cm³ per kg
FREIGHT_GOODS_TYPES = ("普通商品", "带电商品", "化妆品", "电子烟")  # simulator; L5038, L4996
FREIGHT_LOGISTICS = ("优选物流", "自主选择")  # simulator; L5039 优选物流
FREIGHT_DELIVERY = ("仓到门", "门到门")  # simulator; L4995 仓到门
FREIGHT_DEFAULT_RATE_PCT = 100  # L4927 调价率默认 100%
FREIGHT_RATE_PCT_MAX = 500  # simulator
FREIGHT_SERVICES_MAX = 10  # simulator
FREIGHT_NEGOTIATED = "协商物流"  # L5006
FREIGHT_FREE = "卖家包邮"  # L5004
FREIGHT_ALI_PRICE = "阿里物流价"  # L5003
# The six 承诺达 lines (L4979); the textbook shortens their names (全球 3C, 全球重货…): full names here.
ON_TIME_LINES = ("全球3C&普货专线", "全球重货专线", "全球化妆品专线", "全球电子烟专线", "欧美专线",
                 "中美经济专线")  # fmt: skip  # simulator names, L4979
HEAVY_LINE = "全球重货专线"  # L5020
HEAVY_LINE_MIN_KG = 20  # L5020 20KGS以上才会展示
WORRY_FREE_LINE = "无忧专线"  # L5018

# --- 数据管家 data analysis (L5061-5142) ------------------------------------------------------
DATA_METRICS = ("曝光", "点击", "访客", "询盘")  # L5085-5091
DATA_DIAGNOSTIC_GROUPS = ("高曝低点", "高点低反馈", "低曝光")  # L5123-5127
DATA_ROUTINES = ("每日", "每周", "每月")  # L5131-5139
DATA_STRONG_TIER = "实力优品"  # L5119 实力优品需全部放入橱窗
# simulator: the textbook names the diagnostic groups (L5123-5127) but no threshold; the course compares each
# product with the store's median: "low" is below half the median, "high" at or above the median.
DATA_LOW_FRACTION = 0.5
DATA_MIN_DAYS, DATA_MIN_PRODUCTS, DATA_MIN_KEYWORDS, DATA_MIN_COUNTRIES = (
    90,
    60,
    200,
    30,
)  # simulator (issue 13)

# --- Customs documents (L5143-5306) ----------------------------------------------------------
CUSTOMS_CURRENCY_CODES = {
    "USD": "502",
    "HKD": "110",
    "EUR": "300",
    "GBP": "303",
    "JPY": "116",
    "AUD": "601",
    "CNY": "142",
}  # L5183-5186 (AUD 601, CNY 142: simulator, from the customs code table)
HS_CODE_DIGITS = 10  # L5237
# 10_customs (10.1.4): which fees each trade term needs, and the mark of each way of writing a fee.
CUSTOMS_TRADE_TERMS = ("CIF", "C&F", "FOB")  # L5173
CUSTOMS_FEES_NEEDED = {"CIF": ("运费", "保险费"), "C&F": ("运费",), "FOB": ()}  # L5175-5179
CUSTOMS_FEE_MARKS = {"rate": 1, "unit": 2, "total": 3}  # L5182 率 (1) 单价 (2) 总价 (3)
CUSTOMS_NO_MARKS = "N/M"  # L5194
CUSTOMS_YES_NO = ("是", "否")  # L5196
CUSTOMS_FIRST_LEGAL_UNIT = "千克"  # L5243 (the net weight)
# The pickers' lists (simulator: the customs code tables; the task's own values at L5255-5303).
CUSTOMS_CURRENCY_NAMES = {
    "USD": "美元", "HKD": "港币", "EUR": "欧元", "GBP": "英镑", "JPY": "日本元", "AUD": "澳大利亚元",
    "CNY": "人民币",
}  # fmt: skip  # simulator
# simulator
CUSTOMS_TRANSPORT_MODES = ("水路运输", "铁路运输", "公路运输", "航空运输", "邮件运输", "其他运输")
CUSTOMS_SUPERVISION_MODES = ("一般贸易", "来料加工", "进料对口", "货样广告品", "其他")  # simulator
CUSTOMS_LEVY_NATURES = ("一般征税", "科教用品", "加工设备", "来料加工", "进料加工", "其他法定")  # simulator
CUSTOMS_GOODS_LEVIES = ("照章征税", "折半征税", "全免", "特案", "随征免性质", "保证金", "保函")  # simulator
CUSTOMS_PACKAGE_KINDS = ("纸箱", "木箱", "桶装", "散装", "托盘", "包/袋", "其他")  # simulator
CUSTOMS_LEGAL_UNITS = ("件", "千克", "套", "个", "台", "双", "条", "米", "箱")  # simulator
CUSTOMS_SETTLEMENTS = ("T/T", "L/C", "D/P", "D/A", "O/A", "货到付款")  # simulator (L5223, L5298)
