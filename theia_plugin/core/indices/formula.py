"""Safe arithmetic formulas over named bands: parsed and whitelisted, never run as Python.

Catalogue formulas and formulas typed by users are text. Running them with Python would let
a formula do anything Python can (``__import__('os')``), so the text is parsed with :mod:`ast`
and every node is checked against a short whitelist, then turned into a small tree of numpy
operations. The 280 Awesome Spectral Indices formulas only need numbers, names, unary minus
and ``+ - * / **``; a few elementwise functions are added for user formulas.

Evaluation runs on float arrays (float32 by default) under ``np.errstate``: a division by
zero or an invalid operation gives NaN (nodata) in the result, never ``inf`` and never a
warning. All arithmetic is floating point, so an exponent cannot blow up into a huge integer
computation; literal exponents are bounded anyway so that ``9**9**9`` is refused up front.
"""

from __future__ import annotations

import ast
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Callable, Union

import numpy as np

from theia_plugin.core.i18n import tr
from theia_plugin.core.indices.data import constant_defaults

Value = Union[np.ndarray, float]

MAX_FORMULA_LENGTH = 2000
MAX_DEPTH = 64
MAX_LITERAL_EXPONENT = 1000.0


def _power(base: Value, exponent: Value, out: np.ndarray | None = None) -> Value:
    """``base ** exponent`` as numpy's ``**`` does it: squares and square roots of arrays use
    ``np.square``/``np.sqrt`` (exact, and what spyndex's Python evaluation gets), others
    ``np.power``; scalars stay numpy floats, so ``(-8) ** 0.5`` is NaN, never complex."""
    if isinstance(base, np.ndarray) and not isinstance(exponent, np.ndarray):
        if exponent == 2:
            return np.square(base, out=out)
        if exponent == 0.5:
            return np.sqrt(base, out=out)
    return np.power(base, exponent, out=out)


_BINARY: dict[type[ast.operator], Callable[..., Value]] = {
    ast.Add: np.add,
    ast.Sub: np.subtract,
    ast.Mult: np.multiply,
    ast.Div: np.true_divide,
    ast.Pow: _power,
}
_UNARY: dict[type[ast.unaryop], np.ufunc] = {ast.USub: np.negative, ast.UAdd: np.positive}

#: Elementwise functions a formula may call, with their number of arguments.
FUNCTIONS: dict[str, tuple[np.ufunc, int]] = {
    "abs": (np.absolute, 1),
    "sqrt": (np.sqrt, 1),
    "exp": (np.exp, 1),
    "log": (np.log, 1),
    "min": (np.minimum, 2),
    "max": (np.maximum, 2),
}


def _construct(node: ast.AST) -> str:
    """What to call a refused construct in an error message (translated)."""
    if isinstance(node, (ast.BinOp, ast.UnaryOp)):
        return tr("the operator {operator}").format(operator=type(node.op).__name__)
    if isinstance(node, ast.Attribute):
        return tr("attribute access (a.b)")
    if isinstance(node, ast.Subscript):
        return tr("indexing (a[i])")
    if isinstance(node, ast.Lambda):
        return tr("lambda")
    if isinstance(node, ast.Compare):
        return tr("comparison")
    if isinstance(node, ast.BoolOp):
        return tr("and/or")
    if isinstance(node, ast.IfExp):
        return tr("if/else")
    if isinstance(node, (ast.List, ast.Tuple, ast.Set, ast.Dict)):
        return tr("a list, tuple, set or dict")
    if isinstance(node, (ast.ListComp, ast.SetComp, ast.DictComp, ast.GeneratorExp)):
        return tr("a comprehension")
    return tr("the construct {name}").format(name=type(node).__name__)


class FormulaError(ValueError):
    """A formula that cannot be parsed or evaluated; the message is meant for the user."""


class _Node:
    """One operation of a compiled formula; ``run`` returns an array or a Python float."""

    def run(self, env: Mapping[str, Value], out: np.ndarray | None = None) -> Value:
        raise NotImplementedError


@dataclass(frozen=True)
class _Number(_Node):
    value: float

    def run(self, env, out=None):
        if out is None:
            return self.value
        out[...] = self.value
        return out


@dataclass(frozen=True)
class _Name(_Node):
    name: str

    def run(self, env, out=None):
        if out is None:
            return env[self.name]
        np.copyto(out, env[self.name], casting="unsafe")
        return out


@dataclass(frozen=True)
class _Apply(_Node):
    """A ufunc applied to operands: unary/binary operators and whitelisted functions."""

    ufunc: Callable[..., Value]
    operands: tuple[_Node, ...]

    def run(self, env, out=None):
        args = [operand.run(env) for operand in self.operands]
        if out is not None:
            return self.ufunc(*args, out=out)
        result = self.ufunc(*args)
        # A numpy scalar (from constants only) would promote float32 arrays under NumPy 2.
        return float(result) if isinstance(result, np.generic) else result


@lru_cache(maxsize=1024)
def _parse_cached(text: str) -> Formula:
    names: list[str] = []
    root = _TreeBuilder(text, names).build(_parse_tree(text), depth=0)
    return Formula(text=text, names=tuple(names), _root=root)


def _parse_tree(text: str) -> ast.expr:
    if not text.strip():
        raise FormulaError(tr("The formula is empty."))
    if len(text) > MAX_FORMULA_LENGTH:
        raise FormulaError(
            tr("The formula is too long ({length} characters, at most {limit}).").format(
                length=len(text), limit=MAX_FORMULA_LENGTH
            )
        )
    try:
        return ast.parse(text.strip(), mode="eval").body
    except (SyntaxError, ValueError) as error:  # ValueError: a null byte in the text
        reason = error.msg if isinstance(error, SyntaxError) else str(error)
        raise FormulaError(
            tr("Formula {formula!r} is not a valid expression: {reason}.").format(
                formula=text, reason=reason
            )
        ) from None
    except (RecursionError, MemoryError):
        raise FormulaError(
            tr("Formula {formula!r} is too deeply nested.").format(formula=text)
        ) from None


class _TreeBuilder:
    """Walks the parsed tree, refuses anything off the whitelist, folds literal arithmetic."""

    def __init__(self, text: str, names: list[str]) -> None:
        self.text = text
        self.names = names

    def build(self, node: ast.AST, depth: int) -> _Node:
        if depth > MAX_DEPTH:
            raise FormulaError(
                tr("Formula {formula!r} is too deeply nested.").format(formula=self.text)
            )
        if isinstance(node, ast.Constant):
            return self._number(node)
        if isinstance(node, ast.Name):
            return self._name(node)
        if isinstance(node, ast.UnaryOp) and type(node.op) in _UNARY:
            return self._fold(_UNARY[type(node.op)], [self.build(node.operand, depth + 1)])
        if isinstance(node, ast.BinOp) and type(node.op) in _BINARY:
            left = self.build(node.left, depth + 1)
            right = self.build(node.right, depth + 1)
            if isinstance(node.op, ast.Pow):
                self._check_exponent(right)
            return self._fold(_BINARY[type(node.op)], [left, right])
        if isinstance(node, ast.Call):
            return self._call(node, depth)
        raise self._refused(_construct(node))

    def _refused(self, construct: str) -> FormulaError:
        return FormulaError(
            tr(
                "Formula {formula!r}: {construct} is not allowed. A formula may use numbers, "
                "band and constant names, + - * / ** and the functions {functions}."
            ).format(formula=self.text, construct=construct, functions=", ".join(FUNCTIONS))
        )

    def _number(self, node: ast.Constant) -> _Node:
        value = node.value
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise self._refused(tr("the value {value!r}").format(value=value))
        try:
            return _Number(float(value))
        except OverflowError:
            raise FormulaError(
                tr("Formula {formula!r}: the number {value} is too large.").format(
                    formula=self.text, value=value
                )
            ) from None

    def _name(self, node: ast.Name) -> _Node:
        if node.id in FUNCTIONS:
            raise FormulaError(
                tr("Formula {formula!r}: {name} is a function, write {name}(...).").format(
                    formula=self.text, name=node.id
                )
            )
        if node.id.startswith("_"):
            raise self._refused(tr("the name {name}").format(name=node.id))
        if node.id not in self.names:
            self.names.append(node.id)
        return _Name(node.id)

    def _call(self, node: ast.Call, depth: int) -> _Node:
        if not isinstance(node.func, ast.Name):
            raise self._refused(_construct(node.func))
        if node.func.id not in FUNCTIONS:
            raise self._refused(tr("calling {name}()").format(name=node.func.id))
        ufunc, arity = FUNCTIONS[node.func.id]
        if node.keywords or len(node.args) != arity:
            raise FormulaError(
                tr("Formula {formula!r}: {name}() takes {count} argument(s).").format(
                    formula=self.text, name=node.func.id, count=arity
                )
            )
        return self._fold(ufunc, [self.build(arg, depth + 1) for arg in node.args])

    def _check_exponent(self, exponent: _Node) -> None:
        if isinstance(exponent, _Number) and not abs(exponent.value) <= MAX_LITERAL_EXPONENT:
            raise FormulaError(
                tr(
                    "Formula {formula!r}: the exponent {value:g} is too large (at most {limit:g})."
                ).format(formula=self.text, value=exponent.value, limit=MAX_LITERAL_EXPONENT)
            )

    @staticmethod
    def _fold(ufunc: Callable[..., Value], operands: list[_Node]) -> _Node:
        """Compute operations on literals once, here, in float64 (``2 ** 0.5`` → 1.414...)."""
        if all(isinstance(operand, _Number) for operand in operands):
            with np.errstate(all="ignore"):
                value = ufunc(*(np.float64(operand.value) for operand in operands))
            return _Number(float(value))
        return _Apply(ufunc, tuple(operands))


@dataclass(frozen=True)
class Formula:
    """A parsed, whitelisted formula. Build it with :meth:`Formula.parse`."""

    text: str
    #: Every name the formula uses, in order of first appearance.
    names: tuple[str, ...]
    _root: _Node = field(repr=False, compare=False)

    @staticmethod
    def parse(text: str) -> Formula:
        """Parse ``text``; raise :class:`FormulaError` with a user-facing message if refused."""
        return _parse_cached(text)

    @property
    def constants(self) -> tuple[str, ...]:
        """The names that are Awesome Spectral Indices constants (L, g, C1, ...)."""
        known = constant_defaults()
        return tuple(name for name in self.names if name in known)

    @property
    def bands(self) -> tuple[str, ...]:
        """The other names: bands, to be given as arrays."""
        known = constant_defaults()
        return tuple(name for name in self.names if name not in known)

    def evaluate(
        self,
        values: Mapping[str, np.ndarray | float],
        out: np.ndarray | None = None,
        dtype: type | np.dtype = np.float32,
    ) -> np.ndarray:
        """Evaluate on ``values`` (arrays or numbers by name); non-finite results become NaN.

        Arrays are computed in ``dtype`` (or ``out.dtype``); numbers stay Python floats, so a
        float32 band stays float32. With ``out`` (e.g. one window of the output raster), the
        last operation writes into it and it is returned.
        """
        missing = [name for name in self.names if name not in values]
        if missing:
            raise FormulaError(
                tr(
                    "Unknown band or constant {names} in formula {formula!r}. Known: {known}."
                ).format(
                    names=", ".join(missing),
                    formula=self.text,
                    known=", ".join(sorted(values, key=str.lower)) or "-",
                )
            )
        dtype = np.dtype(out.dtype if out is not None else dtype)
        env = {name: _operand(values[name], dtype) for name in self.names}
        with np.errstate(all="ignore"):
            result = self._root.run(env, out)
            if out is None:
                out = _own_array(result, env, dtype)
            _inf_to_nan(out)
        return out


def _inf_to_nan(array: np.ndarray) -> None:
    """Replace ±inf by NaN in place (NaN is already NaN); one cheap pass when there is none."""
    infinite = np.isinf(array)
    if infinite.any():
        np.copyto(array, np.nan, where=infinite)


def _operand(value: np.ndarray | float, dtype: np.dtype) -> Value:
    if np.ndim(value) == 0:
        return float(value)
    return np.asarray(value, dtype=dtype)


def _own_array(result: Value, env: Mapping[str, Value], dtype: np.dtype) -> np.ndarray:
    """Return ``result`` as a new array of ``dtype`` (never one of the caller's inputs)."""
    is_input = any(result is value for value in env.values())
    if isinstance(result, np.ndarray) and result.dtype == dtype and not is_input:
        return result
    arrays = [value for value in env.values() if isinstance(value, np.ndarray)]
    shape = np.broadcast_shapes(*(array.shape for array in arrays)) if arrays else ()
    out = np.empty(shape, dtype=dtype)
    np.copyto(out, result, casting="unsafe")
    return out


__all__ = ["FUNCTIONS", "Formula", "FormulaError"]
