package dev.finnews.infrastructure;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** cfn-lint (with the SAM translator) finds nothing: no error, and no warning left unsuppressed. */
class CfnLintIT {
    @Test
    void templateLintsClean() {
        Command lint = Command.run(Repo.root(), Map.of(), List.of("cfn-lint", "--format", "parseable", "template.yaml"));
        // cfn-lint's exit status is a bit set: 2 errors, 4 warnings, 8 informational; 0 means nothing at all.
        assertThat(lint.exitCode()).as(lint.toString()).isZero();
        assertThat(lint.output()).as(lint.toString()).isBlank();
    }
}
