package fr.convergence.terrain.app.sync;

import fr.convergence.terrain.app.common.I18n;
import fr.convergence.terrain.app.common.Scheduler;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When the automatic sync looks at the hub next, and what the page says of it: a minute after a look or a sync,
 * and after a failure 15 s, 30 s, 1 min… up to 15 min, or longer when the hub asked to be left alone for longer (its
 * {@code Retry-After}: disk full, too many requests), and then nothing is sent to it before that time. Nothing is
 * planned while the automatic sync is off, nor once the agent is stopped. Part of {@link SyncAgent}; lives on the
 * JavaFX thread.
 */
final class SyncSchedule {

    static final Duration POLL = Duration.ofMinutes(1);
    static final Duration PULL_EVERY = Duration.ofMinutes(10);
    static final Duration FIRST_RETRY = Duration.ofSeconds(15);
    static final Duration MAX_RETRY = Duration.ofMinutes(15);

    private final Scheduler scheduler;
    private final Clock clock;
    private final SyncState state;
    private final Runnable look;
    private int failures;
    private boolean stopped;
    private Scheduler.Cancellable next;
    private Instant nextAt;
    /** The hub asked not to be sent anything before this (its {@code Retry-After}); null when it did not. */
    private Instant hubFreeAt;

    /** @param look what runs when the time comes: the agent's look at the hub */
    SyncSchedule(Scheduler scheduler, Clock clock, SyncState state, Runnable look) {
        this.scheduler = scheduler;
        this.clock = clock;
        this.state = state;
        this.look = look;
    }

    /** After a failure: 15 s, 30 s, 1 min, 2 min… up to 15 min between attempts. */
    static Duration backoff(int failures) {
        long seconds = FIRST_RETRY.getSeconds() << Math.min(Math.max(failures - 1, 0), 10);
        return Duration.ofSeconds(Math.min(seconds, MAX_RETRY.getSeconds()));
    }

    /** Whether a look at the hub is planned. */
    boolean planned() {
        return next != null;
    }

    /** The planned look runs now (or a look is made without waiting for it). */
    void looking() {
        next = null;
    }

    boolean stopped() {
        return stopped;
    }

    /** A sync is due: something to send, a failure to make up for, or nothing received for ten minutes. */
    boolean due() {
        Instant last = state.lastSyncProperty().get();
        return state.pendingProperty().get() > 0 || failures > 0 || last == null
                || clock.millis() - last.toEpochMilli() >= PULL_EVERY.toMillis();
    }

    /** When the planned look at the hub runs, if one is planned. */
    Optional<Instant> nextLook() {
        return next == null ? Optional.empty() : Optional.of(nextAt);
    }

    /** The time before which the hub asked to be sent nothing, while it has not come yet. */
    Optional<Instant> hubHoldsOff() {
        return hubFreeAt != null && clock.instant().isBefore(hubFreeAt) ? Optional.of(hubFreeAt) : Optional.empty();
    }

    /** The hub answered (and a sync, if due, went through): the next look in a minute. */
    void fine() {
        failures = 0;
        hubFreeAt = null;
        if (plan(POLL)) {
            state.autoText(I18n.t("sync.auto.next", at(POLL)));
        }
    }

    /** The hub did not answer, or a sync failed: the next try after a growing delay. */
    void failed() {
        failed(Duration.ZERO);
    }

    /**
     * A sync failed and the hub asked to wait {@code hubAsked} (its {@code Retry-After}, or zero): no try before
     * that, nor before what it asked earlier.
     */
    void failed(Duration hubAsked) {
        failures++;
        if (!hubAsked.isZero()) {
            Instant free = clock.instant().plus(hubAsked);
            hubFreeAt = hubFreeAt == null || free.isAfter(hubFreeAt) ? free : hubFreeAt;
        }
        Duration backoff = backoff(failures);
        Duration hubWait = hubHoldsOff().map(free -> Duration.between(clock.instant(), free)).orElse(Duration.ZERO);
        retryAfter(backoff.compareTo(hubWait) >= 0 ? backoff : hubWait);
    }

    /** A look came before the time the hub asked for (a timer fired early, the sync turned on): it waits for it. */
    void waitForHub() {
        hubHoldsOff().ifPresent(free -> retryAfter(Duration.between(clock.instant(), free)));
    }

    private void retryAfter(Duration delay) {
        if (plan(delay)) {
            state.autoText(I18n.t("sync.auto.retry", at(delay), failures + 1));
        }
    }

    /** The hub refuses this laptop (revoked, 4xx): retrying cannot fix it, nothing more is planned. */
    void suspend() {
        cancel();
        state.autoText(state.autoSyncProperty().get() ? I18n.t("sync.auto.suspended") : I18n.t("sync.auto.off"));
    }

    /** The automatic sync was just turned on: earlier failures no longer delay it. */
    void restart() {
        failures = 0;
    }

    void cancel() {
        if (next != null) {
            next.cancel();
            next = null;
        }
    }

    /** Signed out: nothing will be planned any more. */
    void stop() {
        stopped = true;
        cancel();
    }

    /** Says whether the automatic sync is on (when nothing more precise is said). */
    void describe() {
        if (state.demoProperty().get() || !state.enrolledProperty().get()) {
            state.autoText("");
        } else if (!state.autoSyncProperty().get()) {
            state.autoText(I18n.t("sync.auto.off"));
        } else if (next == null && state.autoTextProperty().get().isEmpty()) {
            state.autoText(I18n.t("sync.auto.on"));
        }
    }

    /** Plans the next look after {@code delay}, unless the automatic sync is off or stopped (then says so). */
    private boolean plan(Duration delay) {
        if (!state.autoSyncProperty().get() || stopped) {
            describe();
            return false;
        }
        cancel();
        next = scheduler.after(delay, look);
        nextAt = clock.instant().plus(delay);
        return true;
    }

    private String at(Duration delay) {
        return SyncFormats.when(clock.instant().plus(delay), clock.getZone());
    }
}
