package dev.cairn.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;

/** {@code cairn entity signal|get|list}. */
@Command(name = "entity", description = "Signal entities, read their state, list them.",
    subcommands = {EntityCommand.Signal.class, EntityCommand.Get.class, EntityCommand.ListEntities.class})
final class EntityCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    throw new ParameterException(spec.commandLine(), "Say what to do: signal, get or list.");
  }

  /** {@code cairn entity signal NAME KEY OP [JSON]}. */
  @Command(name = "signal", description = "Send a one-way operation to an entity.")
  static final class Signal extends ApiCommand {
    @Parameters(index = "0", description = "The entity's name.")
    String name;

    @Parameters(index = "1", description = "The entity's key.")
    String key;

    @Parameters(index = "2", description = "The operation.")
    String operation;

    @Parameters(index = "3", arity = "0..1", description = "The input as JSON.")
    String input;

    @Override
    public Integer call() {
      HttpApi.expect(api().send("POST", HttpApi.API + "/entities/" + HttpApi.segment(name) + "/"
          + HttpApi.segment(key) + "?op=" + HttpApi.query(operation), requireJson(input, "The input")), 202);
      out().println(options.json ? "{}" : "Signalled " + operation + " to @" + name + "@" + key);
      return ExitCode.OK;
    }
  }

  /** {@code cairn entity get NAME KEY}. */
  @Command(name = "get", description = "Show an entity's state (exit code 3 when it has none).")
  static final class Get extends ApiCommand {
    @Parameters(index = "0", description = "The entity's name.")
    String name;

    @Parameters(index = "1", description = "The entity's key.")
    String key;

    @Override
    public Integer call() {
      JsonNode state = HttpApi.expect(api().send("GET", HttpApi.API + "/entities/" + HttpApi.segment(name) + "/"
          + HttpApi.segment(key), null), 200).json();
      out().println(state);
      return ExitCode.OK;
    }
  }

  /** {@code cairn entity list [NAME]}. */
  @Command(name = "list", description = "List entities that have state.")
  static final class ListEntities extends ApiCommand {
    @Parameters(index = "0", arity = "0..1", description = "Only entities of this name.")
    String name;

    @Option(names = "--prefix", description = "Only keys with this prefix (needs a name).")
    String prefix;

    @Override
    public Integer call() {
      String path = HttpApi.API + "/entities" + (name == null ? "" : "/" + HttpApi.segment(name)) + "?fetchState=true"
          + (prefix == null ? "" : "&keyPrefix=" + HttpApi.query(prefix));
      JsonNode list = HttpApi.expect(api().send("GET", path, null), 200).json();
      print(list, Tables.entities(list));
      return ExitCode.OK;
    }
  }
}
