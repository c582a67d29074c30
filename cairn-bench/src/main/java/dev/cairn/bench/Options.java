package dev.cairn.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/** Command-line options: {@code --name value} pairs after the workload's name. */
final class Options {
  private final Map<String, String> values = new LinkedHashMap<>();

  static Options parse(String[] args, int from) {
    Options options = new Options();
    for (int i = from; i < args.length; i++) {
      String arg = args[i];
      if (!arg.startsWith("--") || i + 1 >= args.length) {
        throw new IllegalArgumentException("Options are --name value pairs; '" + arg + "' has no value.");
      }
      options.values.put(arg.substring(2), args[++i]);
    }
    return options;
  }

  String get(String name, String otherwise) {
    return values.getOrDefault(name, otherwise);
  }

  int integer(String name, int otherwise) {
    String value = values.get(name);
    return value == null ? otherwise : Integer.parseInt(value.replace("_", "").replace(",", ""));
  }

  /** A copy with one option set. */
  Options with(String name, Object value) {
    Options copy = new Options();
    copy.values.putAll(values);
    copy.values.put(name, String.valueOf(value));
    return copy;
  }

  Map<String, String> all() {
    return values;
  }
}
