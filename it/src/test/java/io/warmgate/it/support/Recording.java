package io.warmgate.it.support;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

/** Everything a {@link RampProbe} saw, in order of sending. Immutable. */
public final class Recording {

    private final List<Observation> observations;

    Recording(List<Observation> observations) {
        List<Observation> sorted = new ArrayList<>(observations);
        // Failed requests have no timestamps; they sort last and are reported by failures().
        sorted.sort(Comparator.comparing((Observation o) -> !o.answered())
                .thenComparingLong(o -> o.answered() ? o.sentNanos() : 0));
        this.observations = List.copyOf(sorted);
    }

    public List<Observation> all() {
        return observations;
    }

    public List<Observation> failures() {
        return filter(o -> !o.answered());
    }

    /** Answered requests to {@code path} (exact request target), all peers. */
    public List<Observation> answers(String path) {
        return filter(o -> o.answered() && o.path().equals(path));
    }

    /** Answered requests from {@code peer} to {@code path}, in order of sending. */
    public List<Observation> answers(String peer, String path) {
        return filter(o -> o.answered() && o.peer().equals(peer) && o.path().equals(path));
    }

    /** A recording with these extra observations (e.g. a request made before the probe started). */
    public Recording plus(List<Observation> more) {
        List<Observation> combined = new ArrayList<>(observations);
        combined.addAll(more);
        return new Recording(combined);
    }

    private List<Observation> filter(Predicate<Observation> condition) {
        return observations.stream().filter(condition).toList();
    }
}
