"""Textbook task data (TASKS.md), verbatim, shared by tests."""

REGISTRATION = {
    "company_name": "湖南典阅科技有限公司",
    "company_address": "湖南省长沙市岳麓区谷园街道谷园路 200 号",
    "license_no": "440000551523412",
    "email": "dianyuekeji@163.com",
    "legal_rep_name": "张龙",
    "legal_rep_name_en": "Zhang long",
    "password": "dianyue123",
    "mobile": "13666301234",
}
