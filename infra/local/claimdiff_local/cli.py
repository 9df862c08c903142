"""``claimdiff local``: run the local stack in the foreground until Ctrl-C."""

from __future__ import annotations

import argparse
import logging
from collections.abc import Sequence

from claimdiff_local.stack import DEFAULT_TEMPLATE, LocalStack


def build_parser(parser: argparse.ArgumentParser | None = None) -> argparse.ArgumentParser:
    """The options of ``claimdiff local`` (pass a subparser to add them to it)."""
    parser = parser or argparse.ArgumentParser(prog="claimdiff local", description=__doc__)
    parser.add_argument(
        "--template", default=str(DEFAULT_TEMPLATE), help="SAM template (default: %(default)s)"
    )
    parser.add_argument("--moto-port", type=int, default=5000, help="AWS endpoint port; 0 = any free port")
    parser.add_argument("--api-port", type=int, default=3000, help="HTTP API port; 0 = any free port")
    parser.add_argument("--stack-name", default="claimdiff", help="prefix of the local resource names")
    parser.add_argument("--log-level", default="INFO", choices=["DEBUG", "INFO", "WARNING", "ERROR"])
    return parser


def run(args: argparse.Namespace) -> int:
    """Start the stack described by parsed arguments and serve until Ctrl-C."""
    logging.basicConfig(level=args.log_level, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    # werkzeug logs every request moto serves; keep the console for the pipeline's own logs.
    logging.getLogger("werkzeug").setLevel(logging.WARNING)
    with LocalStack(
        args.template, moto_port=args.moto_port, api_port=args.api_port, stack_name=args.stack_name
    ) as stack:
        stack.run_forever()
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point: ``claimdiff local [--moto-port N] [--api-port N] ...``; returns the exit code."""
    return run(build_parser().parse_args(argv))


if __name__ == "__main__":
    raise SystemExit(main())
