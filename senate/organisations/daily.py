"""`senate daily`: once a day, for every current Senate, each app's daily work (reminders, emails due).
An app registers `fn(senate, *, today) -> int` from its `AppConfig.ready()` with the words printed
after the count ("panel reminders queued")."""

from senate.core import registry

DAILY = registry.point("organisations.daily", "each app's daily work for one Senate: fn(senate, *, today) -> count")
