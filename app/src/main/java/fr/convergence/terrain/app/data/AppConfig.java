package fr.convergence.terrain.app.data;

import fr.convergence.terrain.app.common.BackgroundTaskExecutor;
import fr.convergence.terrain.app.common.Scheduler;
import fr.convergence.terrain.app.common.TaskExecutor;
import fr.convergence.terrain.core.security.PasswordHasher;
import java.time.Clock;
import java.time.Duration;

/**
 * What the application needs from outside: its data folder, the executor of store work and the one of the hub's
 * (a sync waiting on a slow link must not hold up a save), the scheduler of later work, the clock, the password
 * hashers and the idle time before the session locks ({@code -Dterrain.lock.minutes}, 10 by default).
 * Tests build one with a temporary folder, direct executors and a fast hasher.
 */
public record AppConfig(DataFolder dataFolder, TaskExecutor executor, TaskExecutor network, Scheduler scheduler,
                        Clock clock, PasswordHasher hasher, PasswordHasher demoHasher, Duration idleLock,
                        long demoSeed) {

    public static final int DEFAULT_LOCK_MINUTES = 10;
    /** Demo accounts all share the published password {@code DemoDataGenerator.DEMO_PASSWORD}: a slow hash would only slow the first start. */
    static final int DEMO_HASH_ITERATIONS = 10_000;

    public static AppConfig fromEnvironment() {
        return new AppConfig(DataFolder.resolve(), BackgroundTaskExecutor.forStore(),
                BackgroundTaskExecutor.forNetwork(), Scheduler.fx(), Clock.systemDefaultZone(),
                new PasswordHasher(), new PasswordHasher(DEMO_HASH_ITERATIONS),
                Duration.ofMinutes(Long.getLong("terrain.lock.minutes", DEFAULT_LOCK_MINUTES)),
                Long.getLong("terrain.demo.seed", 2023));
    }
}
