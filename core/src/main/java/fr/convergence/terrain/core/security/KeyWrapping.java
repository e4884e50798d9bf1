package fr.convergence.terrain.core.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Wrapping the data key (ADR 0005). A password is stretched once by PBKDF2-HMAC-SHA256 with a salt of its own
 * wrap; the result goes through HMAC (an HKDF expand step) to give the key-encryption key, which wraps the data key
 * with AES-256-GCM. Unwrapping with a wrong password fails on the GCM tag: that failure <em>is</em> the password
 * check, so a sign-in costs one derivation. A recovery key is random (200 bits): it needs no stretching.
 */
public final class KeyWrapping {

    /** A wrapped data key as stored: Base64 salt, iterations, Base64 nonce + ciphertext + tag. */
    public record Wrap(String salt, int iterations, String wrappedKey) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String PASSWORD_INFO = "convergence-terrain/kek/password/v1";
    private static final String RECOVERY_INFO = "convergence-terrain/kek/recovery/v1";
    private static final String WRAP_LABEL = "store_key_wrap";

    private KeyWrapping() {
    }

    public static Wrap wrapWithPassword(DataKey key, char[] password, int iterations) {
        byte[] salt = salt();
        return wrap(key, passwordKek(password, salt, iterations), salt, iterations);
    }

    /** The data key, or empty when the password is wrong (or the wrap was altered). */
    public static Optional<DataKey> unwrapWithPassword(Wrap wrap, char[] password) {
        byte[] salt = Base64.getDecoder().decode(wrap.salt());
        return unwrap(wrap, passwordKek(password, salt, wrap.iterations()));
    }

    public static Wrap wrapWithRecoveryKey(DataKey key, RecoveryKey recovery) {
        byte[] salt = salt();
        return wrap(key, expand(recovery.bytes(), salt, RECOVERY_INFO), salt, 0);
    }

    public static Optional<DataKey> unwrapWithRecoveryKey(Wrap wrap, RecoveryKey recovery) {
        return unwrap(wrap, expand(recovery.bytes(), Base64.getDecoder().decode(wrap.salt()), RECOVERY_INFO));
    }

    private static Wrap wrap(DataKey key, byte[] kek, byte[] salt, int iterations) {
        byte[] nonce = new byte[12];
        RANDOM.nextBytes(nonce);
        byte[] raw = key.raw();
        try {
            byte[] sealed = DataKey.gcm(Cipher.ENCRYPT_MODE, new SecretKeySpec(kek, "AES"), nonce, WRAP_LABEL, raw);
            byte[] out = new byte[nonce.length + sealed.length];
            System.arraycopy(nonce, 0, out, 0, nonce.length);
            System.arraycopy(sealed, 0, out, nonce.length, sealed.length);
            return new Wrap(Base64.getEncoder().encodeToString(salt), iterations,
                    Base64.getEncoder().encodeToString(out));
        } finally {
            Arrays.fill(raw, (byte) 0);
            Arrays.fill(kek, (byte) 0);
        }
    }

    private static Optional<DataKey> unwrap(Wrap wrap, byte[] kek) {
        byte[] bytes = Base64.getDecoder().decode(wrap.wrappedKey());
        byte[] raw = null;
        try {
            raw = DataKey.gcm(Cipher.DECRYPT_MODE, new SecretKeySpec(kek, "AES"), Arrays.copyOfRange(bytes, 0, 12),
                    WRAP_LABEL, Arrays.copyOfRange(bytes, 12, bytes.length));
            return Optional.of(DataKey.of(raw));
        } catch (DataKey.SealedValueException wrongKey) {
            return Optional.empty();
        } finally {
            Arrays.fill(kek, (byte) 0);
            if (raw != null) {
                Arrays.fill(raw, (byte) 0);
            }
        }
    }

    private static byte[] passwordKek(char[] password, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, 256);
        byte[] stretched = null;
        try {
            stretched = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
            return expand(stretched, salt, PASSWORD_INFO);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2 is not available in this Java runtime", e);
        } finally {
            spec.clearPassword();
            if (stretched != null) {
                Arrays.fill(stretched, (byte) 0);
            }
        }
    }

    /** HKDF (RFC 5869) extract then one expand block: 256 bits bound to their purpose. */
    private static byte[] expand(byte[] secret, byte[] salt, String info) {
        try {
            Mac extract = Mac.getInstance("HmacSHA256");
            extract.init(new SecretKeySpec(salt, "HmacSHA256"));
            byte[] prk = extract.doFinal(secret);
            Mac expand = Mac.getInstance("HmacSHA256");
            expand.init(new SecretKeySpec(prk, "HmacSHA256"));
            expand.update(info.getBytes(StandardCharsets.UTF_8));
            expand.update((byte) 1);
            Arrays.fill(prk, (byte) 0);
            return expand.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available in this Java runtime", e);
        }
    }

    private static byte[] salt() {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return salt;
    }

}
