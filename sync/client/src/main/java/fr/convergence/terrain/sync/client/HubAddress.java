package fr.convergence.terrain.sync.client;

import java.net.URI;
import java.util.Locale;

/**
 * Which hub addresses a laptop talks to: HTTPS only, since every request carries the device's token and the answers
 * carry personal data. Plain HTTP is accepted for a hub on this very machine (127.0.0.0/8, ::1, localhost: tests, a
 * demonstration hub), where nothing crosses a network.
 */
public final class HubAddress {

    private HubAddress() {
    }

    /** {@code url} if a laptop may use it; otherwise an {@link IllegalArgumentException} with a French message. */
    public static URI check(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        String host = url.getHost();
        if (host == null || host.isEmpty() || !(scheme.equals("https") || scheme.equals("http"))) {
            throw new IllegalArgumentException("Adresse du hub refusée "
                    + "(" + url + ")\u00a0: saisissez-la comme elle vous "
                    + "a été donnée, par exemple https://hub.convergence-france.org.");
        }
        if (scheme.equals("http") && !loopback(host)) {
            throw new IllegalArgumentException("Adresse du hub refusée\u00a0: «\u00a0http://\u00a0» ferait passer le "
                    + "jeton du poste "
                    + "et les données des salarié·es en clair sur le réseau. Utilisez l’adresse en https:// donnée "
                    + "par l’administration du hub.");
        }
        return url;
    }

    /** Loopback by its text only (no name resolution): 127.0.0.0/8, ::1, localhost. */
    static boolean loopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        if (h.equals("localhost") || h.equals("::1") || h.equals("0:0:0:0:0:0:0:1")) {
            return true;
        }
        String[] parts = h.split("\\.", -1);
        if (parts.length != 4 || !parts[0].equals("127")) {
            return false;
        }
        for (String part : parts) {
            if (!part.matches("\\d{1,3}") || Integer.parseInt(part) > 255) {
                return false;
            }
        }
        return true;
    }
}
