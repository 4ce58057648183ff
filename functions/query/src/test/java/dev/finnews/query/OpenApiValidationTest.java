package dev.finnews.query;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code infrastructure/openapi.yaml} is a valid OpenAPI document, by openapi-spec-validator. Skipped
 * where python3 lacks the module, except in CI ({@code CI=true}), which has it.
 */
class OpenApiValidationTest {
    private static final String VALIDATE = String.join("\n",
            "import sys, yaml",
            "from openapi_spec_validator import validate",
            "with open(sys.argv[1], encoding='utf-8') as f:",
            "    validate(yaml.safe_load(f))");

    @Test
    void theSpecIsValidOpenApi() throws Exception {
        requireValidator();
        Result result = python("-c", VALIDATE, OpenApiContractTest.SPEC.toAbsolutePath().toString());
        assertThat(result.exitCode()).as(result.output()).isZero();
    }

    private static void requireValidator() throws InterruptedException {
        String problem;
        try {
            Result probe = python("-c", "import openapi_spec_validator, yaml");
            if (probe.exitCode() == 0) {
                return;
            }
            problem = "python3 lacks openapi_spec_validator: " + probe.output();
        } catch (IOException e) {
            problem = "python3 is not available: " + e.getMessage();
        }
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new AssertionError(problem);
        }
        Assumptions.abort(problem);
    }

    private record Result(int exitCode, String output) {
    }

    private static Result python(String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("python3"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("python3 did not finish: " + output);
        }
        return new Result(p.exitValue(), output);
    }
}
