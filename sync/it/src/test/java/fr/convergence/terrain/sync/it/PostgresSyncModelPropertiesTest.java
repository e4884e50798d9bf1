package fr.convergence.terrain.sync.it;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.LifecycleContext;
import net.jqwik.api.lifecycle.SkipExecutionHook;

/**
 * The model-based property with the hub on PostgreSQL (TERRAIN_TEST_PG_URL; mandatory when CI=true). Each schedule
 * builds its world (a fresh schema), so fewer tries than on SQLite; the hub is never restored from a backup here.
 */
@AddLifecycleHook(PostgresSyncModelPropertiesTest.SkipWithoutPostgres.class)
class PostgresSyncModelPropertiesTest extends SyncModelPropertiesTest {

    @Override
    InProcessHub newHub(Path dir, Clock clock) {
        return new InProcessHub(PostgresSupport.freshSchemaUrl(), clock);
    }

    @Override
    boolean startsFromACopy() {
        return false;
    }

    @Override
    @Property(tries = 40)
    void everyDeviceHoldsExactlyItsScopeAndNothingIsLostSilently(@ForAll("schedules") List<Action> schedule,
                                                                 @ForAll("clockOffsets") List<Long> minutesOff)
            throws Exception {
        super.everyDeviceHoldsExactlyItsScopeAndNothingIsLostSilently(schedule, minutesOff);
    }

    /** Skipped on a developer machine without PostgreSQL; never when CI=true (PostgresSupport then fails). */
    static final class SkipWithoutPostgres implements SkipExecutionHook {
        @Override
        public SkipResult shouldBeSkipped(LifecycleContext context) {
            String url = System.getenv("TERRAIN_TEST_PG_URL");
            boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
            return (url == null || url.isBlank()) && !ci
                    ? SkipResult.skip("TERRAIN_TEST_PG_URL not set: PostgreSQL tests skipped on this machine")
                    : SkipResult.doNotSkip();
        }
    }
}
