package dev.finnews.infrastructure;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Nothing in the repository identifies an AWS account or grants access to one: no account ids, no
 * access keys, no secret keys, no private keys. Placeholder accounts used by AWS's documentation and
 * moto (123456789012) and LocalStack (000000000000) are allowed.
 */
class RepositorySecretsIT {
    private static final Set<String> PLACEHOLDER_ACCOUNTS = Set.of("123456789012", "000000000000");
    private static final Pattern ACCOUNT_IN_ARN = Pattern.compile("arn:aws[a-z-]*:[a-z0-9-]*:[a-z0-9-]*:(\\d{12}):");
    private static final Pattern ACCOUNT_FIELD = Pattern.compile(
            "(?i)\"?(?:account[_-]?id|sourceaccount|aws_account)\"?\\s*[:=]\\s*\"?(\\d{12})\\b");
    private static final Map<String, Pattern> CREDENTIALS = Map.of(
            "AWS access key id", Pattern.compile("\\b(?:AKIA|ASIA|AGPA|AIDA|AROA|ANPA|ANVA|AIPA)[A-Z0-9]{16}\\b"),
            "AWS secret access key", Pattern.compile("(?i)aws_?secret_?access_?key\\s*[=:]\\s*[\"']?[A-Za-z0-9/+]{40}\\b"),
            "private key", Pattern.compile("-----BEGIN [A-Z ]*PRIVATE KEY-----"));
    private static final long MAX_SCANNED_BYTES = 5L * 1024 * 1024;

    @Test
    void noAccountIdsOrCredentialsInTheRepository() throws IOException {
        List<Path> files = repositoryFiles();
        assertThat(files).as("files scanned").hasSizeGreaterThan(20);
        List<String> findings = new ArrayList<>();
        for (Path file : files) {
            String text = readText(file);
            if (text == null) {
                continue;
            }
            String where = Repo.root().relativize(file).toString();
            for (Pattern accounts : List.of(ACCOUNT_IN_ARN, ACCOUNT_FIELD)) {
                Matcher m = accounts.matcher(text);
                while (m.find()) {
                    if (!PLACEHOLDER_ACCOUNTS.contains(m.group(1))) {
                        findings.add(where + ": account id " + m.group(1));
                    }
                }
            }
            CREDENTIALS.forEach((what, pattern) -> {
                if (pattern.matcher(text).find()) {
                    findings.add(where + ": " + what);
                }
            });
        }
        assertThat(findings).isEmpty();
    }

    @Test
    void theScannerSeesWhatItLooksFor() {
        String account = "2109876" + "54321"; // split, so this file does not hold what it looks for
        assertThat(ACCOUNT_IN_ARN.matcher("arn:aws:sqs:us-east-1:" + account + ":q").find()).isTrue();
        assertThat(ACCOUNT_FIELD.matcher("\"accountId\": \"" + account + "\"").find()).isTrue();
        assertThat(CREDENTIALS.get("AWS access key id").matcher("key=AKIA" + "ABCDEFGHIJKLMNOP").find()).isTrue();
        assertThat(CREDENTIALS.get("private key").matcher("-----BEGIN RSA " + "PRIVATE KEY-----").find()).isTrue();
    }

    /** Tracked and not-ignored files per git; every file outside build output when git is unavailable. */
    private static List<Path> repositoryFiles() throws IOException {
        Path root = Repo.root();
        Command git = Command.run(root, Map.of(), List.of("git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"));
        if (git.exitCode() == 0) {
            return Stream.of(git.output().split("\0")).filter(s -> !s.isBlank()).map(root::resolve)
                    .filter(Files::isRegularFile).toList();
        }
        try (Stream<Path> walk = Files.walk(root)) {
            Set<String> skipped = Set.of(".git", "target", ".finnews", "node_modules");
            return walk.filter(Files::isRegularFile)
                    .filter(p -> Stream.of(root.relativize(p).toString().split("[/\\\\]")).noneMatch(skipped::contains))
                    .toList();
        }
    }

    /** The file as text, or null for binaries and very large files (generated data, not configuration). */
    private static String readText(Path file) throws IOException {
        if (Files.size(file) > MAX_SCANNED_BYTES) {
            return null;
        }
        byte[] bytes = Files.readAllBytes(file);
        for (byte b : bytes) {
            if (b == 0) {
                return null;
            }
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
