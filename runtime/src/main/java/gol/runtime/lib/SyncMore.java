package gol.runtime.lib;

import gol.runtime.FnV;
import gol.runtime.G;
import gol.runtime.ParkOp;
import gol.runtime.Panic;
import gol.runtime.RuntimeFrames;
import gol.runtime.Sched;
import java.util.ArrayDeque;

/**
 * The bodies of sync.RWMutex, sync.Once and sync.Cond (the public classes {@code sync.RWMutex},
 * {@code sync.Once} and {@code sync.Cond} extend these). Each keeps its state under its own monitor
 * (held for a few instructions, never while a goroutine runs gol code) and parks goroutines with
 * the two-phase protocol of {@link Sched}: the blocking call records a {@link ParkOp} and unwinds;
 * the op's commit re-checks the state under the monitor and either completes or queues the
 * goroutine. Wakers hand ownership over before they ready a waiter, so a woken goroutine never
 * has to re-check or retry: it resumes owning what it waited for.
 */
final class SyncMore {
  private SyncMore() {}

  /**
   * sync.RWMutex: any number of readers or one writer. Invariants (under the monitor): {@code writer}
   * implies {@code readers == 0}; a waiting writer blocks new readers (so writers do not starve,
   * as in Go); Unlock admits every waiting reader before the next writer (so readers do not starve).
   */
  abstract static class RWMutex implements sync.HandoffLocker {
    private int readers;
    private boolean writer;
    private final ArrayDeque<G> waitingReaders = new ArrayDeque<>();
    private final ArrayDeque<G> waitingWriters = new ArrayDeque<>();

    private final ParkOp rlockOp = new ParkOp() {
      @Override public boolean commit(G g) { return !tryRLockOrEnqueue(g); }
      @Override public String waitReason() { return "semacquire"; }
    };
    private final ParkOp lockOp = new ParkOp() {
      @Override public boolean commit(G g) { return !lockOrEnqueue(g); }
      @Override public String waitReason() { return "semacquire"; }
    };

    private synchronized boolean tryRLock() {
      if (writer || !waitingWriters.isEmpty()) return false;
      readers++;
      return true;
    }

    private synchronized boolean tryRLockOrEnqueue(G g) {
      if (tryRLock()) return true;
      waitingReaders.add(g);
      return false;
    }

    public void RLock(G g) {
      if (tryRLock()) return;
      g.parkOp = rlockOp;
      g.status |= G.UNWIND;
    }

    public boolean TryRLock(G g) { return tryRLock(); }

    public void RUnlock(G g) {
      G w;
      synchronized (this) {
        if (readers == 0) throw Sched.fatal("sync: RUnlock of unlocked RWMutex");
        if (--readers > 0 || waitingWriters.isEmpty()) return;
        writer = true; // hand over to the first waiting writer
        w = waitingWriters.poll();
      }
      Sched.ready(g, w);
    }

    @Override public void Lock(G g) {
      synchronized (this) {
        if (!writer && readers == 0) {
          writer = true;
          return;
        }
      }
      g.parkOp = lockOp;
      g.status |= G.UNWIND;
    }

    public synchronized boolean TryLock(G g) {
      if (writer || readers > 0) return false;
      writer = true;
      return true;
    }

    @Override public void Unlock(G g) {
      G[] wake;
      synchronized (this) {
        if (!writer) throw Sched.fatal("sync: Unlock of unlocked RWMutex");
        writer = false;
        if (!waitingReaders.isEmpty()) {
          wake = waitingReaders.toArray(new G[0]);
          waitingReaders.clear();
          readers += wake.length;
        } else if (!waitingWriters.isEmpty()) {
          writer = true;
          wake = new G[] {waitingWriters.poll()};
        } else {
          return;
        }
      }
      for (G w : wake) Sched.ready(g, w);
    }

    @Override public synchronized boolean lockOrEnqueue(G w) {
      if (!writer && readers == 0) {
        writer = true;
        return true;
      }
      waitingWriters.add(w);
      return false;
    }

    @Override public void lockFor(G waker, G w) {
      if (lockOrEnqueue(w)) Sched.ready(waker, w);
    }

    /** RLocker() Locker: a Locker whose Lock and Unlock are RLock and RUnlock. */
    public Object RLocker(G g) {
      RWMutex rw = this;
      return new sync.HandoffLocker() {
        @Override public void Lock(G g2) { rw.RLock(g2); }
        @Override public void Unlock(G g2) { rw.RUnlock(g2); }
        @Override public boolean lockOrEnqueue(G w) { return rw.tryRLockOrEnqueue(w); }
        @Override public void lockFor(G waker, G w) { if (rw.tryRLockOrEnqueue(w)) Sched.ready(waker, w); }
      };
    }
  }

  /**
   * sync.Once: Do(f) runs f in the first caller; callers arriving while f runs park until it has
   * returned (or panicked: Once counts that as done, as Go does); later callers return at once.
   * f may block: if it suspends, Do saves a runtime frame below f's frames
   * ({@link RuntimeFrames}) whose resumption finishes the call.
   */
  abstract static class Once {
    private static final int NEW = 0, RUNNING = 1, DONE = 2;
    private volatile int state;
    private final ArrayDeque<G> waiters = new ArrayDeque<>();

    /** The runtime frame below f's frames while f is suspended: finishes Do when f returns. */
    private static final int DO_FRAME = RuntimeFrames.register("sync.(*Once).doSlow", g -> {
      g.restore();
      Once o = (Once) g.restoredRef(0);
      o.finish(g); // also when f panicked or called Goexit: the pending throwable is rethrown below
      G.checkPendingPanic(g);
    });

    private final ParkOp waitOp = new ParkOp() {
      @Override public boolean commit(G g) {
        synchronized (Once.this) {
          if (state == DONE) return false;
          waiters.add(g);
          return true;
        }
      }
      @Override public String waitReason() { return "semacquire"; }
    };

    public void Do(G g, Object fv) {
      if (state == DONE) return;
      synchronized (this) {
        if (state == RUNNING) {
          g.parkOp = waitOp;
          g.status |= G.UNWIND;
          return;
        }
        if (state == DONE) return;
        state = RUNNING;
      }
      FnV f = (FnV) fv;
      try {
        if (f == null) throw Panic.nilDeref();
        f.invoke(g);
      } catch (RuntimeException | Error t) {
        finish(g);
        throw t;
      }
      if ((g.status & G.UNWIND) != 0) {
        RuntimeFrames.save(g, DO_FRAME, this); // f suspended: finish when its frames are done
        return;
      }
      finish(g); // f returned (perhaps with PREEMPT set: our caller yields after we return)
    }

    private void finish(G g) {
      G[] wake;
      synchronized (this) {
        state = DONE;
        wake = waiters.toArray(new G[0]);
        waiters.clear();
      }
      for (G w : wake) Sched.ready(g, w);
    }
  }

  /**
   * sync.Cond over a Locker L. Waiters take a ticket (Go's notifyList): Wait takes the next ticket,
   * unlocks L, then parks unless its ticket was already signalled. Signal wakes the lowest
   * unsignalled ticket, Broadcast all.
   *
   * <p>When L is one of the runtime's mutexes, a woken waiter is not readied directly: it is handed
   * to L ({@link sync.HandoffLocker#lockFor}), so it resumes holding L, as Wait's contract says. When
   * L is a program's own Locker, Wait is Go's sequence: Unlock, park, then Lock on waking. Those
   * calls may suspend, so Wait saves a runtime frame ({@link RuntimeFrames}) for the rest of the
   * sequence whenever one of them does, and before it parks.
   */
  abstract static class Cond {
    /**
     * The Locker held while observing or changing the condition: Go's exported field L, typed as
     * compiled code holds interface values (Object); {@link #lk} is the same object.
     */
    public final Object L;
    private final sync.Locker lk;
    private long waitTicket;   // next ticket to hand out
    private long notifyTicket; // tickets below this one are signalled
    private final java.util.TreeMap<Long, G> waiting = new java.util.TreeMap<>();

    Cond(sync.Locker l) {
      if (l == null) throw Panic.nilDeref();
      this.L = l;
      this.lk = l;
    }

    /** The park request of one Wait (it carries the ticket). */
    private final class WaitOp implements ParkOp {
      final long ticket;
      WaitOp(long ticket) { this.ticket = ticket; }

      @Override public boolean commit(G g) {
        synchronized (Cond.this) {
          if (ticket >= notifyTicket) {
            waiting.put(ticket, g);
            return true;
          }
        }
        // signalled before it parked: with a runtime mutex it now only waits for L
        return lk instanceof sync.HandoffLocker h && !h.lockOrEnqueue(g);
      }

      @Override public String waitReason() { return "sync.Cond.Wait"; }
    }

    // A program's Locker: the rest of Wait after a suspended Unlock (refs: cond, ticket), and after
    // parking (refs: cond).
    private static final int AFTER_UNLOCK = RuntimeFrames.register("sync.(*Cond).Wait", g -> {
      g.restore();
      Cond c = (Cond) g.restoredRef(0);
      c.park(g, (Long) g.restoredRef(1));
    });
    private static final int AFTER_PARK = RuntimeFrames.register("sync.(*Cond).Wait", g -> {
      g.restore();
      Cond c = (Cond) g.restoredRef(0);
      c.lk.Lock(g);   // may suspend: its frames then finish the call
    });

    public void Wait(G g) {
      long t;
      synchronized (this) {
        t = waitTicket++;
      }
      lk.Unlock(g);
      if (lk instanceof sync.HandoffLocker) {
        g.parkOp = new WaitOp(t);
        g.status |= G.UNWIND;
        return;
      }
      if ((g.status & G.UNWIND) != 0) {   // a program's Unlock suspended: park when it is done
        RuntimeFrames.save(g, AFTER_UNLOCK, this, t);
        return;
      }
      park(g, t);
    }

    /** Parks on ticket t (a program's Locker), saving the frame that locks L again on waking. */
    private void park(G g, long t) {
      g.parkOp = new WaitOp(t);
      g.status |= G.UNWIND;
      RuntimeFrames.save(g, AFTER_PARK, this);
    }

    public void Signal(G g) {
      G w;
      synchronized (this) {
        if (notifyTicket == waitTicket) return;
        long t = notifyTicket++;
        w = waiting.remove(t); // null: that waiter has not parked yet; its commit sees the signal
      }
      if (w != null) wake(g, w);
    }

    public void Broadcast(G g) {
      G[] wake;
      synchronized (this) {
        notifyTicket = waitTicket;
        wake = waiting.values().toArray(new G[0]);
        waiting.clear();
      }
      for (G w : wake) wake(g, w);
    }

    private void wake(G g, G w) {
      if (lk instanceof sync.HandoffLocker h) h.lockFor(g, w);
      else Sched.ready(g, w);
    }
  }
}
