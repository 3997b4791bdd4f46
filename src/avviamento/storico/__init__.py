"""The memory of a Union: evaluations stored over time (db.py), read back as a timeline (registro.py), drawn as an
SVG chart (grafico.py) and written as text, JSON, HTML or CSV (render.py)."""
