"""Numbers in words where a speech engine would get them wrong: every Uzbek number (espeak-ng
reads them digit by digit), Russian years and days before "года" and a month, English days."""

from __future__ import annotations

import re

# -- Uzbek: regular words; an ordinal adds -inchi (-nchi after a vowel), written "1916-yil".
UZ_UNITS = ("", "bir", "ikki", "uch", "toʻrt", "besh", "olti", "yetti", "sakkiz", "toʻqqiz")
UZ_TENS = ("", "oʻn", "yigirma", "oʻttiz", "qirq", "ellik", "oltmish", "yetmish", "sakson",
           "toʻqson")  # fmt: skip
UZ_LIMIT = 10**12


def uz_words(n: int) -> str:
    """0 ≤ n < 10¹²: "bir ming toʻqqiz yuz oʻn olti"."""
    if n == 0:
        return "nol"
    words: list[str] = []
    for scale, name in ((10**9, "milliard"), (10**6, "million"), (1000, "ming"), (1, "")):
        part, n = divmod(n, scale)
        if part:
            words += [*_uz_hundreds(part), name]
    return " ".join(w for w in words if w)


def _uz_hundreds(n: int) -> list[str]:
    hundreds, rest = divmod(n, 100)
    words = [UZ_UNITS[hundreds], "yuz"] if hundreds else []
    return [*words, UZ_TENS[rest // 10], UZ_UNITS[rest % 10]]


def uz_ordinal(n: int) -> str:
    words = uz_words(n)
    return words + ("nchi" if words[-1] in "aeiouAEIOU" else "inchi")


_UZ_NUMBER = re.compile(r"(?<![\d.,])(\d{1,12})(?:-(?=[^\W\d_]))?(?![\d.,]\d)")


def uz_numbers(text: str) -> str:
    """Every whole number in words; "1916-yil", "19-fevral" as ordinals."""

    def say(m: re.Match) -> str:
        n = int(m.group(1))
        if m.group(0).endswith("-"):
            return uz_ordinal(n) + " "
        return uz_words(n)

    return _UZ_NUMBER.sub(say, text)


# -- Russian: espeak-ng reads "1916 года" as "тысяча девятьсот шестнадцать года"; a year or a
# day before a genitive wants the ordinal in the genitive: "шестнадцатого года".
RU_UNITS_GEN = ("", "первого", "второго", "третьего", "четвёртого", "пятого", "шестого",
                "седьмого", "восьмого", "девятого")  # fmt: skip
RU_TEENS_GEN = ("десятого", "одиннадцатого", "двенадцатого", "тринадцатого", "четырнадцатого",
                "пятнадцатого", "шестнадцатого", "семнадцатого", "восемнадцатого",
                "девятнадцатого")  # fmt: skip
RU_TENS = ("", "", "двадцать", "тридцать", "сорок", "пятьдесят", "шестьдесят", "семьдесят",
           "восемьдесят", "девяносто")  # fmt: skip
RU_TENS_GEN = ("", "", "двадцатого", "тридцатого", "сорокового", "пятидесятого",
               "шестидесятого", "семидесятого", "восьмидесятого", "девяностого")  # fmt: skip
RU_HUNDREDS = ("", "сто", "двести", "триста", "четыреста", "пятьсот", "шестьсот", "семьсот",
               "восемьсот", "девятьсот")  # fmt: skip
RU_MONTHS_GEN = ("января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|"
                 "ноября|декабря")  # fmt: skip


def ru_ordinal_gen(n: int) -> str | None:
    """1 ≤ n ≤ 2099 not ending in 00: "тысяча девятьсот шестнадцатого"; None otherwise."""
    if not 1 <= n <= 2099 or n % 100 == 0:
        return None
    thousands, rest = divmod(n, 1000)
    words = [("тысяча", "две тысячи")[thousands - 1]] if thousands else []
    words.append(RU_HUNDREDS[rest // 100])
    last = rest % 100
    if last < 10:
        words.append(RU_UNITS_GEN[last])
    elif last < 20:
        words.append(RU_TEENS_GEN[last - 10])
    elif last % 10 == 0:
        words.append(RU_TENS_GEN[last // 10])
    else:
        words += [RU_TENS[last // 10], RU_UNITS_GEN[last % 10]]
    return " ".join(w for w in words if w)


_RU_YEAR = re.compile(r"(?<!\d)(\d{3,4})\s*(года|году|г\.)")
_RU_YEARS = re.compile(r"(\d)(-х)?\s*гг\.")
_RU_IN = re.compile(r"(?:^|\s)[вВ]\s*$")  # "в 1918 г.": in the year, the prepositional case
_RU_DAY = re.compile(rf"(?<!\d)(\d{{1,2}})\s+({RU_MONTHS_GEN})")


def ru_numbers(text: str) -> str:
    """Years before "года"/"г." and days before a month as genitive ordinals."""

    def year(m: re.Match) -> str:
        inside = m.group(2) == "году" or (
            m.group(2) == "г." and _RU_IN.search(m.string[: m.start()]) is not None
        )
        words = ru_ordinal_gen(int(m.group(1)))
        if words is None:
            return m.group(0).replace("г.", "году" if inside else "года")
        if inside:  # "восемнадцатого" → "восемнадцатом", "третьего" → "третьем"
            words = words[:-3] + ("ем" if words.endswith("его") else "ом")
        return f"{words} {'году' if inside else 'года'}"

    def day(m: re.Match) -> str:
        n = int(m.group(1))
        return f"{ru_ordinal_gen(n) if 1 <= n <= 31 else m.group(1)} {m.group(2)}"

    text = _RU_YEARS.sub(r"\1\2 годов", text)
    return _RU_DAY.sub(day, _RU_YEAR.sub(year, text))


# -- English: "19 February 1918" is read "nineteen February"; "19th" reads as the ordinal.
_EN_MONTHS = ("January|February|March|April|May|June|July|August|September|October|"
              "November|December")  # fmt: skip
_EN_DAY = re.compile(rf"(?<!\d)(\d{{1,2}})\s+({_EN_MONTHS})\b")


def en_numbers(text: str) -> str:
    def day(m: re.Match) -> str:
        n = int(m.group(1))
        suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
        return f"the {n}{suffix} of {m.group(2)}"

    return _EN_DAY.sub(day, text)
