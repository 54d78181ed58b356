package io.warmgate.samples.common;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Business logic that is measurably slower on a cold instance, so the samples show what a gradual ramp protects.
 *
 * <p>Two kinds of cold cost, both real CPU work (never sleeps, which would not stress a cold JVM the way real
 * code does):
 * <ul>
 *   <li>the catalog index (names and categories of all items) is built lazily on first use, tens of
 *       milliseconds;</li>
 *   <li>each item's details are computed on the first request for that id (a few milliseconds of iterated
 *       SHA-256) and then cached. Ids are bounded, so the cache is too.</li>
 * </ul>
 * A warm lookup is a map read, far below a millisecond. All methods are thread-safe.
 *
 * <p>The system property {@value #COST_FACTOR_PROPERTY} (a whole number, default 1) multiplies the work of each
 * item's first request, for benchmarks that need a service whose cold instance cannot carry a full share of
 * traffic. The items themselves are the same whatever the factor.
 */
public final class ColdCatalog {

    public static final int MIN_ID = 1;
    public static final int MAX_ID = 1000;
    public static final int DEFAULT_ID = 1;

    /** Multiplies the cost of each item's first request; see the class comment. */
    public static final String COST_FACTOR_PROPERTY = "sample.catalog.cost-factor";
    static final int MAX_COST_FACTOR = 100;

    /** Digest rounds per item while building the index; sized so the whole index costs tens of ms. */
    private static final int INDEX_ROUNDS_PER_ITEM = 160;
    /** Digest rounds per item detail; sized so one cache miss costs a few ms. */
    private static final int DETAIL_ROUNDS = 24_000;

    private static final String[] CATEGORIES = {
        "garden", "kitchen", "tools", "books", "toys", "sports", "office", "music"
    };
    private static final String[] SYLLABLES = {
        "ka", "lo", "ri", "ven", "to", "mi", "sa", "dor", "el", "qu", "an", "zi", "pe", "ru", "no", "ha"
    };

    private final ConcurrentMap<Integer, CatalogItem> itemsById = new ConcurrentHashMap<>();
    private final Object indexLock = new Object();
    private volatile CatalogIndex index;
    private final LongAdder indexBuilds = new LongAdder();
    private final LongAdder itemComputations = new LongAdder();
    private final int costFactor;
    /** Folds in the extra work's result, so the JIT cannot drop that work as unused. */
    private final LongAdder extraWorkSink = new LongAdder();

    /** A catalog whose cost factor comes from {@value #COST_FACTOR_PROPERTY} (default 1). */
    public ColdCatalog() {
        this(costFactor(System.getProperty(COST_FACTOR_PROPERTY)));
    }

    /** @param costFactor how many times the normal work each item's first request does, 1 to 100 */
    public ColdCatalog(int costFactor) {
        if (costFactor < 1 || costFactor > MAX_COST_FACTOR) {
            throw new IllegalArgumentException(costFactorMessage(Integer.toString(costFactor)));
        }
        this.costFactor = costFactor;
    }

    /**
     * Parses {@value #COST_FACTOR_PROPERTY}; null or blank means 1.
     *
     * @throws IllegalArgumentException if it is not a whole number from 1 to 100
     */
    static int costFactor(String raw) {
        if (raw == null || raw.isBlank()) {
            return 1;
        }
        try {
            int factor = Integer.parseInt(raw.trim());
            if (factor >= 1 && factor <= MAX_COST_FACTOR) {
                return factor;
            }
        } catch (NumberFormatException e) {
            // reported below with the accepted form
        }
        throw new IllegalArgumentException(costFactorMessage(raw));
    }

    private static String costFactorMessage(String raw) {
        return COST_FACTOR_PROPERTY + "=" + raw + " is not a whole number from 1 to " + MAX_COST_FACTOR;
    }

    /**
     * Parses the {@code id} request parameter. A missing or blank value means {@link #DEFAULT_ID}.
     *
     * @throws IllegalArgumentException if the value is not an integer in {@link #MIN_ID}..{@link #MAX_ID}
     */
    public static int parseItemId(String raw) {
        if (raw == null || raw.isBlank()) {
            return DEFAULT_ID;
        }
        int id;
        try {
            id = Integer.parseInt(raw.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(idRangeMessage());
        }
        if (id < MIN_ID || id > MAX_ID) {
            throw new IllegalArgumentException(idRangeMessage());
        }
        return id;
    }

    private static String idRangeMessage() {
        return "id must be an integer from " + MIN_ID + " to " + MAX_ID;
    }

    /**
     * Returns the item, computing and caching it on the first request for that id.
     *
     * @throws IllegalArgumentException if the id is out of range
     */
    public CatalogItem item(int id) {
        if (id < MIN_ID || id > MAX_ID) {
            throw new IllegalArgumentException(idRangeMessage());
        }
        CatalogItem cached = itemsById.get(id);
        if (cached != null) {
            return cached;
        }
        // Computed outside the map so a slow miss does not hold a map bin lock that other ids may need.
        // Two threads racing on the same id both compute the same value; the first one stored wins.
        CatalogItem computed = computeItem(id);
        CatalogItem raced = itemsById.putIfAbsent(id, computed);
        return raced != null ? raced : computed;
    }

    /** Number of items currently cached. */
    public int cachedItemCount() {
        return itemsById.size();
    }

    /** How many item computations ran (cache misses, including lost races). */
    long itemComputations() {
        return itemComputations.sum();
    }

    /** How many times the index was built; stays at most 1 for the life of a catalog. */
    long indexBuilds() {
        return indexBuilds.sum();
    }

    private CatalogItem computeItem(int id) {
        itemComputations.increment();
        CatalogIndex catalogIndex = index();
        byte[] digest = iteratedSha256(("item-detail-" + id).getBytes(StandardCharsets.UTF_8), DETAIL_ROUNDS);
        if (costFactor > 1) {
            // Extra work on another seed: the item stays the same whatever the factor.
            byte[] extra = iteratedSha256(("item-extra-" + id).getBytes(StandardCharsets.UTF_8),
                    DETAIL_ROUNDS * (costFactor - 1));
            extraWorkSink.add(extra[0]);
        }
        long priceCents = 100 + Math.floorMod(readInt(digest, 0), 99_900);
        return new CatalogItem(id, catalogIndex.name(id), catalogIndex.category(id), priceCents, hex(digest, 8));
    }

    private CatalogIndex index() {
        CatalogIndex built = index;
        if (built != null) {
            return built;
        }
        synchronized (indexLock) {
            if (index == null) {
                index = buildIndex();
                indexBuilds.increment();
            }
            return index;
        }
    }

    private static CatalogIndex buildIndex() {
        String[] names = new String[MAX_ID + 1];
        String[] categories = new String[MAX_ID + 1];
        for (int id = MIN_ID; id <= MAX_ID; id++) {
            byte[] digest = iteratedSha256(("item-index-" + id).getBytes(StandardCharsets.UTF_8), INDEX_ROUNDS_PER_ITEM);
            names[id] = nameFrom(digest) + "-" + id;
            categories[id] = CATEGORIES[Math.floorMod(digest[0], CATEGORIES.length)];
        }
        return new CatalogIndex(names, categories);
    }

    private static String nameFrom(byte[] digest) {
        StringBuilder name = new StringBuilder();
        int syllableCount = 2 + Math.floorMod(digest[1], 3);
        for (int i = 0; i < syllableCount; i++) {
            name.append(SYLLABLES[Math.floorMod(digest[2 + i], SYLLABLES.length)]);
        }
        return name.toString();
    }

    private static byte[] iteratedSha256(byte[] seed, int rounds) {
        MessageDigest sha256 = newSha256();
        byte[] digest = seed;
        for (int i = 0; i < rounds; i++) {
            digest = sha256.digest(digest);
        }
        return digest;
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must provide SHA-256", e);
        }
    }

    private static int readInt(byte[] bytes, int offset) {
        return (bytes[offset] & 0xff) << 24 | (bytes[offset + 1] & 0xff) << 16
                | (bytes[offset + 2] & 0xff) << 8 | (bytes[offset + 3] & 0xff);
    }

    private static String hex(byte[] bytes, int length) {
        StringBuilder out = new StringBuilder(length * 2);
        for (int i = 0; i < length; i++) {
            out.append(Character.forDigit((bytes[i] >> 4) & 0xf, 16)).append(Character.forDigit(bytes[i] & 0xf, 16));
        }
        return out.toString();
    }

    /** Names and categories of all items, indexed by id (slot 0 unused). */
    private record CatalogIndex(String[] names, String[] categories) {
        String name(int id) {
            return names[id];
        }

        String category(int id) {
            return categories[id];
        }
    }
}
