"""`avviamento serve`: the tool in a browser (pages in Italian) and a JSON API, on the same engine as the CLI.

Imported only by `serve`: the other commands never load the web stack.
"""
