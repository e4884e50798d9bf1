package fr.convergence.terrain.core.security;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.spec.InvalidKeySpecException;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/** Salted, slow password hashes (PBKDF2-HMAC-SHA256 from the JDK) for the local users of a shared laptop. */
public final class PasswordHasher {

    /** OWASP's 2023 recommendation for PBKDF2-HMAC-SHA256. */
    public static final int DEFAULT_ITERATIONS = 600_000;

    /** A stored password: hash and salt in Base64, and the iterations used. */
    public record PasswordHash(String hash, String salt, int iterations) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();
    private final int iterations;

    public PasswordHasher() {
        this(DEFAULT_ITERATIONS);
    }

    /** Fewer iterations are for tests and demo data only. */
    public PasswordHasher(int iterations) {
        this.iterations = iterations;
    }

    /** The iterations of new hashes, used alike for the key wraps of the same passwords (ADR 0005). */
    public int iterations() {
        return iterations;
    }

    public PasswordHash hash(char[] password) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return new PasswordHash(Base64.getEncoder().encodeToString(derive(password, salt, iterations)),
                Base64.getEncoder().encodeToString(salt), iterations);
    }

    public static boolean matches(char[] password, PasswordHash stored) {
        byte[] expected = Base64.getDecoder().decode(stored.hash());
        byte[] actual = derive(password, Base64.getDecoder().decode(stored.salt()), stored.iterations());
        return MessageDigest.isEqual(expected, actual);
    }

    private static byte[] derive(char[] password, byte[] salt, int iterations) {
        try {
            PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, 256);
            try {
                return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
            } finally {
                spec.clearPassword();
            }
        } catch (NoSuchAlgorithmException | InvalidKeySpecException e) {
            throw new IllegalStateException("PBKDF2 is not available in this Java runtime", e);
        }
    }
}
