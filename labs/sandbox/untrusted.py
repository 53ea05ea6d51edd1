"""The one place where data and text from a student's child enter the trusted side.

Everything a child sends, and every name or output of a student's, is the student's: it is
read here, with limits, and nowhere else.

- ``receive``: one answer frame off the child's pipe, within a deadline and the wire's caps
  (``labs.sandbox.wire``: a bounded envelope, arrays as raw bytes), decoded under msgpack's
  limits; ``answer``: checked to be the answer to the request just sent (its id echoed).
- ``text``: a string of the student's (bytes decoded with replacement characters), with
  terminal escapes and control characters removed, cut to a length, and charged to a
  per-submission ``TextBudget``; ``clean_strings`` does it to every string of an answer.
- ``quote`` and ``quote_lines``: how such text is shown: between guillemets on one line, or
  each line behind ``| ``, so that it never reads as a line the grader wrote.
- ``name``: a file or folder name of the student's, for display.
"""
from __future__ import annotations

import os
import re
import select
import time
import unicodedata
from typing import Any

from labs.sandbox import wire

MESSAGE_CHARS = 2000  # one message, note or name shown to a teacher
DATA_CHARS = 20_000  # one string inside an answer's data
SUBMISSION_CHARS = 200_000  # all the text of one submission's child together
NAME_CHARS = 120
MAX_NOTES = 5  # notes kept from one submission's child

# CSI (ESC [ ... final), OSC (ESC ] ... BEL or ESC \), and two-character escapes
_ESCAPES = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[@-_]"
                      r"|\x9b[0-?]*[ -/]*[@-~]|\x9d[^\x07\x9c]*[\x07\x9c]?")


class Refused(Exception):
    """An answer the protocol does not allow (garbage, over a cap, not the one asked for)."""


class Closed(Exception):
    """The child closed its end of the pipe (it died or exited)."""


class TimedOut(Exception):
    """No whole answer within the deadline."""


class TextBudget:
    """The characters of text one submission may still send (then text is left out)."""

    def __init__(self, chars: int = SUBMISSION_CHARS) -> None:
        self.total = chars
        self.left = chars

    def take(self, text: str) -> str:
        if len(text) <= self.left:
            self.left -= len(text)
            return text
        kept, self.left = text[:self.left], 0
        return kept + (f" [the rest left out: the submission's text passed {self.total} "
                       "characters]")


def _is_unsafe(char: str) -> bool:
    """Control and format characters (bidirectional overrides included) and Unicode's line
    and paragraph separators, but for new lines and tabs."""
    return char not in "\n\t" and unicodedata.category(char) in ("Cc", "Cf", "Cs", "Co",
                                                                  "Zl", "Zp")


def text(value: Any, limit: int = MESSAGE_CHARS, budget: TextBudget | None = None) -> str:
    """A student's string, made safe to show: decoded, escapes and controls removed, cut."""
    if isinstance(value, (bytes, bytearray)):
        value = bytes(value).decode("utf-8", "replace")
    # a lone surrogate (a name that is not UTF-8, a forged message) becomes U+FFFD
    value = str(value).encode("utf-8", "surrogatepass").decode("utf-8", "replace")
    value = _ESCAPES.sub("", value).replace("\r\n", "\n").replace("\r", "\n")
    value = "".join(c for c in value if not _is_unsafe(c))
    if len(value) > limit:
        value = value[:limit] + f" [... {len(value) - limit} more characters]"
    return budget.take(value) if budget is not None else value


def name(raw: str | bytes) -> str:
    """A student's file or folder name for display (a name that is not UTF-8 included)."""
    if isinstance(raw, str):
        raw = os.fsencode(raw)  # undo the surrogate escapes of an undecodable name
    return text(raw, NAME_CHARS).replace("\n", " ").replace("\t", " ")


def quote(value: str) -> str:
    """Student text inline: between guillemets, on one line."""
    flat = value.replace("«", "‹").replace("»", "›").replace("\n", " ⏎ ").replace("\t", " ")
    return f"«{flat}»"


def quote_lines(value: str) -> str:
    """Student text as a block: every line behind '| '."""
    return "\n".join("| " + line for line in value.splitlines() or [""])


def clean_strings(value: Any, budget: TextBudget) -> Any:
    """Every string of an answer's data through ``text``: values charged to the
    submission's budget, map keys cut to ``NAME_CHARS`` but never charged (keys are names
    the grader looks up: a budget spent by thousands of calls must not blank them; the
    wire's cap bounds them per answer)."""
    if isinstance(value, str):
        return text(value, DATA_CHARS, budget)
    if isinstance(value, list):
        return [clean_strings(item, budget) for item in value]
    if isinstance(value, dict):
        return {text(k, NAME_CHARS): clean_strings(v, budget) for k, v in value.items()}
    return value


def _read_exactly(fd: int, count: int, deadline: float) -> bytes:
    chunks: list[bytes] = []
    while count:
        remaining = deadline - time.monotonic()
        if remaining <= 0 or not select.select([fd], [], [], remaining)[0]:
            raise TimedOut()
        chunk = os.read(fd, min(count, 1 << 20))
        if not chunk:
            raise Closed()
        chunks.append(chunk)
        count -= len(chunk)
    return b"".join(chunks)


def receive(fd: int, timeout: float) -> Any:
    """One frame from the child's answer pipe, decoded; TimedOut, Closed or Refused."""
    deadline = time.monotonic() + timeout
    try:
        envelope, payload = wire.frame_sizes(_read_exactly(fd, wire.HEADER.size, deadline))
        body = _read_exactly(fd, envelope + payload, deadline)
        return wire.decode(body[:envelope], body[envelope:])
    except wire.WireError as error:
        raise Refused(f"the submission's process sent back garbage ({error})") from None


def pending(fd: int) -> bool:
    """Whether the child has written something nobody asked for yet."""
    return bool(select.select([fd], [], [], 0)[0])


def answer(message: Any, request_id: str) -> dict:
    """The answer to request ``request_id``: a map echoing its id with one known field."""
    if not isinstance(message, dict) or message.get("id") != request_id:
        raise Refused("the submission's process sent an answer to no request of the grader's "
                      "(a forged or extra answer); it was refused")
    fields = set(message) - {"id", "notes"}
    if len(fields) != 1 or not fields <= {"ok", "error", "ready"}:
        raise Refused("the submission's process sent back a malformed answer")
    return message
