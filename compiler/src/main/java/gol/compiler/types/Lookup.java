package gol.compiler.types;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Field and method lookup through embedded fields (spec "Selectors"): a breadth-first search by
 * embedding depth; the shallowest match wins, and two matches at the same depth are ambiguous.
 */
final class Lookup {
  @SuppressWarnings("unused") private final Checker c;

  Lookup(Checker c) { this.c = c; }

  /**
   * A found field or method: obj, the embedded-field path to it (for a field, ending with the
   * field's own index), and whether a pointer was dereferenced on the way. {@code ambiguous} is set
   * (with obj null) when several fields or methods of that name exist at the shallowest depth.
   */
  record Result(Symbol obj, List<Integer> path, boolean indirect, boolean ambiguous) {}

  private record Entry(Type type, List<Integer> path, boolean indirect) {}

  /** Looks up name in t (which may be a pointer to a named or struct type), or null if absent. */
  Result find(Type t, String name) {
    if (name.equals("_")) return null;
    boolean indirect = false;
    if (t instanceof Type.Pointer p && p.elem.underlying() instanceof Type.Interface) return null;
    if (t instanceof Type.Pointer p && !(p.elem.underlying() instanceof Type.Pointer)) {
      t = p.elem;
      indirect = true;
    } else if (t instanceof Type.Named && t.underlying() instanceof Type.Pointer p) {
      // fields (not methods) of *S through a named pointer type
      Result r = find(p.elem, name);
      return r != null && r.obj() instanceof Symbol.Var ? new Result(r.obj(), r.path(), true, r.ambiguous()) : null;
    }
    List<Entry> current = List.of(new Entry(t, List.of(), indirect));
    Set<Type.Named> seen = new HashSet<>();
    while (!current.isEmpty()) {
      List<Entry> next = new ArrayList<>();
      Result found = null;
      int count = 0;
      for (Entry e : current) {
        Type typ = e.type();
        if (typ instanceof Type.Named n) {
          if (!seen.add(n)) continue;
          for (Symbol.Func m : n.methods) {
            if (m.name.equals(name)) { found = new Result(m, e.path(), e.indirect(), false); count++; }
          }
        }
        Type u = typ.underlying();
        if (u instanceof Type.Struct s) {
          for (int i = 0; i < s.fields.size(); i++) {
            Symbol.Var f = s.fields.get(i);
            List<Integer> path = append(e.path(), i);
            if (f.name.equals(name)) { found = new Result(f, path, e.indirect(), false); count++; }
            if (f.embedded) {
              Type ft = f.type;
              boolean ind = e.indirect();
              if (ft instanceof Type.Pointer p) { ft = p.elem; ind = true; }
              next.add(new Entry(ft, path, ind));
            }
          }
        } else if (u instanceof Type.Interface it) {
          for (Symbol.Func m : it.methods) {
            if (m.name.equals(name)) { found = new Result(m, e.path(), e.indirect(), false); count++; }
          }
        }
      }
      if (count == 1) return found;
      if (count > 1) return new Result(null, List.of(), false, true);
      current = next;
    }
    return null;
  }

  private static List<Integer> append(List<Integer> path, int i) {
    List<Integer> p = new ArrayList<>(path);
    p.add(i);
    return List.copyOf(p);
  }
}
