"""Opening one of the cache's SQLite files: WAL, tables created, pages probed."""

from __future__ import annotations

import sqlite3
from pathlib import Path


def open_db(path: Path, timeout: float, creates: tuple[str, ...], probe: str) -> sqlite3.Connection:
    """A connection to ``path`` in WAL mode with ``creates`` run; ``probe`` (a small SELECT)
    touches the table's pages so garbage or truncation raises here, not mid-run."""
    con = sqlite3.connect(str(path), timeout=timeout, isolation_level=None)
    try:
        if con.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
            con.execute("PRAGMA journal_mode=WAL")
        con.execute("PRAGMA synchronous=NORMAL")
        for stmt in creates:
            con.execute(stmt)
        con.execute(probe).fetchall()
    except BaseException:
        con.close()
        raise
    return con


def write_rows(con: sqlite3.Connection, sql: str, rows: list[tuple]) -> sqlite3.Error | None:
    """Run ``sql`` for every row in one immediate transaction (rolled back on an error, which is
    returned: the caller decides whether it means a damaged file)."""
    try:
        con.execute("BEGIN IMMEDIATE")
        con.executemany(sql, rows)
        con.execute("COMMIT")
    except sqlite3.Error as exc:
        try:
            con.execute("ROLLBACK")
        except sqlite3.Error:
            pass
        return exc
    return None


def close_quietly(con: sqlite3.Connection | None) -> None:
    """Close ``con`` (None: nothing), ignoring SQLite's complaints: a cache never fails a run."""
    if con is not None:
        try:
            con.close()
        except sqlite3.Error:
            pass
