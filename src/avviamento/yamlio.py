"""The one safe YAML loader, for profiles and rule packs.

It composes the node tree with libyaml (when present) and builds plain Python values itself, so that:
dates stay strings for pydantic to validate; `037032` stays the string the user wrote; duplicate keys,
Python tags and alias bombs are refused; and every value keeps its `line:column` for error messages.
"""

from __future__ import annotations

import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from avviamento.errors import InputError, Text, both, breve
from avviamento.limiti import MAX_BYTES, MAX_CHARS, MAX_DEPTH, MAX_NODES

Path_ = tuple[str | int, ...]

_LEADING_ZERO = re.compile(r"^[-+]?0[0-9_]+$")
_STD = "tag:yaml.org,2002:"
_STR = _STD + "str"
_TIMESTAMP = _STD + "timestamp"
_MERGE = _STD + "merge"
_ALLOWED_TAGS = {_STD + t for t in ("str", "int", "float", "bool", "null", "timestamp", "map", "seq")}
_BOOL = {"true": True, "yes": True, "on": True, "false": False, "no": False, "off": False}
_constructor = yaml.constructor.SafeConstructor()
# PyYAML's implicit resolvers less the timestamp one: dates stay the text written either way, and a profile
# is full of them. Looked up by first character, as PyYAML does.
_RESOLVERS = {
    first: tuple((tag, regexp) for tag, regexp in resolvers if tag != _TIMESTAMP)
    for first, resolvers in yaml.resolver.Resolver.yaml_implicit_resolvers.items()
    if first is not None
}
_MAP, _SEQ = _STD + "map", _STD + "seq"


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """The safe loader (libyaml's when present) with a leaner tag resolver: ~15 % of composing a profile."""

    def resolve(self, kind: type[yaml.Node], value: str, implicit: tuple[bool, bool]) -> str:
        if kind is yaml.ScalarNode:
            if implicit[0]:  # plain, unquoted
                for tag, regexp in _RESOLVERS.get(value[:1], ()):
                    if regexp.match(value):
                        return str(tag)
            return _STR
        return _MAP if kind is yaml.MappingNode else _SEQ

    # no path resolvers are registered: PyYAML's bookkeeping around each node would only find that out
    def descend_resolver(self, current_node: yaml.Node | None, current_index: object) -> None:
        return None

    def ascend_resolver(self) -> None:
        return None


@dataclass(frozen=True)
class Document:
    """A parsed YAML file: plain data plus the position of each value and each mapping key."""

    file: str
    data: Any
    positions: dict[Path_, yaml.Mark] = field(default_factory=dict)  # libyaml's marks: 0-based
    key_positions: dict[Path_, yaml.Mark] = field(default_factory=dict)

    def position(self, path: Path_, *, key: bool = False) -> tuple[int, int]:
        """Line and column (1-based) of the nearest known node on `path` (of its key, with `key`)."""
        found = self.key_positions.get(path) if key else None
        end = len(path)
        while found is None and end >= 0:
            found = self.positions.get(path[:end])
            end -= 1
        return (found.line + 1, found.column + 1) if found else (1, 1)

    def error(self, path: Path_, text: dict[str, str], *, key: bool = False) -> InputError:
        line, column = self.position(path, key=key)
        return InputError(self.file, line, column, text)


def read_text(path: Path, label: str | None = None) -> str:
    """The file's text, or an InputError: missing, a folder, not a regular file, too big, not UTF-8, empty."""
    name = label or str(path)
    return decode_text(read_limited(path, name), name)


def decode_text(raw: bytes, name: str) -> str:
    """A profile's bytes (read from disk or uploaded) as text, or an InputError: too large, not UTF-8, empty."""
    if len(raw) > MAX_BYTES:
        raise InputError(name, 1, 1, both("file_too_big", limit=MAX_BYTES // 2**20))
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        offset = exc.start + (3 if raw.startswith(b"\xef\xbb\xbf") else 0)
        before = raw[:offset]
        line = before.count(b"\n") + 1
        column = offset - (before.rfind(b"\n") + 1) + 1
        raise InputError(name, line, column, both("not_utf8", byte=raw[offset])) from None
    if not text.strip():
        raise InputError(name, 1, 1, both("empty_file"))
    return text


def read_limited(path: Path, name: str, limit: int = MAX_BYTES) -> bytes:
    """At most `limit` bytes of a regular file (links followed); FIFOs, devices and sockets are refused unopened."""
    try:
        info = os.stat(path)  # a stat never blocks; opening a FIFO may
        if stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError
        if not stat.S_ISREG(info.st_mode):
            raise InputError(name, 1, 1, both("not_regular_file", kind=_kind(info.st_mode)))
        descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
        with os.fdopen(descriptor, "rb") as fh:
            mode = os.fstat(descriptor).st_mode
            if not stat.S_ISREG(mode):  # replaced between the stat and the open
                raise InputError(name, 1, 1, both("not_regular_file", kind=_kind(mode)))
            raw = fh.read(limit + 1)
    except FileNotFoundError:
        raise InputError(name, 1, 1, both("file_missing")) from None
    except IsADirectoryError:
        raise InputError(name, 1, 1, both("file_is_dir")) from None
    except OSError as exc:
        raise InputError(name, 1, 1, both("file_unreadable", detail=exc.strerror or str(exc))) from None
    if len(raw) > limit:
        raise InputError(name, 1, 1, both("file_too_big", limit=limit // 2**20))
    return raw


def _kind(mode: int) -> dict[str, str]:
    if stat.S_ISFIFO(mode):
        return {"it": "una pipe con nome (FIFO)", "en": "a named pipe (FIFO)"}
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return {"it": "un dispositivo", "en": "a device"}
    if stat.S_ISSOCK(mode):
        return {"it": "un socket", "en": "a socket"}
    return {"it": "un file speciale", "en": "a special file"}


def load_yaml(path: Path, label: str | None = None) -> Document:
    name = label or str(path)
    return parse_yaml(read_text(path, name), name)


def parse_yaml(text: str, name: str) -> Document:
    loader = _Loader(text)
    try:
        if len(text) > _SMALL_TEXT:
            _within_limits(text, name)
        root = loader.get_single_node()
    except yaml.composer.ComposerError as exc:
        if "expected a single document" in str(exc):
            mark = exc.problem_mark
            line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
            raise InputError(name, line, col, both("multiple_documents")) from None
        raise _syntax_error(exc, name, text) from None
    except yaml.MarkedYAMLError as exc:
        raise _syntax_error(exc, name, text) from None
    except yaml.reader.ReaderError as exc:  # a control character
        prima = text[: exc.position]
        riga, colonna = prima.count("\n") + 1, len(prima) - (prima.rfind("\n") + 1) + 1
        codice = exc.character if isinstance(exc.character, int) else ord(exc.character)
        raise InputError(name, riga, colonna, both("control_character", code=codice)) from None
    except yaml.YAMLError as exc:
        raise InputError(name, 1, 1, both("yaml_syntax", detail=str(exc).splitlines()[0])) from None
    finally:
        loader.dispose()
    if root is None:
        raise InputError(name, 1, 1, both("empty_file"))
    builder = _Builder(name)
    data = builder.build(root, ())
    return Document(name, data, builder.positions, builder.key_positions)


# A text this short composes into a few tens of thousands of nodes at most (a value or an empty key costs at
# least half a character), so it is composed at once and the builder counts what aliases expand to; a longer
# one is first counted from the parser's events, so that a flat list of millions of values is never composed.
_SMALL_TEXT = MAX_NODES // 4


def _within_limits(text: str, name: str) -> None:
    """Count what the file would build, aliases expanded, from the parser's events alone (no tree, no recursion).

    An alias costs what its anchor's subtree cost, so a small file that expands to gigabytes is refused here,
    in a fraction of a second, before anything is composed.
    """
    loader = _Loader(text)
    nodes = chars = 0
    aliases = False
    open_: list[tuple[str | None, int, int]] = []  # anchor, nodes and chars before each open collection
    anchors: dict[str, tuple[int, int]] = {}
    try:
        while (event := loader.get_event()) is not None:
            before = (nodes, chars)
            if isinstance(event, yaml.AliasEvent):
                extra_nodes, extra_chars = anchors.get(
                    event.anchor or "", (0, 0)
                )  # unknown: the composer says so
                nodes, chars, aliases = nodes + extra_nodes, chars + extra_chars, True
            elif isinstance(event, yaml.ScalarEvent):
                nodes, chars = nodes + 1, chars + len(event.value)
                if event.anchor:
                    anchors[event.anchor] = (1, len(event.value))
            elif isinstance(event, yaml.CollectionStartEvent):
                nodes += 1
                open_.append((event.anchor, *before))
                if len(open_) > MAX_DEPTH:
                    raise _at(name, event, both("too_deep", limit=MAX_DEPTH))
            elif isinstance(event, yaml.CollectionEndEvent):
                anchor, start_nodes, start_chars = open_.pop()
                if anchor:
                    anchors[anchor] = (nodes - start_nodes, chars - start_chars)
            if nodes > MAX_NODES:
                raise _at(name, event, both("alias_bomb" if aliases else "too_many_nodes", limit=MAX_NODES))
            if chars > MAX_CHARS:
                raise _at(name, event, both("alias_too_big", limit=MAX_CHARS // 2**20))
    finally:
        loader.dispose()


def _at(name: str, event: yaml.Event, text: dict[str, str]) -> InputError:
    mark = event.start_mark
    return InputError(name, mark.line + 1, mark.column + 1, text) if mark else InputError(name, 1, 1, text)


def _syntax_error(exc: yaml.MarkedYAMLError, name: str, text: str = "") -> InputError:
    mark = exc.problem_mark or exc.context_mark
    line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    detail = " ".join(part for part in (exc.context, exc.problem) if part)
    return InputError(name, line, col, both("yaml_syntax", detail=_in_chiaro(exc, text) or detail or "?"))


def _in_chiaro(exc: yaml.MarkedYAMLError, text: str) -> Text | None:
    """libyaml's most common complaints in the words of someone who writes a profile by hand."""
    problem, context = exc.problem or "", exc.context or ""
    mark = exc.problem_mark
    righe = text.splitlines()
    riga = righe[mark.line] if mark and mark.line < len(righe) else ""
    char = riga[mark.column] if mark and mark.column < len(riga) else ""
    aperta = exc.context_mark.line + 1 if exc.context_mark else 1
    if "tab" in problem or char == "\t":
        return {
            "it": "tabulazione nel testo: indentare con spazi, non con il tasto Tab",
            "en": "tab character: indent with spaces, not with the Tab key",
        }
    if "cannot start any token" in problem:
        return {
            "it": f"il carattere '{char}' non può iniziare un valore: racchiudere il valore tra virgolette",
            "en": f"the character '{char}' cannot start a value: put the value in quotes",
        }
    if "quoted scalar" in context and "end of stream" in problem:
        return {
            "it": f"virgolette aperte alla riga {aperta} e mai chiuse",
            "en": f"quotes opened at line {aperta} and never closed",
        }
    if "unknown escape character" in problem:
        return {
            "it": "barra rovesciata \\ tra virgolette doppie: usare virgolette semplici o scrivere \\\\",
            "en": "backslash \\ in double quotes: use single quotes or write \\\\",
        }
    if "mapping values are not allowed" in problem:
        return {
            "it": "':' fuori posto: un valore che contiene ': ' va tra virgolette, o l'indentazione è errata",
            "en": "misplaced ':': a value containing ': ' must be quoted, or the indentation is wrong",
        }
    if "could not find expected ':'" in problem:
        return {"it": "manca ':' dopo la chiave", "en": "missing ':' after the key"}
    if "flow sequence" in context:
        return {
            "it": f"elenco aperto con '[' alla riga {aperta}: manca ']' o una virgola",
            "en": f"list opened with '[' at line {aperta}: missing ']' or a comma",
        }
    if "flow mapping" in context:
        return {
            "it": f"mappa aperta con '{{' alla riga {aperta}: manca '}}' o una virgola",
            "en": f"mapping opened with '{{' at line {aperta}: missing '}}' or a comma",
        }
    if ("block mapping" in context or "expected <block end>" in problem) and riga[
        : mark.column if mark else 0
    ].rstrip().endswith(('"', "'")):
        return {
            "it": "testo dopo la chiusura delle virgolette: racchiudere tra virgolette tutto il valore",
            "en": "text after the closing quote: put the whole value in quotes",
        }
    if "block mapping" in context or "expected <block end>" in problem:
        return {
            "it": "riga non allineata alle chiavi della sua sezione: controllare l'indentazione",
            "en": "line not aligned with the keys of its section: check the indentation",
        }
    if "block collection" in context:
        return {
            "it": "atteso un elemento dell'elenco ('- '): controllare l'indentazione",
            "en": "expected an item of the list ('- '): check the indentation",
        }
    if "undefined alias" in problem:
        alias = riga[mark.column :].split()[0] if mark and riga[mark.column :].strip() else "*"
        return {
            "it": f"alias {alias} senza l'ancora &{alias[1:]} che lo definisce",
            "en": f"alias {alias} without the anchor &{alias[1:]} that defines it",
        }
    return None


class _Builder:
    """Plain values from the composed tree, counting keys, values and text as aliases expand them.

    An alias is the same node object met again: before it is expanded, the size it had the first time is
    added to the count, so a file whose aliases would expand to gigabytes is refused before it is built.
    Positions are kept as libyaml's marks, made into line and column only when a message needs one.
    """

    def __init__(self, name: str) -> None:
        self.name = name
        self.positions: dict[Path_, yaml.Mark] = {}
        self.key_positions: dict[Path_, yaml.Mark] = {}
        self.nodes = self.chars = 0
        self.aliases = False
        self.sizes: dict[int, tuple[int, int]] = {}  # id of each collection node built → nodes and chars
        self.open: set[int] = set()  # ids of the collection nodes being built (the current path)

    def _fail(self, node: yaml.Node, text: dict[str, str]) -> InputError:
        return InputError(self.name, node.start_mark.line + 1, node.start_mark.column + 1, text)

    def _over(self, path: Path_, nodes: int, chars: int) -> InputError | None:
        if nodes > MAX_NODES:
            text = both("alias_bomb" if self.aliases else "too_many_nodes", limit=MAX_NODES)
        elif chars > MAX_CHARS:
            text = both("alias_too_big", limit=MAX_CHARS // 2**20)
        else:
            return None
        line, column = self._where(path)
        return InputError(self.name, line, column, text)

    def _where(self, path: Path_) -> tuple[int, int]:
        """Where the value on `path` is written: its key, or the list holding it (an alias has no node of its own)."""
        for end in range(len(path), 0, -1):
            found = self.key_positions.get(path[:end]) or self.positions.get(path[: end - 1])
            if found:
                return found.line + 1, found.column + 1
        return (1, 1)

    def build(self, node: yaml.Node, path: Path_) -> Any:
        if node.tag not in _ALLOWED_TAGS:
            raise self._fail(node, both("tag_forbidden", tag=node.tag.replace(_STD, "!!")))
        if node.__class__ is yaml.ScalarNode:
            self.nodes += 1
            self.chars += len(node.value)
            if (self.nodes > MAX_NODES or self.chars > MAX_CHARS) and (
                error := self._over(path, self.nodes, self.chars)
            ):
                raise error
            self.positions.setdefault(path, node.start_mark)
            return node.value if node.tag == _STR else self._scalar(node)
        identity = id(node)
        if identity in self.open:
            raise self._fail(node, both("recursive_alias"))
        if (size := self.sizes.get(identity)) is not None:
            self.aliases = True
            if error := self._over(path, self.nodes + size[0], self.chars + size[1]):
                raise error
        if len(self.open) >= MAX_DEPTH:
            raise self._fail(node, both("too_deep", limit=MAX_DEPTH))
        self.positions.setdefault(path, node.start_mark)
        nodes, chars = self.nodes, self.chars
        self.nodes += 1
        self.open.add(identity)
        if isinstance(node, yaml.MappingNode):
            value: Any = self._mapping(node, path)
        else:
            value = [self.build(item, (*path, i)) for i, item in enumerate(node.value)]
        self.open.discard(identity)
        self.sizes[identity] = (self.nodes - nodes, self.chars - chars)
        return value

    def _mapping(self, node: yaml.MappingNode, path: Path_) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if key_node.tag == _STR:
                key = key_node.value
            elif key_node.tag == _MERGE:
                raise self._fail(key_node, both("tag_forbidden", tag="<<"))
            else:
                scalar = self._scalar(key_node) if isinstance(key_node, yaml.ScalarNode) else None
                if not isinstance(scalar, str | int) or isinstance(scalar, bool):
                    raise self._fail(key_node, both("key_not_string"))
                key = str(scalar)
            self.nodes += 1
            self.chars += len(key)
            if key in out:
                raise self._duplicate(node, key_node, key)
            child = (*path, key)
            self.key_positions[child] = key_node.start_mark
            out[key] = self.build(value_node, child)
        return out

    def _duplicate(self, node: yaml.MappingNode, key_node: yaml.Node, key: str) -> InputError:
        first = next(k for k, _ in node.value if k.value == key or str(self._scalar(k)) == key)
        return self._fail(
            key_node, both("duplicate_key", key=breve(key), first_line=first.start_mark.line + 1)
        )

    def _scalar(self, node: yaml.ScalarNode) -> Any:
        value: str = node.value
        tag = node.tag
        if tag in (_STR, _TIMESTAMP):
            # timestamps stay as written: pydantic validates dates and reports bad ones
            return value
        if tag == _STD + "null":
            return None
        try:
            if tag == _STD + "bool":
                return _BOOL[value.lower()]
            if tag == _STD + "int":
                # `037032` is an ISTAT code, not an octal number.
                if _LEADING_ZERO.match(value):
                    return value
                return _constructor.construct_yaml_int(node)
            if tag == _STD + "float":
                return _constructor.construct_yaml_float(node)
        except (KeyError, ValueError, IndexError, TypeError, OverflowError):  # `!!int abc`, `!!bool maybe`
            nome = "!!" + tag.removeprefix(_STD)
            raise self._fail(node, both("bad_tagged_value", tag=nome, value=breve(value))) from None
        return value
