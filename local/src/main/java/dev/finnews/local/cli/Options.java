package dev.finnews.local.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The options a command accepts, and the parser for them: {@code --name value}, {@code --name=value},
 * flags, and operands in any order; {@code --} ends the options. Anything unknown, missing or given
 * twice is a {@link UsageException} with a one-line reason.
 */
public final class Options {
    private final Map<String, Option> byName = new LinkedHashMap<>();

    private Options(List<Option> options) {
        for (Option option : options) {
            if (byName.put(option.name(), option) != null) {
                throw new IllegalArgumentException("option declared twice: " + option.name());
            }
        }
    }

    public static Options of(Option... options) {
        return new Options(List.of(options));
    }

    public List<Option> all() {
        return List.copyOf(byName.values());
    }

    public Arguments parse(List<String> args) throws UsageException {
        Map<String, String> given = new LinkedHashMap<>();
        List<String> operands = new ArrayList<>();
        boolean optionsEnded = false;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (optionsEnded || !arg.startsWith("--")) {
                operands.add(arg);
                continue;
            }
            if (arg.equals("--")) {
                optionsEnded = true;
                continue;
            }
            int eq = arg.indexOf('=');
            String name = eq < 0 ? arg : arg.substring(0, eq);
            Option option = byName.get(name);
            if (option == null) {
                throw new UsageException("unknown option " + name);
            }
            String value;
            if (!option.takesValue()) {
                if (eq >= 0) {
                    throw new UsageException(name + " takes no value");
                }
                value = "";
            } else if (eq >= 0) {
                value = arg.substring(eq + 1);
            } else if (i + 1 < args.size()) {
                value = args.get(++i);
            } else {
                throw new UsageException(name + " needs a value (" + option.valueName() + ")");
            }
            if (given.put(name, value) != null) {
                throw new UsageException(name + " given twice");
            }
        }
        return new Arguments(byName, given, operands);
    }

    /** The option lines of a command's help. */
    public String help() {
        StringBuilder out = new StringBuilder();
        for (Option o : byName.values()) {
            String left = o.takesValue() ? o.name() + " " + o.valueName() : o.name();
            out.append(String.format("  %-24s %s", left, o.help()));
            if (o.defaultValue() != null) {
                out.append(" (default ").append(o.defaultValue()).append(')');
            }
            out.append('\n');
        }
        return out.toString();
    }
}
