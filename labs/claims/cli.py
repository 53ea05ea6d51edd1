"""``python -m labs claims [--json]``: the lab report's claims and what checks each one."""
from __future__ import annotations

import argparse
import json
from collections import Counter

from labs.claims.ledger import CLAIMS, LABS, STATUSES, Claim


def add_parser(subparsers) -> None:
    parser = subparsers.add_parser(
        "claims", help="the lab report's claims, each with the test that checks it (or why none)")
    parser.add_argument("--json", action="store_true",
                        help="a JSON list of {id, lab, claim, status, test, why}")
    parser.set_defaults(func=run)


def counts_table(claims: tuple[Claim, ...] = CLAIMS) -> str:
    """Claims per lab and status, as a Markdown table."""
    counts = Counter((c.lab, c.status) for c in claims)
    lines = ["| lab | " + " | ".join(STATUSES) + " | total |", "|---" * (len(STATUSES) + 2) + "|"]
    for lab in (*LABS, None):
        row = [sum(counts[(l, s)] for l in ((lab,) if lab else LABS)) for s in STATUSES]
        lines.append(f"| {lab or 'all'} | " + " | ".join(map(str, row)) + f" | {sum(row)} |")
    return "\n".join(lines)


def claims_table(claims: tuple[Claim, ...] = CLAIMS) -> str:
    """One Markdown row per claim: id, status, claim, and the test or the reason."""
    lines = ["| id | status | claim | test / why |", "|---|---|---|---|"]
    for c in claims:
        checked_by = " ".join(part for part in (f"`{c.test}`" if c.test else "", c.why) if part)
        lines.append(f"| {c.id} | {c.status} | {c.claim} | {checked_by} |")
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    if args.json:
        print(json.dumps([c.as_dict() for c in CLAIMS], indent=1, ensure_ascii=False))
    else:
        print(claims_table() + "\n\n" + counts_table())
    return 0
