"""A small language for rule conditions over the columns of the facts (`canbo.rules.facts`).

A condition is written once and then either compiled to SQL (run by the database over the whole
workforce) or evaluated on one facts row in Python (to explain one person). Both readings treat
an unknown value (NULL / None) as "the condition does not hold", so they always agree.

    Col("lv_llct") < Col("req_llct")           level below requirement
    Col("req_chuyen_mon").isin(1, 2)           requirement trung cấp or cao đẳng
    Col("birth_date") > Ctx("born_after_tre")  a threshold computed from D and the parameters
"""

import operator
from dataclasses import dataclass
from typing import Any

_OPS = {
    "<": operator.lt,
    "<=": operator.le,
    ">": operator.gt,
    ">=": operator.ge,
    "=": operator.eq,
    "<>": operator.ne,
}


class Cond:
    def __and__(self, other: "Cond") -> "Cond":
        return All((self, other))

    def __or__(self, other: "Cond") -> "Cond":
        return AnyOf((self, other))

    def __invert__(self) -> "Cond":
        return Not(self)

    def sql(self, ctx: dict) -> tuple[str, list]:
        raise NotImplementedError

    def holds(self, row: dict, ctx: dict) -> bool:
        raise NotImplementedError

    def describe(self, words) -> str:
        """The condition in words; `words.term(column, op, other)` phrases one comparison."""
        raise NotImplementedError

    def columns(self) -> set[str]:
        """The facts columns the condition reads."""
        raise NotImplementedError

    def given(self, values: dict, ctx: dict) -> "Cond":
        """The condition with the columns of `values` read as those values and the rules in force
        decided: what is left for the database to ask of each row (`Const` when nothing is)."""
        return self

    def conjuncts(self) -> tuple["Cond", ...]:
        """Conditions that all hold exactly when this one holds (its parts when it is an AND, or
        a NOT of an OR), so each can be asked where its columns are."""
        return (self,)


@dataclass(frozen=True)
class Ctx:
    """A value known before the query runs: a date threshold or a parameter."""

    name: str


@dataclass(frozen=True)
class Col:
    name: str

    def _cmp(self, op: str, other) -> "Cmp":
        return Cmp(self.name, op, other)

    def __lt__(self, other):
        return self._cmp("<", other)

    def __le__(self, other):
        return self._cmp("<=", other)

    def __gt__(self, other):
        return self._cmp(">", other)

    def __ge__(self, other):
        return self._cmp(">=", other)

    def eq(self, other) -> "Cmp":
        return self._cmp("=", other)

    def ne(self, other) -> "Cmp":
        return self._cmp("<>", other)

    def isin(self, *values) -> "In":
        return In(self.name, tuple(values))

    def true(self) -> "Cmp":
        return self._cmp("=", 1)


def _operand_sql(value, ctx: dict) -> tuple[str, list]:
    if isinstance(value, Col):
        return f"f.{value.name}", []
    if isinstance(value, Ctx):
        return "%s", [ctx[value.name]]
    return "%s", [value]


def _operand_value(value, row: dict, ctx: dict) -> Any:
    if isinstance(value, Col):
        return row[value.name]
    if isinstance(value, Ctx):
        return ctx[value.name]
    return value


@dataclass(frozen=True)
class Cmp(Cond):
    column: str
    op: str
    other: Any

    def sql(self, ctx):
        right, params = _operand_sql(self.other, ctx)
        return f"COALESCE(f.{self.column} {self.op} {right}, 0 = 1)", params

    def describe(self, words):
        return words.term(self.column, self.op, self.other)

    def columns(self):
        return {self.column} | ({self.other.name} if isinstance(self.other, Col) else set())

    def given(self, values, ctx):
        if self.column in values and (not isinstance(self.other, Col) or self.other.name in values):
            return Const(self.holds(values, ctx))
        return self

    def holds(self, row, ctx):
        left, right = row[self.column], _operand_value(self.other, row, ctx)
        if left is None or right is None:
            return False
        return _OPS[self.op](left, right)


@dataclass(frozen=True)
class In(Cond):
    column: str
    values: tuple

    def sql(self, ctx):
        marks = ", ".join(["%s"] * len(self.values))
        return f"COALESCE(f.{self.column} IN ({marks}), 0 = 1)", list(self.values)

    def describe(self, words):
        return words.term(self.column, "in", self.values)

    def columns(self):
        return {self.column}

    def given(self, values, ctx):
        return Const(self.holds(values, ctx)) if self.column in values else self

    def holds(self, row, ctx):
        return row[self.column] is not None and row[self.column] in self.values


@dataclass(frozen=True)
class _Junction(Cond):
    """Parts joined by AND (`All`) or OR (`AnyOf`); subclasses name the SQL operator, the word
    that describes it and the Python fold (`all` or `any`)."""

    parts: tuple

    operator = ""
    word = ""

    def sql(self, ctx):
        texts, params = [], []
        for part in self.parts:
            text, more = part.sql(ctx)
            texts.append(text)
            params += more
        return "(" + f" {self.operator} ".join(texts) + ")", params

    def describe(self, words):
        texts = [_grouped(part, words) for part in self.parts]
        return f" {getattr(words, self.word)} ".join(text for text in texts if text)

    def columns(self):
        return set().union(*(part.columns() for part in self.parts))

    def holds(self, row, ctx):
        return self.fold(part.holds(row, ctx) for part in self.parts)

    def given(self, values, ctx):
        # A part equal to the fold's "stop" value (False for AND, True for OR) decides the whole.
        stop = not self.fold(())
        parts = []
        for part in (part.given(values, ctx) for part in self.parts):
            if isinstance(part, Const):
                if part.value == stop:
                    return part
                continue
            parts.append(part)
        if len(parts) > 1:
            return type(self)(tuple(parts))
        return parts[0] if parts else Const(not stop)


class All(_Junction):
    operator, word, fold = "AND", "AND", staticmethod(all)

    def conjuncts(self):
        return tuple(found for part in self.parts for found in part.conjuncts())


class AnyOf(_Junction):
    operator, word, fold = "OR", "OR", staticmethod(any)


@dataclass(frozen=True)
class Not(Cond):
    part: Cond

    def sql(self, ctx):
        text, params = self.part.sql(ctx)
        return f"(NOT {text})", params

    def describe(self, words):
        return f"{words.NOT} ({self.part.describe(words)})"

    def columns(self):
        return self.part.columns()

    def holds(self, row, ctx):
        return not self.part.holds(row, ctx)

    def given(self, values, ctx):
        part = self.part.given(values, ctx)
        return Const(not part.value) if isinstance(part, Const) else Not(part)

    def conjuncts(self):
        if isinstance(self.part, Not):
            return self.part.part.conjuncts()
        if isinstance(self.part, AnyOf):
            return tuple(found for part in self.part.parts for found in Not(part).conjuncts())
        return (self,)


@dataclass(frozen=True)
class RuleInForce(Cond):
    """Holds when the rule set in force has the rule `code` (`ctx["rules"]`): a verdict whose rule
    the set lacks does not run, in SQL and in Python alike."""

    code: str

    def sql(self, ctx):
        return ("1 = 1" if self.code in ctx["rules"] else "0 = 1"), []

    def describe(self, words):
        return words.rule_in_force(self.code)

    def columns(self):
        return set()

    def holds(self, row, ctx):
        return self.code in ctx["rules"]

    def given(self, values, ctx):
        return Const(self.holds(values, ctx))


@dataclass(frozen=True)
class Const(Cond):
    """A condition decided before the query runs (what `Cond.given` leaves of one it could decide)."""

    value: bool

    def sql(self, ctx):
        return ("1 = 1" if self.value else "0 = 1"), []

    def columns(self):
        return set()

    def holds(self, row, ctx):
        return self.value

    def conjuncts(self):
        return () if self.value else (self,)


def _grouped(part: Cond, words) -> str:
    text = part.describe(words)
    several = (
        isinstance(part, All | AnyOf) and sum(1 for p in part.parts if not isinstance(p, RuleInForce)) > 1
    )
    return f"({text})" if several else text
