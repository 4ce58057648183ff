package dev.finnews.local;

/** Entry point of the {@code finnews} command-line tool. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.err.println("finnews: no command yet");
        System.exit(2);
    }
}
