"""Where a benchmarked run's time goes: functions of the plugin wrapped so that their wall time adds up per phase."""
import importlib
import time


def timed_phases(phases: dict) -> dict[str, float]:
    """Wrap each function of ``phases`` ((module, function name) → phase) where its module calls it; returns the
    seconds per phase, filled as the run goes (timed on the calling thread, wall time)."""
    spent: dict[str, float] = {}
    for (module_name, name), phase in phases.items():
        module = importlib.import_module(module_name)
        original = getattr(module, name)

        def timed(*args, _original=original, _phase=phase, **kwargs):
            started = time.perf_counter()
            try:
                return _original(*args, **kwargs)
            finally:
                spent[_phase] = spent.get(_phase, 0.0) + time.perf_counter() - started

        setattr(module, name, timed)
    return spent
