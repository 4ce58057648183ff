package dev.finnews.article;

/** Caps that keep one hostile file from exploding the lookups; the store sizes its transactions on them. */
public final class Limits {
    public static final int MAX_STOCKS = 50;
    public static final int MAX_IMAGES = 50;
    public static final int MAX_KEYWORDS = 50;
    public static final int MAX_CATEGORIES = 10;
    /** Longest title or category kept, in characters. */
    public static final int MAX_FIELD_CHARS = 500;
    /** Default largest file the parser accepts. */
    public static final int DEFAULT_MAX_BYTES = 5 * 1024 * 1024;

    private Limits() {
    }
}
