# ruff: noqa: RUF001, RUF002  (full-width and look-alike characters are the point)
"""Arithmetic claims in English and Chinese sentences, checked with exact rational arithmetic.

A tutor for children must never state a false fact in arithmetic, so every sentence the
tutor shows is read for claims of the form ``EXPR REL EXPR`` and each one is evaluated
with :class:`~fractions.Fraction` (no rounding):

- numbers: whole numbers, decimals, fractions ``3/4``, mixed numbers ``1 1/2``,
  percentages ``75%``, "75 percent", fractions in words ("three quarters",
  "two-thirds", "one half"), ``四分之三``, ``百分之七十五``, full-width forms;
- operators between numbers: ``+ - × * x ÷`` and "plus", "minus", "times", "divided
  by", ``加 减 乘 除以``;
- relations: ``= ≠ < > ≤ ≥ ≈``, "equals", "is (not) equal to", "is (not) the same as",
  "is equivalent to", "is bigger/greater/larger/more than", "is smaller/less than",
  ``等于 不等于 大于 小于 约等于``, "A and B are (not) equal", ``A和B相等``,
  ``A比B大``; chains ("3/4 + 1/8 = 6/8 + 1/8 = 7/8") are read pair by pair.

A plain "is" or ``是`` between two numbers is read as a claim only when one side is a
calculation or a fraction, decimal or percentage and the left number is not a label
("Step 2 is 3/4", "question 4 is …"); otherwise "4 is 2 more than 2" would read as 4 = 2.
A fraction in words is not such a side ("Three quarters is 3 × 5 = 15 stickers" names a
part). Not claims either: the two ends of "between 0 and 1", the number something is
multiplied or divided "by" ("multiply the top and bottom by 2, you get 2/4"), and a
division with a remainder ("11 ÷ 4 = 2 remainder 3").
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from fractions import Fraction

from app.core.tutor.latex import delatex
from app.core.tutor.numbers import WORD_DENOMINATORS, WORD_NUMBERS

# ---------------------------------------------------------------- tokens

_ZH_DIGIT = "零〇一二两三四五六七八九十百千"
_ZH_NUM = rf"(?:[{_ZH_DIGIT}]+|\d+)"
# A fraction in English words (numbers.py's words): a count, then the part's name, singular
# after "one" ("one third", "one-half") and plural after more ("two-thirds", "three
# quarters"). A bare "half" or "a third" is left alone: "a third try", "half of them".
_EN_COUNTS = [w for w, n in WORD_NUMBERS.items() if n > 1]
_EN_PARTS = [w for w in WORD_DENOMINATORS if not w.endswith("s")]  # half, third, …
_EN_PLURALS = [w for w in WORD_DENOMINATORS if w.endswith("s")]  # halves, thirds, …
_EN_FRACTION = (r"(?P<enfrac>\b(?P<en>one)[\s-]+(?P<ed>" + "|".join(_EN_PARTS) + r")"
                r"|\b(?P<ens>" + "|".join(_EN_COUNTS) + r")[\s-]+(?P<eds>"
                + "|".join(_EN_PLURALS) + r"))\b")
_NUMBER = re.compile(
    r"(?P<zhpct>百分之(?P<zp>" + _ZH_NUM + r"))"
    r"|(?P<zhfrac>(?P<zd>" + _ZH_NUM + r")分之(?P<zn>" + _ZH_NUM + r"))"
    r"|" + _EN_FRACTION +
    r"|(?<![a-z0-9.])(?:"
    r"(?P<mixed>(?P<mw>\d+)\s+(?P<mn>\d+)\s*/\s*(?P<md>\d+))"
    r"|(?P<frac>(?P<fn>\d+(?:\.\d+)?)\s*/\s*(?P<fd>\d+(?:\.\d+)?))"
    r"|(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+\.\d+|\.\d+|\d+)"
    r"(?P<pct>\s*(?:%|percent\b|per cent\b))?"
    r")(?![0-9]|\.\d)")
_OPERATORS = {
    "+": "+", "plus": "+", "加上": "+", "加": "+",
    "-": "-", "minus": "-", "take away": "-", "减去": "-", "减": "-",
    "*": "*", "×": "*", "x": "*", "times": "*", "multiplied by": "*", "乘以": "*", "乘": "*",
    "÷": "/", "divided by": "/", "除以": "/", "/": "/", "of": "*", "的": "*",
}
_OPERATOR = re.compile(
    r"\s*(\+|-|\*|×|÷|/|(?<![a-z])x(?![a-z])|\bplus\b|\bminus\b|\btake away\b|\btimes\b"
    r"|\bmultiplied by\b|\bdivided by\b|\bof\b|加上|加|减去|减|乘以|乘|除以|的)\s*")
# "1/2 of 8", "8的二分之一": "of" multiplies only beside a fraction, decimal or percentage
# ("3 of 4 parts" is a count, not 12).
_OF = frozenset({"of", "的"})
# After a plain "is" claim these words mean the sentence says something else:
# "1/2 is 1/4 more than 1/4", "6 is 2 times 3", "7/8 is 1/8 short of a whole".
_NOT_A_WEAK_CLAIM = re.compile(r"\s*(more|less|bigger|smaller|greater|larger|fewer|higher|"
                               r"lower|short|times|of|out|than|away|from|plus|minus|"
                               r"倍|多|少|的|个)")

_LABELS = re.compile(r"(step|question|part|option|choice|number|no\.|lesson|chapter|page|"
                     r"problem|exercise|level|hint|#|第|题|步)\s*$")


@dataclass(frozen=True)
class Expr:
    """A calculation as written, and its exact value."""

    text: str
    value: Fraction
    start: int
    end: int
    compound: bool  # has an operator
    plain_integer: bool  # a single whole number ("4"), not "4.0", "3/4", "40%"

    @property
    def in_words(self) -> bool:
        """A single fraction written in words ("three quarters")."""
        return not self.compound and bool(re.search(r"[a-z]", self.text))


@dataclass(frozen=True)
class Claim:
    """``left REL right`` as stated in a sentence; ``holds`` is its truth."""

    left: Expr
    relation: str  # "=", "<", ">", "<=", ">=", "~"
    negated: bool
    right: Expr

    @property
    def holds(self) -> bool:
        truth = _compare(self.left.value, self.relation, self.right.value)
        return truth != self.negated

    @property
    def text(self) -> str:
        return f"{self.left.text} {_SYMBOL[(self.relation, self.negated)]} {self.right.text}"


_SYMBOL = {("=", False): "=", ("=", True): "≠", ("<", False): "<", ("<", True): "≮",
           (">", False): ">", (">", True): "≯", ("<=", False): "≤", ("<=", True): ">",
           (">=", False): "≥", (">=", True): "<", ("~", False): "≈", ("~", True): "≉"}


def _compare(a: Fraction, relation: str, b: Fraction) -> bool:
    if relation == "=":
        return a == b
    if relation == "<":
        return a < b
    if relation == ">":
        return a > b
    if relation == "<=":
        return a <= b
    if relation == ">=":
        return a >= b
    # "≈", "about": equal to the precision of the less precise side, a rounding.
    return abs(a - b) <= max(_half_unit(a), _half_unit(b))


def _half_unit(value: Fraction) -> Fraction:
    """Half a unit in the last place of the shortest decimal for ``value`` (≤ 4 places)."""
    for places in range(5):
        if (value * 10 ** places).denominator == 1:
            return Fraction(1, 2 * 10 ** places) if places else Fraction(0)
    return Fraction(0)


def normalise(text: str) -> str:
    """LaTeX as the learner sees it, NFKC (full-width digits, ¾, ＝), one kind of minus,
    lower case."""
    text = delatex(text)
    text = "".join(f" {unicodedata.normalize('NFKC', c)}"
                   if "VULGAR FRACTION" in unicodedata.name(c, "") else c for c in text)
    folded = unicodedata.normalize("NFKC", text).replace("\u2044", "/")
    for dash in ("\u2212", "\u2013", "\u2014"):
        folded = folded.replace(dash, "-")
    folded = folded.replace("＝", "=").lower()
    # "further from 0 than": the 0 is a place on the number line, not a number compared.
    return re.sub(r"\b(from|to) 0 than\b", r"\1 zero than", folded)


def _chinese_int(raw: str) -> int | None:
    if raw.isdigit():
        return int(raw)
    digits = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6,
              "七": 7, "八": 8, "九": 9}
    total, current = 0, 0
    for char in raw:
        if char in digits:
            current = digits[char]
        elif char in "十百千":
            unit = {"十": 10, "百": 100, "千": 1000}[char]
            total += (current or 1) * unit
            current = 0
        else:
            return None
    return total + current


def _number_value(match: re.Match[str]) -> tuple[Fraction, bool] | None:
    """The value of a number token, and whether it is a plain whole number."""
    if match["zhpct"]:
        percent = _chinese_int(match["zp"])
        return (Fraction(percent, 100), False) if percent is not None else None
    if match["zhfrac"]:
        den, num = _chinese_int(match["zd"]), _chinese_int(match["zn"])
        return (Fraction(num, den), False) if den and num is not None else None
    if match["enfrac"]:
        count = WORD_NUMBERS[match["en"] or match["ens"]]
        return Fraction(count, WORD_DENOMINATORS[match["ed"] or match["eds"]]), False
    if match["mixed"]:
        den = int(match["md"])
        return (int(match["mw"]) + Fraction(int(match["mn"]), den), False) if den else None
    if match["frac"]:
        below = Fraction(match["fd"])
        return (Fraction(match["fn"]) / below, False) if below else None
    value: Fraction = Fraction(match["num"].replace(",", ""))
    if match["pct"]:
        return value / 100, False
    return value, "." not in match["num"]


# ---------------------------------------------------------------- expressions

Token = Fraction | str  # a number, an operator, "(" or ")"


def _evaluate(tokens: list[Token]) -> Fraction | None:
    """Brackets first, then × and ÷, then + and −; None for a division by zero."""
    position = 0

    def factor() -> Fraction | None:
        nonlocal position
        token = tokens[position]
        position += 1
        if token == "(":
            value = expression()
            position += 1  # the ")"
            return value
        return token if isinstance(token, Fraction) else None

    def term() -> Fraction | None:
        nonlocal position
        value = factor()
        while value is not None and position < len(tokens) and tokens[position] in ("*", "/"):
            op = tokens[position]
            position += 1
            right = factor()
            if right is None or (op == "/" and right == 0):
                return None
            value = value * right if op == "*" else value / right
        return value

    def expression() -> Fraction | None:
        nonlocal position
        value = term()
        while value is not None and position < len(tokens) and tokens[position] in ("+", "-"):
            op = tokens[position]
            position += 1
            right = term()
            if right is None:
                return None
            value = value + right if op == "+" else value - right
        return value

    try:
        return expression()
    except IndexError:
        return None


_GAP = re.compile(r"(?P<close>(?:\s*\))*)(?P<op>" + _OPERATOR.pattern + r")(?P<open>(?:\(\s*)*)")
_OPENS = re.compile(r"(?:\(\s*)+$")
_CLOSES = re.compile(r"(?:\s*\))+")


def expressions(text: str) -> list[Expr]:
    """Every calculation in already-normalised ``text``, in order; brackets count when
    they balance ("(3+4)/6"), and are prose otherwise ("(so 3/4 = 6/8)")."""
    numbers = [(m, v) for m in _NUMBER.finditer(text) if (v := _number_value(m)) is not None]
    found: list[Expr] = []
    i = 0
    while i < len(numbers):
        match, (value, integer) = numbers[i]
        opens = _OPENS.search(text[:match.start()])
        depth = opens.group().count("(") if opens else 0
        tokens: list[Token] = ["("] * depth + [value]
        start, end, j = match.start() - (len(opens.group()) if opens else 0), match.end(), i + 1
        while j < len(numbers):
            gap = _GAP.fullmatch(text[end:numbers[j][0].start()])
            if gap is None or (gap["op"].strip() in _OF and integer and numbers[j][1][1]):
                break
            closes, opened = gap["close"].count(")"), gap["open"].count("(")
            if closes > depth:
                break
            depth += opened - closes
            tokens += [")"] * closes + [_OPERATORS[gap["op"].strip()]] + ["("] * opened
            tokens.append(numbers[j][1][0])
            end = numbers[j][0].end()
            j += 1
        closing = _CLOSES.match(text[end:])
        if closing and depth:
            used = min(depth, closing.group().count(")"))
            tokens += [")"] * used
            depth -= used
            end += len(closing.group()) if not depth else 0
        if depth:  # unbalanced: the leading brackets are prose ("(so 3/4 = 6/8)")
            start = match.start()
        total = _evaluate(tokens)
        compound = any(isinstance(t, str) and t not in "()" for t in tokens)
        if total is not None:
            found.append(Expr(text[start:end].strip(), total, start, end, compound,
                              integer and len(tokens) == 1))
        i = j
    return found


# ---------------------------------------------------------------- relations

_NOT = r"(?:is not|isn't|are not|aren't|does not|doesn't|do not|don't|is never)"
_EN_BETWEEN = [  # (pattern for the text between two expressions, relation, negated, weak)
    (r"(?:=|==|equals?|is equal to|is the same as|is equivalent to|are equivalent to|"
     r"is also|makes|gives|is exactly|equals exactly|is just|=\s*exactly)", "=", False, False),
    # "When you add 2/9 + 5/9, the answer is 7/18", "3/4, which can be written as 1 3/4":
    # a result stated in words is a claim like "=" (both were shown unchecked).
    (r"(?:(?:then |so )?(?:the )?(?:answer|result|total|sum|difference|product) (?:is|will be)|"
     r"(?:you|we) (?:get|will get)|(?:this|that|which|it) (?:gives|makes)|"
     r"(?:which|that|this|it) can be written as|can be written as|is written as|"
     r"答案是|结果是|得数是|得到|可以写成|也就是|写作|记作|写成|写为|表示为)", "=", False, False),
    (r"(?:≠|!=|=/=|" + _NOT + r" (?:equal(?: to)?|the same as|equivalent to))",
     "=", True, False),
    (r"(?:≈|~|is about|is approximately|is roughly|is around|is nearly|is close to|"
     r"约等于|大约是|约是|约为|大约等于)", "~", False, False),
    (r"(?:>|is (?:bigger|greater|larger|more|higher) than)", ">", False, False),
    # On a number line from 0: "1/5 is further from 0 than 1/3" says 1/5 > 1/3.
    (r"is (?:further|farther) (?:away )?from (?:0|zero) than", ">", False, False),
    (r"is closer to (?:0|zero) than", "<", False, False),
    (r"(?:<|is (?:smaller|less|lower|fewer) than)", "<", False, False),
    (_NOT + r" (?:bigger|greater|larger|more|higher) than", ">", True, False),
    (_NOT + r" (?:smaller|less|lower) than", "<", True, False),
    (r"(?:>=|≥|is at least|is greater than or equal to)", ">=", False, False),
    (r"(?:<=|≤|is at most|is less than or equal to)", "<=", False, False),
    (r"is not|isn't", "=", True, True),
    (r"is|are", "=", False, True),
    (r"(?:等于|就等于|相当于|和.{0,2}相等的是|恰好等于)", "=", False, False),
    (r"(?:不等于|不相当于)", "=", True, False),
    (r"(?:大于|多于|比较大于)", ">", False, False),
    (r"(?:小于|少于)", "<", False, False),
    (r"(?:不大于|不多于)", ">", True, False),
    (r"(?:不小于|不少于)", "<", True, False),
    (r"(?:是|就是)", "=", False, True),
    (r"(?:不是)", "=", True, True),
]
_BETWEEN = [(re.compile(rf"\s*[,，]?\s*(?:{p})\s*[,，:：]?\s*"), rel, neg, weak)
            for p, rel, neg, weak in _EN_BETWEEN]
# "A and B are (not) equal", "A和B相等", "A与B不相等": the relation follows the second.
_PAIR_JOIN = re.compile(r"\s*(?:and|和|与|跟|同)\s*")
_PAIR_AFTER = [
    (re.compile(r"\s*(?:are|is)\s+(?:equal|the same|equivalent)\b"), "=", False),
    (re.compile(r"\s*(?:are not|aren't)\s+(?:equal|the same|equivalent)\b"), "=", True),
    (re.compile(r"\s*(?:是)?(?:相等|一样大|一样多|相同|同样大|大小相等|大小一样)"), "=", False),
    (re.compile(r"\s*(?:不相等|不一样大|不一样多|不相同|不同|大小不一样|大小不同)"), "=", True),
]
# "A比B大", "A比B小": the comparison word follows the second number.
_THAN_JOIN = re.compile(r"\s*比\s*")
_THAN_AFTER = [(re.compile(r"\s*(?:还|更|要)?(?:大|多)"), ">"),
               (re.compile(r"\s*(?:还|更|要)?(?:小|少)"), "<")]


# Words that colour a relation without changing it: "1/2 is indeed the same as 3/4",
# "1/2确实等于2/4". They are taken out of the gap before the relation is read.
_FILLERS = re.compile(r"\b(?:indeed|also|both|actually|really|exactly|just|still|definitely|"
                      r"clearly|certainly|surely|truly|always|basically|simply|obviously|"
                      r"in fact|of course)\b|确实|其实|真的|也|都|正好|恰好|显然|当然")


# A noun naming the second number: "5/7 is bigger than the fraction 3/4" (this one was
# shown unchecked). Taken off the gap's end before the relation is read.
_NAMING_NOUN = re.compile(r"\s+(?:the |a |an )?(?:fraction|number|decimal|value|percentage)\s*$")


def _between(gap: str) -> tuple[str, bool, bool] | None:
    gap = _NAMING_NOUN.sub(" ", gap)
    plain = re.sub(r"\s+", " ", _FILLERS.sub(" ", gap))
    for pattern, relation, negated, weak in _BETWEEN:
        if pattern.fullmatch(gap) or pattern.fullmatch(plain):
            return relation, negated, weak
    return None


def _pair(gap: str, after: str) -> tuple[str, bool] | None:
    after = re.sub(r"[ \t]+", " ", _FILLERS.sub(" ", after))
    if _PAIR_JOIN.fullmatch(gap):
        for pattern, relation, negated in _PAIR_AFTER:
            if pattern.match(after):
                return relation, negated
    if _THAN_JOIN.fullmatch(gap):
        for pattern, relation in _THAN_AFTER:
            if pattern.match(after):
                return relation, False
    return None


def _weak_claim(text: str, left: Expr, right: Expr) -> bool:
    """A plain "is"/"是" claim counts only between calculations or non-whole numbers."""
    if _LABELS.search(text[:left.start]) or _NOT_A_WEAK_CLAIM.match(text[right.end:]):
        return False
    if left.in_words or right.in_words:
        # Words name a part of something: "Three quarters is 3 × 5 = 15 stickers."
        return False
    if left.compound or right.compound:
        return True
    return not left.plain_integer and not right.plain_integer


# "between 0 and 1 is equal to one half": the two ends of a stretch are not compared
# with each other, and what follows the second is said of the thing between them.
_RANGE = re.compile(r"\bbetween\s*$")
_RANGE_END = re.compile(r"\bbetween\s+[^\s,;]+\s+and\s*$")
# "multiply the top and bottom by 2, you get 2/4", "分子分母同时乘2，得到2/4": the number
# is what something else was multiplied by; what follows is that other thing's result.
_OPERAND = re.compile(r"(?:\bby|乘以|乘|除以)\s*$")
_REMAINDER = re.compile(r"\s*(?:remainder\b|rem\b|r\s*\d|余)")

# A gap the learner is to fill: "3/5 = ?/20", "15/20 = 3/(  )", "3/□".
BLANK = r"(?:\?|_+|\(\s*\)|□|○)"
_BLANK_AFTER = re.compile(rf"\s*/\s*{BLANK}")
_BLANK_BEFORE = re.compile(rf"{BLANK}\s*/\s*$")


def claims_in(sentence: str) -> list[Claim]:
    """Every arithmetic claim ``sentence`` states (true or false)."""
    text = normalise(sentence)
    exprs = expressions(text)
    found: list[Claim] = []
    for left, right in itertools.pairwise(exprs):
        if _BLANK_AFTER.match(text, right.end) or _BLANK_BEFORE.search(text[:left.start]):
            continue  # "18/24 = 3/?" asks for a number: it does not say 18/24 = 3
        if _RANGE_END.search(text[:left.start]) or _OPERAND.search(text[:left.start]):
            continue
        if _REMAINDER.match(text, right.end):
            continue  # "11 ÷ 4 = 2 remainder 3": a whole-number division, not 11/4 = 2
        gap = text[left.end:right.start]
        relation = _between(gap)
        if relation is not None:
            rel, negated, weak = relation
            if not weak or _weak_claim(text, left, right):
                found.append(Claim(left, rel, negated, right))
            continue
        paired = _pair(gap, text[right.end:right.end + 24])
        if paired is not None and not _RANGE.search(text[:left.start]):
            found.append(Claim(left, paired[0], paired[1], right))
    return found


def false_claims(text: str) -> list[Claim]:
    """The claims in ``text`` that do not hold."""
    return [c for c in claims_in(text) if not c.holds]


# ---------------------------------------------------------------- corrections

def show(value: Fraction) -> str:
    """A value the way a lesson writes it: 3/4, 1 1/2, 0.25 stays a fraction 1/4."""
    if value.denominator == 1:
        return str(value.numerator)
    sign = "-" if value < 0 else ""
    whole, rest = divmod(abs(value.numerator), value.denominator)
    fraction = f"{rest}/{value.denominator}"
    return f"{sign}{whole} {fraction}" if whole else f"{sign}{fraction}"


def _true_relation(claim: Claim) -> str:
    a, b = claim.left.value, claim.right.value
    return "=" if a == b else "<" if a < b else ">"


def correction(claim: Claim, language: str = "en") -> str:
    """What is true instead of ``claim``, in one sentence (for the model and the learner)."""
    left, right = claim.left, claim.right
    relation = _true_relation(claim)
    zh = language.startswith("zh")
    if left.compound and claim.relation == "=" and relation != "=":
        return (f"“{claim.text}”不对：{left.text} = {show(left.value)}。" if zh else
                f'"{claim.text}" is false: {left.text} = {show(left.value)}.')
    if zh:
        word = {"=": "等于", "<": "小于", ">": "大于"}[relation]
        return f"“{claim.text}”不对：{left.text}{word}{right.text}。"
    word = {"=": "is equal to", "<": "is smaller than", ">": "is bigger than"}[relation]
    return f'"{claim.text}" is false: {left.text} {word} {right.text}.'


def verdict_note(text: str, *, language: str = "en", who: str = "student") -> str:
    """A line for the model about the claims in ``text`` (the learner's), or ""."""
    notes: list[str] = []
    for claim in claims_in(text):
        if claim.holds:
            notes.append(f"“{claim.text}”是对的。" if language.startswith("zh") else
                         f'The {who}\'s claim "{claim.text}" is TRUE; do not correct it.')
        else:
            notes.append(correction(claim, language) if language.startswith("zh") else
                         f"The {who}'s claim {correction(claim)} Do not agree with it.")
    return " ".join(notes)


def split_claim_sentences(text: str) -> Iterator[str]:
    """Sentences of ``text`` with their trailing spaces; "0.75" and "3.5" stay whole."""
    for part in re.split(r"(?<=[.!?])(?=\s)|(?<=[。！？\n])", text):
        if part:
            yield part


# ---------------------------------------------------------------- applying the check

REMOVED_NOTE = {"en": "(I removed a step that had a mistake in it.)",
                "zh-Hans": "（有一步算错了，我把它删掉了。）"}


def note_key(language: str) -> str:
    return "zh-Hans" if language.startswith("zh") else "en"


def drop_false(text: str, language: str = "en") -> tuple[str, list[Claim]]:
    """``text`` without its sentences that state a false claim, and those claims.

    When a sentence was dropped, a note says so: the learner should know a step is
    missing rather than read a gap as the whole explanation.
    """
    kept: list[str] = []
    wrong: list[Claim] = []
    for sentence in split_claim_sentences(text):
        bad = false_claims(sentence)
        if bad:
            wrong += bad
        else:
            kept.append(sentence)
    kept, spanning = _drop_spanning(kept)
    wrong += spanning
    if not wrong:
        return text, []
    return with_removed_note("".join(kept), language), wrong


def _drop_spanning(parts: list[str]) -> tuple[list[str], list[Claim]]:
    """Drop neighbouring sentences or lines that state a false claim only together
    ("10 × (6 + 3)/4" on one line, "= 7" on the next)."""
    wrong: list[Claim] = []
    changed = True
    while changed:
        changed = False
        for size in (2, 3):
            for i in range(len(parts) - size + 1):
                bad = false_claims("".join(parts[i:i + size]))
                if bad:
                    wrong += bad
                    del parts[i:i + size]
                    changed = True
                    break
            if changed:
                break
    return parts, wrong


# When every sentence had a mistake, a bare "(I removed a step…)" tells the learner
# nothing (it reached the screen alone in an evaluation sample): say what to do instead.
REMOVED_ALL = {"en": "I made a mistake working this out, so I took my answer back. Please "
                     "ask your teacher, or ask me again in other words.",
               "zh-Hans": "我算错了，所以把回答收回了。请问问老师，或者换个说法再问我一次。"}


def with_removed_note(body: str, language: str = "en") -> str:
    """``body`` and the note that a step with a mistake was taken out of it; when nothing
    is left, what the learner can do instead."""
    body = body.strip()
    if not body:
        return REMOVED_ALL[note_key(language)]
    joiner = "" if language.startswith("zh") else " "
    return body + joiner + REMOVED_NOTE[note_key(language)]


def correction_prompt(wrong: list[Claim], language: str = "en") -> str:
    """The line added to the prompt when a reply is regenerated after a false claim."""
    lines = " ".join(correction(c, language) for c in wrong)
    if language.startswith("zh"):
        return f"注意：你上一次的回答有计算错误。{lines}请只写正确的算式。"
    return f"Careful: your last reply had an arithmetic mistake. {lines} Write only true facts."
