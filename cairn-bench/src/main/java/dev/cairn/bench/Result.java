package dev.cairn.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a run measured: the headline figure and the secondary ones.
 *
 * @param metric the headline figure's name
 * @param value its value
 * @param unit its unit
 * @param secondary other figures, by name
 */
record Result(String metric, double value, String unit, Map<String, Object> secondary) {

  static Result of(String metric, double value, String unit) {
    return new Result(metric, value, unit, new LinkedHashMap<>());
  }

  Result with(String name, Object figure) {
    secondary.put(name, figure);
    return this;
  }
}
