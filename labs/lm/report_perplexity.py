"""Find the perplexity a report states for one model, in the sentence forms people write.

Hand-written (no library reads free-form lab reports). A *mention* is a number a sentence
gives as a perplexity:

- the result of an exponential of a loss, with or without the word: ``exp(6.102268) = 446.87``,
  ``$\\exp(6.1023) \\approx 446.88$``, ``e^{6.1023} = 446.88`` (the loss inside is not a
  perplexity);
- a number after the word in the same sentence: ``Perplexity: 446.88``, ``perplexité de
  432,24``, ``PPL 446.88``, ``the perplexity, exp of the last loss, is 446.88``; not one
  that counts something (``3 epochs``, ``15%``), follows the word loss or epoch (``loss
  6.10``, ``epoch 3``) or is part of a name (``GPT-2``).

Each mention is assigned to a model when the words since the previous number of its
sentence name exactly one (``the causal model reaches 446.88 and the masked model
964.10``), or when a model is named in brackets just after it (``446.88 (causal)``).
A paragraph giving two different unassigned values, or two for the same model, is
ambiguous: refused with a message, never read as one of them.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

MODELS = (("clm", re.compile(r"\bcausal|\bclm\b|gpt", re.IGNORECASE)),
          ("mlm", re.compile(r"\bmasked|\bmasqu|\bmlm\b|bert", re.IGNORECASE)))
PERPLEXITY_COLUMN = re.compile(r"perplex|\bppl\b", re.IGNORECASE)
KEYWORD = re.compile(r"perplexit|\bppl\b", re.IGNORECASE)
NUMBER = r"\d+(?:[.,]\d+)?"
# exp(x) = y, \exp(x) \approx y, e^{x} = y, exp^{x} ~ y: group 1 the loss, group 2 the result
EXPONENTIAL = re.compile(
    r"(?:\\?exp|\be)\s*\^?\s*[({]\s*(" + NUMBER + r")\s*[)}]\s*\$?\s*"
    r"(?:=|≈|~|≃|\\approx|\\simeq)\s*\$?\s*(" + NUMBER + r")(?![\d.,]\d)")
# a number standing alone: not inside a name (GPT-2, e5) nor a longer number
CANDIDATE = re.compile(r"(?<![\w\-.,^])(" + NUMBER + r")(?![\w%]|[.,]\d|\s*%)")
NOT_A_PERPLEXITY_BEFORE = re.compile(
    r"(?:loss|perte|validation|epoch|[ée]poque|seed|graine|block|bloc|step|layer|couche)s?\s*"
    r"(?:[:=]|of|is|was|de|d'|est|vaut)?\s*$", re.IGNORECASE)
COUNTED = re.compile(r"^\s*(?:epoch|[ée]poque|token|step|[ée]tape|layer|couche|block|bloc|"
                     r"article|word|mot|seed|nat|bit|iteration|it[ée]ration)", re.IGNORECASE)
BRACKETED_MODEL = re.compile(r"^\s*\)?\s*\(\s*([^()]{0,30})\)")
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=\S)")


@dataclass(frozen=True)
class Mention:
    value: Decimal
    model: str  # "" when the sentence does not say which model
    text: str  # as written, for messages


def _model_named(text: str) -> str:
    named = {model for model, pattern in MODELS if pattern.search(text)}
    return named.pop() if len(named) == 1 else ""


def mentions(sentence: str) -> list[Mention]:
    """The perplexities one sentence states, in order."""
    found: list[tuple[int, int, str]] = []  # start, end of the value; the value
    losses: list[tuple[int, int]] = []  # the exponentials' arguments: losses, not perplexities
    for match in EXPONENTIAL.finditer(sentence):
        found.append((match.start(2), match.end(2), match.group(2)))
        losses.append(match.span(1))
    keyword = KEYWORD.search(sentence)
    if keyword:
        taken = {start for start, _, _ in found}
        for match in CANDIDATE.finditer(sentence, keyword.end()):
            start, end = match.span(1)
            if (start in taken or any(a <= start < b for a, b in losses)
                    or NOT_A_PERPLEXITY_BEFORE.search(sentence[:start])
                    or COUNTED.match(sentence[end:])
                    or _inside_exponential(sentence, start)):
                continue
            found.append((start, end, match.group(1)))
    found.sort()
    result, previous_end = [], 0
    for index, (start, end, value) in enumerate(found):
        following = found[index + 1][0] if index + 1 < len(found) else len(sentence)
        model = _model_named(sentence[previous_end:start])
        previous_end = end
        bracket = BRACKETED_MODEL.match(sentence[end:following])
        if bracket and _model_named(bracket.group(1)):  # "446.88 (causal)": it names this one
            model = _model_named(bracket.group(1))
            previous_end = end + bracket.end()
        result.append(Mention(Decimal(value.replace(",", ".")), model, sentence.strip()))
    return result


def _inside_exponential(sentence: str, start: int) -> bool:
    """A number that is the argument of an exponential not written as ``exp(x) = y``."""
    return bool(re.search(r"(?:\\?exp|\be)\s*\^?\s*[({]\s*$", sentence[:start]))


def paragraphs(lines: list[str]) -> list[list[str]]:
    """Paragraphs (runs of non-blank lines) as lists of sentences."""
    result, current = [], []
    for line in lines + [""]:
        if line.strip():
            current.append(line.strip())
        elif current:
            result.append([s for s in SENTENCE_END.split(" ".join(current)) if s.strip()])
            current = []
    return result


def _pick(paragraph: list[str], model: str, name: str, where: str) -> Decimal | None:
    """The paragraph's perplexity of ``model``; None when it states none that could be it."""
    found = [m for sentence in paragraph for m in mentions(sentence)]
    own = {m.value for m in found if model and m.model == model}
    unnamed = {m.value for m in found if not m.model}
    values = own or unnamed
    if len(values) > 1:
        listed = ", ".join(str(v) for v in sorted(values))
        raise ValueError(f"{where}: ambiguous perplexity for {name}: one paragraph states "
                         f"{listed} without saying which is {name}'s (name the model next to "
                         f"each, e.g. \"causal model: perplexity 446.88\"): {paragraph[0][:80]!r}")
    return values.pop() if values else None


def perplexity_of(lines: list[str], model: str, name: str, before: tuple[int, int],
                  after: tuple[int, int], where: str) -> Decimal:
    """The perplexity stated for the table of ``model`` (``""`` when its heading names none;
    ``name`` is how messages call it): the nearest paragraph after the table (lines
    ``after``) that states one, else the nearest before it (lines ``before``), else any
    paragraph that names the model with its perplexity."""
    searches = (paragraphs(lines[after[0]:after[1]]),
                list(reversed(paragraphs(lines[before[0]:before[1]]))))
    for paragraphs_in_order in searches:
        for paragraph in paragraphs_in_order:
            value = _pick(paragraph, model, name, where)
            if value is not None:
                return value
    everywhere = paragraphs(lines)
    for paragraph in everywhere:  # a summary paragraph naming the model
        if model and any(m.model == model for s in paragraph for m in mentions(s)):
            return _pick(paragraph, model, name, where)
    for paragraph in everywhere:  # several unnamed values: say so rather than "none stated"
        if len({m.value for s in paragraph for m in mentions(s) if not m.model}) > 1:
            _pick(paragraph, model, name, where)
    raise ValueError(f"{where}: no perplexity stated near the table of {name} "
                     f"(line {before[1] + 1})")
