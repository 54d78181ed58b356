package io.warmgate.it.grpc;

import io.grpc.Status;
import java.util.Optional;

/**
 * What one gRPC call got back: its status code and description, the message's text (a health check's serving
 * status, or the business method's answer) when the call succeeded, and the agent's {@code x-warmgate} trailer,
 * which only a denial carries.
 */
record GrpcAnswer(Status.Code code, String description, String message, String warmgateTrailer) {

    static GrpcAnswer ok(String message) {
        return new GrpcAnswer(Status.Code.OK, null, message, null);
    }

    boolean isOk() {
        return code == Status.Code.OK;
    }

    Optional<String> trailer() {
        return Optional.ofNullable(warmgateTrailer);
    }

    @Override
    public String toString() {
        return isOk() ? "OK " + message : code + " (" + description + ")" + trailer().map(t -> " x-warmgate: " + t)
                .orElse("");
    }
}
