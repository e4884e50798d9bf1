package fr.convergence.terrain.sync.it;

import static fr.convergence.terrain.sync.it.EndToEndSyncTest.sync;
import static org.assertj.core.api.Assertions.assertThat;

import fr.convergence.terrain.core.account.Workstation;
import fr.convergence.terrain.core.domain.FollowUp;
import fr.convergence.terrain.core.domain.HoursKind;
import fr.convergence.terrain.core.domain.Participant;
import fr.convergence.terrain.core.domain.ReferralStatus;
import fr.convergence.terrain.core.domain.Role;
import fr.convergence.terrain.core.domain.User;
import fr.convergence.terrain.core.erasure.ErasureReason;
import fr.convergence.terrain.core.erasure.ErasureService;
import fr.convergence.terrain.core.store.EnrolmentRepository;
import fr.convergence.terrain.core.store.FollowUpRepository;
import fr.convergence.terrain.core.store.TerrainStore;
import fr.convergence.terrain.core.store.generated.Tables;
import fr.convergence.terrain.sync.client.SyncProgress;
import fr.convergence.terrain.sync.client.SyncReport;
import fr.convergence.terrain.sync.client.store.SyncRepository;
import fr.convergence.terrain.sync.it.SyncWorld.Laptop;
import fr.convergence.terrain.sync.protocol.SyncSchema;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Erasure of a person through sync (issue 14): erased on one laptop, deleted on the hub, refused when an offline
 * laptop pushes edits of them, erased on that laptop too with its pending changes, never sent to a new laptop, and
 * never to another worksite's. Every table of every database is searched for what the person's file held.
 */
abstract class ErasureThroughSyncTest {

    private static final String NOTE_TEXT = "Entretien : dossier de titre de séjour en cours.";
    private static final String LATE_NOTE_TEXT = "Ajout hors ligne : rendez-vous à la préfecture.";
    private static final String PHONE = "06 42 42 42 42";

    @TempDir
    Path dir;

    abstract SyncWorld world(Path dir);

    static final User COORDINATOR = new User("coord-a", "coordination", "Coordination", Role.COORDINATOR,
            SyncWorld.TERRITORY, Set.of(SyncWorld.SITE_A), true);

    @Test
    void anErasedPersonLeavesEveryLaptopAndTheHubAndAnOfflineLaptopCannotBringThemBack() throws Exception {
        try (SyncWorld world = world(dir)) {
            Laptop a = world.laptop("a", "worksite", SyncWorld.SITE_A);
            Laptop b = world.laptop("b", "worksite", SyncWorld.SITE_A);
            Laptop other = world.laptop("other", "worksite", SyncWorld.SITE_B);
            Edits onA = new Edits(a.store(), "esp-a");
            Edits onB = new Edits(b.store(), "esp-b");
            Participant x = onA.participant(SyncWorld.SITE_A, "Zéphyrine", "Quatremère");
            onA.save(withPhone(x, PHONE));
            onA.hours(x, Edits.MONDAY, HoursKind.TRAVAIL_CHANTIER, 240);
            String note = onA.note(x, NOTE_TEXT);
            String referral = onA.referral(x);
            onA.move(referral, ReferralStatus.ENVOYEE);
            followUp(a.store(), x);
            Participant kept = onA.participant(SyncWorld.SITE_A, "Gardée", "Témoin");
            onA.hours(kept, Edits.MONDAY, HoursKind.TRAVAIL_CHANTIER, 120);
            sync(a, b, other);
            // A conflict about X, so that conflict records about them exist on the hub and both laptops.
            onA.save(withPhone(onA.find(x.id()), "06 01 01 01 01"));
            onB.save(withPhone(onB.find(x.id()), "06 02 02 02 02"));
            sync(a, b, a);
            assertThat(new SyncRepository(b.store()).openConflicts()).isNotEmpty();
            List<String> secrets = List.of("Quatremère", "Zéphyrine", NOTE_TEXT, LATE_NOTE_TEXT, PHONE,
                    "06 01 01 01 01", "06 02 02 02 02");

            // B, offline, edits X's hours and note, and another person, while A erases X.
            onB.hours(x, Edits.MONDAY, HoursKind.TRAVAIL_CHANTIER, 300);
            onB.hours(x, Edits.MONDAY.plusDays(1), HoursKind.TRAVAIL_CHANTIER, 120);
            onB.revise(note, SyncWorld.SITE_A, LATE_NOTE_TEXT);
            onB.save(withPhone(onB.find(kept.id()), "06 77 77 77 77"));
            new ErasureService(new Workstation(a.store())).erase(COORDINATOR, x.id(), ErasureReason.DEMANDE);
            assertNothingOf(a.store(), x.id(), secrets);

            sync(a);
            assertHubHoldsNothingOf(world, x.id(), secrets);

            SyncReport report = b.engine().sync(SyncProgress.NONE);
            // B's four changes about X (two hours cells, a note version; its phone edit was sent before) are
            // refused by the hub — erased when the hub can tell whose they are — and dropped on B, not quarantined.
            assertThat(hubRejectionCodes(world)).contains("erased").hasSize(3);
            assertThat(report.erasedChangesDropped()).isEqualTo(3);
            assertThat(report.refused()).isZero();
            assertNothingOf(b.store(), x.id(), secrets);
            assertThat(new SyncRepository(b.store()).quarantine()).isEmpty();
            assertThat(new SyncRepository(b.store()).pendingCount()).isZero();
            // B's edit of another person went through.
            sync(a);
            assertThat(onA.find(kept.id()).phone()).isEqualTo("06 77 77 77 77");
            assertHubHoldsNothingOf(world, x.id(), secrets);
            assertNothingOf(a.store(), x.id(), secrets);

            // A laptop enrolled afterwards never receives X; another worksite's never receives the tombstone.
            Laptop fresh = world.laptop("fresh", "worksite", SyncWorld.SITE_A);
            sync(fresh, other);
            assertNothingOf(fresh.store(), x.id(), secrets);
            assertThat(fresh.snapshot()).containsKey(SyncSchema.ERASURE_TABLE + "/" + x.id());
            assertThat(other.snapshot().keySet()).noneMatch(k -> k.startsWith(SyncSchema.ERASURE_TABLE + "/"));
            assertThat((int) other.store().read(sql -> sql.fetchCount(Tables.ERASURE))).isZero();

            // Every laptop of the worksite agrees with the hub, the tombstone included.
            var siteA = world.hubSnapshot(Set.of(SyncWorld.SITE_A));
            assertThat(siteA).containsKey(SyncSchema.ERASURE_TABLE + "/" + x.id())
                    .containsKey("participant/" + kept.id());
            assertThat(a.snapshot()).isEqualTo(siteA);
            assertThat(b.snapshot()).isEqualTo(siteA);
            assertThat(fresh.snapshot()).isEqualTo(siteA);
        }
    }

    @Test
    void aLaptopOfAnotherWorksiteCannotEraseAPersonItDoesNotSee() throws Exception {
        try (SyncWorld world = world(dir)) {
            Laptop a = world.laptop("a", "worksite", SyncWorld.SITE_A);
            Laptop other = world.laptop("other", "worksite", SyncWorld.SITE_B);
            Participant x = new Edits(a.store(), "esp-a").participant(SyncWorld.SITE_A, "Zéphyrine", "Quatremère");
            sync(a);
            // A forged tombstone: the id of A's person, the other worksite's id.
            other.store().write("coord-b", tx -> {
                var tombstone = tx.sql().newRecord(Tables.ERASURE);
                tombstone.setId(x.id());
                tombstone.setWorksiteId(SyncWorld.SITE_B);
                tombstone.setErasedAt(0L);
                tombstone.setReason(ErasureReason.DEMANDE.name());
                tx.save(tombstone);
                return null;
            });
            sync(other, a);
            assertThat(new SyncRepository(other.store()).quarantine()).singleElement()
                    .satisfies(q -> assertThat(q.code()).isEqualTo("forbidden"));
            assertThat(world.hubSnapshot(Set.of(SyncWorld.SITE_A))).containsKey("participant/" + x.id())
                    .doesNotContainKey(SyncSchema.ERASURE_TABLE + "/" + x.id());
            assertThat(a.snapshot()).containsKey("participant/" + x.id());
        }
    }

    private static void followUp(TerrainStore store, Participant x) {
        String enrolment = new EnrolmentRepository(store).ofParticipant(x.id()).get(0).id();
        store.write("cip", tx -> {
            new FollowUpRepository(store).save(tx, new FollowUp(Edits.id(), enrolment, x.id(), 6,
                    Edits.MONDAY.plusMonths(6), null, null), x.worksiteId());
            return null;
        });
    }

    private static Participant withPhone(Participant p, String phone) {
        return new Participant(p.id(), p.worksiteId(), p.firstName(), p.lastName(), p.birthDate(), phone, p.email(),
                p.address(), p.socialSecurityNumber(), p.referentName());
    }

    /** Every table of the laptop's store, sync queues included: the id only in the tombstone, no secret anywhere. */
    private static void assertNothingOf(TerrainStore store, String participantId, List<String> secrets)
            throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + store.file())) {
            assertNothingOf(c, participantId, secrets, "erasure");
        }
    }

    /** The refusals the hub keeps until the device says it has seen them. */
    private static List<String> hubRejectionCodes(SyncWorld world) throws Exception {
        List<String> codes = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(world.jdbcUrl, System.getenv("PGUSER"),
                System.getenv("PGPASSWORD")); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT code FROM hub_rejection")) {
            while (r.next()) {
                codes.add(r.getString(1));
            }
        }
        return codes;
    }

    /** Every table of the hub's database (rows, exits, refusals, devices…). */
    private static void assertHubHoldsNothingOf(SyncWorld world, String participantId, List<String> secrets)
            throws Exception {
        try (Connection c = DriverManager.getConnection(world.jdbcUrl, System.getenv("PGUSER"),
                System.getenv("PGPASSWORD"))) {
            List<String> rows = assertNothingOf(c, participantId, secrets, "hub_row");
            // On the hub the id stays in the tombstone and in the access journal only, which records the erasure.
            assertThat(rows).filteredOn(r -> r.contains(participantId))
                    .allSatisfy(r -> assertThat(r).matches("(?s)hub_row: (erasure\\|" + participantId
                            + "|audit_event)\\|.*"))
                    .anySatisfy(r -> assertThat(r).startsWith("hub_row: audit_event|").contains("EFFACEMENT"));
        }
    }

    /**
     * Reads every row of every table; fails on a secret anywhere, and on the participant's id outside
     * {@code tombstoneTable}, the access journal and their changes in the sync queues. Returns the rows of
     * {@code tombstoneTable} as text (table: values|…).
     */
    private static List<String> assertNothingOf(Connection c, String participantId, List<String> secrets,
                                                String tombstoneTable) throws Exception {
        List<String> tombstoneRows = new ArrayList<>();
        DatabaseMetaData meta = c.getMetaData();
        List<String> tables = new ArrayList<>();
        try (ResultSet t = meta.getTables(c.getCatalog(), c.getSchema(), "%", new String[] {"TABLE"})) {
            while (t.next()) {
                tables.add(t.getString("TABLE_NAME"));
            }
        }
        assertThat(tables).isNotEmpty();
        for (String table : tables) {
            try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT * FROM " + table)) {
                ResultSetMetaData columns = r.getMetaData();
                while (r.next()) {
                    StringBuilder row = new StringBuilder(table).append(": ");
                    for (int i = 1; i <= columns.getColumnCount(); i++) {
                        row.append(r.getString(i)).append('|');
                    }
                    String text = row.toString();
                    for (String secret : secrets) {
                        assertThat(text).as(table).doesNotContain(secret);
                    }
                    if (table.equalsIgnoreCase(tombstoneTable)) {
                        tombstoneRows.add(text);
                    } else if (!text.contains("|erasure|" + participantId + "|")
                            && !table.equalsIgnoreCase("audit_event") && !text.contains("|audit_event|")) {
                        // The tombstone's own change in a sync queue (outbox, pending, sent) names the person's id,
                        // and so does the append-only access journal (ids only: who opened, printed, erased).
                        assertThat(text).as(table).doesNotContain(participantId);
                    }
                }
            }
        }
        return tombstoneRows;
    }
}
