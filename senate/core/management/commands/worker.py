import logging
from argparse import ArgumentParser

from django_tasks_db.management.commands.db_worker import Command as DBWorkerCommand

from senate.core.worker import Worker


class Command(DBWorkerCommand):
    help = (
        "The background worker: runs queued tasks (emails, bed models) like db_worker, and also records a "
        "heartbeat, limits each task's time and re-queues work a dead worker left behind."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        super().add_arguments(parser)
        parser.set_defaults(reload=False)  # a reload would kill a running task; restart the worker instead

    def handle(self, *, verbosity: int, queue_name: str, exclude_queues: str, reload: bool, **options: object) -> None:
        self.configure_logging(verbosity)
        log = logging.getLogger("senate.worker")
        log.setLevel(logging.WARNING if verbosity == 0 else logging.INFO)
        if not log.handlers:
            log.addHandler(logging.StreamHandler(self.stdout))
            log.propagate = False
        worker = Worker(
            queue_names=queue_name.split(","),
            excluded_queue_names=exclude_queues.split(",") if exclude_queues else [],
            interval=options["interval"],
            batch=options["batch"],
            backend_name=options["backend_name"],
            startup_delay=options["startup_delay"],
            max_tasks=options["max_tasks"],
            worker_id=options["worker_id"],
        )
        worker.configure_signals()
        worker.run()
