package fr.convergence.terrain.sync.it;

import static org.assertj.core.api.Assertions.assertThat;

import fr.convergence.terrain.core.domain.Participant;
import fr.convergence.terrain.core.domain.ReferralStatus;
import fr.convergence.terrain.core.security.PasswordHasher;
import fr.convergence.terrain.hub.console.ConsoleAccount;
import fr.convergence.terrain.hub.console.ConsoleAccounts;
import fr.convergence.terrain.hub.console.ConsoleClient;
import fr.convergence.terrain.hub.sync.SyncExchange;
import fr.convergence.terrain.sync.client.SyncEngine;
import fr.convergence.terrain.sync.client.SyncProgress;
import fr.convergence.terrain.sync.client.store.SyncRepository;
import fr.convergence.terrain.sync.it.SyncWorld.Laptop;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real laptops sync a conflict and refused changes to a hub; its console's Devices and Sync health pages (and their
 * CSV) then count them as the laptops do, with the person and version each laptop reported.
 */
abstract class ConsoleAfterSyncTest {

    @TempDir
    Path dir;

    abstract SyncWorld world(Path dir);

    @Test
    void theConsoleCountsTheConflictsAndQuarantinedChangesOfARealSync() throws Exception {
        try (SyncWorld world = world(dir)) {
            Laptop a1 = world.laptop("a1", "worksite", SyncWorld.SITE_A);
            Laptop a2 = world.laptop("a2", "worksite", SyncWorld.SITE_A);
            // As the application makes it: its version and the login of the person signed in.
            SyncEngine a2Engine = new SyncEngine(a2.store(), a2.client(), null, "0.3.0-essai", "sandrine");
            Edits onA1 = new Edits(a1.store(), "esp-a1");
            Edits onA2 = new Edits(a2.store(), "esp-a2");
            Participant p = onA1.participant(SyncWorld.SITE_A, "Inès", "Martin");
            String referral = onA1.referral(p);
            onA1.move(referral, ReferralStatus.ENVOYEE);
            a1.engine().sync(SyncProgress.NONE);
            a2Engine.sync(SyncProgress.NONE);

            onA1.save(EndToEndSyncTest.withPhone(onA1.find(p.id()), "01"));
            onA2.save(EndToEndSyncTest.withPhone(onA2.find(p.id()), "02"));
            onA1.move(referral, ReferralStatus.REFUSEE);
            onA2.move(referral, ReferralStatus.EN_COURS);
            a1.engine().sync(SyncProgress.NONE);
            a2Engine.sync(SyncProgress.NONE);
            a1.engine().sync(SyncProgress.NONE);

            int quarantined = new SyncRepository(a2.store()).quarantine().size();
            int conflicts = new SyncRepository(a1.store()).openConflicts().size();
            assertThat(quarantined).isPositive();
            assertThat(conflicts).isPositive();
            String a2Id = a2.store().deviceId();
            // Right after the sync that refused them: the laptop had not said it holds them yet; the hub keeps them.
            assertThat(world.hubStore.waitingRejections().get(a2Id).count()).isEqualTo(quarantined);
            assertThat(world.hubStore.deviceReports().get(a2Id).quarantined()).isZero();
            assertThat(world.hubStore.openConflicts().get(SyncWorld.SITE_A).count()).isEqualTo(conflicts);
            List<SyncExchange> history = world.hubStore.syncHistory(a2Id, 10);
            assertThat(history).hasSize(2);
            assertThat(history.get(0).refused()).isEqualTo(quarantined);
            assertThat(history.get(0).operations()).isPositive();
            assertThat(history.get(0).outcome()).isEqualTo(SyncExchange.DONE);

            new ConsoleAccounts(world.hubStore, Clock.systemUTC(), new PasswordHasher(1000)).add("colette",
                    "Colette", ConsoleAccount.Role.COORDINATOR, SyncWorld.TERRITORY,
                    "mot-de-passe-lille".toCharArray(), false);
            ConsoleClient colette = new ConsoleClient(world.url().toString());
            HttpResponse<String> form = colette.get("/console/connexion");
            assertThat(colette.post("/console/connexion", "csrf", ConsoleClient.csrf(form), "login", "colette",
                    "password", "mot-de-passe-lille").statusCode()).isEqualTo(303);
            String modifications = quarantined == 1 ? "1 modification" : quarantined + " modifications";
            assertThat(colette.get("/console/postes").body()).contains("sandrine").contains("0.3.0-essai")
                    .contains(modifications);
            String health = colette.get("/console/sante").body();
            assertThat(health).contains(modifications).contains(conflicts == 1 ? "1 conflit" : conflicts + " conflits")
                    .contains("la plus ancienne en attente depuis aujourd’hui");

            // The next sync says the laptop recorded them: the same count, now from the laptop.
            a2Engine.sync(SyncProgress.NONE);
            assertThat(world.hubStore.waitingRejections()).doesNotContainKey(a2Id);
            assertThat(world.hubStore.deviceReports().get(a2Id).quarantined()).isEqualTo(quarantined);
            HttpResponse<byte[]> csv = colette.getBytes("/console/sante.csv");
            String text = new String(csv.body(), StandardCharsets.UTF_8);
            assertThat(text).startsWith("\uFEFFTerritoire;Chantier;Conflits ouverts;");
            String siteLine = text.lines().filter(l -> l.contains(SyncWorld.SITE_A)).findFirst().orElseThrow();
            assertThat(siteLine.split(";")).containsSubsequence(Integer.toString(conflicts), "0",
                    Integer.toString(quarantined), "0", "2");
        }
    }
}
