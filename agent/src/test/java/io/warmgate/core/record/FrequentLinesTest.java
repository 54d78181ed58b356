package io.warmgate.core.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class FrequentLinesTest {

    private static List<String> lines(List<FrequentLines.Counted> top) {
        List<String> lines = new ArrayList<>();
        top.forEach(counted -> lines.add(counted.line));
        return lines;
    }

    /** Line i is added 1000 - 10 i times: a skewed, steady workload. */
    private static void addSteadyTraffic(FrequentLines table, int distinct) {
        for (int i = 0; i < distinct; i++) {
            for (int n = 0; n < 1000 - 10 * i; n++) {
                table.add("GET /item?id=" + i);
            }
        }
    }

    @Test
    void givesTheMostFrequentLinesMostFrequentFirst() {
        FrequentLines table = new FrequentLines(20, false);
        addSteadyTraffic(table, 20);
        List<FrequentLines.Counted> top = table.top(5);
        assertThat(lines(top)).containsExactly("GET /item?id=0", "GET /item?id=1", "GET /item?id=2",
                "GET /item?id=3", "GET /item?id=4");
        assertThat(top.get(0).count).isEqualTo(1000);
    }

    @Test
    void aFloodOfUniqueLinesNeitherGrowsTheTableNorPushesOutTheFrequentOnes() {
        FrequentLines table = new FrequentLines(50);
        Random random = new Random(42);
        // Half of the traffic is 50 endpoints (line i weighted 100 - i), half a line never seen before.
        int[] weights = new int[50];
        int weightSum = 0;
        for (int i = 0; i < 50; i++) {
            weights[i] = 100 - i;
            weightSum += weights[i];
        }
        for (int n = 0; n < 1_000_000; n++) {
            if (random.nextBoolean()) {
                table.add("GET /search?q=" + n);
                continue;
            }
            int pick = random.nextInt(weightSum);
            int i = 0;
            while (pick >= weights[i]) {
                pick -= weights[i++];
            }
            table.add("GET /item?id=" + i);
        }
        assertThat(table.distinct()).isLessThanOrEqualTo(128);
        List<String> top = lines(table.top(40));
        assertThat(top).as("the 40 most frequent lines are endpoints, not flood").hasSize(40)
                .allMatch(line -> line.startsWith("GET /item?id="));
        assertThat(top.subList(0, 5)).as("the heaviest endpoints lead").allMatch(line -> Integer.parseInt(
                line.substring("GET /item?id=".length())) < 15);
    }

    @Test
    void agingHalvesEveryCount() {
        FrequentLines table = new FrequentLines(20, false);
        for (int n = 0; n < 100; n++) {
            table.add("GET /a");
        }
        long before = table.total();
        table.age();
        assertThat(table.top(1).get(0).count).isBetween(49L, 50L);
        assertThat(table.total()).isBetween(before / 2 - 1, before / 2);
    }

    @Test
    void countsCorrectlyFromManyThreads() throws Exception {
        FrequentLines table = new FrequentLines(20, false);
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch done = new CountDownLatch(threads);
        for (int t = 0; t < threads; t++) {
            pool.execute(() -> {
                addSteadyTraffic(table, 20);
                done.countDown();
            });
        }
        assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
        pool.shutdown();
        List<FrequentLines.Counted> top = table.top(3);
        assertThat(lines(top)).containsExactly("GET /item?id=0", "GET /item?id=1", "GET /item?id=2");
        // Racing first inserts may lose an increment each; nothing more.
        assertThat(top.get(0).count).isBetween(8000L - threads, 8000L + threads);
    }
}
