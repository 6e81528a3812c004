"""Exceptions raised for bad user input."""

from __future__ import annotations


class FormulaError(ValueError):
    """A formula was refused: it names the culprit and, for strings, where it stands.

    Attributes:
        formula: the text (or expression) that was refused.
        token: the offending token or name, when there is one.
        position: 0-based character offset of the token in ``formula``, when known.
    """

    def __init__(
        self,
        message: str,
        *,
        formula: str | None = None,
        token: str | None = None,
        position: int | None = None,
    ) -> None:
        self.formula = formula
        self.token = token
        self.position = position
        where = ""
        if token is not None:
            where += f" (token {token!r}"
            where += f" at position {position})" if position is not None else ")"
        elif position is not None:
            where += f" (at position {position})"
        super().__init__(message + where)


class CommandError(Exception):
    """A user-facing command-line error: printed as one line, exit status 2."""


class NoPrimitiveError(FormulaError, NotImplementedError):
    """A gradient-only surrogate was asked for its primitive G; the message says why G is missing.

    A FormulaError (the formula has no primitive JAX can evaluate) and a NotImplementedError
    (what ``surrogate_fun`` of a gradient-only surrogate has always raised).
    """
