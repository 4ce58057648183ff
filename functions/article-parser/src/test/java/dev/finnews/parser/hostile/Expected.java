package dev.finnews.parser.hostile;

import dev.finnews.article.Warning;
import dev.finnews.parser.ErrorCode;

import java.util.List;

/** What one hostile file must become: an article with exactly these warnings, or a failure with this code. */
public sealed interface Expected {

    /** An article whose warnings are exactly {@code warnings} (in any order). */
    record ArticleWith(List<Warning> warnings) implements Expected {
        public ArticleWith {
            warnings = List.copyOf(warnings);
        }

        /** The warning names as {@code Article#warnings()} holds them. */
        public List<String> names() {
            return warnings.stream().map(Warning::name).toList();
        }

        @Override
        public String toString() {
            return "article with warnings " + warnings;
        }
    }

    /** No article: the parser's typed error with this code (ingest records it as a failure). */
    record Failure(ErrorCode code) implements Expected {
        @Override
        public String toString() {
            return "failure " + code;
        }
    }

    static Expected article(Warning... warnings) {
        return new ArticleWith(List.of(warnings));
    }

    static Expected failure(ErrorCode code) {
        return new Failure(code);
    }
}
