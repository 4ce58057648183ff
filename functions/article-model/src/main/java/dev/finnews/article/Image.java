package dev.finnews.article;

import java.util.Objects;

/** A real article image; {@code caption} is null when the markup has none. */
public record Image(String url, String caption) {
    public Image {
        Objects.requireNonNull(url, "url");
    }
}
