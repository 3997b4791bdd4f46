"""`avviamento draft`: the acts that cure each open gap of `check`, as Word documents.

atti (which acts) → contesto (what a template may use) → lint (are the templates sound) → writer (render, write)
→ indice (what was written); redazione runs them in that order.
"""
