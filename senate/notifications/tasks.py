"""The notifications app's background tasks, by the path the worker knows them by: delivery is defined
beside the outbox that queues it (`outbox.deliver_email`), so the two files do not import each other."""

from senate.notifications.outbox import deliver_email

__all__ = ["deliver_email"]
