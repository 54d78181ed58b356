package io.warmgate.bench.rollout;

import java.util.Locale;

/** Failed requests by {@link ErrorKind}. Immutable; {@link #plus} adds two counts. */
public record ErrorCounts(long lb503, long other5xx, long noAnswer, long otherStatus) {

    public static final ErrorCounts NONE = new ErrorCounts(0, 0, 0, 0);

    public long total() {
        return lb503 + other5xx + noAnswer + otherStatus;
    }

    public long of(ErrorKind kind) {
        return switch (kind) {
            case LB_503 -> lb503;
            case OTHER_5XX -> other5xx;
            case NO_ANSWER -> noAnswer;
            case OTHER_STATUS -> otherStatus;
        };
    }

    public ErrorCounts plus(ErrorCounts other) {
        return new ErrorCounts(lb503 + other.lb503, other5xx + other.other5xx, noAnswer + other.noAnswer,
                otherStatus + other.otherStatus);
    }

    /** One more error of {@code kind}. */
    public ErrorCounts plus(ErrorKind kind) {
        return plus(new ErrorCounts(kind == ErrorKind.LB_503 ? 1 : 0, kind == ErrorKind.OTHER_5XX ? 1 : 0,
                kind == ErrorKind.NO_ANSWER ? 1 : 0, kind == ErrorKind.OTHER_STATUS ? 1 : 0));
    }

    /** E.g. {@code 12 (503 from HAProxy 10, other 5xx 0, connection errors 2)}, or {@code 0}. */
    public String describe() {
        if (total() == 0) {
            return "0";
        }
        String text = String.format(Locale.ROOT, "%d (503 from HAProxy %d, other 5xx %d, connection errors %d",
                total(), lb503, other5xx, noAnswer);
        return text + (otherStatus > 0 ? ", other status " + otherStatus + ")" : ")");
    }
}
