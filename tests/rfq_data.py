"""Task 05.1.4's data (TASKS.md §05_rfq, L2509-2539) as the quote form's field keys."""

from __future__ import annotations

DETAILS = (
    "Name:Slide Building Blocks toys City House\n"
    "Size: Round box 20*20 cm\n"
    "Suitable for: 0-6 month baby\n"
    "Color: colored\n"
    "Material: Solid wood"
)
# As printed (L2517 repeats "Size:"): accepted and scored the same.
DETAILS_AS_PRINTED = DETAILS.replace("Size: Round", "Size:Size: Round")
MESSAGE = (
    "Hello, we are very happy that we have goods that meet your procurement needs, I hope you can take a look at "
    "our quotation information, and look forward to in-depth cooperation with you! Thank you!"
)
QUOTE = {
    "rfq_id": "RFQ-BLOCKS-01",
    "product_name": "Slide Building Blocks toys City House",
    "product_code": "M00257",
    "details": DETAILS,
    "unit": "盒/boxes",
    "trade_terms": "FOB Shanghai",
    "valid_until": "2022-11-25",
    "currency": "USD",
    "price_tiers": [(100, 18.00), (500, 15.00)],
    "payment_terms": "T/T",
    "sample": "free sample, buyer pays freight, sent within 3 days of confirmation",
    "message": MESSAGE,
    "value_added_services": "none",
}
