package io.warmgate.agent.jaxrs;

import io.warmgate.bridge.CapturedRequest;
import io.warmgate.bridge.Denial;
import io.warmgate.bridge.GateBridge;
import io.warmgate.bridge.HealthRequest;
import net.bytebuddy.asm.Advice;

import javax.ws.rs.WebApplicationException;
import javax.ws.rs.core.Response;

/**
 * Inlined into {@code javax.ws.rs} health resource methods. When a non-servlet container captured the request
 * ({@link CapturedRequest}) and the gate denies its peer, the resource method does not run and the request
 * ends in a {@link WebApplicationException} carrying the 503: that works whatever the method returns
 * ({@code Response}, {@code String}, an entity, {@code void}). JAX-RS answers a {@code WebApplicationException}
 * whose response has an entity with that response as it is, without consulting the application's exception
 * mappers, so the application cannot turn a denial into something else by accident. An allowed peer, or a
 * request that was not captured (servlet containers, where the servlet advice already decided), runs the method
 * untouched.
 *
 * <p>The denial is built before the method is skipped: if building it fails, the method simply runs, as it
 * would without the agent. {@link JakartaResourceAdvice} is the same code against the other namespace.
 */
public final class JavaxResourceAdvice {

    private JavaxResourceAdvice() {
    }

    /** @return the exception that answers a denied peer, or null to run the resource method */
    @Advice.OnMethodEnter(skipOn = Advice.OnNonDefaultValue.class, suppress = Throwable.class)
    public static WebApplicationException denyBeforeResource(
            @Advice.Origin("jax-rs (javax) #t\\##m") String resource) {
        try {
            HealthRequest request = CapturedRequest.take();
            if (request == null) {
                return null;
            }
            Denial denial = CapturedRequest.decide(request, resource);
            if (denial == null) {
                return null;
            }
            return new WebApplicationException(Response.status(Denial.STATUS)
                    .header(GateBridge.RESPONSE_HEADER, denial.headerValue())
                    .header("Cache-Control", "no-store")
                    .type("text/plain;charset=UTF-8")
                    .entity(denial.body())
                    .build());
        } catch (Throwable failure) {
            GateBridge.failed("jax-rs advice", failure);
            return null;
        }
    }

    /** Ends a skipped (denied) call with the denial; leaves every other call as it was. */
    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    public static void answerDenial(@Advice.Enter WebApplicationException denial,
                                    @Advice.Thrown(readOnly = false) Throwable thrown) {
        if (denial != null) {
            thrown = denial;
        }
    }
}
