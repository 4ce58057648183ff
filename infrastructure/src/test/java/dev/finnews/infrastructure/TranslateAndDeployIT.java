package dev.finnews.infrastructure;

import dev.finnews.testing.MotoServer;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SAM template translated offline by aws-sam-translator and created in moto's CloudFormation:
 * infrastructure/scripts/translate_and_deploy.py does both and checks each result (see its docstring
 * for what moto cannot show and is therefore checked on the translated template).
 */
class TranslateAndDeployIT {
    @Test
    void translatedTemplateHoldsAndTheStackCreatesInMoto() {
        Command run = Command.run(Repo.root(), Map.of(
                        "AWS_DEFAULT_REGION", "us-east-1", "AWS_ACCESS_KEY_ID", "test", "AWS_SECRET_ACCESS_KEY", "test"),
                List.of("python3", "infrastructure/scripts/translate_and_deploy.py",
                        "--endpoint", MotoServer.get().endpoint().toString(),
                        "--out", Repo.workDir("translated").toString()));
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.output()).contains("ok    moto: stack CREATE_COMPLETE").containsPattern("\\d+ checks passed, 0 failed");
    }
}
