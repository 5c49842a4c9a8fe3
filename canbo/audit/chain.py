"""The hash chain of the log: each event's hash is SHA-256 over a canonical JSON of all its
fields and the previous event's hash. Changing, inserting or removing an event breaks the chain
from that point, which `chain_break` finds."""

import datetime as dt
import hashlib
import ipaddress
import json
from dataclasses import dataclass

GENESIS = "0" * 64

# The fields the hash covers, besides `prev_hash`.
HASHED_FIELDS = (
    "seq", "at", "actor_id", "action", "object_type", "object_key", "cadre_code", "before", "after",
    "data", "ip",
)


def _canonical_ip(value) -> str | None:
    # The databases spell one address differently (PostgreSQL's inet, SQLite's text).
    return ipaddress.ip_address(str(value)).exploded if value else None


def _canonical_at(value: dt.datetime) -> str:
    return value.astimezone(dt.UTC).isoformat()


def event_hash(fields: dict, prev_hash: str) -> str:
    """`fields`: the HASHED_FIELDS of one event (a dict, or read from a model instance)."""
    payload = {name: fields[name] for name in HASHED_FIELDS}
    payload["at"] = _canonical_at(payload["at"])
    payload["ip"] = _canonical_ip(payload["ip"])
    payload["prev_hash"] = prev_hash
    text = json.dumps(payload, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(text.encode()).hexdigest()


def fields_of(event) -> dict:
    return {name: getattr(event, name) for name in HASHED_FIELDS}


@dataclass(frozen=True)
class ChainBreak:
    seq: int
    kind: str  # "missing" (seq absent), "hash" (content changed), "prev_hash" (link changed)
    expected: str
    found: str


def chain_break(events) -> tuple[int, ChainBreak | None]:
    """Walk `events` in seq order; return how many were read and the first broken link, if any."""
    expected_seq, prev_hash, count = 1, GENESIS, 0
    for event in events:
        count += 1
        if event.seq != expected_seq:
            return count, ChainBreak(expected_seq, "missing", str(expected_seq), str(event.seq))
        if event.prev_hash != prev_hash:
            return count, ChainBreak(event.seq, "prev_hash", prev_hash, event.prev_hash)
        recomputed = event_hash(fields_of(event), event.prev_hash)
        if event.hash != recomputed:
            return count, ChainBreak(event.seq, "hash", recomputed, event.hash)
        expected_seq, prev_hash = event.seq + 1, event.hash
    return count, None
