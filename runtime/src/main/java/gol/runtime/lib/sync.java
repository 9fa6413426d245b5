package gol.runtime.lib;

import gol.runtime.G;
import gol.runtime.Panic;
import gol.runtime.Sched;
import gol.runtime.Sema;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Go's package sync: WaitGroup and Mutex (here), RWMutex, Once, Cond ({@link SyncMore}). All park
 * goroutines (through {@link Sema} or their own wait queues), never threads, and follow the
 * continuation contract of {@link G} (a blocking call may set UNWIND and return; the goroutine
 * resumes after the call once woken). Wait reason in dumps: "semacquire" (Go 1.19's).
 */
@SuppressWarnings("checkstyle:TypeName")
public final class sync {
  private sync() {}

  /**
   * sync.WaitGroup. State word: counter in the high 32 bits, number of waiters in the low 32
   * (Go's layout). When the counter drops to 0 with waiters, the state is reset and each waiter
   * gets one semaphore permit.
   */
  public static final class WaitGroup {
    private final AtomicLong state = new AtomicLong();
    private final Sema sema = new Sema("semacquire");

    public void Add(G g, long delta) {
      long st = state.addAndGet(delta << 32);
      int v = (int) (st >> 32);
      int w = (int) st;
      if (v < 0) throw new Panic("sync: negative WaitGroup counter");
      // delta first (Go tests w first; the conditions are pure): Done never gets past it, so its
      // compiled code has no branch on the waiter count, which is 0 until Wait and then not, a
      // change that would otherwise deoptimise every compiled caller of Done.
      if (delta > 0 && w != 0 && v == (int) delta) {
        throw new Panic("sync: WaitGroup misuse: Add called concurrently with Wait");
      }
      // The counter reaching 0 is rare (once per Wait), so it is tested apart, in wake, which a
      // count that is a multiple of 256 also reaches: the profile of this branch then sees both
      // ways while C2 compiles a Done inlined into a goroutine body, and the rare call is too
      // cold to be inlined with it. Otherwise C2 would compile the zero case as a trap, and the
      // first round's last Done would throw away the compiled scheduler loop (see SpinLock.lock).
      if ((v & 255) == 0) wake(g, v, w);
    }

    private void wake(G g, int v, int w) {
      if (v > 0 || w == 0) return;
      // Counter is 0 and there are waiters: nobody can change the state now but us (Go's argument:
      // Add with a positive delta concurrent with Wait is misuse).
      state.set(0);
      for (; w > 0; w--) sema.release(g);
    }

    public void Done(G g) {
      Add(g, -1);
    }

    public void Wait(G g) {
      for (;;) {
        long st = state.get();
        if ((int) (st >> 32) == 0) return;
        if (state.compareAndSet(st, st + 1)) {
          Sema.acquire(g, sema);
          return;
        }
      }
    }
  }

  /**
   * sync.Mutex: bit 0 of the state is "locked", the rest counts waiting goroutines (<< 1). Unlock
   * with waiters hands the mutex straight to the first waiter (it stays locked), so waiters are
   * served in FIFO order (Go's starvation mode, always on; Go's normal mode lets a running
   * goroutine barge in, which is faster under contention: a later improvement).
   */
  public static final class Mutex implements HandoffLocker {
    private final AtomicInteger state = new AtomicInteger();
    private final Sema sema = new Sema("semacquire");

    public void Lock(G g) {
      if (state.compareAndSet(0, 1)) return;
      for (;;) {
        int s = state.get();
        if ((s & 1) == 0) {
          if (state.compareAndSet(s, s | 1)) return;
        } else if (state.compareAndSet(s, s + 2)) {
          Sema.acquire(g, sema); // resumes owning the mutex (handed off by Unlock)
          return;
        }
      }
    }

    @Override public boolean lockOrEnqueue(G w) {
      for (;;) {
        int s = state.get();
        if ((s & 1) == 0) {
          if (state.compareAndSet(s, s | 1)) return true;
        } else if (state.compareAndSet(s, s + 2)) {
          return !sema.commit(w); // false from commit: a hand-off permit was banked, w owns the mutex
        }
      }
    }

    @Override public void lockFor(G waker, G w) {
      if (lockOrEnqueue(w)) Sched.ready(waker, w);
    }

    /** TryLock (Go 1.18). */
    public boolean TryLock(G g) {
      int s = state.get();
      return (s & 1) == 0 && state.compareAndSet(s, s | 1);
    }

    public void Unlock(G g) {
      for (;;) {
        int s = state.get();
        if ((s & 1) == 0) throw Sched.fatal("sync: unlock of unlocked mutex");
        if (s == 1) {
          if (state.compareAndSet(1, 0)) return;
        } else if (state.compareAndSet(s, s - 2)) {
          sema.release(g); // hand-off: still locked, now owned by the first waiter
          return;
        }
      }
    }
  }

  /**
   * sync.Locker: Lock and Unlock. The runtime's mutexes implement it, and so does every program type
   * with methods Lock() and Unlock() (the compiler maps the Go interface sync.Locker to this one).
   * Calls through it may suspend (the continuation contract of {@link G}).
   */
  public interface Locker {
    void Lock(G g);

    void Unlock(G g);
  }

  /**
   * The runtime's own lockers, which sync.Cond can hand a woken waiter to: they can acquire the lock
   * for a goroutine that is parked, so the waiter resumes owning it without running first.
   */
  interface HandoffLocker extends Locker {
    /**
     * Acquires for the parked goroutine w if the lock is free (returns true: w owns it), else
     * queues w as a waiter that the unlocker will hand the lock to (returns false).
     */
    boolean lockOrEnqueue(G w);

    /** Acquires for the parked goroutine w and readies it (by waker) once it owns the lock. */
    void lockFor(G waker, G w);
  }

  public static final class RWMutex extends SyncMore.RWMutex {}

  public static final class Once extends SyncMore.Once {}

  public static final class Cond extends SyncMore.Cond {
    Cond(Locker l) { super(l); }
  }

  /** sync.NewCond(l Locker) *Cond. */
  public static Cond NewCond(G g, Object l) {
    if (l == null) throw gol.runtime.Panic.nilDeref();
    return new Cond((Locker) l);
  }
}
