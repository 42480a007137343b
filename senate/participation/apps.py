from django.apps import AppConfig


class ParticipationConfig(AppConfig):
    name = "senate.participation"
    label = "participation"
    verbose_name = "Participation"

    def ready(self) -> None:
        from senate.participation import rules  # noqa: F401
        from senate.participation.induction import start_induction
        from senate.recruitment.appointing import AFTER_APPOINTMENT

        if start_induction not in AFTER_APPOINTMENT:
            AFTER_APPOINTMENT.append(start_induction)  # someone recruited starts their induction at once
