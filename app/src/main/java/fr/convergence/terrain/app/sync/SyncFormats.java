package fr.convergence.terrain.app.sync;

import fr.convergence.terrain.app.common.Formats;
import fr.convergence.terrain.app.common.I18n;
import fr.convergence.terrain.sync.client.HubException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/** How the sync's figures read in French (times, sizes, scope, the laptop's clock) and how a typed hub address is read. */
public final class SyncFormats {

    /** Past this, the laptop's clock is said to be wrong: edits are dated by it, week rules judge "today" by it. */
    static final Duration CLOCK_DRIFT_SHOWN = Duration.ofMinutes(5);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private SyncFormats() {
    }

    /**
     * What the person is told when the hub cannot take a sync for now (a {@link HubException#retryable} refusal):
     * that their changes stay on this laptop, and — when the hub said how long to wait (its {@code Retry-After}) — that
     * the sync goes again at {@code next} on its own ({@code automatic}) or may be run again after it. The application
     * and {@code terrain sync} say the same.
     */
    public static String hubUnavailable(HubException e, Optional<Instant> next, boolean automatic, ZoneId zone) {
        if (next.isEmpty()) {
            return I18n.t("sync.error.hub", e.getMessage());
        }
        String when = when(next.get(), zone);
        return I18n.t(e.storageUnavailable() ? "sync.error.hubFull" : "sync.error.hubBusy",
                I18n.t(automatic ? "sync.wait.auto" : "sync.wait.manual", when));
    }

    /** "le 18/03/2026 à 10:01". */
    static String when(Instant instant, ZoneId zone) {
        ZonedDateTime time = instant.atZone(zone);
        return I18n.t("sync.when", Formats.date(time.toLocalDate()), time.format(TIME));
    }

    /**
     * " — L'horloge de ce poste retarde de 12 minutes sur celle du hub : …", or "" when within
     * {@link #CLOCK_DRIFT_SHOWN} or unknown. {@code hubMinusLaptop} is positive when the laptop is behind.
     */
    static String clockDriftText(Long hubMinusLaptop) {
        if (hubMinusLaptop == null || Math.abs(hubMinusLaptop) < CLOCK_DRIFT_SHOWN.toMillis()) {
            return "";
        }
        long minutes = Math.abs(hubMinusLaptop) / 60_000;
        String amount = minutes < 120 ? I18n.t("sync.clock.minutes", minutes)
                : minutes < 48 * 60 ? I18n.t("sync.clock.hours", minutes / 60)
                : I18n.t("sync.clock.days", minutes / (24 * 60));
        return " — " + I18n.t(hubMinusLaptop > 0 ? "sync.clock.behind" : "sync.clock.ahead", amount);
    }

    static String pendingText(int count) {
        return count == 0 ? I18n.t("sync.pending.none") : I18n.t("sync.pending", count);
    }

    static String scopeText(String scope) {
        if (scope == null || !scope.contains(":")) {
            return scope == null ? "" : scope;
        }
        String kind = scope.substring(0, scope.indexOf(':'));
        String id = scope.substring(scope.indexOf(':') + 1);
        return kind.equals("territory") ? I18n.t("sync.scope.territory", id) : I18n.t("sync.scope.worksite", id);
    }

    /** 950 → "950 o", 12 345 → "12,1 Ko", 3 400 000 → "3,2 Mo". */
    static String bytes(long count) {
        if (count < 1024) {
            return I18n.t("sync.bytes", count);
        }
        if (count < 1024 * 1024) {
            return I18n.t("sync.kilobytes", count / 1024.0);
        }
        return I18n.t("sync.megabytes", count / (1024.0 * 1024.0));
    }

    /** "hub.exemple.fr" → https://hub.exemple.fr; refused unless http(s) with a host. */
    static URI hubUri(String text) throws URISyntaxException {
        String cleaned = text == null ? "" : text.strip();
        if (cleaned.isEmpty()) {
            throw new URISyntaxException("", "empty");
        }
        if (!cleaned.contains("://")) {
            cleaned = "https://" + cleaned;
        }
        URI uri = new URI(cleaned);
        if (uri.getHost() == null || !(uri.getScheme().equals("https") || uri.getScheme().equals("http"))) {
            throw new URISyntaxException(cleaned, "not a hub address");
        }
        return uri;
    }
}
