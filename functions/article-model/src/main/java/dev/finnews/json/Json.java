package dev.finnews.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/**
 * The JSON every finnews component writes: UTF-8, and {@code <}, {@code >}, {@code &}, U+2028 and
 * U+2029 written as {@code \u003c}-style escapes, so no returned value can act as markup or break a
 * script block, whatever an article's title holds.
 */
public final class Json {
    private static final JsonFactory FACTORY = JsonFactory.builder().build();

    private Json() {
    }

    public static JsonFactory factory() {
        return FACTORY;
    }

    /** Writes one JSON value to a string with the markup-safe escapes. */
    public static String write(Writer body) {
        StringWriter out = new StringWriter(256);
        try (JsonGenerator g = generator(out)) {
            body.write(g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    public static JsonGenerator generator(java.io.Writer out) throws IOException {
        JsonGenerator g = FACTORY.createGenerator(out);
        g.setCharacterEscapes(MarkupSafeEscapes.INSTANCE);
        return g;
    }

    /** Something that writes one JSON value. */
    @FunctionalInterface
    public interface Writer {
        void write(JsonGenerator g) throws IOException;
    }

    private static final class MarkupSafeEscapes extends CharacterEscapes {
        static final MarkupSafeEscapes INSTANCE = new MarkupSafeEscapes();
        private static final long serialVersionUID = 1L;
        private static final SerializableString LINE_SEPARATOR = new SerializedString("\\u2028");
        private static final SerializableString PARAGRAPH_SEPARATOR = new SerializedString("\\u2029");
        private final int[] escapes;

        private MarkupSafeEscapes() {
            escapes = standardAsciiEscapesForJSON();
            escapes['<'] = ESCAPE_STANDARD;
            escapes['>'] = ESCAPE_STANDARD;
            escapes['&'] = ESCAPE_STANDARD;
            escapes['\''] = ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return escapes;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return switch (ch) { // other non-ASCII characters are written as they are
                case 0x2028 -> LINE_SEPARATOR;
                case 0x2029 -> PARAGRAPH_SEPARATOR;
                default -> null;
            };
        }
    }
}
