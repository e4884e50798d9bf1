package fr.convergence.terrain.sync.it;

import static fr.convergence.terrain.sync.it.SyncWorld.SITE_A;
import static fr.convergence.terrain.sync.it.SyncWorld.SITE_B;
import static org.assertj.core.api.Assertions.assertThat;

import fr.convergence.terrain.core.account.AuthService;
import fr.convergence.terrain.core.account.SetupService;
import fr.convergence.terrain.core.audit.AuditEntry;
import fr.convergence.terrain.core.audit.AuditFilter;
import fr.convergence.terrain.core.audit.AuditJournal;
import fr.convergence.terrain.core.domain.AuditAction;
import fr.convergence.terrain.core.domain.AuditEvent;
import fr.convergence.terrain.core.domain.Role;
import fr.convergence.terrain.core.domain.User;
import fr.convergence.terrain.core.security.PasswordHasher;
import fr.convergence.terrain.hub.sync.HubRow;
import fr.convergence.terrain.sync.client.HttpHubClient;
import fr.convergence.terrain.sync.it.HubAttacks.Answer;
import fr.convergence.terrain.sync.it.HubAttacks.Exchanger;
import fr.convergence.terrain.sync.it.HubAttacks.Family;
import fr.convergence.terrain.sync.it.SyncWorld.Laptop;
import fr.convergence.terrain.sync.protocol.EnrolResponse;
import fr.convergence.terrain.sync.protocol.Operation;
import fr.convergence.terrain.sync.protocol.Rejection;
import fr.convergence.terrain.sync.protocol.SyncSchema;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The audit journal through sync (issue 14): an entry made on a laptop reaches the hub and the coordinator's laptop,
 * who reads who did what there; and no device — not even the one that wrote it, nor another of its worksite — can
 * change or delete a stored entry: every attempt is refused per operation and the hub's rows stay as they were.
 */
abstract class AuditJournalSyncTest {

    private static final PasswordHasher HASHER = new PasswordHasher(1000);
    private static final String PASSWORD = "chantier-lille-2026";

    @TempDir
    Path dir;

    abstract SyncWorld world(Path dir);

    @Test
    void anEntryMadeOnALaptopReachesTheHubAndTheCoordinatorsLaptopButNoOtherWorksite() throws Exception {
        try (SyncWorld world = world(dir)) {
            Laptop a = world.laptop("a", "worksite", SITE_A);
            Laptop a2 = world.laptop("a2", "worksite", SITE_A);
            Laptop b = world.laptop("b", "worksite", SITE_B);
            Laptop coordinator = world.laptop("coord", "territory", SyncWorld.TERRITORY);
            // Laptop A installed for its worksite by its administrator, then a sign-in and a wrong password.
            new SetupService().install(a.store(), HASHER, SITE_A, "camille", "Camille Martin", Role.ADMIN,
                    PASSWORD.toCharArray(), PASSWORD.toCharArray()).value().orElseThrow();
            AuthService auth = new AuthService(a.store(), HASHER);
            assertThat(auth.signIn("camille", PASSWORD.toCharArray())).isPresent();
            assertThat(auth.signIn("camille", "pas-le-bon-2026".toCharArray())).isEmpty();
            List<AuditEvent> written = events(new AuditJournal(a.store()), reader("admin-a", Role.ADMIN, null));
            assertThat(written).extracting(AuditEvent::action).containsExactlyInAnyOrder(AuditAction.COMPTE_CREE,
                    AuditAction.CONNEXION, AuditAction.CONNEXION_REFUSEE);

            EndToEndSyncTest.sync(a, a2, b, coordinator);

            for (AuditEvent event : written) {
                HubRow onHub = world.hubStore.read(r -> r.row(SyncSchema.AUDIT_TABLE, event.id())).orElseThrow();
                assertThat(onHub.worksiteId()).isEqualTo(SITE_A);
                assertThat(onHub.data()).containsEntry("action", event.actionCode())
                        .containsEntry("actor_name", event.actorName());
            }
            // The coordinator of the territory reads laptop A's journal, with the names of who acted.
            User coordinatorUser = reader("coord", Role.COORDINATOR, SyncWorld.TERRITORY);
            List<AuditEvent> received = events(new AuditJournal(coordinator.store()), coordinatorUser);
            assertThat(received).containsExactlyInAnyOrderElementsOf(written);
            assertThat(received).filteredOn(e -> e.action() == AuditAction.CONNEXION)
                    .extracting(AuditEvent::actorName).containsExactly("Camille Martin");
            // Synced by worksite like every row: A's other laptop holds it (its app shows it to no ESP or CIP);
            // a laptop of another worksite never receives it.
            assertThat(events(new AuditJournal(a2.store()), reader("admin-a2", Role.ADMIN, null)))
                    .containsExactlyInAnyOrderElementsOf(written);
            assertThat(b.snapshot().keySet()).noneMatch(k -> k.startsWith(SyncSchema.AUDIT_TABLE + "/"));
        }
    }

    @Test
    void noDeviceCanRewriteOrDeleteAStoredEntry() throws Exception {
        try (SyncWorld world = world(dir)) {
            Exchanger http = new Exchanger(world.url());
            HttpHubClient client = new HttpHubClient(world.url(), null, Duration.ofSeconds(30));
            EnrolResponse writer = world.enrolDevice(client, "worksite", SITE_A);
            Family family = HubAttacks.seed(http, writer, SITE_A, 1);
            String entry = family.id(SyncSchema.AUDIT_TABLE);
            Map<String, Object> original = family.fields().get(SyncSchema.AUDIT_TABLE);
            EnrolResponse insider = world.enrolDevice(client, "worksite", SITE_A);
            EnrolResponse coordinator = world.enrolDevice(client, "territory", SyncWorld.TERRITORY);
            Map<String, String> before = rows(world);

            // Every field in turn, set to another value or emptied, then the whole row, then a tombstone.
            List<Map<String, Object>> edits = new ArrayList<>();
            for (SyncSchema.Field field : SyncSchema.table(SyncSchema.AUDIT_TABLE).orElseThrow().fields()) {
                Object other = switch (field.type()) {
                    case LONG -> 1_600_000_000_000L;
                    default -> field.name().equals(SyncSchema.WORKSITE_ID) ? SITE_B : "réécrit";
                };
                edits.add(Map.of(field.name(), other));
                if (!field.required()) {
                    Map<String, Object> emptied = new LinkedHashMap<>();
                    emptied.put(field.name(), null);
                    edits.add(emptied);
                }
            }
            Map<String, Object> wholeRow = new LinkedHashMap<>(original);
            wholeRow.put("action", "CONNEXION");
            wholeRow.put("actor_name", "Quelqu'un d'autre");
            edits.add(wholeRow);
            edits.add(Map.of(SyncSchema.DELETED, true));

            long[] numbers = {1, 1, 1};
            List<EnrolResponse> devices = List.of(writer, insider, coordinator);
            numbers[0] = family.ids().size() + 1L; // the writer's seed used the first numbers
            for (int d = 0; d < devices.size(); d++) {
                EnrolResponse device = devices.get(d);
                List<Operation> ops = new ArrayList<>();
                for (Map<String, Object> edit : edits) {
                    // The newest version, and a base after everything: no concurrency to hide behind.
                    ops.add(new Operation(numbers[d]++, SyncSchema.AUDIT_TABLE, entry, SITE_A, edit,
                            HubAttacks.version(device.deviceId()), Long.MAX_VALUE / 2));
                }
                Answer answer = http.exchange(device.token(), RawOps.request(device.deviceId(), 0, ops));
                assertThat(answer.status()).isEqualTo(200);
                assertThat(answer.response().acknowledged()).as(device.deviceId()).isEqualTo(numbers[d] - 1);
                assertThat(answer.response().rejections()).as("every attempt refused, one by one, saying why")
                        .hasSize(edits.size()).allSatisfy(r -> {
                            assertThat(r.code()).isEqualTo(Rejection.RULE);
                            assertThat(r.reason())
                                    .isEqualTo("Une entrée du journal d'accès ne se modifie pas et ne s'efface pas.");
                        });
            }
            // A new entry written as already deleted is refused too.
            Map<String, Object> tombstone = new LinkedHashMap<>(original);
            tombstone.put(SyncSchema.DELETED, true);
            long bornNumber = numbers[1]++;
            Answer born = http.exchange(insider.token(), RawOps.request(insider.deviceId(), 0, List.of(
                    new Operation(bornNumber, SyncSchema.AUDIT_TABLE, "audit-new-1", SITE_A, tombstone,
                            HubAttacks.version(insider.deviceId()), 0))));
            // An answer lists the device's refusals not yet acknowledged: this operation's only.
            assertThat(born.response().rejections()).filteredOn(r -> r.number() == bornNumber)
                    .extracting(Rejection::reason)
                    .containsExactly("Une entrée du journal d'accès ne s'efface pas.");

            assertThat(rows(world)).isEqualTo(before);

            // The same entry sent again unchanged (a hub restored from a backup) is accepted and changes nothing.
            long againNumber = numbers[0]++;
            Answer again = http.exchange(writer.token(), RawOps.request(writer.deviceId(), 0, List.of(
                    new Operation(againNumber, SyncSchema.AUDIT_TABLE, entry, SITE_A, original,
                            HubAttacks.version(writer.deviceId()), 0))));
            assertThat(again.response().acknowledged()).isEqualTo(againNumber);
            assertThat(again.response().rejections()).noneMatch(r -> r.number() == againNumber);
            assertThat(rows(world)).isEqualTo(before);
        }
    }

    @Test
    void anEntryStaysInTheWorksiteWhereItWasWrittenWhenItsParticipantMoves() throws Exception {
        try (SyncWorld world = world(dir)) {
            Exchanger http = new Exchanger(world.url());
            HttpHubClient client = new HttpHubClient(world.url(), null, Duration.ofSeconds(30));
            EnrolResponse laptop = world.enrolDevice(client, "worksite", SITE_A);
            EnrolResponse coordinator = world.enrolDevice(client, "territory", SyncWorld.TERRITORY);
            String participant = "participant-qui-change";
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put(SyncSchema.WORKSITE_ID, SITE_A);
            entry.put("occurred_at", 1_773_824_400_000L);
            entry.put("actor_id", "u1");
            entry.put("actor_name", "Camille Martin");
            entry.put("action", AuditAction.DOSSIER_CONSULTE.name());
            entry.put("participant_id", participant);
            entry.put(SyncSchema.DELETED, false);
            Answer written = http.exchange(laptop.token(), RawOps.request(laptop.deviceId(), 0, List.of(
                    RawOps.participant(1, laptop.deviceId(), participant, SITE_A),
                    new Operation(2, SyncSchema.AUDIT_TABLE, "entree-1", SITE_A, entry,
                            HubAttacks.version(laptop.deviceId()), 0))));
            assertThat(written.response().rejections()).isEmpty();

            // The coordinator moves the participant to worksite B: the file goes, the journal entry stays.
            Answer moved = http.exchange(coordinator.token(), RawOps.request(coordinator.deviceId(), 0, List.of(
                    new Operation(1, "participant", participant, SITE_B, Map.of(SyncSchema.WORKSITE_ID, SITE_B),
                            HubAttacks.version(coordinator.deviceId()), Long.MAX_VALUE / 2))));
            assertThat(moved.response().rejections()).isEmpty();

            assertThat(world.hubStore.read(r -> r.row("participant", participant)).orElseThrow().worksiteId())
                    .isEqualTo(SITE_B);
            HubRow kept = world.hubStore.read(r -> r.row(SyncSchema.AUDIT_TABLE, "entree-1")).orElseThrow();
            assertThat(kept.worksiteId()).isEqualTo(SITE_A);
            assertThat(kept.data()).containsEntry(SyncSchema.WORKSITE_ID, SITE_A)
                    .containsEntry("participant_id", participant);
        }
    }

    /**
     * The hub's rows of both worksites, data and per-field meta (hashed), without their sequences: a refused write
     * to a row of the device's scope marks it to be sent back whole (the laptop gets the hub's version), by design.
     */
    private static Map<String, String> rows(SyncWorld world) {
        Map<String, String> rows = new java.util.TreeMap<>();
        HubAttacks.checksum(world.hubStore, Set.of(SITE_A, SITE_B))
                .forEach((row, sum) -> rows.put(row, sum.replaceAll(" seq=.*", "")));
        return rows;
    }

    private static User reader(String id, Role role, String territory) {
        return new User(id, id, id, role, territory, Set.of(), true);
    }

    private static List<AuditEvent> events(AuditJournal journal, User reader) {
        return journal.search(reader, AuditFilter.all()).stream().map(AuditEntry::event).toList();
    }
}
