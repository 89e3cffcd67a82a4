"""The gate on units of work: no more than its size inside at once, let in first come, first
served, and a unit of work within another never waits for itself."""

import threading
import time

from therapy_app.config import work_at_once
from therapy_app.journal.models import Role
from therapy_app.services import accounts
from therapy_app.services.gate import Gate


def _wait_until(condition, seconds: float = 5.0) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.005)


NAMES = ["first", "second", "third", "fourth", "fifth"]


def _crowd(gate: Gate) -> tuple[int, list[str]]:
    """Five threads come to the gate one after another (each inside or queued before the
    next comes) and stay until all have come: the most inside at once, and who entered when."""
    release = threading.Event()
    inside, most, order = [0], [0], []
    lock = threading.Lock()

    def work(name: str) -> None:
        with gate.held():
            with lock:
                inside[0] += 1
                most[0] = max(most[0], inside[0])
                order.append(name)
            release.wait()
            with lock:
                inside[0] -= 1

    threads = []
    for name in NAMES:
        threads.append(threading.Thread(target=work, args=(name,)))
        threads[-1].start()
        came = len(threads)
        _wait_until(lambda came=came: len(order) + len(gate._waiting) == came)
    release.set()
    for thread in threads:
        thread.join(5)
    return most[0], order


def test_no_more_than_its_size_inside_at_once() -> None:
    most, order = _crowd(Gate(2))
    assert most == 2 and sorted(order) == sorted(NAMES)


def test_let_in_in_the_order_they_came() -> None:
    assert _crowd(Gate(1)) == (1, NAMES)


def test_a_unit_of_work_within_another_enters_at_once(ctx) -> None:
    ctx.gate = Gate(1)
    with ctx.unit_of_work(), ctx.unit_of_work() as inner:
        assert inner is not None
    with ctx.unit_of_work():  # the place was given back
        pass


def test_a_failing_unit_of_work_gives_its_place_back() -> None:
    gate = Gate(1)
    try:
        with gate.held():
            raise ValueError
    except ValueError:
        pass
    entered = threading.Event()

    def enter() -> None:
        with gate.held():
            entered.set()

    thread = threading.Thread(target=enter)
    thread.start()
    thread.join(5)
    assert entered.is_set()


def test_how_many_at_once_comes_from_the_environment() -> None:
    assert work_at_once({}) == 2
    assert work_at_once({"THERAPY_APP_WORK_AT_ONCE": "1"}) == 1
    assert work_at_once({"THERAPY_APP_WORK_AT_ONCE": "none"}) == 2


def test_signing_up_and_in_never_wait_at_the_gate(ctx) -> None:
    """A password hash has slots of its own: a flood of sign-ins must not hold every place,
    nor wait for one."""
    ctx.gate = Gate(1)
    inside, leave = threading.Event(), threading.Event()
    let_go = []  # whether the signing-in let the page go, or the page gave up waiting

    def page() -> None:
        with ctx.gate.held():
            inside.set()
            let_go.append(leave.wait(10))

    holder = threading.Thread(target=page)
    holder.start()
    inside.wait(5)
    try:
        accounts.create_user(ctx, "passer", "a long enough password", Role.CLIENT)
        assert accounts.log_in(ctx, "passer", "a long enough password")
    finally:
        leave.set()
        holder.join(15)
    assert let_go == [True]
