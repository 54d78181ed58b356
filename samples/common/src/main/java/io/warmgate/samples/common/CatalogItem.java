package io.warmgate.samples.common;

/**
 * One catalog entry as the items endpoint returns it.
 *
 * @param id          item id, {@link ColdCatalog#MIN_ID}..{@link ColdCatalog#MAX_ID}
 * @param name        display name from the catalog index
 * @param category    category from the catalog index
 * @param priceCents  price in cents, derived from the item's fingerprint
 * @param fingerprint hex digest that costs real CPU time to compute (the "expensive" part of an item)
 */
public record CatalogItem(int id, String name, String category, long priceCents, String fingerprint) {

    /**
     * Renders the item as a single-line JSON object. Every string field is built by the catalog from
     * lower-case letters, digits and '-', so no JSON escaping is needed.
     */
    public String toJson() {
        return "{\"id\":" + id
                + ",\"name\":\"" + name + '"'
                + ",\"category\":\"" + category + '"'
                + ",\"price\":" + formatCents(priceCents)
                + ",\"fingerprint\":\"" + fingerprint + "\"}";
    }

    private static String formatCents(long cents) {
        long remainder = cents % 100;
        return (cents / 100) + (remainder < 10 ? ".0" : ".") + remainder;
    }
}
