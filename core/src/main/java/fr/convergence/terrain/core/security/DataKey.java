package fr.convergence.terrain.core.security;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The store's data key (AES-256) and the one format of an encrypted field: {@code enc1:} then Base64 of a random
 * 96-bit nonce followed by the AES-GCM ciphertext and tag. The associated data names the table and column, so a
 * value copied into another column does not decrypt. Held in memory only while the store is unlocked.
 */
public final class DataKey {

    /** Versioned prefix: a later format (another cipher, a key rotation) gets another prefix. */
    public static final String PREFIX = "enc1:";
    static final int KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();
    /** One cipher per thread, initialised per value: looking the algorithm up each time cost more than the AES. */
    private static final ThreadLocal<Cipher> CIPHER = ThreadLocal.withInitial(() -> {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this Java runtime", e);
        }
    });

    private final SecretKeySpec key;

    private DataKey(byte[] raw) {
        if (raw.length != KEY_BYTES) {
            throw new IllegalArgumentException("A data key has 256 bits");
        }
        this.key = new SecretKeySpec(raw, "AES");
    }

    /** A new random key, for a store being encrypted for the first time. */
    public static DataKey generate() {
        byte[] raw = new byte[KEY_BYTES];
        RANDOM.nextBytes(raw);
        try {
            return new DataKey(raw);
        } finally {
            Arrays.fill(raw, (byte) 0);
        }
    }

    static DataKey of(byte[] raw) {
        return new DataKey(raw);
    }

    byte[] raw() {
        return key.getEncoded();
    }

    /** Whether {@code stored} is in the encrypted format (and not a clear value of an older store). */
    public static boolean isSealed(String stored) {
        return stored != null && stored.startsWith(PREFIX);
    }

    public String seal(String clear, String label) {
        if (clear == null) {
            return null;
        }
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        byte[] sealed = gcm(Cipher.ENCRYPT_MODE, key, nonce, label, clear.getBytes(StandardCharsets.UTF_8));
        ByteBuffer out = ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed);
        return PREFIX + Base64.getEncoder().encodeToString(out.array());
    }

    /** The clear value; throws {@link SealedValueException} if it was altered, moved or made with another key. */
    public String open(String stored, String label) {
        if (stored == null) {
            return null;
        }
        if (!isSealed(stored)) {
            throw new SealedValueException("valeur non chiffrée dans une colonne chiffrée (" + label + ")");
        }
        byte[] bytes = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
        byte[] nonce = Arrays.copyOfRange(bytes, 0, NONCE_BYTES);
        byte[] body = Arrays.copyOfRange(bytes, NONCE_BYTES, bytes.length);
        return new String(gcm(Cipher.DECRYPT_MODE, key, nonce, label, body), StandardCharsets.UTF_8);
    }

    static byte[] gcm(int mode, SecretKeySpec key, byte[] nonce, String label, byte[] input) {
        try {
            Cipher cipher = CIPHER.get();
            cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(label.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(input);
        } catch (AEADBadTagException e) {
            throw new SealedValueException("donnée chiffrée altérée ou clé différente (" + label + ")");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this Java runtime", e);
        }
    }

    /** A value that does not decrypt: never shown as is, always a refusal. */
    public static final class SealedValueException extends RuntimeException {
        public SealedValueException(String message) {
            super(message);
        }
    }
}
