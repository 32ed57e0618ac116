"""A digest of this release's templates and code, for cache keys of whole responses:
several instances share one cache, and during a rolling deploy two releases run at once;
neither must serve what the other rendered."""

import hashlib
from functools import cache
from pathlib import Path

from django.conf import settings


@cache
def release() -> str:
    digest = hashlib.sha256()
    root = Path(settings.BASE_DIR)
    for pattern in ("templates/**/*.html", "decider/**/*.py", "architectures/**/*.py"):
        for path in sorted(root.glob(pattern)):
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]
