package dev.finnews.local;

import dev.finnews.local.backfill.BackfillCommand;
import dev.finnews.local.cli.Cli;
import dev.finnews.local.cli.Command;
import dev.finnews.local.cli.Terminal;
import dev.finnews.local.generate.GenerateCommand;
import dev.finnews.local.invoke.InvokeCommand;
import dev.finnews.local.parse.ParseCommand;
import dev.finnews.local.redrive.RedriveCommand;
import dev.finnews.local.up.UpCommand;

import java.util.List;

/** Entry point of the {@code finnews} command-line tool. Every command is registered here, and only here. */
public final class Main {
    static final List<Command> COMMANDS = List.of(
            new ParseCommand(),
            new UpCommand(),
            new InvokeCommand(),
            new BackfillCommand(),
            new RedriveCommand(),
            new GenerateCommand());

    private Main() {
    }

    public static void main(String[] args) {
        Terminal terminal = Terminal.system();
        int status = new Cli("finnews", COMMANDS).run(args, terminal);
        terminal.out().flush();
        terminal.err().flush();
        System.exit(status);
    }
}
