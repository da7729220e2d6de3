# ruff: noqa: RUF002  (full-width punctuation and the minus sign are the point)
"""The result a question asks for, stated by code in the reply's first sentence.

:mod:`.worked` tells the model what code worked out of the question; a 1.5B model still
wrote "subtract the numerators … 5 − 2 = 3" for 5/6 − 2/9, "4/7 是最大的分数" for the
largest of 2/7, 6/7, 4/7, and "The quotient is 2 and the remainder is 3" without ever
saying 2 3/5. So on Ask the tutor, where code *fully determines* the answer, the reply
begins with one short sentence written by code, in the reply's language:

- a calculation ("5/6 - 2/9 = 11/18."), a simplest form, a mixed number or an improper
  fraction, a lowest common denominator, a missing number ("3/5 = 12/20, so the missing
  number is 12.");
- a comparison of two numbers ("3/4 is bigger than 2/3.", "2/4和1/2相等。"), the sign
  between them ("5/8 > 3/8."), the biggest or smallest of a list, a list in order;
- "true or false" about an arithmetic statement: false as soon as one of its claims is
  false, true only when the statement is nothing but true claims;
- which option is right, where the question lists them ("A) 2/3  B) 3/4") and code can
  tell: the bigger or smallest, the one equal to a number or a calculation, in simplest
  form, closest to a number, the list in order ("The answer is B: 1/4, 1/3, 1/2.").

The model then explains. Its sentences are still checked (:mod:`.claims`), and one that
contradicts the stated result ("No, they are not equal.", "2/3 is bigger.", "The answer
is 3/10.") is not shown (:meth:`Stated.contradicted_by`).

Never in Practice: there the result is the learner's to find (and the teacher's "never
reveal" holds). Ask the tutor answers free questions, as before, whatever they are.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from fractions import Fraction

from app.core.content.tokenize import has_cjk, tokens
from app.core.tutor.claims import BLANK, Claim, Expr, claims_in, expressions, normalise, show
from app.core.tutor.grounding import without_markers
from app.core.tutor.numbers import numbers_in
from app.core.tutor.worked import SUM, written


@dataclass(frozen=True)
class Stated:
    """The sentence shown first, and what a model sentence must not contradict."""

    sentence: str
    value: Fraction | None = None  # the number the question asks for
    verdict: bool | None = None  # true/false, or yes/no for "is A the same as B?"
    equal: bool | None = None  # two numbers compared: equal or not
    bigger: tuple[str, ...] = ()  # how the bigger of two is written (2/3, 三分之二…)
    smaller: tuple[str, ...] = ()
    option: str = ""  # the right option's letter, where the question lists options
    reducible: bool = False  # the fraction asked about is not in its simplest form
    calculation: bool = False  # a word problem's calculation (calculation.py)
    # With a calculation: every value its explanation may name (see ``strays``).
    numbers: frozenset[Fraction] = frozenset()

    def contradicted_by(self, sentence: str) -> bool:
        """Whether a model sentence says the opposite of this result (or repeats it)."""
        text = normalise(without_markers(sentence)).replace("*", "").strip()
        if not text:
            return False
        if _bare(text) in {_bare(normalise(part)) for part in _PARTS.split(self.sentence)}:
            return True  # the stated sentence (or a part of it) again: nothing new
        if self.verdict is not None and _BARE_VERDICT.fullmatch(text):
            return True  # "True" alone after "The statement is true.": nothing new either
        return (self._verdict_contradicted(text) or self._equality_contradicted(text)
                or self._pick_contradicted(text) or self._value_contradicted(text)
                or self._option_contradicted(text)
                or (self.reducible and bool(_ALREADY_SIMPLEST.search(text))))

    def strays(self, sentence: str) -> bool:
        """Whether a model sentence names a number outside :attr:`numbers`: "This means
        you give away half of your stickers" under "20 × (3/4) = 15", "…to reach a total
        of three quarters" under "1/4 × 6 = 3/2" (Qwen2.5 1.5B, explaining calculations
        code had worked out). Like the practice guard's rule on new numbers, it keeps an
        explanation to the numbers of the problem and its calculation."""
        if not self.numbers:
            return False
        return not numbers_in(without_markers(sentence)) <= self.numbers

    def misreasons(self, sentence: str) -> bool:
        """Whether a model sentence explains a comparison of two fractions by their
        numerators alone while their denominators differ ("因为分子是3，而2的分子是2，所以分子
        更大，分数就更大。" under the stated "3/4比2/3大。", Qwen2.5 1.5B): the classic
        whole-number misconception, right answer or not. By the denominators alone while
        the numerators differ, likewise. A sentence that also speaks of the other part, or
        of a common one ("with a common denominator", "通分", "分母相同"), is left alone."""
        pair = self._compared_fractions()
        if pair is None:
            return False
        text = normalise(without_markers(sentence))
        if _COMMON_PART.search(text):  # "with a common denominator…": the sound way
            return False
        (n1, d1), (n2, d2) = pair
        if d1 != d2 and _NUMERATOR.search(text) and not _DENOMINATOR.search(text):
            return bool(_MORE.search(text))
        if n1 != n2 and _DENOMINATOR.search(text) and not _NUMERATOR.search(text):
            return bool(_MORE.search(text))
        return False

    def _compared_fractions(self) -> tuple[tuple[int, int], tuple[int, int]] | None:
        found = []
        for forms in (self.bigger, self.smaller):
            written = next((m for f in forms if (m := _WRITTEN_FRACTION.fullmatch(f))), None)
            if written is None:
                return None
            found.append((int(written[1]), int(written[2])))
        return found[0], found[1]

    def _option_contradicted(self, text: str) -> bool:
        """"The answer is C", "option (c)", "选C" where the right option is another."""
        if not self.option:
            return False
        return any(m.group(m.lastindex or 0) != self.option
                   for m in _OPTION_NAMED.finditer(text))

    def without_repeat(self, sentence: str) -> str:
        """A model sentence that opens by saying the stated result again, then why, starts
        at the why: "Yes, 2/4 and 1/2 are equal because they name the same amount" (Qwen,
        right after the stated "Yes, 2/4 and 1/2 are equal.") becomes "This is because
        they name the same amount"."""
        for part in _PARTS.split(self.sentence):
            words = part.rstrip("。.").strip()
            if not words:
                continue
            pattern = r"\s*".join(re.escape(w) for w in words.split())
            found = re.match(rf"\s*{pattern}\s*(?:\[\d{{1,2}}\])?\s*[,，]?\s*"
                             r"(?:because|since|as|因为|这是因为)\s*", sentence, re.IGNORECASE)
            if found:
                rest = sentence[found.end():]
                return ("这是因为" if has_cjk(found.group()) else "This is because ") + rest
        return sentence

    def _verdict_contradicted(self, text: str) -> bool:
        if self.verdict is None:
            return False
        said = _said_verdict(text)
        return said is not None and said != self.verdict

    def _equality_contradicted(self, text: str) -> bool:
        if self.equal is None:
            return False
        if _NOT_SAME.search(text):
            return self.equal
        return not self.equal and bool(_SAME.search(text))

    def _pick_contradicted(self, text: str) -> bool:
        """"2/3 is bigger", "2/3更大", "the bigger one is 2/3" where 2/3 is the smaller."""
        for forms, called, naming in ((self.smaller, _CALLED_BIGGER, _BIGGER_IS),
                                      (self.bigger, _CALLED_SMALLER, _SMALLER_IS)):
            for form in forms:
                number = rf"(?<![\d/]){re.escape(form)}(?![\d/])"
                if re.search(rf"{number}\s*(?:{called})|(?:{naming})\s*{number}", text):
                    return True
        return False

    def _value_contradicted(self, text: str) -> bool:
        if self.value is None:
            return False
        for match in _RESULT_IS.finditer(text):
            found = expressions(text[match.end():])
            if found and found[0].start == 0 and found[0].value != self.value:
                return True
        return False


_PARTS = re.compile(r"(?<=[.。])\s*")
_BARE_VERDICT = re.compile(r"\W*(?:true|false|yes|no|correct|incorrect|right|wrong|对|错|"
                           r"正确|错误|对的|错的|不对)\W*")


def _bare(text: str) -> str:
    return re.sub(r"[\W_]+", "", text)


_NOT_SAME = re.compile(r"\bnot (?:the same|equal|equivalent)\b|\b(?:isn't|aren't) "
                       r"(?:the same|equal|equivalent)\b|不相等|不一样|不等于|不相同")
_SAME = re.compile(r"\b(?:is|are) (?:the same|equal|equivalent)\b|(?<!不)相等|(?<!不)一样大")
_CALLED_BIGGER = (r"(?:is |are )?(?:the )?(?:bigger|larger|greater|biggest|largest|greatest)"
                  r"\b|(?:更大|比较大|最大|大一些)")
_CALLED_SMALLER = (r"(?:is |are )?(?:the )?(?:smaller|less|smallest|least)\b"
                   r"|(?:更小|比较小|最小|小一些)")
_BIGGER_IS = (r"\b(?:bigger|larger|greater|biggest|largest|greatest)(?: one| fraction| number)?"
              r" is|(?:大的|较大的|更大的)(?:分数|数|那个|一个)?(?:是|为)")
_SMALLER_IS = (r"\b(?:smaller|smallest|less)(?: one| fraction| number)? is"
               r"|(?:小的|较小的|更小的)(?:分数|数|那个|一个)?(?:是|为)")
_RESULT_IS = re.compile(r"\b(?:the )?(?:answer|result|total|sum|difference|missing "
                        r"(?:number|numerator|denominator)) (?:is|will be|=)\s*|"
                        r"(?:答案|结果|得数)(?:是|为|等于)\s*")
# "12/18 is already in its simplest form" (Qwen2.5 1.5B, after "12/18 in its simplest
# form is 2/3").
_ALREADY_SIMPLEST = re.compile(r"already in (?:its |the )?(?:simplest|lowest)|"
                               r"can(?:not|'t| not) be simplified|已经是最简")
# The parts of a fraction, and "bigger" — for Stated.misreasons.
_WRITTEN_FRACTION = re.compile(r"\s*(\d+)\s*/\s*(\d+)\s*")
_NUMERATOR = re.compile(r"numerator|top number|分子")
_DENOMINATOR = re.compile(r"denominator|bottom number|分母")
_COMMON_PART = re.compile(r"\b(?:common|same|equal)\b|通分|相同|一样")
_MORE = re.compile(r"\b(?:bigger|larger|greater|more|higher)\b|大|多")
_OPTION_NAMED = re.compile(r"\b(?:answer is|option|choice|choose|pick)\s*\(?([a-d])\b(?![/\d])"
                          r"|(?:选项|答案是|选)\s*\(?([a-d])(?![a-z/\d])")
_TRUE_SAID = re.compile(r"^\W*(?:true|yes|correct|right)\b|\b(?:statement|that|this|it) is "
                        r"(?:true|correct|right)\W*$|^\W*(?:对的|对[，。！,.!]|正确|是的)|(?:说法|这句话|判断)"
                        r"(?:是)?(?:对|正确)")
_FALSE_SAID = re.compile(r"^\W*(?:false|no|incorrect|wrong|not true)\b|\b(?:statement|that|"
                         r"this|it) is (?:false|incorrect|wrong|not true)\W*$|^\W*(?:错|不对|"
                         r"不正确)|(?:说法|这句话|判断)(?:是)?(?:错|不对|不正确)")


def _said_verdict(text: str) -> bool | None:
    if _FALSE_SAID.search(text):
        return False
    return True if _TRUE_SAID.search(text) else None


# ---------------------------------------------------------------- what the question asks

_TRUE_OR_FALSE = re.compile(r"^\W*(?:true or false|判断)\s*[:：]?\s*")
_FILLER = re.compile(r"\b(?:the|a|an|mixed number|number|fraction|fractions)\b|[\W_]+")
_YES_NO = re.compile(r"^\W*(?:is|are|do|does)\b|吗\W*$")
_SIGN = re.compile(r"\bsign\b|符号|○|_{2,}")
_SMALLER_ASKED = re.compile(r"smaller|smallest|less|least|哪个小|更小|最小")
_LIST_BIGGEST = re.compile(r"biggest|largest|greatest|最大")
_LIST_SMALLEST = re.compile(r"smallest|least|最小")
_ORDER = re.compile(r"\border\b|从小到大|从大到小|排列|排序")
_DESCENDING = re.compile(r"largest to smallest|biggest to smallest|greatest to least|从大到小")
_COMPARE = re.compile(r"bigger|larger|greater|biggest|largest|greatest|smaller|smallest|"
                      r"less|more|compare|same|equal|比|"
                      r"equivalent|哪个大|哪个小|更大|更小|比较|相等|一样|相同|大还是小")
_SIMPLEST = re.compile(r"simplest|simplify|lowest terms|最简")
_MIXED = re.compile(r"mixed number|带分数")
_IMPROPER = re.compile(r"improper fraction|假分数")
_COMMON_DENOMINATOR = re.compile(r"common denominator|公分母")
_FRACTION = re.compile(r"^\d+\s*/\s*\d+$")
_MISSING_TOP = re.compile(rf"(\d+)\s*/\s*(\d+)\s*=\s*{BLANK}\s*/\s*(\d+)")
_MISSING_BOTTOM = re.compile(rf"(\d+)\s*/\s*(\d+)\s*=\s*(\d+)\s*/\s*{BLANK}")
_ZH_OPERATORS = {"加上": " + ", "加": " + ", "减去": " - ", "减": " - ", "乘以": " × ",
                 "乘": " × ", "除以": " ÷ "}


def stated_result(question: str, language: str = "en") -> Stated | None:
    """The sentence that states what ``question`` asks, where code alone decides it."""
    return _first_found(normalise(question).replace("*", ""), language.startswith("zh"),
                        _FINDERS)


def _first_found(text: str, zh: bool,
                 finders: Sequence[Callable[[str, bool], Stated | None]]) -> Stated | None:
    """The first finder's result; none where one finds the question undecided."""
    for find in finders:
        found = find(text, zh)
        if found is _UNDECIDED:
            return None
        if found is not None:
            return found
    return None


# A true/false statement code cannot judge ("2/4 and 1/2 are at the same point on a
# number line"): no other reading of its numbers is the answer either.
_UNDECIDED = Stated("")


def _true_or_false(text: str, zh: bool) -> Stated | None:
    opener = _TRUE_OR_FALSE.match(text)
    if opener is None:
        return None
    statement = text[opener.end():]
    claims = [c for c in claims_in(statement) if _judged(c)]
    if not claims:
        return _UNDECIDED
    wrong = next((c for c in claims if not c.holds), None)
    if wrong is not None:
        fact = _fact(wrong, zh)
        return Stated(f"这句话是错的：{fact}。" if zh else f"That is false: {fact}.",
                      verdict=False)
    rest = statement
    for claim in sorted(claims, key=lambda c: -c.left.start):
        rest = rest[:claim.left.start] + rest[claim.right.end:]
    if _FILLER.sub("", rest):  # more is said than the claims: code cannot judge it all
        return _UNDECIDED
    said = "；".join(c.text for c in claims) if zh else "; ".join(c.text for c in claims)
    return Stated(f"这句话是对的：{said}。" if zh else f"That is true: {said}.", verdict=True)


def _judged(claim: Claim) -> bool:
    """Whether a claim in a true/false statement is one to judge it by. "加上1，得到 2/3"
    reads as 1 = 2/3, and "乘以2，得到 2/4" as 2 = 2/4: a whole number "equal" to a
    fraction is a step described in words, not a claim the statement makes."""
    left, right = claim.left, claim.right
    return not (claim.relation == "=" and not left.compound and not right.compound
                and left.plain_integer != right.plain_integer)


def _fact(claim: Claim, zh: bool) -> str:
    """What is true instead of a false claim, in a few words."""
    left, right = claim.left, claim.right
    if left.compound and claim.relation == "=":
        return f"{_symbols(left.text)} = {show(left.value)}"
    a, b = left.value, right.value
    if zh:
        word = "等于" if a == b else "小于" if a < b else "大于"
        return f"{left.text}{word}{right.text}"
    word = "is equal to" if a == b else "is smaller than" if a < b else "is bigger than"
    return f"{left.text} {word} {right.text}"


def _missing(text: str, zh: bool) -> Stated | None:
    top, bottom = _MISSING_TOP.search(text), _MISSING_BOTTOM.search(text)
    if top is not None:
        a, b, c = (int(g) for g in top.groups())
        n = Fraction(a * c, b) if b else None
        filled = f"{a}/{b} = {n}/{c}"
    elif bottom is not None:
        a, b, c = (int(g) for g in bottom.groups())
        n = Fraction(b * c, a) if a else None
        filled = f"{a}/{b} = {c}/{n}"
    else:
        return None
    if n is None or n.denominator != 1:
        return None
    if zh:
        return Stated(f"{filled}，所以要填的数是{n}。", value=n)
    return Stated(f"{filled}, so the missing number is {n}.", value=n)


def _calculation(text: str, zh: bool) -> Stated | None:
    exprs = expressions(text)
    compound = [e for e in exprs if e.compound]
    if len(compound) != 1 or claims_in(text) or (len(exprs) > 1 and _COMPARE.search(text)):
        return None
    e = compound[0]
    sentence = f"{_symbols(e.text)} = {result_forms(e)}"
    return Stated(sentence + ("。" if zh else "."), value=e.value)


def result_forms(e: Expr) -> str:
    """5/9 − 2/9 = 3/9 = 1/3: the sum of like fractions before it is simplified, then the
    simplest form, then a mixed number where it is more than one."""
    forms: list[str] = []
    match = SUM.fullmatch(e.text)
    if match is not None:
        a, b = written(match[1]), written(match[3])
        if a.bottom == b.bottom != 1 and not a.whole and not b.whole:
            top = a.top - b.top if match[2] in ("-", "减去", "减") else a.top + b.top
            forms.append(f"{top}/{a.bottom}")
    value = e.value
    if value.denominator != 1:
        forms.append(f"{value.numerator}/{value.denominator}")
    forms.append(show(value))
    return " = ".join(dict.fromkeys(forms))


def _symbols(calculation: str) -> str:
    """1/5加2/5 as 1/5 + 2/5: one way to write a sum in either language."""
    for word, symbol in _ZH_OPERATORS.items():
        calculation = calculation.replace(word, symbol)
    return re.sub(r"\s+", " ", calculation).strip()


def _comparison(text: str, zh: bool) -> Stated | None:
    plain = [e for e in expressions(text) if not e.compound]
    # "2/4和1/2相等吗？" reads as the claim 2/4 = 1/2: a yes/no question asks it.
    if (len(plain) < 2 or all(e.plain_integer for e in plain)
            or (claims_in(text) and not _YES_NO.search(text))):
        return None
    if len(plain) > 2:
        return _list(text, plain, zh)
    if not (_COMPARE.search(text) or _SIGN.search(text)):
        return None
    a, b = plain
    if _SIGN.search(text):
        sign = "=" if a.value == b.value else "<" if a.value < b.value else ">"
        return Stated(f"{a.text} {sign} {b.text}" + ("。" if zh else "."),
                      equal=a.value == b.value)
    asked = _asked(text) if _YES_NO.search(text) and not re.search(r"哪个|which", text) \
        else None
    if a.value == b.value:
        yes = {"=": True, "<": False, ">": False}.get(asked or "")
        if zh:
            opener = {True: "是的，", False: "不是，", None: ""}[yes]
            return Stated(f"{opener}{a.text}和{b.text}相等。", equal=True, verdict=yes)
        opener = {True: "Yes, ", False: "No, ", None: ""}[yes]
        return Stated(f"{opener}{a.text} and {b.text} are equal.", equal=True, verdict=yes)
    big, small = (a, b) if a.value > b.value else (b, a)
    bigger, smaller = _forms(big), _forms(small)
    if asked == "=":
        # Two sentences: "…are not equal: 3/4 is…" would read as the claim 3/4 ≠ 3/4.
        said = (f"{a.text}和{b.text}不相等。{big.text}比{small.text}大。" if zh else
                f"No, {a.text} and {b.text} are not equal. {big.text} is bigger than "
                f"{small.text}.")
        return Stated(said, equal=False, verdict=False, bigger=bigger, smaller=smaller)
    if asked is not None:  # "Is 1/3 bigger than 1/2?": yes or no, then which is bigger
        yes = (a.value > b.value) == (asked == ">")
        said = (f"{'是的' if yes else '不是'}，{big.text}比{small.text}大。" if zh else
                f"{'Yes' if yes else 'No'}, {big.text} is bigger than {small.text}.")
        return Stated(said, equal=False, verdict=yes, bigger=bigger, smaller=smaller)
    if _SMALLER_ASKED.search(text):
        said = (f"{small.text}比{big.text}小。" if zh else
                f"{small.text} is smaller than {big.text}.")
    else:
        said = (f"{big.text}比{small.text}大。" if zh else
                f"{big.text} is bigger than {small.text}.")
    return Stated(said, equal=False, bigger=bigger, smaller=smaller)


_ASK_EQUAL = re.compile(r"same|equal|equivalent|相等|一样|相同")
_ASK_BIGGER = re.compile(r"bigger|larger|greater|more|大")
_ASK_SMALLER = re.compile(r"smaller|less|fewer|小")


def _asked(text: str) -> str | None:
    """The relation a yes/no question asks about its first number: "=", ">" or "<"."""
    for pattern, relation in ((_ASK_EQUAL, "="), (_ASK_SMALLER, "<"), (_ASK_BIGGER, ">")):
        if pattern.search(text):
            return relation
    return None


def _forms(e: Expr) -> tuple[str, ...]:
    return tuple(dict.fromkeys([e.text, show(e.value),
                                f"{e.value.numerator}/{e.value.denominator}"]))


def _list(text: str, plain: list[Expr], zh: bool) -> Stated | None:
    ordered = sorted(plain, key=lambda e: e.value)
    if len({e.value for e in plain}) != len(plain):
        return None  # equal members: "the biggest" is not one of them
    if _ORDER.search(text):
        if _DESCENDING.search(text):
            ordered.reverse()
        names = [e.text for e in ordered]
        if zh:
            word = "从大到小" if _DESCENDING.search(text) else "从小到大"
            sign = " > " if _DESCENDING.search(text) else " < "
            return Stated(f"{word}排列：{sign.join(names)}。")
        first = "largest to smallest" if _DESCENDING.search(text) else "smallest to largest"
        return Stated(f"From {first}: {', '.join(names)}.")
    if _LIST_BIGGEST.search(text):
        pick, word, zh_word = ordered[-1], "biggest", "最大"
    elif _LIST_SMALLEST.search(text):
        pick, word, zh_word = ordered[0], "smallest", "最小"
    else:
        return None
    others = tuple(f for e in plain if e is not pick for f in _forms(e))
    said = f"{zh_word}的分数是{pick.text}。" if zh else f"The {word} is {pick.text}."
    if word == "biggest":
        return Stated(said, value=pick.value, bigger=_forms(pick), smaller=others)
    return Stated(said, value=pick.value, bigger=others, smaller=_forms(pick))


def _form(text: str, zh: bool) -> Stated | None:
    plain = [e for e in expressions(text) if not e.compound]
    if len(plain) != 1 or claims_in(text):
        return None
    e = plain[0]
    written = e.text.replace(" ", "")
    simplest = f"{e.value.numerator}/{e.value.denominator}"
    if _FRACTION.match(e.text) and _SIMPLEST.search(text) and simplest != written:
        if e.value.denominator == 1:
            simplest = str(e.value.numerator)
        return Stated(f"{e.text}化成最简分数是{simplest}。" if zh else
                      f"{e.text} in its simplest form is {simplest}.", value=e.value,
                      reducible=True)
    if _FRACTION.match(e.text) and _MIXED.search(text) and e.value > 1:
        return Stated(f"{e.text}化成带分数是{show(e.value)}。" if zh else
                      f"{e.text} as a mixed number is {show(e.value)}.", value=e.value)
    if " " in e.text and _IMPROPER.search(text) and e.value.denominator != 1:
        return Stated(f"{e.text}化成假分数是{simplest}。" if zh else
                      f"{e.text} as an improper fraction is {simplest}.", value=e.value)
    return None


def _common_denominator(text: str, zh: bool) -> Stated | None:
    fractions = [e for e in expressions(text) if not e.compound and _FRACTION.match(e.text)]
    if len(fractions) < 2 or not _COMMON_DENOMINATOR.search(text):
        return None
    lowest = math.lcm(*(int(e.text.split("/")[1]) for e in fractions))
    if zh:
        return Stated("和".join(e.text for e in fractions) + f"的最小公分母是{lowest}。",
                      value=Fraction(lowest))
    names = " and ".join(e.text for e in fractions)
    return Stated(f"The lowest common denominator of {names} is {lowest}.",
                  value=Fraction(lowest))




def stated_note(stated: Stated | None, language: str) -> str:
    """A line for the model: its reply already begins with the stated result. Short: a
    longer instruction ("…already written by the app… do not say the opposite…") was
    copied into the reply word for word by Qwen2.5 1.5B."""
    if stated is None:
        return ""
    # Options: explaining the others, the model named them ("absorbs red and blue light")
    # and wandered off ("Why? … photolysis …"): the learner needs why this one is right.
    # A calculation: left to "explain why", the model retold the story at length and
    # wandered into false asides ("3/4 is just another way of saying half").
    if language.startswith("zh"):
        if stated.calculation:
            return (f"你的回答已经以这句话开头：“{stated.sentence}”请接着用一两句话说明为什么"
                    "这样列式。")
        if stated.option:
            return (f"你的回答已经以这句话开头：“{stated.sentence}”请接着用一两句话解释为什么"
                    "这个答案是对的，不要谈其他选项。")
        return f"你的回答已经以这句话开头：“{stated.sentence}”请接着用两三句话解释为什么。"
    if stated.calculation:
        return (f'Your reply already begins with: "{stated.sentence}" Now explain in one or '
                "two short sentences why this calculation answers the question.")
    if stated.option:
        return (f'Your reply already begins with: "{stated.sentence}" Now explain in one or '
                "two short sentences why it is right. Do not talk about the other options.")
    return (f'Your reply already begins with: "{stated.sentence}" Now explain why in two or '
            "three short sentences.")


def echoes_note(sentence: str, stated: Stated, language: str) -> bool:
    """Whether a model sentence repeats the note about the stated result (instructions
    are not for the learner): most of its words, other than the result's, are the
    note's."""
    own = set(tokens(without_markers(sentence))) - set(tokens(stated.sentence))
    note = set(tokens(stated_note(stated, language)))
    return len(own) >= 3 and len(own & note) >= NOTE_ECHO * len(own)


NOTE_ECHO = 0.6


# ---------------------------------------------------------------- multiple choice

# "A) 1/2  B) 3/4", "(a) 1/2 (b) 3/4", "a. 1/2\nb. 3/4": options labelled a, b, c… in order.
_LABEL = re.compile(r"(?:^|(?<=[\s:：?？。.]))[(（]?([a-f])[)）.:：]\s*", re.IGNORECASE)
_CLOSEST = re.compile(r"closest to (\d+|zero|one)|最接近\s*(\d+)")


@dataclass(frozen=True)
class Option:
    letter: str
    text: str
    numbers: tuple[Expr, ...]


def split_options(text: str) -> tuple[str, list[Option]]:
    """The question without its options, and the options (none unless labelled a, b… or
    A, B… in order; their letters lower-cased)."""
    labels = list(_LABEL.finditer(text))
    start = next((i for i, m in enumerate(labels) if m[1].lower() == "a"), None)
    if start is None:
        return text, []
    run = [labels[start]]
    for m in labels[start + 1:]:
        if m[1].lower() == chr(ord(run[-1][1].lower()) + 1):
            run.append(m)
    if len(run) < 2:
        return text, []
    options = []
    for m, after in zip(run, [*run[1:], None], strict=True):
        body = text[m.end():after.start() if after else len(text)].strip().strip(",;，；。")
        options.append(Option(m[1].lower(), body, tuple(expressions(body))))
    return text[:run[0].start()], options


def _options(text: str, zh: bool) -> Stated | None:
    """Which option is right, where code can tell; else what the question alone decides
    ("Which is bigger: 3/4 or 5/7?" with the option "They are equal"); else undecided.

    Where both are known, the result comes first and the option after it ("12/18 in
    its simplest form is 2/3. That is option A."): the option's letter alone says
    nothing to a learner who typed the options from memory."""
    stem, options = split_options(text)
    if not options:
        return None
    on_stem = _from_stem(stem, zh)
    right = _right_options(stem, options) if all(o.numbers for o in options) else []
    if len(right) != 1:
        return on_stem or _UNDECIDED
    pick = right[0]
    letter = pick.letter.upper()
    value = pick.numbers[0].value if len(pick.numbers) == 1 else None
    if on_stem is not None and (on_stem.value is None or on_stem.value == value):
        said = f"{on_stem.sentence}也就是选项{letter}。" if zh else \
            f"{on_stem.sentence} That is option {letter}."
        return replace(on_stem, sentence=said, option=pick.letter)
    said = f"答案是{letter}：{pick.text}。" if zh else f"The answer is {letter}: {pick.text}."
    return Stated(said, value=value, option=pick.letter)


def _from_stem(stem: str, zh: bool) -> Stated | None:
    """What the question without its options decides (every finder but this one)."""
    return _first_found(stem, zh, _FINDERS[1:])


def _right_options(stem: str, options: list[Option]) -> list[Option]:
    if _ORDER.search(stem):
        descending = bool(_DESCENDING.search(stem))
        return [o for o in options if len(o.numbers) > 1 and _in_order(o, descending)]
    single = [o for o in options if len(o.numbers) == 1]
    if len(single) != len(options):
        return []
    values = [o.numbers[0].value for o in options]
    closest = _CLOSEST.search(stem)
    if closest:
        raw = closest[1] or closest[2]
        target = {"zero": 0, "one": 1}.get(raw)
        goal = Fraction(target if target is not None else int(raw))
        best = min(abs(v - goal) for v in values)
        return [o for o, v in zip(options, values, strict=True) if abs(v - goal) == best]
    if _LIST_BIGGEST.search(stem) or _ASK_BIGGER.search(stem):
        return [o for o, v in zip(options, values, strict=True) if v == max(values)]
    if _LIST_SMALLEST.search(stem) or _ASK_SMALLER.search(stem):
        return [o for o, v in zip(options, values, strict=True) if v == min(values)]
    asked = expressions(stem)
    if len(asked) != 1:
        return []
    target_value, written = asked[0].value, asked[0].text.replace(" ", "")
    matches = [o for o, v in zip(options, values, strict=True) if v == target_value
               and o.numbers[0].text.replace(" ", "") != written]
    if _SIMPLEST.search(stem):
        matches = [o for o in matches if _lowest_terms(o.numbers[0])]
    return matches


def _in_order(option: Option, descending: bool) -> bool:
    values = [e.value for e in option.numbers]
    return values == sorted(values, reverse=descending) and len(set(values)) == len(values)


def _lowest_terms(e: Expr) -> bool:
    written = re.sub(r"\s+", "", e.text)
    if "/" not in written:
        return True
    top, bottom = written.split("/")[-2:]
    return top.isdigit() and bottom.isdigit() and math.gcd(int(top), int(bottom)) == 1


# In this order: listed options decide first (their numbers are not a list to order), a
# true/false statement's numbers are not a calculation to state, and a blank
# ("3/5 = ?/20") must not be read as the claim 3/5 = 20.
_FINDERS: tuple[Callable[[str, bool], Stated | None], ...] = (
    _options, _true_or_false, _missing, _common_denominator, _form, _calculation,
    _comparison)
