package fr.convergence.terrain.core.security;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The recovery key shown once at installation: 200 random bits written as 8 groups of 5 characters from an
 * alphabet without look-alikes (Crockford's base 32: no I, L, O, U), e.g. {@code 7K2QD-…}. Typed back, case, spaces
 * and dashes do not matter, and I/L read as 1, O as 0.
 */
public final class RecoveryKey {

    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final int BYTES = 25;
    private static final int CHARACTERS = BYTES * 8 / 5;

    private final byte[] bytes;

    private RecoveryKey(byte[] bytes) {
        this.bytes = bytes;
    }

    public static RecoveryKey generate() {
        byte[] bytes = new byte[BYTES];
        new SecureRandom().nextBytes(bytes);
        return new RecoveryKey(bytes);
    }

    /** The key read back from what a person typed; empty when it cannot be one (length, characters). */
    public static Optional<RecoveryKey> parse(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        String cleaned = typed.toUpperCase(Locale.ROOT).replaceAll("[\\s-]", "")
                .replace('I', '1').replace('L', '1').replace('O', '0');
        if (cleaned.length() != CHARACTERS) {
            return Optional.empty();
        }
        byte[] out = new byte[BYTES];
        long buffer = 0;
        int bits = 0;
        int index = 0;
        for (char c : cleaned.toCharArray()) {
            int value = Arrays.binarySearch(ALPHABET, c);
            if (value < 0) {
                return Optional.empty();
            }
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8) {
                out[index++] = (byte) (buffer >> (bits - 8));
                bits -= 8;
            }
        }
        return Optional.of(new RecoveryKey(out));
    }

    byte[] bytes() {
        return bytes.clone();
    }

    /** The text to show and print: 8 groups of 5 characters separated by dashes. */
    public String groups() {
        StringBuilder text = new StringBuilder();
        long buffer = 0;
        int bits = 0;
        for (byte b : bytes) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                appendGrouped(text, ALPHABET[(int) (buffer >> (bits - 5)) & 31]);
                bits -= 5;
            }
        }
        return text.toString();
    }

    private static void appendGrouped(StringBuilder text, char c) {
        if (text.length() > 0 && (text.length() + 1) % 6 == 0) {
            text.append('-');
        }
        text.append(c);
    }

    @Override
    public String toString() {
        return "RecoveryKey[caché]";
    }
}
