package gol.runtime;

import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import java.util.concurrent.locks.LockSupport;

/**
 * A small non-reentrant lock for runtime structures whose critical sections are a few dozen
 * instructions and never block (channels, semaphores): Go's runtime mutex. It spins briefly, then
 * yields the thread, then naps, so a holder descheduled by the OS does not burn a core for long.
 * Used as a base class so that each channel carries its lock word inline (no extra object).
 *
 * <p>Memory ordering: lock is a CAS (acquire), unlock a release store; everything written under the
 * lock is visible to the next holder.
 */
class SpinLock {
  private volatile int locked;

  /** A field updater, not a VarHandle: much cheaper before C2 compiles the callers (see P.HEAD). */
  private static final AtomicIntegerFieldUpdater<SpinLock> LOCKED =
      AtomicIntegerFieldUpdater.newUpdater(SpinLock.class, "locked");

  /** Locks of this lock so far, modulo 2^32 (racy on purpose: only a rhythm). */
  private int count;

  /**
   * Takes the lock. The first call on each lock, and every 256th after it, goes to the slow path on
   * purpose (its CAS expects 2, a value the lock word never holds, so it fails), which keeps the
   * failure branch warm in the profile. Without that, a program whose locks are not contended while
   * C2 profiles them gets compiled with an uncommon trap in place of the slow path; the first
   * contention, maybe much later, then throws away the compiled caller and everything inlined into
   * it (the scheduler loop, whole goroutine bodies: skynet lost compilations of 400-460 ms each this
   * way, 3 to 40 ms after they were installed). Many channels see only a few operations (skynet's),
   * hence the first call too. The expected value is computed without a branch: 2 when
   * {@code count % 256 == 1}, else 0.
   */
  final void lock() {
    int n = count + 1;
    count = n;
    int expect = ((((n & 255) ^ 1) - 1) >>> 31) << 1;
    if (!LOCKED.compareAndSet(this, expect, 1)) lockSlow();
  }

  private void lockSlow() {
    for (int spins = 0; ; spins++) {
      if (locked == 0 && LOCKED.compareAndSet(this, 0, 1)) return;
      if (spins < 64) Thread.onSpinWait();
      else if (spins < 128) Thread.yield();
      else LockSupport.parkNanos(10_000);
    }
  }

  final void unlock() {
    LOCKED.lazySet(this, 0);
  }
}
