"""Work on all cores in threads: results in order, and no garbage collection in a worker thread."""
import gc
import threading

from wip_qgis_plugin.core.parallel import in_parallel, pause_collection, resume_collection


def test_results_come_in_the_items_order():
    assert in_parallel(lambda number: number * number, range(50)) == [number * number for number in range(50)]


def test_no_worker_thread_sets_off_a_collection_and_the_callers_setting_comes_back():
    """Objects of the caller's (a host application's widgets in reference cycles) must not be destroyed in a worker:
    the workers' allocations, enough for many collections, set off none."""
    collected_in = []

    def note(phase, _info):
        if phase == "start":
            collected_in.append(threading.current_thread().name)

    def allocate(_number):
        return len([[] for _ in range(20_000)])

    gc.callbacks.append(note)
    try:
        in_parallel(allocate, range(8))
    finally:
        gc.callbacks.remove(note)
    assert [name for name in collected_in if name != threading.current_thread().name] == [] and gc.isenabled()


def test_pauses_from_several_threads_end_with_the_last():
    pause_collection()
    pause_collection()
    resume_collection()
    assert not gc.isenabled()
    resume_collection()
    assert gc.isenabled()
    resume_collection()  # one too many changes nothing
    assert gc.isenabled()
