"""The derivation expression language: tokenizer, parser to a tree, and a bracketed printer.

Derivations are data written by reviewers, so they are parsed by this small grammar and never
by Python's ``eval``. The grammar, loosest binding first::

    expr    := term (("+" | "-") term)*
    term    := unary (("*" | "/") unary)*
    unary   := "-" unary | power
    power   := atom ("**" unary)?            right-associative; the exponent must be a
                                             constant integer ("x ** 2", "x ** -1")
    atom    := NUMBER unit? | NAME | FUNC "(" expr ("," expr)* ")" | "(" expr ")"
    unit    := NAME | "[" pint unit expression "]" | "%"

A unit binds to the number right before it: ``100 GW``, ``1.5e3 kW``, ``10 [MW / h]``,
``70%``. A name after a number is therefore always a unit ("2 x" is an unknown unit, write
"2 * x"), and a name anywhere else names an input of the derivation. Counted nouns ("launch",
"GPU") are not units: counts are dimensionless. Functions: ``min``, ``max`` (two or more
arguments), ``sqrt``, ``log10``. As in Python, ``-a ** 2`` is ``-(a ** 2)``.

:func:`to_string` prints a tree fully bracketed, so a test can state precedence as
``("a * b + c", "((a * b) + c)")`` and ``parse(to_string(tree)) == tree`` holds.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from claimkb.core.units import is_unit
from claimkb.derive.errors import ExpressionSyntaxError, UnknownUnitError

MAX_DEPTH = 64
"""How deeply an expression may nest: operations on operations ("1+1+...+1" is as deep as
it has terms), signs, powers and function calls inside each other. Reviewers write a few
levels; a deeper expression is refused with this number rather than ending in Python's
RecursionError, here or in any later walk over the tree."""
_PARSE_DEPTH = 2 * MAX_DEPTH + 2
"""How deeply the parser may recurse (brackets, signs, exponents, arguments): twice the
tree's depth, so that every tree within ``MAX_DEPTH`` also parses back from ``to_string``,
which writes a bracket and a sign for each level of "- - x"; and a few hundred Python
frames at most."""

MAX_LENGTH = 10_000
"""The longest expression read, in characters: a derivation is a line or two; the limit
bounds the time a hostile one takes to be refused."""

#: Function name -> (least, most) number of arguments.
FUNCTIONS: dict[str, tuple[int, int | None]] = {
    "min": (2, None),
    "max": (2, None),
    "sqrt": (1, 1),
    "log10": (1, 1),
}


# -- tree -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Number:
    """A literal with an optional unit as written (``None`` for a plain number)."""

    value: float
    unit: str | None = None
    col: int = field(default=0, compare=False)


@dataclass(frozen=True)
class Name:
    """A reference to an input of the derivation."""

    id: str
    col: int = field(default=0, compare=False)


@dataclass(frozen=True)
class Neg:
    operand: Node
    col: int = field(default=0, compare=False)


@dataclass(frozen=True)
class BinOp:
    """``left op right`` for ``op`` in ``+ - * / **``."""

    op: str
    left: Node
    right: Node
    col: int = field(default=0, compare=False)


@dataclass(frozen=True)
class Call:
    func: str
    args: tuple[Node, ...]
    col: int = field(default=0, compare=False)


Node = Number | Name | Neg | BinOp | Call


# -- tokens ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Token:
    kind: str  # "num", "name", "unit", "op", "end"
    text: str
    col: int  # 1-based column of the first character


_TOKEN = re.compile(
    r"""
    (?P<space>\s+)
  | (?P<num>(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)
  | (?P<name>[^\W\d]\w*)
  | (?P<unit>\[[^\[\]]*\])
  | (?P<op>\*\*|[-+*/(),%])
    """,
    re.VERBOSE,
)


def tokenize(text: str) -> list[Token]:
    """Split ``text`` into tokens; an unexpected character is a syntax error at its column."""
    if len(text) > MAX_LENGTH:
        raise ExpressionSyntaxError(
            f"expression longer than {MAX_LENGTH} characters: {shown(text)}"
        )
    tokens: list[Token] = []
    position = 0
    while position < len(text):
        match = _TOKEN.match(text, position)
        if match is None:
            raise ExpressionSyntaxError(
                f"unexpected character {text[position]!r} at column {position + 1} in {shown(text)}"
            )
        kind = match.lastgroup or ""
        if kind != "space":
            tokens.append(Token(kind, match.group(), position + 1))
        position = match.end()
    tokens.append(Token("end", "", len(text) + 1))
    return tokens


# -- parser ---------------------------------------------------------------------------------


class _Parser:
    """Recursive descent over the token list, one method per grammar rule."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.tokens = tokenize(text)
        self.index = 0
        self.depth = 0

    @property
    def current(self) -> Token:
        return self.tokens[self.index]

    def advance(self) -> Token:
        token = self.tokens[self.index]
        self.index += 1
        return token

    def at(self, text: str) -> bool:
        return self.current.kind == "op" and self.current.text == text

    def error(self, what: str, token: Token | None = None) -> ExpressionSyntaxError:
        token = token or self.current
        found = repr(token.text) if token.kind != "end" else "end of expression"
        return ExpressionSyntaxError(
            f"{what}, found {found} at column {token.col} in {shown(self.text)}"
        )

    def expect(self, text: str) -> Token:
        if not self.at(text):
            raise self.error(f"expected {text!r}")
        return self.advance()

    def parse(self) -> Node:
        tree = self.expr()
        if self.current.kind != "end":
            raise self.error("expected an operator or the end")
        return tree

    def expr(self) -> Node:
        node = self.term()
        while self.at("+") or self.at("-"):
            op = self.advance()
            node = BinOp(op.text, node, self.term(), op.col)
        return node

    def term(self) -> Node:
        node = self.unary()
        while self.at("*") or self.at("/"):
            op = self.advance()
            node = BinOp(op.text, node, self.unary(), op.col)
        return node

    def unary(self) -> Node:
        # Every nesting passes here (a bracket, a sign, an exponent, an argument): the one
        # place to count how deep the parser has gone.
        self.depth += 1
        if self.depth > _PARSE_DEPTH:
            raise self.error(f"expression nested deeper than {MAX_DEPTH}")
        try:
            if self.at("-"):
                op = self.advance()
                return Neg(self.unary(), op.col)
            return self.power()
        finally:
            self.depth -= 1

    def power(self) -> Node:
        base = self.atom()
        if not self.at("**"):
            return base
        op = self.advance()
        start = self.current
        exponent = self.unary()
        if constant_integer(exponent) is None:
            raise self.error("the exponent must be a constant integer", start)
        return BinOp("**", base, exponent, op.col)

    def atom(self) -> Node:
        token = self.current
        if token.kind == "num":
            self.advance()
            return Number(float(token.text), self.unit(), token.col)
        if token.kind == "name":
            self.advance()
            if token.text in FUNCTIONS:
                return self.call(token)
            if self.at("("):
                raise self.error(f"unknown function {token.text!r}", token)
            return Name(token.text, token.col)
        if self.at("("):
            self.advance()
            node = self.expr()
            self.expect(")")
            return node
        raise self.error("expected a number, a name, a function or '('")

    def unit(self) -> str | None:
        token = self.current
        if token.kind == "op" and token.text == "%":
            self.advance()
            return "percent"
        if token.kind not in ("name", "unit"):
            return None
        self.advance()
        text = token.text.strip("[]").strip() if token.kind == "unit" else token.text
        if not text or not is_unit(text):
            hint = " (write '2 * x' to multiply by an input)" if token.kind == "name" else ""
            raise UnknownUnitError(
                f"unknown unit {text!r} at column {token.col} in {shown(self.text)}{hint}"
            )
        return text

    def call(self, name: Token) -> Call:
        self.expect("(")
        args = [self.expr()]
        while self.at(","):
            self.advance()
            args.append(self.expr())
        self.expect(")")
        least, most = FUNCTIONS[name.text]
        if len(args) < least or (most is not None and len(args) > most):
            wanted = f"{least}" if least == most else f"at least {least}"
            raise self.error(f"{name.text}() takes {wanted} argument(s), got {len(args)}", name)
        return Call(name.text, tuple(args), name.col)


def parse(text: str) -> Node:
    """Parse an expression; errors are :class:`ExpressionSyntaxError` or unknown units."""
    tree = _Parser(text).parse()
    if depth(tree) > MAX_DEPTH:
        raise ExpressionSyntaxError(
            f"expression nested deeper than {MAX_DEPTH} (operations on operations) in {shown(text)}"
        )
    return tree


def depth(node: Node) -> int:
    """How many levels the tree has, found without recursion (the tree may be too deep
    for it: this is the check)."""
    deepest, stack = 0, [(node, 1)]
    while stack:
        item, level = stack.pop()
        deepest = max(deepest, level)
        stack.extend((child, level + 1) for child in children(item))
    return deepest


def shown(text: str) -> str:
    """``text`` quoted for a message, cut to its first 60 characters when longer than 80."""
    return repr(text) if len(text) <= 80 else repr(text[:60]) + f"… ({len(text)} characters)"


# -- tree helpers ---------------------------------------------------------------------------


def constant_integer(node: Node) -> int | None:
    """The value of an integer constant made of plain integers, ``-`` and ``**``; else None."""
    if isinstance(node, Number):
        ok = node.unit is None and node.value.is_integer() and abs(node.value) < 2**31
        return int(node.value) if ok else None
    if isinstance(node, Neg):
        inner = constant_integer(node.operand)
        return None if inner is None else -inner
    if isinstance(node, BinOp) and node.op == "**":
        base, exponent = constant_integer(node.left), constant_integer(node.right)
        if base is None or exponent is None or exponent < 0 or abs(exponent) > 64:
            return None
        result = base**exponent
        return result if abs(result) < 2**31 else None
    return None


def children(node: Node) -> tuple[Node, ...]:
    """The operands of a node, left to right; none for a number or a name."""
    if isinstance(node, Neg):
        return (node.operand,)
    if isinstance(node, BinOp):
        return (node.left, node.right)
    if isinstance(node, Call):
        return node.args
    return ()


def walk(node: Node) -> Iterator[Node]:
    """Every node of the tree, parents before children."""
    yield node
    for child in children(node):
        yield from walk(child)


def walk_operands_first(node: Node) -> Iterator[Node]:
    """Every node of the tree, children before their parent, left to right: the order in
    which a person works an expression out."""
    for child in children(node):
        yield from walk_operands_first(child)
    yield node


def names(node: Node) -> set[str]:
    """The input names an expression uses."""
    return {item.id for item in walk(node) if isinstance(item, Name)}


def repeated_names(node: Node) -> set[str]:
    """Names used more than once: where interval arithmetic over-widens (``x - x``)."""
    seen: set[str] = set()
    repeated: set[str] = set()
    for item in walk(node):
        if isinstance(item, Name):
            (repeated if item.id in seen else seen).add(item.id)
    return repeated


# -- printer --------------------------------------------------------------------------------


def _number_text(value: float) -> str:
    if value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return repr(value)


def _unit_text(unit: str) -> str:
    return f" {unit}" if re.fullmatch(r"[^\W\d]\w*", unit) else f" [{unit}]"


def to_string(node: Node) -> str:
    """The tree with every operation in brackets: ``a * b + c`` prints ``((a * b) + c)``."""
    if isinstance(node, Number):
        return _number_text(node.value) + ("" if node.unit is None else _unit_text(node.unit))
    if isinstance(node, Name):
        return node.id
    if isinstance(node, Neg):
        return f"(-{to_string(node.operand)})"
    if isinstance(node, BinOp):
        return f"({to_string(node.left)} {node.op} {to_string(node.right)})"
    return f"{node.func}({', '.join(to_string(arg) for arg in node.args)})"
