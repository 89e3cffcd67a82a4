"""One settings object, read once from the environment with safe defaults.

THERAPY_APP_HOME     data folder (default: the per-user data dir)
DATABASE_URL         default sqlite:///<home>/journal.db; postgresql+psycopg://... for a clinic
THERAPY_APP_KEY      base64 of a 32-byte key (wins over the key file)
THERAPY_APP_KEY_FILE default <home>/journal.key, created 0600 at first start
THERAPY_APP_CRISIS_RESOURCES  optional JSON file replacing the default help resources
THERAPY_APP_TORCH_THREADS  torch threads a process paints and reads notes with (default: half
                     the cores)
THERAPY_APP_WORK_AT_ONCE  units of work (database transactions) a process runs at once, the
                     rest waiting their turn in order (default: 2)
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import platformdirs


def default_home() -> Path:
    """The per-user data folder of this platform (XDG_DATA_HOME, Application Support,
    AppData\\Roaming)."""
    return platformdirs.user_data_path("therapy_app", appauthor=False)


WORK_AT_ONCE = 2


@dataclass(frozen=True)
class Settings:
    home: Path
    database_url: str
    key_file: Path
    key_b64: str | None
    crisis_resources_file: Path | None

    @property
    def is_sqlite(self) -> bool:
        return self.database_url.startswith("sqlite")


def settings_from_env(env: dict[str, str] | os._Environ[str] = os.environ) -> Settings:
    home = Path(env.get("THERAPY_APP_HOME") or default_home()).expanduser()
    resources = env.get("THERAPY_APP_CRISIS_RESOURCES")
    return Settings(
        home=home,
        database_url=env.get("DATABASE_URL") or f"sqlite:///{home / 'journal.db'}",
        key_file=Path(env.get("THERAPY_APP_KEY_FILE") or home / "journal.key"),
        key_b64=env.get("THERAPY_APP_KEY") or None,
        crisis_resources_file=Path(resources) if resources else None,
    )


@cache
def get_settings() -> Settings:
    return settings_from_env()


def torch_threads(env: dict[str, str] | os._Environ[str] = os.environ) -> int:
    """Torch threads for painting and for the sentence encoder: half the cores unless set,
    so pages keep the rest. One thread reads a single note 3.4 times faster than two on a
    2-core machine (4 ms against 14: waking a second thread costs more than it saves)."""
    chosen = env.get("THERAPY_APP_TORCH_THREADS", "")
    if chosen.isdigit() and int(chosen) > 0:
        return int(chosen)
    return max(1, (os.cpu_count() or 2) // 2)


def work_at_once(env: dict[str, str] | os._Environ[str] = os.environ) -> int:
    """Units of work a process lets in at once (``services/gate.py``). Two: under a clinic's
    load one let in at a time did as well, and two leave room beside a long one (an import)."""
    chosen = env.get("THERAPY_APP_WORK_AT_ONCE", "")
    return int(chosen) if chosen.isdigit() and int(chosen) > 0 else WORK_AT_ONCE
