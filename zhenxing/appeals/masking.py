"""Masking of personal data (张*, 138****1234) for everyone but the centre and the handling unit."""

import re


def mask_name(name: str) -> str:
    """The family name and a star per other character: 张三 → 张*, 欧阳娜娜 → 欧***."""
    name = (name or "").strip()
    if not name:
        return ""
    return name[0] + "*" * max(len(name) - 1, 1)


def mask_phone(phone: str) -> str:
    """138****1234: the first three and the last four digits."""
    digits = re.sub(r"\D", "", phone or "")
    if len(digits) < 7:
        return "*" * len(digits)
    return digits[:3] + "*" * (len(digits) - 7) + digits[-4:]


def mask_id(number: str) -> str:
    """An ID number or 统一社会信用代码: the first two and the last two characters."""
    number = (number or "").strip()
    if len(number) <= 4:
        return "*" * len(number)
    return number[:2] + "*" * (len(number) - 4) + number[-2:]


def mask_address(address: str) -> str:
    """Down to the street: what follows the first 路/街/道/巷/村/小区 (or the first 6 characters) is hidden."""
    address = (address or "").strip()
    match = re.search(r"[路街道巷村区]", address[2:])
    keep = match.end() + 2 if match else min(len(address), 6)
    keep = min(keep, len(address))
    return address[:keep] + ("***" if keep < len(address) else "")


def last_four(phone: str) -> str:
    digits = re.sub(r"\D", "", phone or "")
    return digits[-4:]
