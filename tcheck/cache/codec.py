"""Plain-JSON encoding of tcheck's dataclasses, decoded by their type hints.

The cache stores data, never code: an entry is JSON, and decoding builds
objects only of the types the caller names, checking every value against
its annotation (``int`` is not ``bool``, floats are finite, enums take
their known values). Anything that does not fit raises :class:`Mismatch`,
and the entry is discarded. Fields without a precise annotation (``dict``,
``Any``) must hold JSON values (strings, numbers, lists, objects).
"""

from __future__ import annotations

import dataclasses
import enum
import math
import types
import typing
from functools import cache
from typing import Any


class Mismatch(ValueError):
    """Cached data that does not fit the type it should decode to."""


# -- encoding ---------------------------------------------------------------


_PLAIN = (str, int, float, bool, type(None))  # exact types: returned as they are


def encode(value: Any) -> Any:
    """A JSON-ready form of ``value`` (dataclasses, enums, tuples, sets, dicts)."""
    kind = type(value)
    if kind in _PLAIN:  # the common case first: a result holds hundreds of thousands of these
        return value
    names = _field_names(kind)
    if names is not None:
        return {name: encode(getattr(value, name)) for name in names}
    if value is None or isinstance(value, (bool, int, float, str)):
        return value.value if isinstance(value, enum.Enum) else value
    if isinstance(value, (list, tuple)):
        return [encode(v) for v in value]
    if isinstance(value, (set, frozenset)):
        return sorted((encode(v) for v in value), key=repr)
    if isinstance(value, dict):
        if all(isinstance(k, str) for k in value):
            return {k: encode(v) for k, v in value.items()}
        return [[encode(k), encode(v)] for k, v in value.items()]
    raise TypeError(f"cannot encode {type(value).__name__}")


@cache
def _field_names(kind: type) -> tuple[str, ...] | None:
    """The field names of a dataclass type (None for any other type)."""
    if dataclasses.is_dataclass(kind):
        return tuple(f.name for f in dataclasses.fields(kind))
    return None


# -- decoding ---------------------------------------------------------------


@cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


@cache
def _shape(tp: Any) -> tuple[Any, tuple]:
    return typing.get_origin(tp), typing.get_args(tp)


@cache
def _fields(cls: type) -> tuple[tuple[str, Any, bool], ...]:
    hints = _hints(cls)
    return tuple((f.name, hints[f.name], f.init) for f in dataclasses.fields(cls))


def decode(tp: Any, data: Any) -> Any:
    """Build a value of type ``tp`` from ``data`` or raise :class:`Mismatch`."""
    kind = type(data)  # fast paths for the common exact matches (a warm run decodes thousands of values)
    if (tp is str and kind is str) or (tp is int and kind is int) or (tp is bool and kind is bool):
        return data
    if tp is float and kind is float and math.isfinite(data):
        return data
    if tp is Any or tp is object:
        return _plain(data)
    try:
        origin, args = _shape(tp)
    except TypeError:  # an unhashable annotation
        origin, args = typing.get_origin(tp), typing.get_args(tp)
    if origin in (typing.Union, types.UnionType):
        return _decode_union(args, data)
    if origin is not None:
        return _decode_generic(origin, args, data)
    if tp is type(None):
        if data is not None:
            raise Mismatch("expected null")
        return None
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        if isinstance(data, bool):
            raise Mismatch(f"{data!r} is not a {tp.__name__}")
        try:
            return tp(data)
        except ValueError:
            raise Mismatch(f"{data!r} is not a {tp.__name__}") from None
    if dataclasses.is_dataclass(tp):
        return _decode_dataclass(tp, data)
    if tp in (dict, list, tuple):
        return _decode_generic(tp, (), data)
    return _decode_scalar(tp, data)


def _decode_scalar(tp: type, data: Any) -> Any:
    if tp is bool:
        if isinstance(data, bool):
            return data
    elif tp is int:
        if isinstance(data, int) and not isinstance(data, bool):
            return data
    elif tp is float:
        if isinstance(data, (int, float)) and not isinstance(data, bool) and math.isfinite(data):
            return float(data)
    elif tp is str:
        if isinstance(data, str):
            return data
    else:
        raise Mismatch(f"no decoder for {tp!r}")
    raise Mismatch(f"expected {tp.__name__}, got {type(data).__name__}")


def _decode_union(args: tuple, data: Any) -> Any:
    for arg in sorted(args, key=lambda a: a is not type(None)):  # None first: null is unambiguous
        try:
            return decode(arg, data)
        except Mismatch:
            continue
    raise Mismatch(f"{type(data).__name__} fits none of {args}")


def _decode_generic(origin: type, args: tuple, data: Any) -> Any:
    if origin in (list, tuple, set, frozenset):
        if not isinstance(data, list):
            raise Mismatch(f"expected a list for {origin.__name__}")
        if origin is tuple and args and not (len(args) == 2 and args[1] is Ellipsis):
            if len(args) != len(data):
                raise Mismatch(f"expected {len(args)} items, got {len(data)}")
            return tuple(decode(a, x) for a, x in zip(args, data))
        item = args[0] if args else Any
        return origin(decode(item, x) for x in data)
    if origin is dict:
        key_t, val_t = args if args else (str, Any)
        if isinstance(data, dict):
            if key_t is not str and data:
                raise Mismatch("expected a list of key/value pairs")
            return {k: decode(val_t, v) for k, v in data.items()}
        if not isinstance(data, list) or key_t is str:
            raise Mismatch("expected an object")
        out = {}
        for pair in data:
            if not isinstance(pair, list) or len(pair) != 2:
                raise Mismatch("expected [key, value] pairs")
            out[decode(key_t, pair[0])] = decode(val_t, pair[1])
        return out
    raise Mismatch(f"no decoder for {origin!r}")


def _decode_dataclass(cls: type, data: Any) -> Any:
    if not isinstance(data, dict):
        raise Mismatch(f"expected an object for {cls.__name__}")
    fields = _fields(cls)
    if len(data) != len(fields) or any(name not in data for name, _, _ in fields):
        names = {name for name, _, _ in fields}
        raise Mismatch(f"{cls.__name__} fields differ: {sorted(set(data) ^ names)}")
    values = {name: decode(hint, data[name]) for name, hint, _ in fields}
    obj = cls(**{name: values[name] for name, _, init in fields if init})
    for name, _, init in fields:
        if not init:
            object.__setattr__(obj, name, values[name])
    return obj


def _plain(data: Any) -> Any:
    """A JSON value as it is (checked: finite numbers, string keys)."""
    if data is None or isinstance(data, (bool, str)):
        return data
    if isinstance(data, (int, float)):
        if isinstance(data, float) and not math.isfinite(data):
            raise Mismatch("non-finite number")
        return data
    if isinstance(data, list):
        return [_plain(x) for x in data]
    if isinstance(data, dict):
        return {str(k): _plain(v) for k, v in data.items()}
    raise Mismatch(f"unexpected {type(data).__name__}")
