"""A mutation run's score, with the survivors judged equivalent read from ``equivalent.toml``.

The score is killed / (mutants - survivors judged equivalent - incompetent ones): an
equivalent mutant behaves like the reference wherever the contract lets anyone look, so no
spec can kill it, and an incompetent one never ran. Each entry of ``equivalent.toml`` names
its mutant by file, operator and the line before and after (not by line number or
occurrence, which move when the file is edited elsewhere) and says why it is equivalent.
"""
from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from labs.mutation.run import Mutant

EQUIVALENT_FILE = Path(__file__).with_name("equivalent.toml")


@dataclass(frozen=True)
class Equivalent:
    lab: str
    file: str
    operator: str
    before: str
    after: str
    reason: str

    def key(self) -> tuple[str, str, str, str]:
        return self.file, self.operator, self.before.strip(), self.after.strip()


def read_equivalents(path: Path = EQUIVALENT_FILE) -> list[Equivalent]:
    """Every entry of the file; a missing field or an empty reason is a ValueError naming it."""
    entries = tomllib.loads(path.read_text(encoding="utf-8")).get("mutant", [])
    out = []
    for number, entry in enumerate(entries, start=1):
        missing = [name for name in ("lab", "file", "operator", "before", "after", "reason")
                   if not str(entry.get(name, "")).strip()]
        if missing:
            raise ValueError(f"{path.name}: mutant #{number} lacks {', '.join(missing)}")
        out.append(Equivalent(**{name: str(entry[name]) for name in
                                 ("lab", "file", "operator", "before", "after", "reason")}))
    return out


@dataclass
class Score:
    """A run's mutants sorted by what the specs made of them."""
    killed: list[Mutant] = field(default_factory=list)
    survived: list[Mutant] = field(default_factory=list)  # not judged equivalent: real gaps
    equivalent: list[tuple[Mutant, Equivalent]] = field(default_factory=list)
    incompetent: list[Mutant] = field(default_factory=list)
    stale: list[tuple[Mutant, Equivalent]] = field(default_factory=list)  # listed, yet killed

    @property
    def mutants(self) -> int:
        return len(self.killed) + len(self.survived) + len(self.equivalent) + len(self.incompetent)

    @property
    def value(self) -> float:
        """killed / (mutants - equivalent - incompetent); 1.0 when nothing is left to count."""
        counted = len(self.killed) + len(self.survived)
        return len(self.killed) / counted if counted else 1.0


def score(mutants: list[Mutant], equivalents: list[Equivalent]) -> Score:
    known = {entry.key(): entry for entry in equivalents}
    result = Score()
    for mutant in mutants:
        entry = known.get(mutant.key())
        if mutant.outcome == "incompetent":
            result.incompetent.append(mutant)
        elif mutant.outcome == "survived":
            if entry is None:
                result.survived.append(mutant)
            else:
                result.equivalent.append((mutant, entry))
        else:
            result.killed.append(mutant)
            if entry is not None:
                result.stale.append((mutant, entry))
    return result


def _where(mutant: Mutant) -> str:
    return (f"{mutant.file}:{mutant.line} in {mutant.function} ({mutant.operator})\n"
            f"      - {mutant.before.strip()}\n      + {mutant.after.strip()}")


def describe(lab: str, result: Score, seconds: float, sample: int | None) -> str:
    """The report a person reads: counts, score, then every survivor."""
    run = f"a sample of {sample}" if sample is not None else "every mutant"
    lines = [f"{lab}: {run}: {result.mutants} mutants, {len(result.killed)} killed, "
             f"{len(result.survived) + len(result.equivalent)} survived "
             f"({len(result.equivalent)} judged equivalent), {len(result.incompetent)} incompetent; "
             f"score {100 * result.value:.1f}% (killed / (mutants - equivalent - incompetent)) "
             f"in {seconds:.0f} s"]
    if result.survived:
        lines.append("survivors not judged equivalent (slips the specs miss):")
        lines += [f"  {_where(m)}" for m in result.survived]
    if result.equivalent:
        lines.append("survivors judged equivalent (equivalent.toml):")
        lines += [f"  {_where(m)}\n      why: {e.reason}" for m, e in result.equivalent]
    if result.stale:
        lines.append("listed as equivalent but killed (remove from equivalent.toml):")
        lines += [f"  {_where(m)}" for m, _ in result.stale]
    return "\n".join(lines)
