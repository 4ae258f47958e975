"""``python -m tcheck`` runs the command-line interface."""

from .cli import main

main()
