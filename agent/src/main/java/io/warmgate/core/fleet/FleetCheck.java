package io.warmgate.core.fleet;

import io.warmgate.core.AgentThreads;

import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Asks every sibling instance, at once, whether it is healthy and open. When none is (a whole-fleet restart: a
 * first deploy, a Recreate strategy, every instance crashed together), every instance would hold back the same
 * load-balancer nodes, and those nodes would have no server at all; the caller then opens its gate at once.
 *
 * <p>Blocking and bounded: every sibling is asked on its own daemon thread, and the whole check returns after
 * about twice the timeout at most (connect, then read), so a sibling that hangs only costs the time out.
 */
public final class FleetCheck {

    /** More siblings than this are not asked: a check is a start-up courtesy, not a scan. */
    public static final int MAX_SIBLINGS = 64;
    private static final long GRACE_MILLIS = 250;

    private final List<FleetTarget> peers;
    private final String dnsName;
    private final int dnsPort;
    private final int timeoutMillis;
    private final SiblingProber prober;
    private final AddressResolver resolver;

    /**
     * @param peers   {@code fleet.peers}; may be empty
     * @param dnsName {@code fleet.dns}'s name, or null
     * @param dnsPort {@code fleet.dns}'s port (ignored without a name)
     */
    public FleetCheck(List<FleetTarget> peers, String dnsName, int dnsPort, int timeoutMillis, SiblingProber prober,
            AddressResolver resolver) {
        this.peers = peers == null ? Collections.<FleetTarget>emptyList() : new ArrayList<FleetTarget>(peers);
        this.dnsName = dnsName;
        this.dnsPort = dnsPort;
        this.timeoutMillis = timeoutMillis;
        this.prober = prober;
        this.resolver = resolver;
    }

    /** What the check found. */
    public static final class Verdict {
        private final boolean anyOpen;
        private final boolean anyServing;
        private final int asked;
        private final String details;

        Verdict(boolean anyOpen, boolean anyServing, int asked, String details) {
            this.anyOpen = anyOpen;
            this.anyServing = anyServing;
            this.asked = asked;
            this.details = details;
        }

        /** True when at least one sibling answered healthy and open (and warm: not opened cold moments ago). */
        public boolean anyOpen() {
            return anyOpen;
        }

        /** True when at least one sibling serves every node, warm or cold ({@link SiblingAnswer#servesEveryNode}). */
        public boolean anyServing() {
            return anyServing;
        }

        /** How many siblings were asked. */
        public int asked() {
            return asked;
        }

        /** One entry per sibling: {@code 10.0.0.5:8080 503 phase=ramping; ...}. */
        public String details() {
            return details;
        }
    }

    /** Asks every sibling; {@code healthPath} is asked of those configured without a path of their own. */
    public Verdict run(String healthPath) {
        List<FleetTarget> targets = new ArrayList<FleetTarget>(peers);
        StringBuilder details = new StringBuilder();
        if (dnsName != null) {
            try {
                for (String address : resolver.resolve(dnsName)) {
                    targets.add(new FleetTarget(address, dnsPort, null));
                }
            } catch (UnknownHostException unknown) {
                details.append(dnsName).append(" did not resolve; ");
            } catch (RuntimeException failure) {
                details.append(dnsName).append(" could not be resolved (").append(failure).append("); ");
            }
        }
        if (targets.size() > MAX_SIBLINGS) {
            details.append("only the first ").append(MAX_SIBLINGS).append(" of ").append(targets.size())
                    .append(" siblings asked; ");
            targets = targets.subList(0, MAX_SIBLINGS);
        }
        SiblingAnswer[] answers = askAll(targets, healthPath);
        boolean anyOpen = false;
        boolean anyServing = false;
        for (int i = 0; i < targets.size(); i++) {
            SiblingAnswer answer = answers[i];
            anyOpen |= answer != null && answer.isOpen();
            anyServing |= answer != null && answer.servesEveryNode();
            details.append(i == 0 ? "" : ", ").append(targets.get(i)).append(' ')
                    .append(answer == null ? "no answer in time" : answer.summary());
        }
        if (targets.isEmpty()) {
            details.append("no sibling to ask");
        }
        return new Verdict(anyOpen, anyServing, targets.size(), details.toString());
    }

    private SiblingAnswer[] askAll(final List<FleetTarget> targets, final String healthPath) {
        final SiblingAnswer[] answers = new SiblingAnswer[targets.size()];
        final CountDownLatch done = new CountDownLatch(targets.size());
        for (int i = 0; i < targets.size(); i++) {
            final int index = i;
            final FleetTarget target = targets.get(i);
            Runnable ask = new Runnable() {
                @Override
                public void run() {
                    try {
                        String path = target.path() != null ? target.path() : healthPath;
                        SiblingAnswer answer = prober.probe(target.host(), target.port(), path, timeoutMillis);
                        synchronized (answers) {
                            answers[index] = answer;
                        }
                    } catch (Throwable failure) {
                        synchronized (answers) {
                            answers[index] = SiblingAnswer.notOpen("check failed (" + failure + ")");
                        }
                    } finally {
                        done.countDown();
                    }
                }
            };
            try {
                AgentThreads.startDaemon(ask, "warmgate-fleet-" + index);
            } catch (Throwable noThread) {
                synchronized (answers) {
                    answers[index] = SiblingAnswer.notOpen("no thread to ask it (" + noThread + ")");
                }
                done.countDown();
            }
        }
        try {
            done.await(2L * timeoutMillis + GRACE_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        synchronized (answers) {
            return answers.clone();
        }
    }
}
