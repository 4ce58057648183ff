package dev.finnews.article;

/**
 * Caps that keep one hostile file from exploding the lookups. The store writes an article in one
 * DynamoDB transaction (at most 100 actions); its worst case, a re-upload that changes the time, every
 * category and every stock, costs {@code 6 + 4 × (MAX_CATEGORIES + MAX_STOCKS)} = 98 actions, so these
 * two caps are sized together (see docs/architecture.md).
 */
public final class Limits {
    public static final int MAX_STOCKS = 20;
    public static final int MAX_CATEGORIES = 3;
    public static final int MAX_IMAGES = 50;
    public static final int MAX_KEYWORDS = 50;
    /** Longest title or category kept, in characters. */
    public static final int MAX_FIELD_CHARS = 500;
    /** Default largest file the parser accepts. */
    public static final int DEFAULT_MAX_BYTES = 5 * 1024 * 1024;

    private Limits() {
    }
}
