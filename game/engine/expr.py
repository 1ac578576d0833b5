"""The story's small safe expression language: parsed and type-checked once, never eval'd."""

from __future__ import annotations

import operator
import re
from collections.abc import Callable, Mapping
from typing import Any, NamedTuple, Protocol

from game.engine import limits
from game.engine.errors import suggest
from game.engine.tuples import maker


class Context(Protocol):
    """What a compiled expression reads at run time (the playthrough provides it)."""

    vars: dict[str, Any]
    visits: dict[str, int]

    def chance(self, p: float) -> bool: ...


class ExprError(Exception):
    """A mistake inside one expression, at a character offset of its source text."""

    def __init__(self, message: str, offset: int, hint: str | None = None):
        super().__init__(message)
        self.message, self.offset, self.hint = message, offset, hint


class StoryRuntimeError(Exception):
    """Something that can only go wrong while playing, such as a division by zero."""


Fn = Callable[[Context], Any]
TYPE_NAMES = {"int": "a whole number", "float": "a number", "bool": "true/false", "str": "text"}
NUMERIC = ("int", "float")


FUNCTIONS = ("seen", "visits", "chance", "min", "max", "plural", "select")


def plural_form(n: int, forms: int) -> int:
    """Which of `forms` plural forms a count takes: two forms are one/other (English, Uzbek),
    three are one/few/many (Russian: 1, 21 рубль; 2–4, 22 рубля; 5–20, 11–14 рублей)."""
    if forms == 2:
        return 0 if n == 1 else 1
    n = abs(n)
    if n % 10 == 1 and n % 100 != 11:
        return 0
    if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
        return 1
    return 2


def _comparable(a: str, b: str) -> bool:
    return a == b or (a in NUMERIC and b in NUMERIC)


def type_of(value: Any) -> str | None:
    """The expression type of an initial value, or None when the value has no type here."""
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, int):
        return "int"
    if isinstance(value, float):
        return "float"
    if isinstance(value, str):
        return "str"
    return None


class Compiled(NamedTuple):
    """An expression ready to evaluate, with what it reads for the tools."""

    source: str
    type: str
    fn: Fn
    ast: tuple
    reads: frozenset[str]
    scene_refs: tuple[tuple[str, int], ...]  # (scene id, offset) from seen()/visits()
    uses_chance: bool

    def __call__(self, ctx: Context) -> Any:
        return self.fn(ctx)


class Assignment(NamedTuple):
    """One `name op= value` of an effect."""

    name: str
    op: str  # "=", "+=" or "-="
    value: Compiled


class Effects(NamedTuple):
    """A compiled `do:` line: assignments run in order."""

    source: str
    assignments: tuple[Assignment, ...]
    writes: frozenset[str] = frozenset()
    reads: frozenset[str] = frozenset()

    def apply(self, ctx: Context) -> None:
        for a in self.assignments:
            value = a.value.fn(ctx)
            if a.op == "+=":
                value = ctx.vars[a.name] + value
            elif a.op == "-=":
                value = ctx.vars[a.name] - value
            ctx.vars[a.name] = bounded(a.name, value)


_TOKEN = re.compile(
    r"""(?P<space>\s+)
      | (?P<num>\d+\.\d+|\d+)
      | (?P<str>"[^"\n]*"|'[^'\n]*')
      | (?P<name>[A-Za-z_][A-Za-z0-9_]*)
      | (?P<op>==|!=|<=|>=|//|\+=|-=|&&|\|\||[-+*/%<>=(),;!])
      | (?P<bad>.)""",
    re.X | re.S,
)
_KEYWORDS = {"and", "or", "not", "true", "false"}


class Token(NamedTuple):
    kind: str  # num, str, name, op, end
    text: str
    offset: int


def tokenize(source: str) -> list[Token]:
    tokens = []
    for m in _TOKEN.finditer(source):  # every character is in some token, if only `bad`
        kind = m.lastgroup
        if kind == "space":
            continue
        if kind == "bad":
            char, pos = m.group(), m.start()
            hint = 'text must be in straight quotes: "like this"' if char in "“”‘’" else None
            if char in "\"'":
                raise ExprError("a quotation mark is never closed", pos, "close the quote")
            raise ExprError(f"unexpected character '{char}'", pos, hint)
        tokens.append(_new_token((kind, m.group(), m.start())))
    tokens.append(Token("end", "", len(source)))
    return tokens


_new_token = maker(Token)


_FRIENDLY_OPS = {
    "&&": ("'&&' is not part of the language", "write 'and'"),
    "||": ("'||' is not part of the language", "write 'or'"),
    "!": ("'!' is not part of the language", "write 'not' (or '!=' to compare)"),
    "/": ("'/' is not part of the language", "write '//' to divide whole numbers"),
}
_COMPARE = {"==": operator.eq, "!=": operator.ne, "<": operator.lt, "<=": operator.le,
            ">": operator.gt, ">=": operator.ge}  # fmt: skip
_ARITH = {"+": operator.add, "-": operator.sub, "*": operator.mul}


class Env:
    """What names mean where an expression stands: the perspective's variables and scenes."""

    def __init__(self, variables: Mapping[str, str], readonly: frozenset[str] = frozenset()):
        self.variables = dict(variables)  # name -> type
        self.readonly = readonly
        # Compiled expressions are immutable, so `{debt}` or `not museum`, written in a
        # thousand places, is compiled once and shared (a large story's memory depends on it).
        self.memo: dict[tuple[str | None, str], Compiled] = {}


class _Parser:
    """Recursive descent over the tokens; each rule returns (type, ast), checked for types.

    The closure that evaluates an expression is made once from its whole tree (`closure`), so
    that a tree read back from the validated cache becomes the same closure without parsing."""

    def __init__(self, source: str, env: Env):
        self.source, self.env = source, env
        self.tokens = tokenize(source)
        self.i = 0
        self.depth = 0  # parentheses, 'not' and '-' open around the current token
        self.operators = 0
        self.reads: set[str] = set()
        self.scene_refs: list[tuple[str, int]] = []
        self.uses_chance = False

    # -- token helpers
    @property
    def tok(self) -> Token:
        return self.tokens[self.i]

    def take(self) -> Token:
        tok = self.tokens[self.i]
        self.i += 1
        return tok

    def at(self, *texts: str) -> bool:
        t = self.tok
        return t.kind in ("op", "name") and t.text in texts

    def expect(self, text: str, what: str) -> Token:
        if not self.at(text):
            raise ExprError(f"expected '{text}' {what}", self.tok.offset)
        return self.take()

    def done(self) -> None:
        tok = self.tok
        if tok.kind == "end":
            return
        if tok.text == "=":
            raise ExprError("'=' assigns; to compare use '=='", tok.offset, "write '=='")
        if tok.text in _FRIENDLY_OPS:
            message, hint = _FRIENDLY_OPS[tok.text]
            raise ExprError(message, tok.offset, hint)
        raise ExprError(f"unexpected '{tok.text}'", tok.offset, "is an operator missing?")

    # -- grammar
    def expression(self):
        return self.or_expr()

    def or_expr(self):
        left = self.and_expr()
        while self.at("or", "||"):
            op = self.take()
            self._friendly(op)
            self._operator(op)
            right = self.and_expr()
            left = self._logic("or", left, right, op.offset)
        return left

    def and_expr(self):
        left = self.not_expr()
        while self.at("and", "&&"):
            op = self.take()
            self._friendly(op)
            self._operator(op)
            right = self.not_expr()
            left = self._logic("and", left, right, op.offset)
        return left

    def _deeper(self, tok: Token) -> None:
        """Each nesting is a Python call while parsing and evaluating: bound it before the
        interpreter's own limit is met."""
        self.depth += 1
        if self.depth > limits.MAX_EXPR_DEPTH:
            raise ExprError(f"the expression is nested too deeply (more than "
                            f"{limits.MAX_EXPR_DEPTH} levels)", tok.offset,
                            "split it over several variables")  # fmt: skip

    def _operator(self, tok: Token) -> None:
        """Long operator chains nest as deeply as parentheses once compiled."""
        self.operators += 1
        if self.operators > limits.MAX_EXPR_OPERATORS:
            raise ExprError(f"the expression has too many operators (more than "
                            f"{limits.MAX_EXPR_OPERATORS})", tok.offset,
                            "split it over several variables")  # fmt: skip

    def not_expr(self):
        if self.at("not", "!"):
            op = self.take()
            self._friendly(op)
            self._deeper(op)
            typ, ast = self.not_expr()
            self.depth -= 1
            self._need_bool(typ, op.offset, "'not'")
            return "bool", ("not", ast)
        return self.comparison()

    def comparison(self):
        left = self.sum()
        if self.tok.kind == "op" and self.tok.text in _COMPARE:
            op = self.take()
            self._operator(op)
            right = self.sum()
            return self._compare(op, left, right)
        return left

    def sum(self):
        left = self.term()
        while self.tok.kind == "op" and self.tok.text in ("+", "-"):
            op = self.take()
            self._operator(op)
            left = self._arith(op, left, self.term())
        return left

    def term(self):
        left = self.unary()
        while self.tok.kind == "op" and self.tok.text in ("*", "//", "%", "/"):
            op = self.take()
            self._friendly(op)
            self._operator(op)
            left = self._arith(op, left, self.unary())
        return left

    def unary(self):
        if self.tok.kind == "op" and self.tok.text == "-":
            op = self.take()
            self._deeper(op)
            typ, ast = self.unary()
            self.depth -= 1
            if typ not in NUMERIC:
                raise ExprError(f"'-' needs a number, not {TYPE_NAMES[typ]}", op.offset)
            return typ, ("neg", ast)
        return self.atom()

    def atom(self):
        tok = self.take()
        if tok.kind == "num":
            if len(tok.text.replace(".", "")) > limits.MAX_NUMBER_DIGITS:
                raise ExprError(f"the number is too long (more than {limits.MAX_NUMBER_DIGITS} "
                                "digits)", tok.offset, "write a smaller number")  # fmt: skip
            value = float(tok.text) if "." in tok.text else int(tok.text)
            return type_of(value), ("const", value)
        if tok.kind == "str":
            return "str", ("const", tok.text[1:-1])
        if tok.kind == "name":
            return self._name(tok)
        if tok.text == "(":
            self._deeper(tok)
            inner = self.expression()
            self.expect(")", "to close '('")
            self.depth -= 1
            return inner
        if tok.kind == "end":
            raise ExprError("the expression ends too early", tok.offset, "a value is missing")
        if tok.text in _FRIENDLY_OPS:
            message, hint = _FRIENDLY_OPS[tok.text]
            raise ExprError(message, tok.offset, hint)
        raise ExprError(f"unexpected '{tok.text}'", tok.offset, "a value was expected here")

    def _name(self, tok: Token):
        if tok.text in ("true", "false"):
            return "bool", ("const", tok.text == "true")
        if tok.text in _KEYWORDS:
            raise ExprError(f"'{tok.text}' needs a value before it", tok.offset)
        if self.at("("):
            return self._call(tok)
        return self._variable(tok)

    def _variable(self, tok: Token):
        name = tok.text
        typ = self.env.variables.get(name)
        if typ is None:
            hint = (
                suggest(name, self.env.variables)
                or "declare it under 'variables:' in perspective.yaml"
            )
            raise ExprError(f"unknown variable '{name}'", tok.offset, hint)
        self.reads.add(name)
        return typ, ("var", name)

    def _call(self, tok: Token):
        name = tok.text
        self._operator(tok)
        self.take()  # "("
        if name in ("seen", "visits"):
            scene = self._scene_argument(name)
            self.expect(")", f"to close {name}(")
            return ("bool" if name == "seen" else "int"), (name, scene)
        if name not in FUNCTIONS:
            hint = suggest(name, FUNCTIONS)
            raise ExprError(f"unknown function '{name}'", tok.offset, hint or
                            "the functions are " + ", ".join(FUNCTIONS))  # fmt: skip
        args = self._arguments(name)
        if name == "chance":
            return self._chance(tok, args)
        if name == "plural":
            return self._plural(tok, args)
        if name == "select":
            return self._select(tok, args)
        return self._min_max(tok, name, args)

    def _scene_argument(self, fname: str) -> str:
        tok = self.take()
        if tok.kind == "str":
            scene = tok.text[1:-1]
        elif tok.kind == "name":
            scene = tok.text
        else:
            raise ExprError(f"{fname}() needs a scene id, like {fname}(bazaar)", tok.offset)
        self.scene_refs.append((scene, tok.offset))
        return scene

    def _arguments(self, fname: str) -> list:
        args = []
        if not self.at(")"):
            args.append(self.expression())
            while self.at(","):
                self.take()
                args.append(self.expression())
        self.expect(")", f"to close {fname}(")
        return args

    def _chance(self, tok: Token, args: list):
        if len(args) != 1 or args[0][0] not in NUMERIC:
            raise ExprError(
                "chance() needs one number between 0 and 1, like chance(0.3)", tok.offset
            )
        past = args[0][1]
        if past[0] == "const" and not 0 <= past[1] <= 1:
            raise ExprError(
                f"chance({past[1]}) is outside 0 to 1", tok.offset, "use a number like 0.3"
            )
        self.uses_chance = True
        return "bool", ("chance", past)

    def _plural(self, tok: Token, args: list):
        if not 3 <= len(args) <= 4 or args[0][0] != "int" or any(a[0] != "str" for a in args[1:]):
            raise ExprError("plural() needs a whole number and its forms: two (one, other) or "
                            "three (one, few, many, for Russian)", tok.offset,
                            'like plural(sacks, "sack", "sacks")')  # fmt: skip
        return "str", ("plural", *[a[1] for a in args])

    def _select(self, tok: Token, args: list):
        """select(value, key1, text1, key2, text2, …, otherwise): the text of the matching key."""
        if len(args) < 4 or len(args) % 2 or any(a[0] != "str" for a in args[2::2] + args[-1:]):
            raise ExprError("select() needs a value, then pairs of a key and its text, then "
                            "the text for any other value", tok.offset,
                            'like select(side, "red", "the Reds", "white", "the Whites", '
                            '"strangers")')  # fmt: skip
        value, keys = args[0], args[1:-1:2]
        for key in keys:
            if key[1][0] != "const" or not _comparable(value[0], key[0]):
                raise ExprError(f"select(): each key must be a constant of the value's type "
                                f"({TYPE_NAMES[value[0]]})", tok.offset)  # fmt: skip
        return "str", ("select", *[a[1] for a in args])

    def _min_max(self, tok: Token, name: str, args: list):
        if len(args) < 2 or any(a[0] not in NUMERIC for a in args):
            raise ExprError(f"{name}() needs two or more numbers", tok.offset)
        typ = "float" if any(a[0] == "float" for a in args) else "int"
        return typ, (name, *[a[1] for a in args])

    # -- typing helpers
    def _friendly(self, op: Token) -> None:
        if op.text in _FRIENDLY_OPS:
            message, hint = _FRIENDLY_OPS[op.text]
            raise ExprError(message, op.offset, hint)

    def _need_bool(self, typ: str, offset: int, what: str) -> None:
        if typ != "bool":
            raise ExprError(
                f"{what} needs true/false, not {TYPE_NAMES[typ]}",
                offset,
                "compare the value first, for example 'debt > 0'",
            )

    def _logic(self, op: str, left, right, offset: int):
        self._need_bool(left[0], offset, f"'{op}'")
        self._need_bool(right[0], offset, f"'{op}'")
        return "bool", (op, left[1], right[1])

    def _compare(self, op: Token, left, right):
        (lt, la), (rt, ra) = left, right
        same = lt == rt or (lt in NUMERIC and rt in NUMERIC)
        if not same:
            raise ExprError(f"cannot compare {TYPE_NAMES[lt]} with {TYPE_NAMES[rt]}", op.offset)
        if op.text not in ("==", "!=") and lt not in NUMERIC:
            raise ExprError(f"'{op.text}' compares numbers, not {TYPE_NAMES[lt]}", op.offset)
        return "bool", ("cmp", op.text, la, ra)

    def _arith(self, op: Token, left, right):
        (lt, la), (rt, ra) = left, right
        if op.text == "+" and lt == rt == "str":
            return "str", ("bin", "+", la, ra)
        if lt not in NUMERIC or rt not in NUMERIC:
            bad = lt if lt not in NUMERIC else rt
            raise ExprError(f"'{op.text}' needs numbers, not {TYPE_NAMES[bad]}", op.offset)
        typ = "float" if "float" in (lt, rt) else "int"
        if op.text not in _ARITH and _constant(ra) and closure(ra)(None) == 0:  # type: ignore[arg-type]  # reads nothing
            raise ExprError(f"division by zero ('{op.text}' by a value that is always 0)",
                            op.offset, "divide by a number other than 0")  # fmt: skip
        return typ, ("bin", op.text, la, ra)


def _constant(ast: tuple) -> bool:
    """An expression that reads no variable, visit or chance: its value is known when compiling."""
    if ast[0] == "const":
        return True
    if ast[0] in ("var", "seen", "visits", "chance"):
        return False
    return all(_constant(a) for a in ast[1:] if isinstance(a, tuple))


def bounded(name: str, value: Any) -> Any:
    """A value a variable may hold: numbers stay within MAX_NUMBER and text within
    MAX_TEXT_CHARS, so that a story looping `x = x * x` stops with a message, not a hang."""
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float) and not -limits.MAX_NUMBER <= value <= limits.MAX_NUMBER:
        raise StoryRuntimeError(f"'{name}' grew beyond {limits.MAX_NUMBER:,}")
    if isinstance(value, str) and len(value) > limits.MAX_TEXT_CHARS:
        raise StoryRuntimeError(f"'{name}' grew longer than {limits.MAX_TEXT_CHARS:,} characters")
    return value


def closure(ast: tuple) -> Fn:
    """The function that evaluates a checked expression tree (see `_Parser`)."""
    return _CLOSURES[ast[0]](*ast[1:])


def _const(value: Any) -> Fn:
    return lambda c: value


def _var(name: str) -> Fn:
    return lambda c: c.vars[name]


def _seen(scene: str) -> Fn:
    return lambda c: c.visits.get(scene, 0) > 0


def _visits(scene: str) -> Fn:
    return lambda c: c.visits.get(scene, 0)


def _not(ast: tuple) -> Fn:
    fn = closure(ast)
    return lambda c: not fn(c)


def _neg(ast: tuple) -> Fn:
    fn = closure(ast)
    return lambda c: -fn(c)


def _and(left: tuple, right: tuple) -> Fn:
    lf, rf = closure(left), closure(right)
    return lambda c: lf(c) and rf(c)


def _or(left: tuple, right: tuple) -> Fn:
    lf, rf = closure(left), closure(right)
    return lambda c: lf(c) or rf(c)


def _cmp(op: str, left: tuple, right: tuple) -> Fn:
    cmp = _COMPARE[op]
    if left[0] == "var" and right[0] == "const":  # `debt > 2`, the commonest condition:
        name, value = left[1], right[1]  # one call instead of three
        return lambda c: cmp(c.vars[name], value)
    lf, rf = closure(left), closure(right)
    return lambda c: cmp(lf(c), rf(c))


def _bin(op: str, left: tuple, right: tuple) -> Fn:
    lf, rf = closure(left), closure(right)
    if op not in _ARITH:
        return _dividing(op, lf, rf)
    fn2 = _ARITH[op]
    return lambda c: fn2(lf(c), rf(c))


def _chance(ast: tuple) -> Fn:
    pfn = closure(ast)
    return lambda c: c.chance(pfn(c))


def _plural(count_ast: tuple, *form_asts: tuple) -> Fn:
    count, forms = closure(count_ast), [closure(a) for a in form_asts]
    return lambda c: forms[plural_form(count(c), len(forms))](c)


def _select(value_ast: tuple, *rest: tuple) -> Fn:
    value = closure(value_ast)
    table = [(key[1], closure(text)) for key, text in zip(rest[:-1:2], rest[1::2], strict=True)]
    otherwise = closure(rest[-1])

    def pick(c: Context) -> str:
        got = value(c)
        return next((text for k, text in table if k == got), otherwise)(c)

    return pick


def _extreme(pick: Callable[..., Any]) -> Callable[..., Fn]:
    def make(*asts: tuple) -> Fn:
        fns = [closure(a) for a in asts]
        return lambda c: pick(f(c) for f in fns)

    return make


_CLOSURES: dict[str, Callable[..., Fn]] = {
    "const": _const, "var": _var, "seen": _seen, "visits": _visits, "not": _not, "neg": _neg,
    "and": _and, "or": _or, "cmp": _cmp, "bin": _bin, "chance": _chance, "plural": _plural,
    "select": _select, "min": _extreme(min), "max": _extreme(max),
}  # fmt: skip


def _dividing(op: str, lf: Fn, rf: Fn) -> Fn:
    fn2 = operator.floordiv if op == "//" else operator.mod

    def divide(c: Context) -> Any:
        right = rf(c)
        if right == 0:
            raise StoryRuntimeError(f"division by zero ('{op}' by a value that is 0)")
        return fn2(lf(c), right)

    return divide


def compile_expression(source: str, env: Env, want: str | None = None) -> Compiled:
    """Compile a value expression; `want="bool"` makes it a condition."""
    if not isinstance(source, str) or not source.strip():
        raise ExprError("the expression is empty", 0, "write a condition such as 'debt > 0'")
    known = env.memo.get((want, source))
    if known is not None:
        return known
    if len(source) > limits.MAX_EXPR_CHARS:
        raise ExprError(f"the expression is too long ({len(source):,} characters; at most "
                        f"{limits.MAX_EXPR_CHARS:,})", 0, "split it over several variables")  # fmt: skip
    parser = _Parser(source, env)
    typ, ast = parser.expression()
    parser.done()
    if want == "bool" and typ != "bool":
        raise ExprError(
            f"a condition must be true or false, but this is {TYPE_NAMES[typ]}",
            0,
            "compare it, for example 'debt > 0'",
        )
    compiled = Compiled(source, typ, closure(ast), ast, frozenset(parser.reads),
                        tuple(parser.scene_refs), parser.uses_chance)  # fmt: skip
    env.memo[(want, source)] = compiled
    return compiled


def compile_condition(source: str, env: Env) -> Compiled:
    return compile_expression(source, env, want="bool")


_ASSIGN = re.compile(r"\s*([A-Za-z_][A-Za-z0-9_]*)\s*(\+=|-=|=(?!=))")


def compile_effects(source: str, env: Env) -> Effects:
    """Compile `a = 1; b += 2` into assignments checked against the variables' types."""
    if len(source) > limits.MAX_EXPR_CHARS:
        raise ExprError(f"the effect is too long ({len(source):,} characters; at most "
                        f"{limits.MAX_EXPR_CHARS:,})", 0, "split it over several lines")  # fmt: skip
    assignments, offset = [], 0
    for part in source.split(";"):
        if part.strip():
            assignments.append(_assignment(part, offset, env))
        offset += len(part) + 1
    if not assignments:
        raise ExprError("the effect is empty", 0, "write an assignment such as 'debt -= 1'")
    writes = frozenset(a.name for a in assignments)
    reads = frozenset().union(*(a.value.reads for a in assignments))
    return Effects(source, tuple(assignments), writes, reads)


def _assignment(part: str, offset: int, env: Env) -> Assignment:
    m = _ASSIGN.match(part)
    if not m:
        lead = len(part) - len(part.lstrip())
        raise ExprError(
            "an effect must be an assignment",
            offset + lead,
            "write 'name = value', 'name += value' or 'name -= value'",
        )
    name, op = m.group(1), m.group(2)
    name_at = offset + m.start(1)
    typ = env.variables.get(name)
    if typ is None:
        hint = suggest(name, env.variables) or "declare it under 'variables:' in perspective.yaml"
        raise ExprError(f"unknown variable '{name}'", name_at, hint)
    if name in env.readonly:
        raise ExprError(f"'{name}' is built in and cannot be changed", name_at)
    value_src = part[m.end() :]
    try:
        value = compile_expression(value_src, env)
    except ExprError as exc:
        raise ExprError(exc.message, offset + m.end() + exc.offset, exc.hint) from None
    _check_assign_type(name, op, typ, value.type, name_at)
    return Assignment(name, op, value)


def _check_assign_type(name: str, op: str, var: str, value: str, offset: int) -> None:
    if op in ("+=", "-=") and var not in NUMERIC and not (op == "+=" and var == "str"):
        raise ExprError(f"'{op}' needs a number, but '{name}' holds {TYPE_NAMES[var]}", offset)
    fits = var == value or (var == "float" and value == "int")
    if not fits:
        raise ExprError(
            f"'{name}' holds {TYPE_NAMES[var]}, but the value is {TYPE_NAMES[value]}",
            offset,
            "a variable keeps the type of its initial value",
        )
