"""The staff PIN: kept only as a salted hash, set with `python -m game kiosk --set-pin`, and
guarded against guessing with a growing delay and a lock-out."""

from __future__ import annotations

import hashlib
import hmac
import logging
import os
import re
from pathlib import Path

from game import storage

FILE_NAME = "kiosk-staff-pin"
SCHEME = "pbkdf2-sha256"
ITERATIONS = 200_000  # about 0.1 s on a kiosk PC: nothing a visitor notices, slow to brute-force
PIN_FORMAT = re.compile(r"[0-9]{4,8}")
FREE_TRIES = 2  # wrong PINs before the pad makes the next try wait
MAX_DELAY = 300.0  # seconds: the longest wait between tries
LOCK_AFTER = 10  # wrong PINs in a row lock the pad…
LOCK_SECONDS = 900.0  # …for a quarter of an hour
log = logging.getLogger("game.kiosk")


class PinError(ValueError):
    """A PIN that cannot be set, or a stored hash that cannot be read."""


def default_path() -> Path:
    return storage.data_dir() / FILE_NAME


def hash_pin(pin: str, salt: bytes | None = None, iterations: int = ITERATIONS) -> str:
    """'pbkdf2-sha256$<iterations>$<salt hex>$<hash hex>': the only form a PIN is kept in."""
    if not PIN_FORMAT.fullmatch(pin):
        raise PinError("the PIN must be 4 to 8 digits")
    salt = salt if salt is not None else os.urandom(16)
    digest = hashlib.pbkdf2_hmac("sha256", pin.encode(), salt, iterations)
    return f"{SCHEME}${iterations}${salt.hex()}${digest.hex()}"


def check_hash(stored: str) -> str:
    """The stored hash when it is well formed; PinError otherwise."""
    parts = stored.strip().split("$")
    ok = (len(parts) == 4 and parts[0] == SCHEME and parts[1].isdigit()
          and 1_000 <= int(parts[1]) <= 10_000_000 and _is_hex(parts[2]) and _is_hex(parts[3]))  # fmt: skip
    if not ok:
        raise PinError("the stored staff PIN is damaged: set it again with --set-pin")
    return stored.strip()


def _is_hex(text: str) -> bool:
    return bool(re.fullmatch(r"(?:[0-9a-f]{2}){8,64}", text))


def matches(pin: str, stored: str) -> bool:
    """True when `pin` is the PIN `stored` was made from (compared in constant time)."""
    _, iterations, salt, digest = check_hash(stored).split("$")
    if not PIN_FORMAT.fullmatch(pin):
        return False
    mine = hashlib.pbkdf2_hmac("sha256", pin.encode(), bytes.fromhex(salt), int(iterations))
    return hmac.compare_digest(mine.hex(), digest)


def read(path: Path | None = None) -> str | None:
    """The stored hash, None when no PIN was set; PinError when the file is damaged."""
    try:
        path = path or default_path()
        text = path.read_text(encoding="ascii")[:1000]
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError) as exc:
        raise PinError(f"the staff PIN file cannot be read: {exc}") from None
    return check_hash(text)


def write(pin: str, path: Path | None = None) -> Path:
    """Keep the hash of `pin` (readable by the kiosk's user only); the PIN itself is never kept."""
    path = path or default_path()
    storage.write_text(path, hash_pin(pin) + "\n", mode=0o600)
    return path


class PinGuard:
    """Counts wrong PINs across openings of the pad: each try after FREE_TRIES waits twice as
    long as the one before, and LOCK_AFTER wrong ones in a row lock the pad for LOCK_SECONDS."""

    def __init__(self) -> None:
        self.failures = 0
        self.not_before = float("-inf")

    def wait(self, now: float) -> float:
        """Seconds until the next try is allowed (0 when it is now)."""
        return max(0.0, self.not_before - now)

    def success(self) -> None:
        self.failures, self.not_before = 0, float("-inf")
        log.info("staff PIN accepted")

    def failure(self, now: float) -> None:
        self.failures += 1
        if self.failures >= LOCK_AFTER:
            delay = LOCK_SECONDS
        elif self.failures > FREE_TRIES:
            delay = min(MAX_DELAY, 2.0 ** (self.failures - FREE_TRIES))
        else:
            delay = 0.0
        self.not_before = now + delay
        log.warning("wrong staff PIN (%d in a row); next try allowed in %.0f s",
                    self.failures, delay)  # fmt: skip
        if self.failures >= LOCK_AFTER:
            self.failures = LOCK_AFTER - 1  # after the lock-out, one more wrong try locks again
