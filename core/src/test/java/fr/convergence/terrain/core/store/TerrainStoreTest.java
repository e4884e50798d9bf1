package fr.convergence.terrain.core.store;

import fr.convergence.terrain.core.clock.Hlc;
import fr.convergence.terrain.core.domain.HoursCell;
import fr.convergence.terrain.core.domain.HoursKind;
import fr.convergence.terrain.core.domain.Participant;
import fr.convergence.terrain.core.fixtures.Outbox;
import fr.convergence.terrain.core.store.generated.tables.records.OutboxRecord;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static fr.convergence.terrain.core.store.StoreTestSupport.USER;
import static fr.convergence.terrain.core.store.StoreTestSupport.WORKSITE;
import static fr.convergence.terrain.core.store.StoreTestSupport.openStore;
import static fr.convergence.terrain.core.store.StoreTestSupport.outbox;
import static fr.convergence.terrain.core.store.StoreTestSupport.participant;
import static fr.convergence.terrain.core.store.generated.Tables.OUTBOX;
import static fr.convergence.terrain.core.store.generated.Tables.PARTICIPANT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TerrainStoreTest {

    @TempDir
    Path dir;

    @Test
    void aChangeAndItsOutboxRowCommitTogether() {
        try (TerrainStore store = openStore(dir)) {
            ParticipantRepository participants = new ParticipantRepository(store);
            Participant zoe = participant("Zoé", "N'Diaye-Lefèvre");
            store.write(USER, tx -> {
                participants.save(tx, zoe);
                return null;
            });
            assertThat(participants.find(zoe.id())).contains(zoe);
            assertThat(outbox(store)).singleElement().satisfies(change -> {
                assertThat(change.getTableName()).isEqualTo("participant");
                assertThat(change.getRowId()).isEqualTo(zoe.id());
                assertThat(change.getWorksiteId()).isEqualTo(WORKSITE);
                assertThat(change.getFields()).contains("\"first_name\":\"Zoé\"").contains("\"birth_date\":\"1980-05-17\"");
            });
        }
    }

    @Test
    void aChangeAndItsOutboxRowRollBackTogether() {
        try (TerrainStore store = openStore(dir)) {
            ParticipantRepository participants = new ParticipantRepository(store);
            Participant hugo = participant("Hugo", "Martin");
            assertThatThrownBy(() -> store.write(USER, tx -> {
                participants.save(tx, hugo);
                throw new IllegalStateException("crash after the change, before commit");
            })).isInstanceOf(IllegalStateException.class);
            assertThat(participants.find(hugo.id())).isEmpty();
            assertThat(Outbox.pendingChanges(store)).isZero();
        }
    }

    @Test
    void onlyChangedFieldsTravelForUpdates() {
        try (TerrainStore store = openStore(dir)) {
            ParticipantRepository participants = new ParticipantRepository(store);
            Participant ines = participant("Inès", "Benali");
            store.write(USER, tx -> {
                participants.save(tx, ines);
                return null;
            });
            Participant moved = new Participant(ines.id(), ines.worksiteId(), ines.firstName(), ines.lastName(),
                    ines.birthDate(), "07 00 00 00 00", ines.email(), ines.address(), null, null);
            store.write(USER, tx -> {
                participants.save(tx, moved);
                participants.save(tx, moved);
                return null;
            });
            List<OutboxRecord> pending = outbox(store);
            assertThat(pending).hasSize(2);
            assertThat(pending.get(1).getFields()).isEqualTo("{\"phone\":\"07 00 00 00 00\"}");
            assertThat(Hlc.parse(pending.get(1).getVersion())).isGreaterThan(Hlc.parse(pending.get(0).getVersion()));
        }
    }

    @Test
    void syncColumnsAreStampedWithVersionAndTheWritingDevice() {
        try (TerrainStore store = openStore(dir)) {
            Participant p = participant("Léa", "Roux");
            store.write(USER, tx -> {
                new ParticipantRepository(store).save(tx, p);
                return null;
            });
            var row = store.read(sql -> sql.selectFrom(PARTICIPANT).where(PARTICIPANT.ID.eq(p.id())).fetchOne());
            assertThat(row.getUpdatedBy()).isEqualTo(store.deviceId());
            assertThat(row.getDeleted()).isFalse();
            assertThat(Hlc.parse(row.getVersion()).node()).isEqualTo(store.deviceId());
        }
    }

    @Test
    void removingHoursWritesATombstoneThatSyncs() {
        try (TerrainStore store = openStore(dir)) {
            Participant p = participant("Léa", "Roux");
            HoursRepository hours = new HoursRepository(store);
            LocalDate monday = LocalDate.of(2026, 3, 16);
            store.write(USER, tx -> {
                new ParticipantRepository(store).save(tx, p);
                hours.set(tx, p.id(), WORKSITE, monday, HoursKind.TRAVAIL_CHANTIER, 240);
                return null;
            });
            store.write(USER, tx -> {
                hours.set(tx, p.id(), WORKSITE, monday, HoursKind.TRAVAIL_CHANTIER, 0);
                return null;
            });
            assertThat(hours.ofWorksite(WORKSITE, monday, monday.plusDays(6))).isEmpty();
            assertThat(outbox(store)).last()
                    .satisfies(c -> assertThat(c.getFields()).isEqualTo("{\"deleted\":true}"));
        }
    }

    @Test
    void restoringACellTypedSinceTheLastSyncLeavesNothingToSend() {
        try (TerrainStore store = openStore(dir)) {
            Participant p = participant("Léa", "Roux");
            HoursRepository hours = new HoursRepository(store);
            LocalDate monday = LocalDate.of(2026, 3, 16);
            store.write(USER, tx -> {
                new ParticipantRepository(store).save(tx, p);
                return null;
            });
            int before = Outbox.pendingChanges(store);
            store.write(USER, tx -> {
                hours.set(tx, p.id(), WORKSITE, monday, HoursKind.TRAVAIL_CHANTIER, 240);
                return null;
            });
            store.write(USER, tx -> {
                hours.set(tx, p.id(), WORKSITE, monday, HoursKind.TRAVAIL_CHANTIER, 300);
                return null;
            });
            store.write(USER, tx -> {
                hours.restore(tx, p.id(), WORKSITE, monday, HoursKind.TRAVAIL_CHANTIER, 240);
                return null;
            });
            // The creation and the two edits fold into one change: the cell as it is now.
            assertThat(Outbox.pendingChanges(store)).isEqualTo(before + 1);
            assertThat(outbox(store)).last().satisfies(c -> assertThat(c.getFields()).contains("\"minutes\":240")
                    .contains("\"participant_id\""));

            store.write(USER, tx -> {
                hours.restore(tx, p.id(), WORKSITE, monday, HoursKind.TRAVAIL_CHANTIER, 0);
                return null;
            });
            // The hub never heard of the cell: nothing to send, and no row left behind that it would not have.
            assertThat(Outbox.pendingChanges(store)).isEqualTo(before);
            int rows = store.read(sql -> sql.fetchCount(fr.convergence.terrain.core.store.generated.Tables.HOURS_ENTRY));
            assertThat(rows).isZero();
        }
    }

    @Test
    void savingAWeekAtOnceRecordsOnlyTheCellsThatChanged() {
        try (TerrainStore store = openStore(dir)) {
            Participant p = participant("Léa", "Roux");
            HoursRepository hours = new HoursRepository(store);
            LocalDate monday = LocalDate.of(2026, 3, 16);
            List<HoursRepository.Cell> week = new java.util.ArrayList<>();
            for (int d = 0; d < 5; d++) {
                week.add(new HoursRepository.Cell(p.id(), WORKSITE, monday.plusDays(d), HoursKind.TRAVAIL_CHANTIER, 360));
            }
            int first = store.write(USER, tx -> {
                new ParticipantRepository(store).save(tx, p);
                return hours.setAll(tx, week);
            });
            week.set(2, new HoursRepository.Cell(p.id(), WORKSITE, monday.plusDays(2), HoursKind.TRAVAIL_CHANTIER, 420));
            int second = store.write(USER, tx -> hours.setAll(tx, week));
            assertThat(first).isEqualTo(5);
            assertThat(second).isEqualTo(1);
            assertThat(outbox(store)).hasSize(1 + 5 + 1).last()
                    .satisfies(c -> assertThat(c.getFields()).isEqualTo("{\"minutes\":420}"));
            assertThat(hours.ofWorksite(WORKSITE, monday, monday.plusDays(6)))
                    .extracting(h -> h.minutes()).containsExactlyInAnyOrder(360, 360, 420, 360, 360);
        }
    }

    @Test
    void theSameHoursCellMadeOnTwoLaptopsHasTheSameId() {
        LocalDate day = LocalDate.of(2026, 3, 18);
        assertThat(HoursCell.id("p1", day, HoursKind.FORMATION))
                .isEqualTo(HoursCell.id("p1", day, HoursKind.FORMATION))
                .isNotEqualTo(HoursCell.id("p1", day, HoursKind.ENTREPRISE));
    }

    @Test
    void versionsKeepIncreasingAcrossARestart() {
        Path file = dir.resolve("terrain.db");
        String before;
        try (TerrainStore store = openStore(dir)) {
            store.write(USER, tx -> {
                new ParticipantRepository(store).save(tx, participant("A", "B"));
                return null;
            });
            before = store.read(sql -> sql.select(OUTBOX.VERSION).from(OUTBOX).fetchOne(OUTBOX.VERSION));
        }
        try (TerrainStore reopened = TerrainStore.open(file, java.time.Clock.fixed(java.time.Instant.EPOCH,
                java.time.ZoneOffset.UTC))) {
            assertThat(reopened.hlc().tick()).isGreaterThan(Hlc.parse(before));
        }
    }

    @Test
    void searchIgnoresAccentsAndCase() {
        try (TerrainStore store = openStore(dir)) {
            ParticipantRepository participants = new ParticipantRepository(store);
            store.write(USER, tx -> {
                participants.save(tx, participant("Hélène", "Lefèvre"));
                participants.save(tx, participant("Zoé", "N'Diaye-Lefèvre"));
                participants.save(tx, participant("Hugo", "Delefosse"));
                return null;
            });
            Set<String> worksites = Set.of(WORKSITE);
            assertThat(participants.search(worksites, "helene", 10)).extracting(Participant::lastName)
                    .containsExactly("Lefèvre");
            assertThat(participants.search(worksites, "LEFEVRE", 10)).extracting(Participant::firstName)
                    .containsExactlyInAnyOrder("Hélène", "Zoé");
            assertThat(participants.search(worksites, "lefevre h", 10)).extracting(Participant::firstName)
                    .containsExactly("Hélène");
            assertThat(participants.search(worksites, "ndiaye", 10)).isEmpty();
            assertThat(participants.search(worksites, "diaye", 10)).extracting(Participant::firstName)
                    .containsExactly("Zoé");
            assertThat(participants.search(Set.of("aars"), "helene", 10)).isEmpty();
        }
    }
}
