from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    name = "senate.notifications"
    label = "notifications"
    verbose_name = "Emails and reminders"

    def ready(self) -> None:
        from senate.core import worker
        from senate.notifications import outbox

        worker.add_recovery("emails", outbox.recover_emails)
