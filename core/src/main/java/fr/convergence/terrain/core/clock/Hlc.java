package fr.convergence.terrain.core.clock;

import java.util.Objects;

/**
 * A hybrid-logical-clock timestamp: wall milliseconds, a counter for events within the same millisecond,
 * and the node (device) that made it. Its text form sorts like the timestamps themselves, so stores
 * (SQLite and PostgreSQL alike) can compare versions as plain strings.
 */
public record Hlc(long millis, int counter, String node) implements Comparable<Hlc> {

    public static final int MAX_COUNTER = 0xFFFF;
    /**
     * A node is a device id (a UUID, 36 characters) or the hub's own name: 64 is room enough, and keeps every
     * version within the hub's {@code varchar(120)} column (a 5,000-character node was a 500 on PostgreSQL).
     */
    public static final int MAX_NODE_LENGTH = 64;

    public Hlc {
        Objects.requireNonNull(node, "node");
        if (millis < 0 || millis > 0xFFFF_FFFF_FFFFL) {
            throw new IllegalArgumentException("HLC millis out of range: " + millis);
        }
        if (counter < 0 || counter > MAX_COUNTER) {
            throw new IllegalArgumentException("HLC counter out of range: " + counter);
        }
        // No control character either: NUL, which PostgreSQL's text cannot hold, line breaks, escapes.
        if (node.isEmpty() || node.length() > MAX_NODE_LENGTH || node.codePoints().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("HLC node must be an id of 1 to " + MAX_NODE_LENGTH + " characters: "
                    + shown(node));
        }
    }

    /** The sortable text form: 12 hex digits of millis, 4 of counter, then the node, separated by '-'. */
    public String encode() {
        StringBuilder text = new StringBuilder(18 + node.length());
        appendHex(text, millis, 12);
        text.append('-');
        appendHex(text, counter, 4);
        return text.append('-').append(node).toString();
    }

    private static void appendHex(StringBuilder text, long value, int digits) {
        for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) {
            text.append(Character.forDigit((int) (value >>> shift) & 0xF, 16));
        }
    }

    public static Hlc parse(String text) {
        if (text == null || text.length() < 19 || text.charAt(12) != '-' || text.charAt(17) != '-') {
            throw new IllegalArgumentException("Not an HLC version: " + shown(text));
        }
        try {
            return new Hlc(Long.parseLong(text.substring(0, 12), 16), Integer.parseInt(text.substring(13, 17), 16),
                    text.substring(18));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Not an HLC version: " + shown(text), e);
        }
    }

    /** At most 40 characters of a text that is not a version, for a message. */
    private static String shown(String text) {
        return text == null || text.length() <= 40 ? text : text.substring(0, 40) + "… (" + text.length() + ")";
    }

    @Override
    public int compareTo(Hlc other) {
        int byMillis = Long.compare(millis, other.millis);
        if (byMillis != 0) {
            return byMillis;
        }
        int byCounter = Integer.compare(counter, other.counter);
        return byCounter != 0 ? byCounter : node.compareTo(other.node);
    }

    @Override
    public String toString() {
        return encode();
    }
}
