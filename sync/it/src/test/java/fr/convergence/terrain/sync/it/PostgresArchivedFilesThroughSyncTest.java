package fr.convergence.terrain.sync.it;

import java.nio.file.Path;

/** Archived files through sync on PostgreSQL (TERRAIN_TEST_PG_URL; mandatory when CI=true). */
class PostgresArchivedFilesThroughSyncTest extends ArchivedFilesThroughSyncTest {
    @Override
    String jdbcUrl(Path dir) {
        return PostgresSupport.freshSchemaUrl();
    }
}
