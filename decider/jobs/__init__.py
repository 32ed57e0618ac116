"""Long work on Django's task queue: large renders now, and any callable through
`decider.jobs.queue.enqueue_call` (decompositions past a size threshold, for one)."""
