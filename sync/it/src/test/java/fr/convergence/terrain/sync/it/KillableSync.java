package fr.convergence.terrain.sync.it;

import fr.convergence.terrain.core.security.RecoveryKey;
import fr.convergence.terrain.core.store.KeyRepository;
import fr.convergence.terrain.core.store.TerrainStore;
import fr.convergence.terrain.sync.client.HttpHubClient;
import fr.convergence.terrain.sync.client.SyncEngine;
import fr.convergence.terrain.sync.client.SyncProgress;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The laptop {@link SyncApplyKillTest} kills: in a JVM of its own, it opens an enrolled laptop store (unlocked with
 * its recovery key, as a person signing in would) and runs its first sync with small pages, printing
 * {@code PAGE n} once each page is applied and committed.
 */
public final class KillableSync {

    private KillableSync() {
    }

    /** @param args the store file, its recovery key, the hub's address, the page size asked for (bytes) */
    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        try (TerrainStore store = TerrainStore.open(Path.of(args[0]))) {
            new KeyRepository(store).unlockWithRecoveryKey(RecoveryKey.parse(args[1]).orElseThrow());
            SyncEngine engine = new SyncEngine(store, new HttpHubClient(URI.create(args[2]), null,
                    Duration.ofSeconds(60)), Integer.parseInt(args[3]));
            out.println("READY");
            engine.sync(new SyncProgress() {
                @Override
                public void exchanged(int pages, long bytesUp, long bytesDown, int pendingOperations) {
                    out.println("PAGE " + pages);
                }
            });
        }
        out.println("DONE");
    }
}
