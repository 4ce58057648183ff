package dev.finnews.local.up;

/** Why the local runner could not start, in words for the user (moto missing, a port in use…). */
final class StartFailure extends Exception {
    private static final long serialVersionUID = 1L;

    StartFailure(String message) {
        super(message);
    }
}
