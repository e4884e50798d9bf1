package fr.convergence.terrain.app.data;

import fr.convergence.terrain.app.common.BackgroundTaskExecutor;
import fr.convergence.terrain.app.common.TaskExecutor;
import fr.convergence.terrain.core.security.PasswordHasher;
import java.time.Clock;
import java.time.Duration;

/**
 * What the application needs from outside: its data folder, the background executor, the clock, the password
 * hasher and the idle time before the session locks ({@code -Dterrain.lock.minutes}, 10 by default).
 * Tests build one with a temporary folder, the direct executor and a fast hasher.
 */
public record AppConfig(DataFolder dataFolder, TaskExecutor executor, Clock clock, PasswordHasher hasher,
                        PasswordHasher demoHasher, Duration idleLock, long demoSeed) {

    public static final int DEFAULT_LOCK_MINUTES = 10;
    /** Demo accounts all share the published password "demo": a slow hash would only slow the first start. */
    static final int DEMO_HASH_ITERATIONS = 10_000;

    public static AppConfig fromEnvironment() {
        return new AppConfig(DataFolder.resolve(), BackgroundTaskExecutor.forStore(), Clock.systemDefaultZone(),
                new PasswordHasher(), new PasswordHasher(DEMO_HASH_ITERATIONS),
                Duration.ofMinutes(Long.getLong("terrain.lock.minutes", DEFAULT_LOCK_MINUTES)),
                Long.getLong("terrain.demo.seed", 2023));
    }

    public AppConfig withDataFolder(DataFolder folder) {
        return new AppConfig(folder, executor, clock, hasher, demoHasher, idleLock, demoSeed);
    }
}
