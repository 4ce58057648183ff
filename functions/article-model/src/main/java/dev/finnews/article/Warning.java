package dev.finnews.article;

/** Machine-readable warning codes attached to an {@link Article}. */
public enum Warning {
    /** The date was missing, {@code Invalid Date}, or unreadable; publishedAt is null. */
    INVALID_DATE,
    /** A zone-less date was read as Beijing time. */
    DATE_WITHOUT_ZONE,
    /** The body holds no article text. */
    EMPTY_BODY,
    /** {@code _X_} in the title was restored to {@code “X”} from the body. */
    TITLE_RESTORED,
    /** The front matter was not valid YAML and was read line by line (e.g. a title with both quote kinds). */
    LENIENT_FRONT_MATTER,
    /** The file was not UTF-8 and was decoded from the detected charset. */
    TRANSCODED,
    /** More than {@link Limits#MAX_STOCKS} stocks: the rest were dropped. */
    STOCKS_CAPPED,
    /** More than {@link Limits#MAX_IMAGES} images: the rest were dropped. */
    IMAGES_CAPPED,
    /** More than {@link Limits#MAX_KEYWORDS} keywords: the rest were dropped. */
    KEYWORDS_CAPPED,
    /** More than {@link Limits#MAX_CATEGORIES} categories: the rest were dropped. */
    CATEGORIES_CAPPED
}
