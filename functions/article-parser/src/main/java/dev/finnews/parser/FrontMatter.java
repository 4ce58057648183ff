package dev.finnews.parser;

import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.schema.FailsafeSchema;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The front matter fields finnews reads, as written (entities not yet decoded).
 *
 * @param title      the title with its YAML quotes removed; never null
 * @param categories the category list in order
 * @param author     the author (the site), or null
 * @param date       the date as written, or null
 * @param lenient    true when the block was not valid YAML and was read line by line
 */
record FrontMatter(String title, List<String> categories, String author, String date, boolean lenient) {
    /** Far above any real front matter; keeps a hostile block from costing time. */
    static final int MAX_CHARS = 64 * 1024;
    /** Deep flow collections ({@code [[[[…}) would recurse deeply inside the YAML parser. */
    private static final int MAX_FLOW_OPENERS = 64;
    /**
     * Block collections nest by indentation or by compact indicators ({@code - - - x}); a line whose
     * leading run of those is longer than this would recurse deeply too. The generator's is three.
     */
    private static final int MAX_BLOCK_PREFIX = 256;

    /** Built on first use: most blocks never reach the YAML parser ({@link SimpleFrontMatter} reads them), so a cold start skips it. */
    private static final class Yaml {
        static final LoadSettings SETTINGS = LoadSettings.builder()
                .setSchema(new FailsafeSchema())         // every scalar stays a string: no dates, numbers or booleans
                .setTagConstructors(Map.of(Tag.NULL, node -> null)) // an empty value is null, as in any YAML reader
                .setMaxAliasesForCollections(5)         // an alias bomb fails fast instead of exploding
                .setAllowRecursiveKeys(false)
                .setAllowDuplicateKeys(false)
                .setCodePointLimit(MAX_CHARS + 1)
                .setUseMarks(false)
                .build();
    }

    FrontMatter {
        categories = List.copyOf(categories);
    }

    static FrontMatter read(String block) throws ParseException {
        if (block.length() > MAX_CHARS) {
            throw new ParseException(ErrorCode.BAD_FRONT_MATTER, "the front matter is larger than " + MAX_CHARS + " characters");
        }
        Optional<Map<String, Object>> yaml = SimpleFrontMatter.read(block).or(() -> yaml(block));
        Map<String, Object> fields = yaml.orElseGet(() -> LenientFrontMatter.read(block));
        Object title = fields.get("title");
        if (!(title instanceof String t)) {
            throw new ParseException(ErrorCode.BAD_FRONT_MATTER, title == null
                    ? "the front matter has no title"
                    : "the front matter title is not text");
        }
        return new FrontMatter(t, strings(fields.get("categories")), scalar(fields.get("author")), scalar(fields.get("date")),
                yaml.isEmpty());
    }

    /** The block read by a full YAML parser; empty when it is not a mapping (broken quoting, hostile input). */
    static Optional<Map<String, Object>> yaml(String block) {
        if (flowOpeners(block) > MAX_FLOW_OPENERS || longestBlockPrefix(block) > MAX_BLOCK_PREFIX) {
            return Optional.empty();
        }
        try {
            Object doc = new Load(Yaml.SETTINGS).loadFromString(block);
            if (!(doc instanceof Map<?, ?> map)) {
                return Optional.empty();
            }
            Map<String, Object> fields = new LinkedHashMap<>();
            map.forEach((k, v) -> {
                if (k instanceof String key) {
                    fields.put(key, v);
                }
            });
            return Optional.of(fields);
        } catch (RuntimeException e) {
            return Optional.empty(); // any YAML failure: the lenient reader decides
        }
    }

    private static int flowOpeners(String block) {
        int n = 0;
        for (int i = 0; i < block.length(); i++) {
            char c = block.charAt(i);
            if (c == '[' || c == '{') {
                n++;
            }
        }
        return n;
    }

    /** The longest run of indentation and block indicators ({@code -}, {@code ?}, {@code :}) opening a line. */
    private static int longestBlockPrefix(String block) {
        int longest = 0;
        int run = 0;
        boolean atLineStart = true;
        for (int i = 0; i < block.length(); i++) {
            char c = block.charAt(i);
            if (c == '\n') {
                run = 0;
                atLineStart = true;
            } else if (atLineStart && (c == ' ' || c == '\t' || c == '-' || c == '?' || c == ':')) {
                longest = Math.max(longest, ++run);
            } else {
                atLineStart = false;
            }
        }
        return longest;
    }

    private static String scalar(Object value) {
        return value instanceof String s ? s : null;
    }

    private static List<String> strings(Object value) {
        List<String> out = new ArrayList<>();
        if (value instanceof String s) {
            out.add(s);
        } else if (value instanceof List<?> list) {
            for (Object item : list) {
                if (item instanceof String s) {
                    out.add(s);
                }
            }
        }
        return out;
    }
}
