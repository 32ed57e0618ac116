from django.core.management import call_command


def run_worker() -> None:
    """One django-tasks-db worker pass in this process: every queued task, then return."""
    call_command("db_worker", batch=True, interval=0, startup_delay=False, reload=False)
