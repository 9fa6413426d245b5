package gol.runtime;

/**
 * The global run queue (Go's sched.runq): a FIFO of runnable Gs that any P may take from. Gs land
 * here when a local ring overflows (half of it, in one batch), when a goroutine is preempted or
 * calls runtime.Gosched, and when a P goes away.
 *
 * <p>Go links its queue through {@code g.schedlink}. gol keeps the Gs in a growable circular array
 * instead, so that moving a batch in or out under the scheduler lock copies references and never
 * touches the Gs themselves: walking a linked list of a hundred cold Gs costs a cache miss each,
 * all of them paid while every other P waits for the lock (skynet keeps ~60,000 Gs here).
 *
 * <p>Threading: every method runs under {@link SchedQueues#lock}. {@code SchedQueues.runqsize}
 * mirrors {@link #size} for racy readers.
 */
final class GlobalRunq {
  private G[] buf = new G[512];
  private int head;
  private int size;

  int size() {
    return size;
  }

  /** Appends g at the tail. */
  void put(G g) {
    if (size == buf.length) grow(1);
    buf[(head + size) & (buf.length - 1)] = g;
    size++;
  }

  /** Appends gs[0..n) at the tail, in order. */
  void putBatch(G[] gs, int n) {
    if (size + n > buf.length) grow(n);
    P.arrayToRing(gs, 0, buf, head + size, n);
    size += n;
  }

  /** Removes and returns the head, or null if the queue is empty. */
  G poll() {
    if (size == 0) return null;
    G g = buf[head];
    buf[head] = null;
    head = (head + 1) & (buf.length - 1);
    size--;
    return g;
  }

  /** The i-th G from the head (0 = head), for traces; null past the end. */
  G peek(int i) {
    return i < size ? buf[(head + i) & (buf.length - 1)] : null;
  }

  /** Doubles the array (a power of two) until n more Gs fit, keeping the order. */
  private void grow(int n) {
    int cap = buf.length;
    while (cap < size + n) cap <<= 1;
    G[] nb = new G[cap];
    P.ringToArray(buf, head, nb, 0, size);
    buf = nb;
    head = 0;
  }
}
