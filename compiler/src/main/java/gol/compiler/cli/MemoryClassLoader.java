package gol.compiler.cli;

import java.util.Map;

/** Defines a compiled program's classes from memory; everything else comes from the gol runtime. */
public final class MemoryClassLoader extends ClassLoader {
  private final Map<String, byte[]> classes;

  public MemoryClassLoader(Map<String, byte[]> classes, ClassLoader parent) {
    super(parent);
    this.classes = classes;
  }

  @Override protected Class<?> findClass(String name) throws ClassNotFoundException {
    byte[] b = classes.get(name.replace('.', '/'));
    if (b == null) throw new ClassNotFoundException(name);
    return defineClass(name, b, 0, b.length);
  }
}
