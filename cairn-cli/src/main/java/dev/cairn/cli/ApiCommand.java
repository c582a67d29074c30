package dev.cairn.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/** A subcommand that talks to the server's HTTP API. */
abstract class ApiCommand implements Callable<Integer> {
  @Mixin
  ApiOptions options;

  @Spec
  CommandSpec spec;

  PrintWriter out() {
    return spec.commandLine().getOut();
  }

  HttpApi api() {
    return options.api();
  }

  /** Checks that a command-line argument is JSON, so that mistakes are caught before anything is sent. */
  static String requireJson(String text, String what) {
    if (text == null) {
      return null;
    }
    try {
      HttpApi.JSON.readTree(text);
      return text;
    } catch (JacksonException e) {
      throw new CliFailure(ExitCode.USAGE, what + " is not valid JSON: " + e.getOriginalMessage()
          + ". Quote strings: '\"text\"'.");
    }
  }

  /** Prints JSON as the server sent it (with --json), or a summary. */
  void print(JsonNode json, String summary) {
    out().println(options.json ? json.toString() : summary);
  }

  static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? "" : value.isString() ? value.asString() : value.toString();
  }
}
