package fr.convergence.terrain.hub.report;

import static org.assertj.core.api.Assertions.assertThat;

import fr.convergence.terrain.core.domain.ContractType;
import fr.convergence.terrain.core.report.MonthlyStatement;
import fr.convergence.terrain.core.report.MonthlyStatementCsv;
import fr.convergence.terrain.hub.store.JooqHubStore;
import fr.convergence.terrain.sync.protocol.WorksiteInfo;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hub's monthly statement on the hand-counted {@link YearlyDataSet}, read from the hub's store (SQLite here,
 * PostgreSQL in the subclass), each line as the console's CSV writes it: worksite; month; row number; participant;
 * contract; previous contract of the month; entry; planned end; weekly hours; PHC step; hours on the worksite, in a
 * company, in training, worked; justified and unjustified absences; FTE; exit; exit category.
 */
class MonthlyStatementsTest {

    static final String ABEJ = "ABEJ Solidarité (Lille)";

    @TempDir
    Path dir;

    JooqHubStore store;
    MonthlyStatements statements;

    JooqHubStore openStore() {
        return JooqHubStore.sqlite(dir.resolve("hub.db"));
    }

    @BeforeEach
    void load() {
        store = openStore();
        YearlyDataSet.load(store);
        statements = new MonthlyStatements(store);
    }

    @AfterEach
    void close() {
        if (store != null) { // null when the PostgreSQL half was skipped before opening it
            store.close();
        }
    }

    MonthlyStatement statement(String worksite, String month) {
        WorksiteInfo known = store.read(r -> r.worksite(worksite)).orElseThrow();
        return statements.statement(known, YearMonth.parse(month));
    }

    static List<String> lines(MonthlyStatement statement) {
        return MonthlyStatementCsv.linesById(statement).stream().map(l -> String.join(";", l)).toList();
    }

    @Test
    void januaryAtAbejCountsTheHoursOfThePhcContractButNotTheDeletedCell() {
        MonthlyStatement january = statement(YearlyDataSet.ABEJ, "2026-01");

        // P1: 6 h + 4 h on the worksite (the 9 h cell of the 7th was deleted), first PHC step; P2 no hours.
        assertThat(lines(january)).containsExactly(
                ABEJ + ";2026-01;1;P1;Contrat Premières Heures;;03/03/2025;;;4;10,00;0,00;0,00;10,00;0,00;0,00;0,07;;",
                ABEJ + ";2026-01;2;P2;CDDI;;01/09/2025;;26;;0,00;0,00;0,00;0,00;0,00;0,00;0,00;;",
                ABEJ + ";2026-01;Total (2 personnes);;;;;;;;10,00;0,00;0,00;10,00;0,00;0,00;0,07;aucune sortie;");
        assertThat(january.totals().peopleByContract()).containsEntry(ContractType.PHC, 1)
                .containsEntry(ContractType.CDDI, 1);
        assertThat(january.totals().entries()).isZero();
    }

    @Test
    void aTransitionToACddiIsNoExitNorAnEntry() {
        // February: P1's PHC contract ends on the 27th, a transition (no category), said so, not counted an exit.
        assertThat(lines(statement(YearlyDataSet.ABEJ, "2026-02"))).containsExactly(
                ABEJ + ";2026-02;1;P1;Contrat Premières Heures;;03/03/2025;;;4;0,00;0,00;0,00;0,00;0,00;0,00;0,00;"
                        + "27/02/2026;Passage en CDDI",
                ABEJ + ";2026-02;2;P2;CDDI;;01/09/2025;;26;;0,00;0,00;0,00;0,00;0,00;0,00;0,00;;",
                ABEJ + ";2026-02;Total (2 personnes);;;;;;;;0,00;0,00;0,00;0,00;0,00;0,00;0,00;aucune sortie;");
        // March: P1's CDDI from the 2nd continues the PHC (no entry); 2 h training worked, 1 h justified absence not.
        MonthlyStatement march = statement(YearlyDataSet.ABEJ, "2026-03");
        assertThat(lines(march)).containsExactly(
                ABEJ + ";2026-03;1;P2;CDDI;;01/09/2025;;26;;0,00;0,00;0,00;0,00;0,00;0,00;0,00;;",
                ABEJ + ";2026-03;2;P1;CDDI;;02/03/2026;;26;;0,00;0,00;2,00;2,00;1,00;0,00;0,01;;",
                ABEJ + ";2026-03;Total (2 personnes);;;;;;;;0,00;0,00;2,00;2,00;1,00;0,00;0,01;aucune sortie;");
        assertThat(march.totals().entries()).isZero();
        assertThat(march.totals().exits()).isZero();
    }

    @Test
    void entriesAndExitsOfTheMonth() {
        // April: P3 enters PHC on the 6th, with no step recorded yet: the ladder's first, 4 h.
        MonthlyStatement april = statement(YearlyDataSet.ABEJ, "2026-04");
        assertThat(april.totals().entries()).isEqualTo(1);
        assertThat(lines(april).get(2)).isEqualTo(
                ABEJ + ";2026-04;3;P3;Contrat Premières Heures;;06/04/2026;;;4;0,00;0,00;0,00;0,00;0,00;0,00;0,00;;");
        // June: P2 leaves on the 30th for a lasting job.
        MonthlyStatement june = statement(YearlyDataSet.ABEJ, "2026-06");
        assertThat(june.totals().people()).isEqualTo(3);
        assertThat(june.totals().exits()).isEqualTo(1);
        assertThat(lines(june).get(0)).endsWith(";P2;CDDI;;01/09/2025;;26;;0,00;0,00;0,00;0,00;0,00;0,00;0,00;"
                + "30/06/2026;Emploi durable");
        assertThat(lines(june).get(3)).endsWith(";Total (3 personnes);;;;;;;;0,00;0,00;0,00;0,00;0,00;0,00;0,00;"
                + "1 sortie;");
    }

    @Test
    void eachWorksiteItsOwnPeopleAndHoursAndNoDeletedEnrolment() {
        // Lyon, February: P8's 15 h; Abej's and Éole's hours of the same month are not Lyon's.
        assertThat(lines(statement(YearlyDataSet.LYON, "2026-02"))).containsExactly(
                "Armée du Salut Lyon (Lyon);2026-02;1;P8;CDDI;;03/02/2025;;26;;15,00;0,00;0,00;15,00;0,00;0,00;0,10;;",
                "Armée du Salut Lyon (Lyon);2026-02;Total (1 personne);;;;;;;;15,00;0,00;0,00;15,00;0,00;0,00;0,10;"
                        + "aucune sortie;");
        // Éole, February: P5 only, P7's deleted enrolment never counts.
        assertThat(statement(YearlyDataSet.EOLE, "2026-02").rows()).extracting(MonthlyStatement.Row::participantId)
                .containsExactly("P5");
        // A month with nobody under contract: no row, totals at zero.
        MonthlyStatement empty = statement(YearlyDataSet.EOLE, "2025-06");
        assertThat(empty.rows()).isEmpty();
        assertThat(empty.totals().people()).isZero();
    }

    @Test
    void theHubsStatementHasNoName() {
        YearlyDataSet.addParticipant(store, "P1", YearlyDataSet.ABEJ, "Témoin-Nom", "Témoin-Prénom");
        MonthlyStatement january = statement(YearlyDataSet.ABEJ, "2026-01");
        assertThat(january.rows()).noneMatch(MonthlyStatement.Row::named);
        assertThat(String.join("\n", lines(january))).doesNotContain("Témoin");
    }

    @Test
    void onlyRealMonthsOfPlausibleYears() {
        assertThat(MonthlyStatements.month("2026-11")).contains(YearMonth.of(2026, 11));
        assertThat(MonthlyStatements.month(" 2026-01 ")).contains(YearMonth.of(2026, 1));
        for (String wrong : List.of("2026-13", "2026-1", "novembre", "1999-12", "", "2026-11-01")) {
            assertThat(MonthlyStatements.month(wrong)).as(wrong).isEmpty();
        }
        assertThat(MonthlyStatements.month(null)).isEmpty();
    }

    @Test
    void theStoreIsReadAgainOnlyWhenTheHubsDataChanged() {
        java.util.concurrent.atomic.AtomicInteger reads = new java.util.concurrent.atomic.AtomicInteger();
        HubReportSource counted = new HubReportSource() {
            @Override
            public HubReportData reportData(java.time.LocalDate from, java.time.LocalDate to) {
                return store.reportData(from, to);
            }

            @Override
            public HubMonthlyData monthlyData(String worksiteId, java.time.LocalDate from, java.time.LocalDate to) {
                reads.incrementAndGet();
                return store.monthlyData(worksiteId, from, to);
            }

            @Override
            public long dataVersion() {
                return store.dataVersion();
            }
        };
        MonthlyStatements cached = new MonthlyStatements(counted);
        WorksiteInfo lyon = store.read(r -> r.worksite(YearlyDataSet.LYON)).orElseThrow();
        assertThat(cached.statement(lyon, YearMonth.of(2026, 5)).totals().people()).isEqualTo(1);
        assertThat(cached.statement(lyon, YearMonth.of(2026, 5)).totals().people()).isEqualTo(1);
        assertThat(reads).hasValue(1);
        cached.statement(lyon, YearMonth.of(2026, 6));
        assertThat(reads).hasValue(2);

        // A new person synced to Lyon: the next statement reads the store again and counts them.
        YearlyDataSet.addEnrolment(store, "P10", YearlyDataSet.LYON, "2026-05-04");
        assertThat(cached.statement(lyon, YearMonth.of(2026, 5)).totals().people()).isEqualTo(2);
        assertThat(reads).hasValue(3);
    }
}
