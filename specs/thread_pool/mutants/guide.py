"""Whole module, not a diff: the guide's pool: workers stop on a shutdown flag and drop the tasks still queued, get_result times out with a plain Exception, submit after shutdown is accepted, num_threads is not validated."""

import queue
import threading


class Task:
    def __init__(self, func, *args, **kwargs):
        self.func = func
        self.args = args
        self.kwargs = kwargs
        self.result = None
        self.exception = None
        self.completed = threading.Event()

    def execute(self):
        try:
            self.result = self.func(*self.args, **self.kwargs)
        except Exception as e:
            self.exception = e
        finally:
            self.completed.set()

    def done(self):
        return self.completed.is_set()

    def get_result(self, timeout=None):
        if self.completed.wait(timeout):
            if self.exception:
                raise self.exception
            return self.result
        raise Exception("Task did not complete within timeout")


class ThreadPool:
    def __init__(self, num_threads):
        self.num_threads = num_threads
        self.task_queue = queue.Queue()
        self.workers = []
        self.shutdown_flag = threading.Event()

        for i in range(num_threads):
            worker = threading.Thread(target=self._worker, name=f"Worker-{i}", daemon=True)
            worker.start()
            self.workers.append(worker)

    def _worker(self):
        while not self.shutdown_flag.is_set():
            try:
                task = self.task_queue.get(timeout=0.1)
                task.execute()
                self.task_queue.task_done()
            except queue.Empty:
                continue

    def submit(self, func, *args, **kwargs):
        task = Task(func, *args, **kwargs)
        self.task_queue.put(task)
        return task

    def shutdown(self, wait=True):
        self.shutdown_flag.set()
        if wait:
            for worker in self.workers:
                worker.join()

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc_val, exc_tb):
        self.shutdown()
