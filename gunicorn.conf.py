"""gunicorn's settings for `make serve` and the Dockerfile (command-line flags override).

`WEB_CONCURRENCY` sets the number of workers (default 2 x cores + 1); `DECIDER_BIND` the
address (default 127.0.0.1:8000; the Dockerfile listens on 0.0.0.0:8000).
"""

import os

from decider.env import env_int

bind = os.environ.get("DECIDER_BIND", "127.0.0.1:8000")
workers = env_int("WEB_CONCURRENCY", 2 * (os.cpu_count() or 1) + 1, minimum=1)
timeout = 30
graceful_timeout = 20
# Long enough that Decider itself answers an over-long query string with a JSON 414.
limit_request_line = 8190
# Recycle each worker after about ten thousand requests, so slow growth cannot accumulate
# (rarely enough that re-importing the app costs nothing measurable).
max_requests = 10_000
max_requests_jitter = 1000
accesslog = "-" if os.environ.get("DECIDER_ACCESS_LOG", "1") == "1" else None
access_log_format = '%(h)s "%(r)s" %(s)s %(b)s %(M)sms id=%({x-request-id}o)s'
