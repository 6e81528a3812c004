"""Safe formula parsing: Python's ``ast`` of one expression, checked against a whitelist.

User text is never executed: no ``eval``, ``sympify`` or ``parse_expr``. Each AST node is
translated into a SymPy object by hand, and anything not on the whitelist is refused with
a :class:`FormulaError` that names the token and its position.
"""

from __future__ import annotations

import ast
import itertools
import unicodedata
from collections.abc import Callable, Mapping
from fractions import Fraction

import sympy as sp

from .._errors import FormulaError
from .._params import MAX_STATIC, nfkc_changed
from ._nodes import log1p, logistic, softplus

# Limits on what a formula may ask for, so that parsing and analysis stay bounded
# (documented in docs/security.md). SymPy evaluates number powers exactly: 9**9**9 would
# otherwise compute a number with 370 million digits.
MAX_FORMULA_LENGTH = 4000
MAX_DEPTH = 60
MAX_INTEGER_DIGITS = 30  # an integer literal
MAX_EXPONENT = 1000  # |p| in any power with a numeric exponent, x**p or 10**p
MAX_NUMBER_DIGITS = 1000  # a power of two numbers, such as 10**p
MAX_SUM_TERMS = 1024  # terms of a Sum, its bounds taken over static parameters 1..MAX_STATIC

CONSTANTS: dict[str, sp.Expr] = {"pi": sp.pi, "E": sp.E}


def _piecewise(*pieces: tuple[sp.Expr, sp.Basic]) -> sp.Expr:
    return sp.Piecewise(*pieces)


# Name in a formula -> (SymPy constructor, allowed argument counts).
FUNCTIONS: dict[str, tuple[Callable[..., sp.Expr], tuple[int, ...]]] = {
    "exp": (sp.exp, (1,)),
    "log": (sp.log, (1,)),
    "log1p": (log1p, (1,)),
    "sqrt": (sp.sqrt, (1,)),
    "Abs": (sp.Abs, (1,)),
    "abs": (sp.Abs, (1,)),
    "sign": (sp.sign, (1,)),
    "Min": (sp.Min, (2, 3, 4)),
    "Max": (sp.Max, (2, 3, 4)),
    "min": (sp.Min, (2, 3, 4)),
    "max": (sp.Max, (2, 3, 4)),
    "atan": (sp.atan, (1,)),
    "arctan": (sp.atan, (1,)),
    "tanh": (sp.tanh, (1,)),
    "sinh": (sp.sinh, (1,)),
    "cosh": (sp.cosh, (1,)),
    "sech": (sp.sech, (1,)),
    "sin": (sp.sin, (1,)),
    "cos": (sp.cos, (1,)),
    "erf": (sp.erf, (1,)),
    "erfc": (sp.erfc, (1,)),
    "sigmoid": (logistic, (1,)),
    "softplus": (softplus, (1,)),
    "gamma": (sp.gamma, (1,)),
}
SPECIAL_FORMS = ("Piecewise", "Sum")

_BINARY = {
    ast.Add: lambda a, b: a + b,
    ast.Sub: lambda a, b: a - b,
    ast.Mult: lambda a, b: a * b,
    ast.Div: lambda a, b: a / b,
    ast.Pow: lambda a, b: a**b,
}
_LOGIC = {"And": sp.And, "Or": sp.Or, "Not": sp.Not}
_COMPARE = {ast.Lt: sp.Lt, ast.LtE: sp.Le, ast.Gt: sp.Gt, ast.GtE: sp.Ge}
_CONDITION_TYPES = (sp.core.relational.Relational, sp.logic.boolalg.BooleanFunction, sp.logic.boolalg.BooleanAtom)


def _is_condition(value: sp.Basic) -> bool:
    return isinstance(value, _CONDITION_TYPES)


_HINTS = {
    ast.BitXor: "use ** for powers",
    ast.Eq: "equality conditions are not allowed; use <, <=, > or >=",
    ast.NotEq: "inequality conditions are not allowed; use <, <=, > or >=",
}


class _Translator:
    def __init__(self, text: str, symbols: Mapping[str, sp.Symbol], offset: int = 0) -> None:
        self.text = text
        self.offset = offset
        self.symbols = dict(symbols)
        self.line_starts = [0]
        for line in text.splitlines(keepends=True):
            self.line_starts.append(self.line_starts[-1] + len(line))

    def position(self, node: ast.AST) -> int | None:
        lineno = getattr(node, "lineno", None)
        col = getattr(node, "col_offset", None)
        if lineno is None or col is None:
            return None
        line = self.text.splitlines(keepends=True)[lineno - 1] if self.text else ""
        # col_offset counts UTF-8 bytes; positions are reported in characters.
        chars = len(line.encode("utf-8")[:col].decode("utf-8", errors="ignore"))
        return self.offset + self.line_starts[lineno - 1] + chars

    def fail(self, message: str, node: ast.AST, token: str | None = None) -> FormulaError:
        if token is None:
            token = ast.get_source_segment(self.text, node) or type(node).__name__
            token = token if len(token) <= 40 else token[:37] + "..."
        return FormulaError(message, formula=self.text, token=token, position=self.position(node))

    def expr(self, node: ast.AST, depth: int = 0, *, condition: bool = False) -> sp.Basic:
        if depth > MAX_DEPTH:
            raise self.fail(f"formula nests deeper than {MAX_DEPTH} levels", node)
        sub = depth + 1
        if isinstance(node, ast.Constant):
            return self.constant(node, condition=condition)
        if isinstance(node, ast.Name):
            return self.name(node)
        if isinstance(node, ast.BinOp) and type(node.op) in _BINARY:
            left, right = self.expr(node.left, sub), self.expr(node.right, sub)
            return self.arith(node, _BINARY[type(node.op)], left, right)
        if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub | ast.UAdd):
            operand = self.expr(node.operand, sub)
            return -operand if isinstance(node.op, ast.USub) else operand
        logic = isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in _LOGIC
        if isinstance(node, ast.Call) and not logic:
            return self.call(node, sub)
        if condition:
            return self.condition(node, sub)
        if logic or isinstance(node, ast.Compare | ast.BoolOp):
            raise self.fail("conditions are only allowed inside Piecewise", node)
        op = getattr(node, "op", None) or next(iter(getattr(node, "ops", [])), None)
        hint = _HINTS.get(type(op), "")
        kind = type(node).__name__
        raise self.fail(f"{kind} is not allowed in a formula" + (f": {hint}" if hint else ""), node)

    def arith(self, node: ast.AST, op: Callable, left: sp.Basic, right: sp.Basic) -> sp.Expr:
        for operand in (left, right):
            if not isinstance(operand, sp.Expr) or _is_condition(operand):
                raise self.fail("arithmetic on a condition", node)
        if op is _BINARY[ast.Pow]:
            self.check_power(node, left, right)
        try:
            return op(left, right)
        except (ZeroDivisionError, ValueError, TypeError, OverflowError) as err:
            raise self.fail(f"cannot evaluate: {err}", node) from None

    def check_power(self, node: ast.AST, base: sp.Expr, exponent: sp.Expr) -> None:
        """Refuse powers whose exact evaluation (or later expansion) would not finish."""
        if not exponent.is_number:
            return
        size = abs(exponent)
        if not (size.is_Rational or size.is_Float):
            return
        if size > MAX_EXPONENT:
            raise self.fail(f"exponent {_short(exponent)} is larger than {MAX_EXPONENT} in magnitude", node)
        if base.is_Rational and abs(base) > 1:
            digits = float(size) * sp.log(abs(base), 10).evalf(5)
            if digits > MAX_NUMBER_DIGITS:
                raise self.fail(f"the power has about {int(digits)} digits; at most {MAX_NUMBER_DIGITS}", node)

    def constant(self, node: ast.Constant, *, condition: bool) -> sp.Basic:
        value = node.value
        if isinstance(value, bool):
            if condition:
                return sp.true if value else sp.false
            raise self.fail("True/False are only allowed as Piecewise conditions", node)
        if isinstance(value, int):
            digits = len(ast.get_source_segment(self.text, node) or "")
            if digits > MAX_INTEGER_DIGITS:
                raise self.fail(f"integer literal has {digits} digits; at most {MAX_INTEGER_DIGITS}", node)
            return sp.Integer(value)
        if isinstance(value, float):
            if value != value or value in (float("inf"), float("-inf")):
                raise self.fail("number is not finite", node)
            exact = Fraction(repr(value))
            return sp.Rational(exact.numerator, exact.denominator)
        raise self.fail(f"{type(value).__name__} literal is not allowed", node)

    def name(self, node: ast.Name) -> sp.Expr:
        if node.id in self.symbols:
            return self.symbols[node.id]
        if node.id in CONSTANTS:
            return CONSTANTS[node.id]
        if node.id in FUNCTIONS or node.id in SPECIAL_FORMS:
            raise self.fail(f"function {node.id} must be called", node, node.id)
        allowed = ", ".join(sorted(self.symbols) + sorted(CONSTANTS))
        raise self.fail(f"unknown name {node.id!r} (allowed: {allowed})", node, node.id)

    def call(self, node: ast.Call, depth: int) -> sp.Expr:
        if not isinstance(node.func, ast.Name):
            raise self.fail("only plain function names may be called", node.func)
        name = node.func.id
        if node.keywords:
            raise self.fail(f"keyword arguments are not allowed in {name}()", node.keywords[0].value)
        if any(isinstance(arg, ast.Starred) for arg in node.args):
            raise self.fail("starred arguments are not allowed", node)
        if name == "Piecewise":
            return self.piecewise(node, depth)
        if name == "Sum":
            return self.summation(node, depth)
        if name in self.symbols:
            # A parameter shadows the function of its name, so that a function added later
            # never takes a name away from formulas already written.
            raise self.fail(f"{name!r} is a parameter here, so {name}() cannot be called", node.func, name)
        if name not in FUNCTIONS:
            known = ", ".join(sorted([*FUNCTIONS, *SPECIAL_FORMS]))
            raise self.fail(f"unknown function {name!r} (allowed: {known})", node.func, name)
        function, arities = FUNCTIONS[name]
        if len(node.args) not in arities:
            raise self.fail(f"{name}() takes {' or '.join(map(str, arities))} argument(s)", node)
        args = [self.expr(arg, depth) for arg in node.args]
        for arg, sub in zip(args, node.args, strict=True):
            if _is_condition(arg):
                raise self.fail(f"a condition cannot be an argument of {name}()", sub)
        try:  # SymPy evaluates on construction: Max(x, log(−α)) cannot compare a complex value
            return function(*args)
        except (ZeroDivisionError, ValueError, TypeError, OverflowError) as err:
            raise self.fail(f"cannot evaluate {name}(): {err}", node) from None

    def piecewise(self, node: ast.Call, depth: int) -> sp.Expr:
        if not node.args:
            raise self.fail("Piecewise() needs at least one (value, condition) pair", node)
        pieces = []
        for arg in node.args:
            if not isinstance(arg, ast.Tuple) or len(arg.elts) != 2:
                raise self.fail("each Piecewise argument must be a (value, condition) pair", arg)
            value = self.expr(arg.elts[0], depth)
            cond = self.expr(arg.elts[1], depth, condition=True)
            if not _is_condition(cond):
                raise self.fail("Piecewise condition must be a comparison or True", arg.elts[1])
            pieces.append((value, cond))
        if pieces[-1][1] != sp.true:
            raise self.fail("the last Piecewise condition must be True (a default branch)", node)
        try:
            return _piecewise(*pieces)
        except (TypeError, ValueError) as err:
            raise self.fail(f"invalid Piecewise: {err}", node) from None

    def condition(self, node: ast.AST, depth: int) -> sp.Basic:
        if isinstance(node, ast.Compare):
            operands = [self.expr(node.left, depth)]
            operands += [self.expr(c, depth) for c in node.comparators]
            parts = []
            for op, left, right in zip(node.ops, operands, operands[1:], strict=False):
                if type(op) not in _COMPARE:
                    hint = _HINTS.get(type(op), "")
                    raise self.fail(f"comparison {type(op).__name__} is not allowed: {hint}", node)
                try:
                    parts.append(_COMPARE[type(op)](left, right))
                except TypeError:  # SymPy refuses to order a value it knows is not real
                    raise self.fail(f"comparison with a value that is not real: {left} vs {right}", node) from None
            return sp.And(*parts)
        if isinstance(node, ast.BoolOp):
            values = self.conditions(node.values, depth)
            return sp.And(*values) if isinstance(node.op, ast.And) else sp.Or(*values)
        # SymPy's own spellings: (x > 0) & (x < 2), a | b, ~a, And(a, b), Or(a, b), Not(a).
        if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.BitAnd, ast.BitOr)):
            left, right = self.conditions([node.left, node.right], depth)
            return sp.And(left, right) if isinstance(node.op, ast.BitAnd) else sp.Or(left, right)
        if isinstance(node, ast.UnaryOp) and isinstance(node.op, (ast.Not, ast.Invert)):
            return sp.Not(*self.conditions([node.operand], depth))
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in _LOGIC:
            if node.keywords or not node.args or (node.func.id == "Not" and len(node.args) != 1):
                count = ", one" if node.func.id == "Not" else ""
                raise self.fail(f"{node.func.id}() takes conditions only{count}", node)
            return _LOGIC[node.func.id](*self.conditions(node.args, depth))
        raise self.fail(f"{type(node).__name__} is not a condition", node)

    def conditions(self, nodes: list[ast.expr], depth: int) -> list[sp.Basic]:
        """The operands of and/or/not, each a condition (x & 2 names the 2)."""
        values = []
        for node in nodes:
            value = self.expr(node, depth, condition=True)
            if not isinstance(value, sp.logic.boolalg.Boolean) or isinstance(value, sp.Expr):  # a Symbol is both
                raise self.fail("not a condition (a comparison, True or False)", node)
            values.append(value)
        return values

    def summation(self, node: ast.Call, depth: int) -> sp.Expr:
        if len(node.args) != 2 or not isinstance(node.args[1], ast.Tuple):
            raise self.fail("Sum() takes (term, (index, start, stop))", node)
        limits = node.args[1].elts
        if len(limits) != 3 or not isinstance(limits[0], ast.Name):
            raise self.fail("Sum limits must be (index, start, stop)", node.args[1])
        index_name = limits[0].id
        if index_name in self.symbols or index_name in CONSTANTS or index_name in FUNCTIONS:
            raise self.fail(f"Sum index {index_name!r} shadows a name", limits[0], index_name)
        start, stop = self.expr(limits[1], depth), self.expr(limits[2], depth)
        for bound, sub in ((start, limits[1]), (stop, limits[2])):
            if not (isinstance(bound, sp.Expr) and bound.is_integer):
                raise self.fail("Sum bounds must be integers (or integer parameters)", sub)
        self.check_terms(node, start, stop)
        index = sp.Symbol(index_name, integer=True)
        self.symbols[index_name] = index
        try:
            term = self.expr(node.args[0], depth)
        finally:
            del self.symbols[index_name]
        return sp.Sum(term, (index, start, stop))

    def check_terms(self, node: ast.AST, start: sp.Expr, stop: sp.Expr) -> None:
        """Refuse a Sum with more than MAX_SUM_TERMS terms for some static parameter value."""
        count = stop - start + 1
        params = sorted(count.free_symbols, key=str)
        linear = not params or (count.is_polynomial(*params) and sp.Poly(count, *params).total_degree() <= 1)
        if not linear or len(params) > 4:
            raise self.fail("Sum bounds must be integers or linear in at most 4 static parameters", node)
        # Linear in each parameter: the extremes lie at the corners of [1, MAX_STATIC]^k.
        corners = [dict(zip(params, c, strict=True)) for c in itertools.product((1, MAX_STATIC), repeat=len(params))]
        most = max(int(count.subs(corner)) for corner in corners)
        if most > MAX_SUM_TERMS:
            raise self.fail(f"Sum has up to {most} terms; at most {MAX_SUM_TERMS}", node)


def _short(value: sp.Expr) -> str:
    text = str(value)
    return text if len(text) <= 20 else text[:17] + "..."


def parse_formula(text: str, symbols: Mapping[str, sp.Symbol]) -> sp.Expr:
    """Translate formula text into a SymPy expression without executing anything.

    Args:
        text: one Python-syntax expression, e.g. ``"alpha * sigmoid(alpha * x)"``.
        symbols: the names the formula may use (``x`` and the parameters), mapped to the
            SymPy symbols that stand for them.

    Returns:
        The SymPy expression.

    Raises:
        FormulaError: for anything outside the whitelist, with the token and its position.

    >>> import sympy as sp
    >>> x, alpha = sp.symbols("x alpha", real=True)
    >>> parse_formula("alpha / (1 + Abs(alpha * x))**2", {"x": x, "alpha": alpha})
    alpha/(Abs(alpha*x) + 1)**2
    """
    if not isinstance(text, str):
        raise FormulaError(f"a formula must be a string or SymPy expression, not {type(text).__name__}")
    if len(text) > MAX_FORMULA_LENGTH:
        raise FormulaError(
            f"formula is {len(text)} characters long; at most {MAX_FORMULA_LENGTH} are accepted",
            formula=text[:80] + "...",
            position=MAX_FORMULA_LENGTH,
        )
    if not text.strip():
        raise FormulaError("formula is empty", formula=text)
    if (char := nfkc_changed(text)) is not None:
        # Python folds identifiers by NFKC: a fullwidth "ｅｘｐ" would silently become exp.
        raise FormulaError(
            f"character {char!r} (U+{ord(char):04X}) is not allowed: Python would read it as {_nfkc(char)!r}",
            formula=text[:80],
            token=char,
            position=text.index(char),
        )
    try:
        tree = ast.parse(text.strip(), mode="eval")
        lead = len(text) - len(text.lstrip())
    except SyntaxError as err:
        offset = (err.offset or 1) - 1
        lead = len(text) - len(text.lstrip())
        token = text.strip()[offset : offset + 1] or None
        raise FormulaError(f"syntax error: {err.msg}", formula=text, token=token, position=lead + offset) from None
    except (RecursionError, MemoryError, ValueError):
        raise FormulaError("formula is too deeply nested or malformed", formula=text[:80]) from None
    translator = _Translator(text.strip(), symbols, offset=lead)
    result = translator.expr(tree.body)
    if not isinstance(result, sp.Expr) or _is_condition(result):
        raise FormulaError("formula must be a number-valued expression, not a condition", formula=text)
    if result.has(sp.zoo, sp.nan, sp.oo, -sp.oo):
        raise FormulaError("formula contains an infinite or undefined constant (division by zero?)", formula=text)
    return result


def _nfkc(char: str) -> str:
    return unicodedata.normalize("NFKC", char)
