"""The limits on what avviamento reads, in one place (README, «Errori di input»).

An Unione has at most a few dozen Comuni and about twenty functions: these bounds are far above any real
profile or rule pack, and low enough that no file can make a command use more than a fraction of a gigabyte
or run for more than a few seconds.
"""

from __future__ import annotations

MAX_BYTES = 20 * 1024 * 1024  # size of one YAML file on disk
MAX_CHARS = MAX_BYTES  # text of all keys and values, aliases expanded: what a file may hold
MAX_NODES = 100_000  # keys and values, aliases expanded (a real profile has a few thousand)
MAX_DEPTH = 50  # nested mappings and lists (a profile needs 6)
MAX_COMUNI = 500  # Comuni of one Unione
MAX_FUNZIONI = 100  # functions of one Unione
MAX_INDICATORI = 2_000  # Carta d'identità indicators: ~10 per function per year
MAX_CONFERIMENTI = MAX_COMUNI  # conferrals of one function
MAX_TESTO = 2_000  # characters of one text value in a profile
ANNO_MINIMO, ANNO_MASSIMO = 1900, 2199  # years of any date read (profile, rule pack, --as-of, --deadline)
