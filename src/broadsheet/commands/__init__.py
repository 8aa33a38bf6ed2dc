"""One module per ``broadsheet`` subcommand, each exposing ``register(subparsers)``."""
