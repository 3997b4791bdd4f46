"""`avviamento plan`: the open gaps (steps.py), dated backwards from the deadline (scheduler.py) on working days
(calendario.py), rendered as text, JSON or Markdown (render.py) and as an iCalendar file (ics.py)."""
