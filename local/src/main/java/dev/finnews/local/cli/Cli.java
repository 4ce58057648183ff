package dev.finnews.local.cli;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Picks the command named by the first argument and runs it, mapping what goes wrong to the exit
 * statuses: a {@link UsageException} to 2 with a one-line reason, any other failure to 1.
 */
public final class Cli {
    private final String program;
    private final Map<String, Command> commands = new LinkedHashMap<>();

    public Cli(String program, List<Command> commands) {
        this.program = program;
        for (Command c : commands) {
            if (this.commands.put(c.name(), c) != null) {
                throw new IllegalArgumentException("two commands named " + c.name());
            }
        }
    }

    public int run(String[] argv, Terminal terminal) {
        if (argv.length == 0) {
            terminal.err().println(program + ": no command given; one of: " + names() + " (try " + program + " --help)");
            return ExitCode.USAGE;
        }
        String name = argv[0];
        if (name.equals("--help") || name.equals("-h") || name.equals("help")) {
            if (argv.length > 1 && commands.containsKey(argv[1])) {
                terminal.out().print(help(commands.get(argv[1])));
            } else {
                terminal.out().print(overview());
            }
            return ExitCode.OK;
        }
        Command command = commands.get(name);
        if (command == null) {
            terminal.err().println(program + ": unknown command '" + name + "'; one of: " + names());
            return ExitCode.USAGE;
        }
        List<String> rest = Arrays.asList(argv).subList(1, argv.length);
        if (rest.contains("--help") || rest.contains("-h")) {
            terminal.out().print(help(command));
            return ExitCode.OK;
        }
        try {
            Arguments args = command.options().parse(rest);
            if (command.operands().isEmpty() && !args.operands().isEmpty()) {
                throw new UsageException("unexpected argument '" + args.operands().get(0) + "'");
            }
            return command.run(args, terminal);
        } catch (UsageException e) {
            terminal.err().println(program + " " + name + ": " + e.getMessage() + " (see " + program + " " + name + " --help)");
            return ExitCode.USAGE;
        } catch (RuntimeException e) {
            terminal.err().println(program + " " + name + ": " + describe(e));
            return ExitCode.FAILED;
        }
    }

    /** The help of one command: usage line, summary and options. */
    public String help(Command command) {
        String operands = command.operands().isEmpty() ? "" : " " + command.operands();
        return "usage: " + program + " " + command.name() + " [options]" + operands + "\n\n"
                + command.summary() + "\n\n"
                + (command.options().all().isEmpty() ? "" : "options:\n" + command.options().help());
    }

    private String overview() {
        StringBuilder out = new StringBuilder("usage: " + program + " COMMAND [options]\n\ncommands:\n");
        commands.values().forEach(c -> out.append(String.format("  %-10s %s%n", c.name(), c.summary())));
        out.append("\n").append(program).append(" COMMAND --help shows a command's options.\n");
        return out.toString();
    }

    private String names() {
        return commands.keySet().stream().collect(Collectors.joining(", "));
    }

    /** The message, and the root cause's when it says more (SDK errors wrap the useful part). */
    static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (root != e && root.getMessage() != null && !message.contains(root.getMessage())) {
            message += ": " + root.getMessage();
        }
        return message;
    }
}
