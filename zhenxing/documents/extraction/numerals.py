"""Numbers as written in Chinese policy texts: Arabic, Chinese numerals, magnitudes.

Convention (SPEC): the value is the number as written and a trailing magnitude
(万, 亿) belongs to the unit: 三十五万亩 → 35 万亩, 近千万元 → 1000 万元,
近万名 → 1 万名.
"""

from __future__ import annotations

from functools import lru_cache

import cn2an

CN_DIGITS = "零〇一二两三四五六七八九"
CN_SCALES = "十百千"
CN_MAGNITUDES = "万亿"
CN_NUMERAL_CHARS = CN_DIGITS + CN_SCALES + CN_MAGNITUDES

# The pattern pieces are shared with quantities.py, which builds the one big regex.
# 14..3%: a copy doubled the decimal point
ARABIC_PATTERN = r"\d+(?:,\d{3}(?!\d))*(?:\.\.?\d+)?"
# 千 before 瓦, 伏, 米, 克 starts the unit (四十万千瓦 is 40 万千瓦), not the numeral
# 四十九点五亿美元: a decimal written out in words (the digits after 点, then the magnitude)
CHINESE_PATTERN = (f"(?:[{CN_NUMERAL_CHARS.replace('千', '')}]|千(?![瓦伏米克]))+"
                   f"(?:点[零〇一二三四五六七八九]+[{CN_MAGNITUDES}]*)?")


def split_magnitude(numeral: str) -> tuple[str, str]:
    """Split a trailing 万/亿/万亿 off a Chinese numeral: 三十五万 → (三十五, 万)."""
    for mag in ("万亿", "亿", "万"):
        if numeral.endswith(mag):
            return numeral[: -len(mag)], mag
    return numeral, ""


@lru_cache(maxsize=4096)
def chinese_to_float(numeral: str) -> float | None:
    """Convert a Chinese numeral without magnitude suffix; None when not a number.

    An empty body means the magnitude stood alone (近万名 → 1).  Slogans such as
    十四五 or 七八 are not well-formed numerals and give None.
    """
    if numeral == "":
        return 1.0
    text = numeral.replace("两", "二").replace("〇", "零")
    if text[0] in "十百千":
        text = "一" + text if text[0] != "十" else text
    try:
        return float(cn2an.cn2an(text, "strict"))
    except Exception:  # cn2an raises plain Exception for malformed input
        return None


def arabic_to_float(digits: str) -> float:
    """Convert `1,234.5` → 1234.5."""
    return float(digits.replace(",", "").replace("..", "."))
