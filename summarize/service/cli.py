"""``summarize serve``: run the HTTP service and its page with uvicorn."""
from __future__ import annotations

import argparse
import logging
import os
import sys

from summarize.encoders.base import DEFAULT_ENCODER
from summarize.errors import SummarizeError

DEFAULT_KEY_ENV = "SUMMARIZE_API_KEY"

EPILOG = f"""\
examples:
  summarize serve --archive newsroom.db
        http://127.0.0.1:8000/ is the page, /docs the API (OpenAPI)
  {DEFAULT_KEY_ENV}=$(openssl rand -hex 24) summarize serve --archive newsroom.db --host 0.0.0.0
        listen on every interface; writes (POST/DELETE /v1/articles) need the key
        in the X-API-Key header

safety:
  The service binds to 127.0.0.1 unless told otherwise. It refuses to listen on any other
  address without an API key, read from the environment variable named by --api-key-env
  (never from the command line, where other users could read it in the process list).

exit codes:
  0  stopped normally (Ctrl-C)
  1  the server failed (e.g. the port is in use)
  2  bad usage, a non-loopback host without a key, or the 'serve' extra is not installed
  3  the archive cannot be opened
  4  a model could not be loaded
"""


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="summarize serve",
        description="Serve the summarizer and the claim checker over HTTP: a JSON API "
        "(/v1/summarize, /v1/check, /v1/articles, /v1/stats, /health; OpenAPI at /docs) and a page "
        "(/) where an article is pasted and its report read.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("--archive", metavar="DB", help="archive to check claims against and to add articles "
                   "to (built with `summarize archive add`); without it, only summaries are served")
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    p.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    p.add_argument("--api-key-env", default=DEFAULT_KEY_ENV, metavar="VAR",
                   help=f"environment variable holding the API key for writes (default {DEFAULT_KEY_ENV}); "
                   "required when --host is not a loopback address")
    p.add_argument("--encoder", default=DEFAULT_ENCODER, help=f"summarizer's sentence encoder (default {DEFAULT_ENCODER}; "
                   "claims and the archive use e5-small with it)")
    p.add_argument("--ranker", default=None, help="sentence ranker (default: the learned one)")
    p.add_argument("--log-level", default="info", choices=["debug", "info", "warning", "error"])
    return p


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(format="summarize serve: %(message)s", level=args.log_level.upper(), stream=sys.stderr)
    from summarize.service.config import ServiceConfig

    try:
        config = ServiceConfig(archive=args.archive, encoder=args.encoder, ranker=args.ranker, host=args.host,
                               port=args.port, api_key=os.environ.get(args.api_key_env) or None)
    except ValueError as exc:
        print(f"summarize serve: {exc}", file=sys.stderr)
        return 2
    try:
        import uvicorn

        from summarize.service.app import create_app
        from summarize.service.state import load_services
    except ModuleNotFoundError as exc:
        print(f"summarize serve: needs the 'serve' extra (no module {exc.name!r}): "
              "pip install 'summarize-id[serve]'", file=sys.stderr)
        return 2
    try:
        services = load_services(config)  # before listening: a bad model or archive fails here, clearly
    except SummarizeError as exc:
        print(f"summarize serve: {exc}", file=sys.stderr)
        return exc.exit_code
    if services.archive is not None and services.articles() == 0:
        logging.warning("archive %s holds no articles yet: every claim will be unverified until some are "
                        "added (summarize archive add ... --db %s, or POST /v1/articles)", args.archive, args.archive)
    app = create_app(config, services)
    try:
        uvicorn.run(app, host=config.host, port=config.port, log_level=args.log_level, workers=1)
    except SystemExit as exc:  # uvicorn exits on a port in use, after logging why
        return int(exc.code or 1)
    finally:
        services.close()
    return 0
