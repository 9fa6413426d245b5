package gol.runtime;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
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
  @SuppressWarnings("unused") private volatile int locked;

  private static final VarHandle LOCKED;
  static {
    try {
      LOCKED = MethodHandles.lookup().findVarHandle(SpinLock.class, "locked", int.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  final void lock() {
    if (!LOCKED.weakCompareAndSetAcquire(this, 0, 1)) lockSlow();
  }

  private void lockSlow() {
    for (int spins = 0; ; spins++) {
      if ((int) LOCKED.getOpaque(this) == 0 && LOCKED.compareAndSet(this, 0, 1)) return;
      if (spins < 64) Thread.onSpinWait();
      else if (spins < 128) Thread.yield();
      else LockSupport.parkNanos(10_000);
    }
  }

  final void unlock() {
    LOCKED.setRelease(this, 0);
  }
}
