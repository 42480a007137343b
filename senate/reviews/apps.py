from django.apps import AppConfig


class ReviewsConfig(AppConfig):
    name = "senate.reviews"
    label = "reviews"
    verbose_name = "Requests for advice and reviews"
