"""`avviamento review`: a regional reviewer's batch check of many Union profiles (the istruttoria).

`batch` evaluates each file into a row, `incrociati` finds what no single file shows, `render` writes the
result as a table, CSV, JSON or HTML. Nothing here prints or exits: the CLI does that.
"""
