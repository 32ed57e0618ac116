"""PostgreSQL with a client-side deadline on every round trip (see `base.py`)."""
