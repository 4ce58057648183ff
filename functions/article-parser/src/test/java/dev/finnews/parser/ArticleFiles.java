package dev.finnews.parser;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Builds article files in the generator's exact layout, and reads the fixtures. */
final class ArticleFiles {
    private ArticleFiles() {
    }

    /** The generator's layout: empty line, front matter, {@code <div>   } + body + {@code </div>} and 12 spaces. */
    static String layout(String frontMatter, String body) {
        return "\n---\n" + frontMatter + "---\n\n<div>   \n" + body + "\n</div>\n" + " ".repeat(12);
    }

    /** A file with the usual front matter around {@code title} and {@code date} lines as given. */
    static String article(String titleLine, String dateLine, String body) {
        return layout(titleLine + "\n"
                + "categories: \n - 金融\n - 示例站\n - 示例频道\n"
                + "headimg: 'https://picsum.photos/400/300?random=1'\n"
                + "author: 示例站\n"
                + "comments: false\n"
                + dateLine + "\n"
                + "thumbnail: 'https://picsum.photos/400/300?random=1'\n", body);
    }

    /** A file with an ordinary title and date around {@code body}. */
    static String withBody(String body) {
        return article("title: '示例标题'", "date: Mon, 02 May 2022 01:00:00 GMT", body);
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] fixture(String name) {
        try (InputStream in = ArticleFiles.class.getResourceAsStream("/fixtures/" + name)) {
            if (in == null) {
                throw new IllegalStateException("no fixture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
