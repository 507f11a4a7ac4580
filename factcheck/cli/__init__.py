"""The command line: arguments, subcommands, exit codes."""
from factcheck.cli.main import main

__all__ = ["main"]
