package fr.convergence.terrain.hub;

import java.nio.file.Path;

/**
 * How a hub runs. {@code keystore} (PKCS#12) turns HTTPS on; {@code pageBytes} bounds a page of changes (JSON,
 * before gzip, about four times its compressed size); {@code maxBodyBytes} bounds a request as sent and
 * {@code maxInflatedBytes} once decompressed.
 */
public record HubConfig(String host, int port, Path keystore, String keystorePassword, int pageBytes,
                        int maxBodyBytes, int maxInflatedBytes, long futureToleranceMillis,
                        long tombstoneHorizonDays) {

    public static HubConfig defaults(int port) {
        return new HubConfig("0.0.0.0", port, null, null, 256 * 1024, 4 * 1024 * 1024, 16 * 1024 * 1024,
                5 * 60_000L, 400);
    }

    public HubConfig withTls(Path keystorePath, String password) {
        return new HubConfig(host, port, keystorePath, password, pageBytes, maxBodyBytes, maxInflatedBytes,
                futureToleranceMillis, tombstoneHorizonDays);
    }

    public HubConfig withPageBytes(int bytes) {
        return new HubConfig(host, port, keystore, keystorePassword, bytes, maxBodyBytes, maxInflatedBytes,
                futureToleranceMillis, tombstoneHorizonDays);
    }

    public HubConfig withLimits(int body, int inflated) {
        return new HubConfig(host, port, keystore, keystorePassword, pageBytes, body, inflated,
                futureToleranceMillis, tombstoneHorizonDays);
    }
}
