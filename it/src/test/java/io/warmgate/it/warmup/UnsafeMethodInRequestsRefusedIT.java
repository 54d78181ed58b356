package io.warmgate.it.warmup;

import static io.warmgate.it.warmup.WarmupSamples.KIND;

/** {@code warmup.requests} with a POST, and no {@code warmup.unsafe-methods}. */
class UnsafeMethodInRequestsRefusedIT extends UnsafeMethodRefusalBehaviour {

    private static final String POST = "POST " + KIND.path("/api/items?id=1");

    @Override
    String name() {
        return "tomcat-warmup-unsafe-refused";
    }

    @Override
    String agentArgs() {
        return "warmup.requests=GET " + KIND.path("/api/items?id=2") + ";" + POST;
    }

    @Override
    String expectedError() {
        return "config: warmup.requests=GET " + KIND.path("/api/items?id=2") + ";" + POST + " (from agent argument) "
                + "is not valid; expected requests such as GET /api/items, separated by ';' (the method is optional "
                + "and defaults to GET) ('" + POST + "' uses POST;";
    }
}
