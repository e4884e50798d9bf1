package fr.convergence.terrain.core.store;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The ids of the rows one device creates: a UUID whose first half is the device's prefix, drawn at random once
 * per store, and whose second half counts the rows the device created (RFC 9562 version 8, "custom").
 * <p>
 * Why not random UUIDs: a laptop's first sync receives thousands of rows whose ids are most of its bytes on a
 * 128 kbit/s link (a random id carries 16 bytes of entropy, nothing compresses it); ids that share a prefix and
 * count up cost one or two bytes each in a page ({@code columns/3}). They also keep SQLite's primary-key indexes
 * in insertion order.
 * <p>
 * Unique because the prefix is 60 random bits per store (among n stores, two share one with probability ≈ n²/2⁶¹) and the
 * counter only grows: the highest id issued is saved in the store with every write that saved a row (see
 * {@link TerrainStore#write}), so an id handed out before a commit is covered by it. Like the outbox's operation
 * numbers, this assumes a store file is never copied to a second laptop; a store restored from a backup gets a new
 * prefix ({@link StoreBackups#restore}), since the counter it saved may be behind ids issued since.
 */
public final class RowIds {

    private static final long VERSION_8 = 0x8000L;
    private static final long VERSION_MASK = 0xF000L;
    private static final long VARIANT = 0x8000_0000_0000_0000L;
    private static final long COUNTER_MASK = 0x3FFF_FFFF_FFFF_FFFFL;

    private final long prefix;
    private final AtomicLong last;

    /** @param lastIssued the highest counter already used (0 for a new store) */
    public RowIds(long prefix, long lastIssued) {
        this.prefix = prefixOf(prefix);
        this.last = new AtomicLong(lastIssued);
    }

    /** A new id; safe from any thread. */
    public String next() {
        return id(prefix, last.incrementAndGet());
    }

    /** The highest counter issued so far. */
    public long lastIssued() {
        return last.get();
    }

    public long prefix() {
        return prefix;
    }

    /** The id {@code counter} of the device whose prefix is {@code prefix}. */
    public static String id(long prefix, long counter) {
        if (counter < 1 || counter > COUNTER_MASK) {
            throw new IllegalArgumentException("Row counter out of range: " + counter);
        }
        return new UUID(prefixOf(prefix), VARIANT | counter).toString();
    }

    /** {@code bits} with the UUID version set to 8. */
    public static long prefixOf(long bits) {
        return (bits & ~VERSION_MASK) | VERSION_8;
    }
}
