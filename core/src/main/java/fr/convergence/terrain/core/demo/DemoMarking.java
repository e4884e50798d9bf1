package fr.convergence.terrain.core.demo;

import fr.convergence.terrain.core.store.TerrainStore;

/**
 * The one place that knows whether a store holds demonstration data, and the words that mark everything made from
 * it (PDFs, CSVs, exports): a fictitious file printed or exported must never pass for a real person's.
 */
public final class DemoMarking {

    /** Printed on every page and written in every export made from a demo store. */
    public static final String TEXT = "DÉMONSTRATION — données fictives";

    private DemoMarking() {
    }

    /** Whether {@code store} was filled by the demo generator (it leaves a marker in the store's settings). */
    public static boolean isDemo(TerrainStore store) {
        return store.meta(DemoDataGenerator.DEMO_META_KEY).isPresent();
    }
}
