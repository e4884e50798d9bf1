package fr.convergence.terrain.core.week;

import fr.convergence.terrain.core.account.AccessDeniedException;
import fr.convergence.terrain.core.account.Workstation;
import fr.convergence.terrain.core.domain.HoursCell;
import fr.convergence.terrain.core.domain.HoursFormat;
import fr.convergence.terrain.core.domain.HoursKind;
import fr.convergence.terrain.core.domain.User;
import fr.convergence.terrain.core.fixtures.Outbox;
import fr.convergence.terrain.core.fixtures.ServiceFixtures;
import fr.convergence.terrain.core.participant.ParticipantService;
import fr.convergence.terrain.core.store.TerrainStore;
import fr.convergence.terrain.core.verdict.Severity;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static fr.convergence.terrain.core.fixtures.ServiceFixtures.TODAY;
import static fr.convergence.terrain.core.fixtures.ServiceFixtures.WORKSITE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WeekServiceTest {

    private static final IsoWeek WEEK = IsoWeek.of(TODAY);
    private static final LocalDate MONDAY = WEEK.monday();

    @TempDir
    Path dir;
    private TerrainStore store;
    private User esp;
    private WeekService weeks;
    private String phcId;
    private String cddiId;

    @BeforeEach
    void setUp() {
        store = ServiceFixtures.open(dir);
        esp = ServiceFixtures.install(store);
        Workstation workstation = new Workstation(store);
        ParticipantService participants = new ParticipantService(workstation);
        phcId = participants.create(esp, ServiceFixtures.person("Hélène", "Lefèvre"),
                ServiceFixtures.phc(MONDAY.minusWeeks(3))).value().orElseThrow().id();
        cddiId = participants.create(esp, ServiceFixtures.person("Ali", "Benali"),
                ServiceFixtures.cddi(MONDAY.minusMonths(2), 26)).value().orElseThrow().id();
        participants.create(esp, ServiceFixtures.person("Zoé", "Futur"), ServiceFixtures.phc(MONDAY.plusWeeks(2)));
        weeks = new WeekService(workstation);
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    @Test
    void theGridListsOnlyParticipantsEnrolledDuringTheWeekWithTheirTarget() {
        WeekGrid grid = weeks.load(esp, WORKSITE, WEEK);

        assertThat(grid.rows()).extracting(r -> r.participant().lastName()).containsExactly("Benali", "Lefèvre");
        assertThat(grid.rows().get(0).targetHours()).isEqualTo(26);
        assertThat(grid.rows().get(1).targetHours()).isEqualTo(4);
    }

    @Test
    void theGridRowsFollowFrenchCollation() {
        ParticipantService participants = new ParticipantService(new Workstation(store));
        for (String last : new String[] {"Élodie", "Bouchard", "Bœuf", "Bérenger"}) {
            participants.create(esp, ServiceFixtures.person("Awa", last), ServiceFixtures.phc(MONDAY.minusWeeks(1)));
        }

        assertThat(weeks.load(esp, WORKSITE, WEEK).rows()).extracting(r -> r.participant().lastName())
                .containsExactly("Benali", "Bérenger", "Bœuf", "Bouchard", "Élodie", "Lefèvre");
    }

    @Test
    void typedHoursAreReadInEveryUsualFormAndSaved() {
        var result = weeks.setTyped(esp, cddiId, MONDAY, typed(HoursKind.TRAVAIL_CHANTIER, "6h30"));

        assertThat(result.saved()).isTrue();
        assertThat(result.minutes()).isEqualTo(390);
        assertThat(result.row().workedMinutes()).isEqualTo(390);
        assertThat(weeks.load(esp, WORKSITE, WEEK).rows().get(0).minutes(MONDAY, HoursKind.TRAVAIL_CHANTIER))
                .isEqualTo(390);
        assertThat(Outbox.pendingChanges(store)).isGreaterThan(0);
    }

    @Test
    void hoursAboveTwentyInAPhcWeekAreRefusedAndNothingIsSaved() {
        weeks.setTyped(esp, phcId, MONDAY, typed(HoursKind.TRAVAIL_CHANTIER, "8"));
        weeks.setTyped(esp, phcId, MONDAY.plusDays(1), typed(HoursKind.TRAVAIL_CHANTIER, "8"));

        var refused = weeks.setTyped(esp, phcId, MONDAY.plusDays(2), typed(HoursKind.TRAVAIL_CHANTIER, "5"));

        assertThat(refused.saved()).isFalse();
        assertThat(refused.verdict().severity()).isEqualTo(Severity.REFUSED);
        assertThat(refused.verdict().text()).contains("au plus 20 h");
        assertThat(weeks.load(esp, WORKSITE, WEEK).rows().get(1).workedMinutes()).isEqualTo(16 * 60);
    }

    @Test
    void goingOverThePhcStepIsSavedWithAWarning() {
        var result = weeks.setTyped(esp, phcId, MONDAY, typed(HoursKind.TRAVAIL_CHANTIER, "5"));

        assertThat(result.saved()).isTrue();
        assertThat(result.verdict().severity()).isEqualTo(Severity.WARNING);
        assertThat(result.verdict().text()).contains("Palier de 4 h");
    }

    @Test
    void unreadableTextIsRefusedWithAFrenchMessage() {
        var result = weeks.setTyped(esp, phcId, MONDAY, typed(HoursKind.TRAVAIL_CHANTIER, "six"));

        assertThat(result.saved()).isFalse();
        assertThat(result.verdict().text()).contains("n’est pas une durée reconnue");
    }

    @Test
    void emptyingACellRemovesItsHours() {
        weeks.setTyped(esp, cddiId, MONDAY, typed(HoursKind.FORMATION, "3"));
        var result = weeks.setTyped(esp, cddiId, MONDAY, typed(HoursKind.FORMATION, ""));

        assertThat(result.saved()).isTrue();
        assertThat(result.previousMinutes()).isEqualTo(180);
        assertThat(weeks.load(esp, WORKSITE, WEEK).rows().get(0).entries()).isEmpty();
    }

    @Test
    void copyingThePreviousWeekFillsEmptyCellsAndKeepsTheOthers() {
        IsoWeek previous = WEEK.previous();
        weeks.setTyped(esp, cddiId, previous.monday(), typed(HoursKind.TRAVAIL_CHANTIER, "7"));
        weeks.setTyped(esp, cddiId, previous.monday().plusDays(1), typed(HoursKind.TRAVAIL_CHANTIER, "7"));
        weeks.setTyped(esp, cddiId, previous.monday().plusDays(2), typed(HoursKind.ABSENCE_JUSTIFIEE, "7"));
        weeks.setTyped(esp, cddiId, MONDAY.plusDays(1), typed(HoursKind.TRAVAIL_CHANTIER, "5"));

        var copy = weeks.copyPreviousWeek(esp, WORKSITE, WEEK, false);

        assertThat(copy.copied()).isEqualTo(1);
        assertThat(copy.keptExisting()).isEqualTo(1);
        var row = weeks.load(esp, WORKSITE, WEEK).rows().get(0);
        assertThat(row.minutes(MONDAY, HoursKind.TRAVAIL_CHANTIER)).isEqualTo(420);
        assertThat(row.minutes(MONDAY.plusDays(1), HoursKind.TRAVAIL_CHANTIER)).isEqualTo(300);
        assertThat(row.minutes(MONDAY.plusDays(2), HoursKind.ABSENCE_JUSTIFIEE)).isZero();
    }

    @Test
    void aDayHoldingAnAbsenceIsFilledForTheCopyAndIsReplacedOnlyWhenAsked() {
        IsoWeek previous = WEEK.previous();
        weeks.setTyped(esp, cddiId, previous.monday(), typed(HoursKind.TRAVAIL_CHANTIER, "2"));
        weeks.setTyped(esp, cddiId, previous.monday().plusDays(1), typed(HoursKind.TRAVAIL_CHANTIER, "6"));
        weeks.setTyped(esp, cddiId, MONDAY, typed(HoursKind.ABSENCE_INJUSTIFIEE, "3"));

        var plan = weeks.copyPlan(esp, WORKSITE, WEEK);
        assertThat(plan.toFill()).extracting(WeekService.DayCopy::day).containsExactly(MONDAY.plusDays(1));
        assertThat(plan.alreadyFilled()).extracting(WeekService.DayCopy::day).containsExactly(MONDAY);
        assertThat(plan.people()).containsExactly("Benali Ali");

        var kept = weeks.copyPreviousWeek(esp, WORKSITE, WEEK, false);
        var row = weeks.load(esp, WORKSITE, WEEK).rows().get(0);
        assertThat(kept.copied()).isEqualTo(1);
        assertThat(kept.keptExisting()).isEqualTo(1);
        assertThat(row.on(MONDAY)).extracting(e -> e.kind()).containsExactly(HoursKind.ABSENCE_INJUSTIFIEE);

        var replaced = weeks.copyPreviousWeek(esp, WORKSITE, WEEK, true);
        row = weeks.load(esp, WORKSITE, WEEK).rows().get(0);
        assertThat(replaced.keptExisting()).isZero();
        assertThat(row.on(MONDAY)).extracting(e -> e.kind(), e -> e.minutes())
                .containsExactly(org.assertj.core.groups.Tuple.tuple(HoursKind.TRAVAIL_CHANTIER, 120));
        assertThat(replaced.changes()).hasSize(2);

        // Undone, the replaced day holds its absence again, and nothing else.
        weeks.undo(esp, replaced.changes());
        row = weeks.load(esp, WORKSITE, WEEK).rows().get(0);
        assertThat(row.on(MONDAY)).extracting(e -> e.kind(), e -> e.minutes())
                .containsExactly(org.assertj.core.groups.Tuple.tuple(HoursKind.ABSENCE_INJUSTIFIEE, 180));
    }

    @Test
    void oneUndoPutsBackAWholeCopyAndLeavesNothingNewToSynchronise() {
        IsoWeek previous = WEEK.previous();
        weeks.setTyped(esp, cddiId, previous.monday(), typed(HoursKind.TRAVAIL_CHANTIER, "7"));
        weeks.setTyped(esp, cddiId, previous.monday().plusDays(1), typed(HoursKind.ENTREPRISE, "4"));
        int pendingBefore = Outbox.pendingChanges(store);

        var copy = weeks.copyPreviousWeek(esp, WORKSITE, WEEK, false);
        assertThat(copy.changes()).hasSize(2);
        assertThat(Outbox.pendingChanges(store)).isEqualTo(pendingBefore + 2);

        var undone = weeks.undo(esp, copy.changes());

        assertThat(undone).allMatch(WeekService.CellResult::saved);
        assertThat(weeks.load(esp, WORKSITE, WEEK).rows().get(0).entries()).isEmpty();
        assertThat(Outbox.pendingChanges(store)).isEqualTo(pendingBefore);
    }

    @Test
    void undoingAnUnsentChangeFoldsIntoItInsteadOfAddingOne() {
        weeks.setTyped(esp, cddiId, MONDAY, typed(HoursKind.TRAVAIL_CHANTIER, "5"));
        int afterFirst = Outbox.pendingChanges(store);
        var edit = weeks.setTyped(esp, cddiId, MONDAY, typed(HoursKind.TRAVAIL_CHANTIER, "6"));
        assertThat(Outbox.pendingChanges(store)).isEqualTo(afterFirst + 1);

        weeks.undo(esp, java.util.List.of(new WeekService.CellChange(cddiId, MONDAY, HoursKind.TRAVAIL_CHANTIER,
                edit.previousMinutes(), edit.minutes())));

        // The 5 h typed first and the undone 6 h: one change carrying the cell as it is now.
        assertThat(Outbox.pendingChanges(store)).isEqualTo(afterFirst);
        assertThat(weeks.load(esp, WORKSITE, WEEK).rows().get(0).minutes(MONDAY, HoursKind.TRAVAIL_CHANTIER))
                .isEqualTo(300);
    }

    @Test
    void aWorksiteOutsideTheUsersScopeIsRefused() {
        assertThatThrownBy(() -> weeks.load(ServiceFixtures.elsewhere(), WORKSITE, WEEK))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> weeks.setTyped(ServiceFixtures.elsewhere(), phcId, MONDAY, typed(HoursKind.TRAVAIL_CHANTIER, "2"))).isInstanceOf(AccessDeniedException.class);
    }

    /** What {@link HoursCell#read} gives for hours typed with the kind's letter. */
    private static HoursCell.Typed typed(HoursKind kind, String hours) {
        return new HoursCell.Typed(kind, HoursFormat.parse(hours));
    }
}
