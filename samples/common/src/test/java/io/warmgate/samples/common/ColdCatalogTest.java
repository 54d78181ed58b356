package io.warmgate.samples.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class ColdCatalogTest {

    @Test
    void sameIdGivesSameItemAcrossCatalogs() {
        CatalogItem fromFirst = new ColdCatalog().item(42);
        CatalogItem fromSecond = new ColdCatalog().item(42);

        assertThat(fromFirst).isEqualTo(fromSecond);
        assertThat(fromFirst.id()).isEqualTo(42);
        assertThat(fromFirst.name()).endsWith("-42");
        assertThat(fromFirst.fingerprint()).matches("[0-9a-f]{16}");
        assertThat(fromFirst.priceCents()).isBetween(100L, 99_999L);
    }

    @Test
    void differentIdsGiveDifferentItems() {
        ColdCatalog catalog = new ColdCatalog();

        assertThat(catalog.item(1).fingerprint()).isNotEqualTo(catalog.item(2).fingerprint());
    }

    @Test
    void repeatedLookupIsServedFromTheCache() {
        ColdCatalog catalog = new ColdCatalog();

        CatalogItem first = catalog.item(7);
        CatalogItem second = catalog.item(7);

        assertThat(second).isSameAs(first);
        assertThat(catalog.itemComputations()).isEqualTo(1);
        assertThat(catalog.cachedItemCount()).isEqualTo(1);
    }

    @Test
    void cacheIsBoundedByTheIdRange() {
        ColdCatalog catalog = new ColdCatalog();

        assertThatIllegalArgumentException().isThrownBy(() -> catalog.item(ColdCatalog.MIN_ID - 1));
        assertThatIllegalArgumentException().isThrownBy(() -> catalog.item(ColdCatalog.MAX_ID + 1));
        assertThat(catalog.cachedItemCount()).isZero();
    }

    @Test
    void coldLookupIsMuchSlowerThanWarmLookup() {
        ColdCatalog catalog = new ColdCatalog();

        long coldNanos = timeLookup(catalog, 5);
        long[] warmNanos = new long[201];
        for (int i = 0; i < warmNanos.length; i++) {
            warmNanos[i] = timeLookup(catalog, 5);
        }
        Arrays.sort(warmNanos);
        long warmMedianNanos = Math.max(1, warmNanos[warmNanos.length / 2]);

        // The cold lookup builds the index and digests the item; the warm one is a map read. Compared as a
        // ratio within this run, so a slow or busy machine does not make the test flaky.
        assertThat(coldNanos / warmMedianNanos)
                .as("cold %d ns vs warm median %d ns", coldNanos, warmMedianNanos)
                .isGreaterThanOrEqualTo(50);
    }

    @Test
    void aNewIdStaysSlowerThanACachedIdOnceTheIndexExists() {
        ColdCatalog catalog = new ColdCatalog();
        catalog.item(1); // builds the index, so the comparison below is only about the per-item cache

        long fastestMissNanos = Long.MAX_VALUE;
        for (int id = 2; id <= 6; id++) {
            fastestMissNanos = Math.min(fastestMissNanos, timeLookup(catalog, id));
        }
        long[] hitNanos = new long[201];
        for (int i = 0; i < hitNanos.length; i++) {
            hitNanos[i] = timeLookup(catalog, 2 + i % 5);
        }
        Arrays.sort(hitNanos);
        long hitMedianNanos = Math.max(1, hitNanos[hitNanos.length / 2]);

        assertThat(fastestMissNanos)
                .as("fastest miss %d ns vs median hit %d ns", fastestMissNanos, hitMedianNanos)
                .isGreaterThan(10 * hitMedianNanos);
    }

    @Test
    void concurrentFirstUseBuildsTheIndexOnceAndAgreesOnEveryItem() throws Exception {
        ColdCatalog catalog = new ColdCatalog();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<CatalogItem>> lookups = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                lookups.add(() -> catalog.item(99));
            }
            List<CatalogItem> results = new ArrayList<>();
            for (Future<CatalogItem> result : pool.invokeAll(lookups)) {
                results.add(result.get());
            }

            assertThat(results).allSatisfy(item -> assertThat(item).isEqualTo(results.get(0)));
            assertThat(catalog.indexBuilds()).isEqualTo(1);
            assertThat(catalog.cachedItemCount()).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void parsesTheIdParameter() {
        assertThat(ColdCatalog.parseItemId(null)).isEqualTo(ColdCatalog.DEFAULT_ID);
        assertThat(ColdCatalog.parseItemId(" ")).isEqualTo(ColdCatalog.DEFAULT_ID);
        assertThat(ColdCatalog.parseItemId(" 17 ")).isEqualTo(17);
        assertThat(ColdCatalog.parseItemId("1000")).isEqualTo(1000);
        assertThatIllegalArgumentException().isThrownBy(() -> ColdCatalog.parseItemId("0"))
                .withMessage("id must be an integer from 1 to 1000");
        assertThatIllegalArgumentException().isThrownBy(() -> ColdCatalog.parseItemId("abc"));
        assertThatIllegalArgumentException().isThrownBy(() -> ColdCatalog.parseItemId("1001"));
    }

    @Test
    void rendersItemAsJson() {
        CatalogItem item = new CatalogItem(3, "kalo-3", "tools", 1205, "00ff");

        assertThat(item.toJson()).isEqualTo(
                "{\"id\":3,\"name\":\"kalo-3\",\"category\":\"tools\",\"price\":12.05,\"fingerprint\":\"00ff\"}");
    }

    private static long timeLookup(ColdCatalog catalog, int id) {
        long start = System.nanoTime();
        catalog.item(id);
        return System.nanoTime() - start;
    }

    @Test
    void costFactorMakesTheFirstRequestDoMoreWorkButNotADifferentItem() {
        assertThat(new ColdCatalog(3).item(42)).isEqualTo(new ColdCatalog().item(42));
        assertThat(ColdCatalog.costFactor(null)).isEqualTo(1);
        assertThat(ColdCatalog.costFactor(" 4 ")).isEqualTo(4);
        assertThatIllegalArgumentException().isThrownBy(() -> ColdCatalog.costFactor("0"))
                .withMessageContaining(ColdCatalog.COST_FACTOR_PROPERTY);
        assertThatIllegalArgumentException().isThrownBy(() -> ColdCatalog.costFactor("fast"));
        assertThatIllegalArgumentException().isThrownBy(() -> new ColdCatalog(101));
    }
}
