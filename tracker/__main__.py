"""`python -m tracker` is the `tracker` command (how `tracker serve --workers N` starts the
dispatcher beside its web processes, whatever the script is called)."""

from tracker.cli import main

main()
