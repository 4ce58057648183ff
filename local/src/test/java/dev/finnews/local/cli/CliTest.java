package dev.finnews.local.cli;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CliTest {
    private final CapturedTerminal captured = new CapturedTerminal();
    private final Terminal terminal = captured.terminal();

    /** Echoes its operands; fails on "boom". */
    private static final Command ECHO = new Command() {
        @Override
        public String name() {
            return "echo";
        }

        @Override
        public String summary() {
            return "Echo the operands";
        }

        @Override
        public Options options() {
            return Options.of(Option.flag("--loud", "shout"));
        }

        @Override
        public String operands() {
            return "WORD...";
        }

        @Override
        public int run(Arguments args, Terminal t) throws UsageException {
            if (args.operands().isEmpty()) {
                throw new UsageException("nothing to echo");
            }
            if (args.operands().contains("boom")) {
                throw new IllegalStateException("it went boom", new RuntimeException("the real reason"));
            }
            t.out().println(String.join(" ", args.operands()));
            return ExitCode.OK;
        }
    };

    private final Cli cli = new Cli("finnews", List.of(ECHO));

    @Test
    void runsTheNamedCommand() {
        assertThat(cli.run(new String[] {"echo", "--loud", "hello", "世界"}, terminal)).isEqualTo(ExitCode.OK);
        assertThat(out()).isEqualTo("hello 世界\n");
    }

    @Test
    void noCommandOrAnUnknownOneIsBadUsage() {
        assertThat(cli.run(new String[0], terminal)).isEqualTo(ExitCode.USAGE);
        assertThat(cli.run(new String[] {"ehco"}, terminal)).isEqualTo(ExitCode.USAGE);
        assertThat(err()).contains("no command given", "unknown command 'ehco'; one of: echo");
    }

    @Test
    void aUsageErrorIsOneLineOnStandardErrorAndStatusTwo() {
        assertThat(cli.run(new String[] {"echo"}, terminal)).isEqualTo(ExitCode.USAGE);
        assertThat(cli.run(new String[] {"echo", "--quiet", "x"}, terminal)).isEqualTo(ExitCode.USAGE);
        assertThat(err().lines()).containsExactly(
                "finnews echo: nothing to echo (see finnews echo --help)",
                "finnews echo: unknown option --quiet (see finnews echo --help)");
        assertThat(out()).isEmpty();
    }

    @Test
    void aCommandWithoutOperandsRefusesThem() {
        Cli quiet = new Cli("finnews", List.of(new Command() {
            @Override
            public String name() {
                return "quiet";
            }

            @Override
            public String summary() {
                return "Takes no operands";
            }

            @Override
            public Options options() {
                return Options.of();
            }

            @Override
            public int run(Arguments args, Terminal t) {
                return ExitCode.OK;
            }
        }));

        assertThat(quiet.run(new String[] {"quiet", "extra"}, terminal)).isEqualTo(ExitCode.USAGE);
        assertThat(err()).isEqualTo("finnews quiet: unexpected argument 'extra' (see finnews quiet --help)\n");
    }

    @Test
    void aFailureIsStatusOneWithItsCause() {
        assertThat(cli.run(new String[] {"echo", "boom"}, terminal)).isEqualTo(ExitCode.FAILED);
        assertThat(err()).isEqualTo("finnews echo: it went boom: the real reason\n");
    }

    @Test
    void helpGoesToStandardOutput() {
        assertThat(cli.run(new String[] {"--help"}, terminal)).isEqualTo(ExitCode.OK);
        assertThat(cli.run(new String[] {"echo", "--help"}, terminal)).isEqualTo(ExitCode.OK);
        assertThat(out()).contains("echo       Echo the operands", "usage: finnews echo [options]", "--loud");
        assertThat(err()).isEmpty();
    }

    private String out() {
        return captured.out();
    }

    private String err() {
        return captured.err();
    }
}
