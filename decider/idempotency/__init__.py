"""`Idempotency-Key` on POSTs under /api/: a retried request gets the first answer."""
