package dev.finnews.local.cli;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OptionsTest {
    private static final Options OPTIONS = Options.of(
            Option.value("--port", "PORT", "3000", "a port"),
            Option.value("--bucket", "NAME", null, "a bucket"),
            Option.value("--endpoint", "URL", null, "an endpoint"),
            Option.flag("--force", "a flag"));

    @Test
    void valuesComeSeparatedOrAfterAnEqualsSign() throws UsageException {
        Arguments args = OPTIONS.parse(List.of("--bucket", "b1", "--port=4000"));

        assertThat(args.required("--bucket")).isEqualTo("b1");
        assertThat(args.integer("--port", 1, 65535)).isEqualTo(4000);
    }

    @Test
    void absentOptionsFallBackToTheirDefaults() throws UsageException {
        Arguments args = OPTIONS.parse(List.of());

        assertThat(args.integer("--port", 1, 65535)).isEqualTo(3000);
        assertThat(args.value("--bucket")).isEmpty();
        assertThat(args.has("--port")).isFalse();
        assertThat(args.has("--force")).isFalse();
    }

    @Test
    void operandsMayStandAnywhereAndDoubleDashEndsTheOptions() throws UsageException {
        Arguments args = OPTIONS.parse(List.of("a.md", "--force", "b.md", "--", "--port", "-x"));

        assertThat(args.has("--force")).isTrue();
        assertThat(args.operands()).containsExactly("a.md", "b.md", "--port", "-x");
    }

    @Test
    void anEqualsSignInsideAValueIsKept() throws UsageException {
        assertThat(OPTIONS.parse(List.of("--bucket=a=b")).required("--bucket")).isEqualTo("a=b");
    }

    @Test
    void mistakesAreUsageErrorsWithOneLineReasons() {
        assertThatThrownBy(() -> OPTIONS.parse(List.of("--colour", "red")))
                .isInstanceOf(UsageException.class).hasMessage("unknown option --colour");
        assertThatThrownBy(() -> OPTIONS.parse(List.of("--bucket")))
                .isInstanceOf(UsageException.class).hasMessage("--bucket needs a value (NAME)");
        assertThatThrownBy(() -> OPTIONS.parse(List.of("--force=yes")))
                .isInstanceOf(UsageException.class).hasMessage("--force takes no value");
        assertThatThrownBy(() -> OPTIONS.parse(List.of("--bucket", "a", "--bucket", "b")))
                .isInstanceOf(UsageException.class).hasMessage("--bucket given twice");
    }

    @Test
    void numbersAreCheckedForFormAndRange() throws UsageException {
        assertThatThrownBy(() -> OPTIONS.parse(List.of("--port", "http")).integer("--port", 1, 65535))
                .isInstanceOf(UsageException.class).hasMessage("--port must be a whole number, not 'http'");
        assertThatThrownBy(() -> OPTIONS.parse(List.of("--port", "70000")).integer("--port", 1, 65535))
                .isInstanceOf(UsageException.class).hasMessage("--port must be between 1 and 65535, not 70000");
    }

    @Test
    void requiredValuesMustBeGivenAndNotBlank() {
        assertThatThrownBy(() -> OPTIONS.parse(List.of()).required("--bucket"))
                .isInstanceOf(UsageException.class).hasMessage("--bucket is required");
        assertThatThrownBy(() -> OPTIONS.parse(List.of("--bucket", " ")).required("--bucket"))
                .isInstanceOf(UsageException.class).hasMessage("--bucket must not be empty");
    }

    @Test
    void endpointsAreHttpUrls() throws UsageException {
        assertThat(OPTIONS.parse(List.of("--endpoint", "http://127.0.0.1:4566")).endpoint("--endpoint"))
                .contains(URI.create("http://127.0.0.1:4566"));
        assertThat(OPTIONS.parse(List.of()).endpoint("--endpoint")).isEqualTo(Optional.empty());
        assertThatThrownBy(() -> OPTIONS.parse(List.of("--endpoint", "ftp://127.0.0.1:4566")).endpoint("--endpoint"))
                .isInstanceOf(UsageException.class).hasMessageContaining("must be an http(s) URL");
        assertThatThrownBy(() -> OPTIONS.parse(List.of("--endpoint", "localhost:4566")).endpoint("--endpoint"))
                .isInstanceOf(UsageException.class).hasMessageContaining("must be an http(s) URL");
        assertThatThrownBy(() -> OPTIONS.parse(List.of("--endpoint", "127.0.0.1:4566")).endpoint("--endpoint"))
                .isInstanceOf(UsageException.class).hasMessageContaining("is not a URL");
    }

    @Test
    void helpListsEveryOptionWithItsDefault() {
        assertThat(OPTIONS.help())
                .contains("--port PORT", "(default 3000)", "--force", "a flag")
                .doesNotContain("(default null)");
    }
}
