from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    name = "senate.notifications"
    label = "notifications"
    verbose_name = "Emails and reminders"
