package io.warmgate.core.warmup;

/**
 * The warm-up configuration cannot be used (an unreadable request file, a bad line in it, an unsafe method that
 * was not allowed). The message is one line that names the key, and the line of the file where there is one.
 */
public final class WarmupPlanException extends Exception {

    private static final long serialVersionUID = 1L;

    WarmupPlanException(String message) {
        super(message);
    }
}
