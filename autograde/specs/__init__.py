"""Task specs of every project (expected answers: never shipped inside a released notebook)."""

from . import (
    p01_account,  # noqa: F401  (registers its specs)
    p02_store,  # noqa: F401  (A&V 02.2.3, 公司信息 02.3.1, 02.q1–02.q8, 02.q10, 02.q14)
    p02_team,  # noqa: F401  (子账号 02.5.4, 旺铺装修 02.4.1)
    p03_product,  # noqa: F401  (发布产品 03.3.5, 03.3.6, 03.q1–03.q7)
    p04_media,  # noqa: F401
    p05_rfq,  # noqa: F401  (RFQ 商机报价 05.1.4, 05.q1–05.q6)
    p06_crm,  # noqa: F401  (客群 06.3.4, 06.3.5, EDM 模板/营销 06.8.3, 06.8.5, 智能圈客 06.8.4, 06.q1–06.q8)
    p07_marketing,  # noqa: F401  (优惠券 07.2.5, 07.2.7, 折扣 07.2.6, 07.q1–07.q9)
    p07_p4p,  # noqa: F401  (外贸直通车 07.9.3–07.9.6)
    p08_trade,  # noqa: F401  (信保订单 08.1.4, 08.1.5, 运费模板 08.2.3, 08.q1–08.q8)
    p09_data,  # noqa: F401  (数据分析 09.1.1–09.1.5, answers recomputed from the saved seed)
    p10_customs,  # noqa: F401  (报关单证 10.1.4, 10.q1–10.q6)
)
