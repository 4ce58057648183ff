package dev.finnews.local.cli;

import java.util.Objects;

/**
 * One {@code --name} option: a flag (present or not) or one that takes a value.
 *
 * @param name         with its leading dashes: {@code --api-port}
 * @param valueName    shown in help ({@code PORT}); null for a flag
 * @param defaultValue used when the option is absent; null when there is none
 * @param help         one line
 */
public record Option(String name, String valueName, String defaultValue, String help) {
    public Option {
        Objects.requireNonNull(name, "name");
        if (!name.startsWith("--")) {
            throw new IllegalArgumentException("options start with --: " + name);
        }
        Objects.requireNonNull(help, "help");
    }

    public static Option flag(String name, String help) {
        return new Option(name, null, null, help);
    }

    public static Option value(String name, String valueName, String defaultValue, String help) {
        return new Option(name, Objects.requireNonNull(valueName, "valueName"), defaultValue, help);
    }

    public boolean takesValue() {
        return valueName != null;
    }
}
