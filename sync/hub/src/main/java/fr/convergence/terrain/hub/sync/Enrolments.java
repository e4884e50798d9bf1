package fr.convergence.terrain.hub.sync;

import fr.convergence.terrain.sync.protocol.EnrolResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Device enrolment and authentication. A one-time code (issued by {@code terrain-hub enrol}, valid a few days)
 * becomes a device token; the hub keeps only SHA-256 hashes of both, so a copy of its database opens nothing.
 */
public final class Enrolments {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Enrolments.class);

    private static final SecureRandom RANDOM = new SecureRandom();
    /** No 0/O or 1/I/L: the code is read over the phone. */
    private static final char[] CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789".toCharArray();

    private final HubStore store;
    private final Clock clock;

    public Enrolments(HubStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Issues a code for a worksite's laptop ({@code worksite}) or a coordinator's ({@code territory}). */
    public String issueCode(String scopeKind, String scopeId, String label, Duration validity) {
        if (!EnrolResponse.WORKSITE.equals(scopeKind) && !EnrolResponse.TERRITORY.equals(scopeKind)) {
            throw new IllegalArgumentException("Périmètre inconnu : " + scopeKind + " (worksite ou territory)");
        }
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            if (i > 0 && i % 4 == 0) {
                code.append('-');
            }
            code.append(CODE_ALPHABET[RANDOM.nextInt(CODE_ALPHABET.length)]);
        }
        String text = code.toString();
        store.write(tx -> {
            if (EnrolResponse.WORKSITE.equals(scopeKind) && !tx.worksiteKnown(scopeId)) {
                tx.addWorksite(scopeId, null);
            }
            tx.addEnrolmentCode(hash(normalise(text)), scopeKind, scopeId, label, clock.millis(),
                    clock.millis() + validity.toMillis());
            return null;
        });
        return text;
    }

    /**
     * Exchanges a code for a token; empty when the code is unknown, already used or expired, or when the device id
     * is not a UUID in its canonical form (what laptops make): never the hub's own writer name ({@code hub}), never
     * text meant for a log line or a listing.
     */
    public Optional<EnrolResponse> enrol(String code, String deviceId, String label) {
        if (code == null || code.length() > 64 || !isDeviceId(deviceId)) {
            return Optional.empty();
        }
        String token = newToken();
        return store.write(tx -> {
            boolean known = tx.device(deviceId).isPresent();
            return tx.useEnrolmentCode(hash(normalise(code)), deviceId, clock.millis()).map(c -> {
                String name = label == null || label.isBlank() ? c.label() : c.label() + " — " + label;
                // The column holds 200 characters (PostgreSQL refuses more).
                name = name.length() > 200 ? name.substring(0, 199) + "…" : name;
                // Nor control characters (NUL: PostgreSQL's text cannot hold it; the rest is escaped when printed).
                name = name.codePoints().map(ch -> Character.isISOControl(ch) ? ' ' : ch)
                        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
                if (known) {
                    // The laptop never got its token (answer lost, enrolment killed) or lost it: a valid code, the
                    // same again or a new one, enrols it again rather than locking its store out for good.
                    LOG.warn("enrol device={} enrolled again (its earlier token is no longer valid)", deviceId);
                    tx.reenrolDevice(deviceId, hash(token), c.scopeKind(), c.scopeId(), name, clock.millis());
                } else {
                    tx.addDevice(deviceId, hash(token), c.scopeKind(), c.scopeId(), name, clock.millis());
                }
                return new EnrolResponse(deviceId, token, c.scopeKind(), c.scopeId(),
                        new ArrayList<>(tx.worksitesOf(c.scopeKind(), c.scopeId())), store.hubId());
            });
        });
    }

    /** The device a bearer token belongs to, if any (revoked devices included: the caller refuses them). */
    public Optional<Device> authenticate(String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        return store.read(r -> r.deviceByTokenHash(hash(token)));
    }

    public boolean revoke(String deviceId) {
        return store.write(tx -> {
            Optional<Device> device = tx.device(deviceId);
            device.ifPresent(d -> tx.revokeDevice(deviceId, clock.millis()));
            return device.isPresent();
        });
    }

    public List<Device> devices() {
        return store.read(HubStore.HubReader::devices);
    }

    static boolean isDeviceId(String id) {
        if (id == null || id.length() != 36) {
            return false;
        }
        try {
            return java.util.UUID.fromString(id).toString().equals(id);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String normalise(String code) {
        return code.replace("-", "").replace(" ", "").toUpperCase(java.util.Locale.ROOT);
    }

    private static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
