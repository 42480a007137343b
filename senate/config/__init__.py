from django.core.exceptions import ImproperlyConfigured


def require_secret_key() -> None:
    """The web server and the worker sign sessions, CSRF tokens and links: they need a real key."""
    from django.conf import settings

    try:
        key = settings.SECRET_KEY
    except ImproperlyConfigured:  # Django refuses to hand out an empty key
        key = ""
    if not key:
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off (see docs/deploy.md).")
