"""The beds app's background tasks, by the path the worker knows them by: the run is defined beside
`modelling.start_run`, which queues it, so the two files do not import each other."""

from senate.beds.modelling import run_bed_model

__all__ = ["run_bed_model"]
