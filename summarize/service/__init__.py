"""The HTTP service and the HTML report: surfaces over the library, holding no logic of their own.

``summarize.service.report`` needs only Jinja2 (the CLI's ``--html``); the app needs the ``serve``
extra (FastAPI, uvicorn). Start it with ``summarize serve --archive newsroom.db``.
"""
