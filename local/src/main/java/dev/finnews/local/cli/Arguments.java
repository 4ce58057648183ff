package dev.finnews.local.cli;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A parsed command line: option values (or their defaults), flags and operands. */
public final class Arguments {
    private final Map<String, Option> declared;
    private final Map<String, String> given;
    private final List<String> operands;

    Arguments(Map<String, Option> declared, Map<String, String> given, List<String> operands) {
        this.declared = Map.copyOf(declared);
        this.given = Map.copyOf(given);
        this.operands = List.copyOf(operands);
    }

    /** The operands (everything that is not an option), in order. */
    public List<String> operands() {
        return operands;
    }

    public boolean has(String name) {
        return given.containsKey(declared(name).name());
    }

    /** The value given, else the option's default, else empty. */
    public Optional<String> value(String name) {
        Option option = declared(name);
        return Optional.ofNullable(given.getOrDefault(name, option.defaultValue()));
    }

    /** The value given or defaulted; a usage error when there is neither. */
    public String required(String name) throws UsageException {
        String value = value(name).orElseThrow(() -> new UsageException(name + " is required"));
        if (value.isBlank()) {
            throw new UsageException(name + " must not be empty");
        }
        return value;
    }

    public int integer(String name, int min, int max) throws UsageException {
        String text = required(name);
        try {
            int value = Integer.parseInt(text);
            if (value < min || value > max) {
                throw new UsageException(name + " must be between " + min + " and " + max + ", not " + text);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new UsageException(name + " must be a whole number, not '" + text + "'");
        }
    }

    /** An absolute {@code http(s)://host[:port]} URL, or empty when the option is absent. */
    public Optional<URI> endpoint(String name) throws UsageException {
        Optional<String> text = value(name);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(text.get());
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                throw new UsageException(name + " must be an http(s) URL such as http://127.0.0.1:4566, not '" + text.get() + "'");
            }
            return Optional.of(uri);
        } catch (URISyntaxException e) {
            throw new UsageException(name + " is not a URL: '" + text.get() + "'");
        }
    }

    private Option declared(String name) {
        Option option = declared.get(name);
        if (option == null) {
            throw new IllegalArgumentException("the command does not declare " + name);
        }
        return option;
    }
}
