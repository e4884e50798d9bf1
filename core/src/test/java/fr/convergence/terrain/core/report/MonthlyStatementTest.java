package fr.convergence.terrain.core.report;

import fr.convergence.terrain.core.domain.ContractType;
import fr.convergence.terrain.core.domain.Enrolment;
import fr.convergence.terrain.core.domain.ExitCategory;
import fr.convergence.terrain.core.domain.ExitReason;
import fr.convergence.terrain.core.domain.HoursKind;
import fr.convergence.terrain.core.domain.Participant;
import fr.convergence.terrain.core.domain.PhcStep;
import fr.convergence.terrain.core.domain.Programme;
import fr.convergence.terrain.core.week.PhcStepLadder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The monthly statement of November 2026 on a hand-made worksite (30 days). The people:
 * Ana Lopes: PHC since 07/09, 6 h since 05/10, 8 h since 16/11; 25 h worked, 4 h of justified absence.
 * Bilal Kaci: CDDI of 26 h a week from 16/11 (an entry mid-month); 65 h on the worksite, 7 h of training, 3 h of
 * unjustified absence. Chloé Martin: CDDI of 30 h since March, left on 20/11 for a CDI (emploi durable); 100 h on
 * the worksite, 20 h in a company, 8 h of justified absence. David Petit: PHC from June to 06/11 then CDDI of 20 h
 * from 09/11 (a transition: neither an exit nor an entry); 40 h worked, 1 h of unjustified absence.
 * Emma Roux left in October, Farid Saïd enters in December: not under contract in November. Gaël, on another
 * worksite, has 10 h in the minutes given: not counted.
 *
 * <p>Totals: 4 people (1 PHC, 3 CDDI), 1 entry, 1 exit; worksite 230 h, company 20 h, training 7 h: 257 h worked
 * (15,420 minutes = 1.69 FTE of 9,100 minutes), justified absences 12 h, unjustified 4 h.
 */
class MonthlyStatementTest {

    static final YearMonth NOVEMBER = YearMonth.of(2026, 11);
    static final String W1 = "w1";
    static final List<Enrolment> ENROLMENTS = new ArrayList<>();
    static final List<Participant> PEOPLE = new ArrayList<>();
    static final Map<String, List<PhcStep>> STEPS = Map.of("pa-phc", List.of(
            new PhcStep("s1", "pa-phc", 4, d(2026, 9, 7)), new PhcStep("s2", "pa-phc", 6, d(2026, 10, 5)),
            new PhcStep("s3", "pa-phc", 8, d(2026, 11, 16))));
    static final List<PersonMinutes> MINUTES = List.of(
            new PersonMinutes("pa", HoursKind.TRAVAIL_CHANTIER, 1500),
            new PersonMinutes("pa", HoursKind.ABSENCE_JUSTIFIEE, 240),
            new PersonMinutes("pb", HoursKind.TRAVAIL_CHANTIER, 3900),
            new PersonMinutes("pb", HoursKind.FORMATION, 420),
            new PersonMinutes("pb", HoursKind.ABSENCE_INJUSTIFIEE, 180),
            new PersonMinutes("pc", HoursKind.TRAVAIL_CHANTIER, 6000),
            new PersonMinutes("pc", HoursKind.ENTREPRISE, 1200),
            new PersonMinutes("pc", HoursKind.ABSENCE_JUSTIFIEE, 480),
            new PersonMinutes("pd", HoursKind.TRAVAIL_CHANTIER, 1800),
            new PersonMinutes("pd", HoursKind.TRAVAIL_CHANTIER, 600),
            new PersonMinutes("pd", HoursKind.ABSENCE_INJUSTIFIEE, 60),
            new PersonMinutes("pg", HoursKind.TRAVAIL_CHANTIER, 600));

    static {
        person("pa", "Ana", "Lopes");
        person("pb", "Bilal", "Kaci");
        person("pc", "Chloé", "Martin");
        person("pd", "David", "Petit");
        person("pe", "Emma", "Roux");
        person("pf", "Farid", "Saïd");
        ENROLMENTS.add(phc("pa", d(2026, 9, 7), null));
        ENROLMENTS.add(cddi("pb", d(2026, 11, 16), 26, null, null));
        ENROLMENTS.add(cddi("pc", d(2026, 3, 2), 30, d(2026, 11, 20), ExitReason.CDI));
        ENROLMENTS.add(phc("pd", d(2026, 6, 1), d(2026, 11, 6)));
        ENROLMENTS.add(cddi("pd", d(2026, 11, 9), 20, null, null));
        ENROLMENTS.add(cddi("pe", d(2026, 4, 1), 26, d(2026, 10, 30), ExitReason.ABANDON));
        ENROLMENTS.add(cddi("pf", d(2026, 12, 1), 26, null, null));
        ENROLMENTS.add(new Enrolment("pg-cddi", "pg", "w2", Programme.CVG, ContractType.CDDI, d(2026, 1, 5), null, 26,
                null, null, null, null, null, null));
    }

    static MonthlyStatement statement() {
        return ReportCalculator.monthlyStatement(W1, "Chantier 1", NOVEMBER, ENROLMENTS, STEPS, PEOPLE, MINUTES,
                PhcStepLadder.DEFAULT);
    }

    @Test
    void oneRowPerPersonUnderContractInTheMonthInFrenchNameOrder() {
        MonthlyStatement statement = statement();

        assertThat(statement.rows()).extracting(MonthlyStatement.Row::lastName)
                .containsExactly("Kaci", "Lopes", "Martin", "Petit");
    }

    @Test
    void eachRowGivesTheContractItsRealDatesItsWeeklyHoursOrPhcStepAndTheHoursOfTheMonthByKind() {
        List<MonthlyStatement.Row> rows = statement().rows();
        MonthlyStatement.Row kaci = rows.get(0);
        MonthlyStatement.Row lopes = rows.get(1);
        MonthlyStatement.Row martin = rows.get(2);
        MonthlyStatement.Row petit = rows.get(3);

        assertThat(kaci.contract()).isEqualTo(ContractType.CDDI);
        assertThat(kaci.entryDate()).isEqualTo(d(2026, 11, 16));
        assertThat(kaci.contractEndDate()).isEqualTo(d(2027, 5, 15));
        assertThat(kaci.weeklyHours()).isEqualTo(26);
        assertThat(kaci.phcStepHours()).isNull();
        assertThat(kaci.minutes(HoursKind.FORMATION)).isEqualTo(420);
        assertThat(kaci.workedMinutes()).isEqualTo(4320);
        assertThat(kaci.minutes(HoursKind.ABSENCE_INJUSTIFIEE)).isEqualTo(180);
        assertThat(kaci.fte()).isEqualTo(new BigDecimal("0.47"));

        // The step in force on the month's last day; the entry date is the contract's, not the 1st of the month.
        assertThat(lopes.contract()).isEqualTo(ContractType.PHC);
        assertThat(lopes.entryDate()).isEqualTo(d(2026, 9, 7));
        assertThat(lopes.phcStepHours()).isEqualTo(8);
        assertThat(lopes.weeklyHours()).isNull();
        assertThat(lopes.workedMinutes()).isEqualTo(1500);
        assertThat(lopes.minutes(HoursKind.ABSENCE_JUSTIFIEE)).isEqualTo(240);
        assertThat(lopes.fte()).isEqualTo(new BigDecimal("0.16"));

        assertThat(martin.exitDate()).isEqualTo(d(2026, 11, 20));
        assertThat(martin.exitCategory()).isEqualTo(ExitCategory.EMPLOI_DURABLE);
        assertThat(martin.workedMinutes()).isEqualTo(7200);
        assertThat(martin.fte()).isEqualTo(new BigDecimal("0.79"));

        // PHC then CDDI in the month: one row, the CDDI's, with the PHC named before it; the transition is no exit.
        assertThat(petit.contract()).isEqualTo(ContractType.CDDI);
        assertThat(petit.previousContract()).isEqualTo(ContractType.PHC);
        assertThat(petit.entryDate()).isEqualTo(d(2026, 11, 9));
        assertThat(petit.weeklyHours()).isEqualTo(20);
        assertThat(petit.exitDate()).isNull();
        assertThat(petit.workedMinutes()).isEqualTo(2400);
        assertThat(petit.fte()).isEqualTo(new BigDecimal("0.26"));
    }

    @Test
    void totalsAddUpThePeopleUnderContractAndTheFteComesFromTheTotalHoursNotTheRoundedRows() {
        MonthlyStatement.Totals totals = statement().totals();

        assertThat(totals.people()).isEqualTo(4);
        assertThat(totals.peopleByContract()).containsEntry(ContractType.PHC, 1).containsEntry(ContractType.CDDI, 3);
        assertThat(totals.entries()).isEqualTo(1);
        assertThat(totals.exits()).isEqualTo(1);
        assertThat(totals.minutes(HoursKind.TRAVAIL_CHANTIER)).isEqualTo(230 * 60);
        assertThat(totals.minutes(HoursKind.ENTREPRISE)).isEqualTo(20 * 60);
        assertThat(totals.minutes(HoursKind.FORMATION)).isEqualTo(7 * 60);
        assertThat(totals.workedMinutes()).isEqualTo(257 * 60);
        assertThat(totals.minutes(HoursKind.ABSENCE_JUSTIFIEE)).isEqualTo(12 * 60);
        assertThat(totals.minutes(HoursKind.ABSENCE_INJUSTIFIEE)).isEqualTo(4 * 60);
        // 15,420 / 9,100 = 1.6945…; the rows' rounded FTE add up to 1.68.
        assertThat(totals.fte()).isEqualTo(new BigDecimal("1.69"));
        assertThat(MonthlyStatement.FTE_MINUTES_A_MONTH).isEqualTo(9100);
        assertThat(MonthlyStatement.fte(9100)).isEqualTo(new BigDecimal("1.00"));
    }

    @Test
    void aPersonWhoseNameIsNotGivenKeepsTheirFiguresWithoutAName() {
        List<Participant> withoutAna = PEOPLE.stream().filter(p -> !p.id().equals("pa")).toList();

        MonthlyStatement statement = ReportCalculator.monthlyStatement(W1, "Chantier 1", NOVEMBER, ENROLMENTS, STEPS,
                withoutAna, MINUTES, PhcStepLadder.DEFAULT);

        assertThat(statement.rows()).extracting(MonthlyStatement.Row::lastName)
                .containsExactly("Kaci", "Martin", "Petit", null);
        MonthlyStatement.Row hidden = statement.rows().get(3);
        assertThat(hidden.named()).isFalse();
        assertThat(hidden.workedMinutes()).isEqualTo(1500);
        assertThat(statement.totals()).isEqualTo(statement().totals());
    }

    @Test
    void aPhcContractThatEndsInTheMonthShowsTheStepInForceOnItsLastDay() {
        List<Enrolment> endingInNovember = List.of(phc("pa", d(2026, 9, 7), d(2026, 11, 10)));

        MonthlyStatement statement = ReportCalculator.monthlyStatement(W1, "Chantier 1", NOVEMBER, endingInNovember, STEPS,
                PEOPLE, List.of(), PhcStepLadder.DEFAULT);

        assertThat(statement.rows()).singleElement().satisfies(r -> {
            assertThat(r.phcStepHours()).isEqualTo(6);
            assertThat(r.exitDate()).isEqualTo(d(2026, 11, 10));
            assertThat(r.exitCategory()).isNull();
        });
    }

    @Test
    void theCsvHasALinePerPersonThenTheTotalsWithDecimalCommas() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MonthlyStatementCsv.write(statement(), out, false);
        byte[] bytes = out.toByteArray();

        assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
        List<String> lines = List.of(new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8).split("\r\n"));
        assertThat(lines).containsExactly(
                "Chantier;Mois;Nom;Prénom;Contrat;Contrat précédent dans le mois;Entrée;Fin prévue du contrat;"
                        + "Heures hebdomadaires du contrat;Palier PHC (heures par semaine);"
                        + "Travail sur le chantier (heures);En entreprise (heures);Formation (heures);"
                        + "Heures travaillées;Absence justifiée (heures);Absence injustifiée (heures);ETP;Sortie;"
                        + "Type de sortie",
                "Chantier 1;2026-11;Kaci;Bilal;CDDI;;16/11/2026;15/05/2027;26;;65,00;0,00;7,00;72,00;0,00;3,00;0,47;;",
                "Chantier 1;2026-11;Lopes;Ana;Contrat Premières Heures;;07/09/2026;;;8;25,00;0,00;0,00;25,00;4,00;"
                        + "0,00;0,16;;",
                "Chantier 1;2026-11;Martin;Chloé;CDDI;;02/03/2026;01/09/2026;30;;100,00;20,00;0,00;120,00;8,00;0,00;"
                        + "0,79;20/11/2026;Emploi durable",
                "Chantier 1;2026-11;Petit;David;CDDI;Contrat Premières Heures;09/11/2026;08/05/2027;20;;40,00;0,00;"
                        + "0,00;40,00;0,00;1,00;0,26;;",
                "Chantier 1;2026-11;Total (4 personnes);;;;;;;;230,00;20,00;7,00;257,00;12,00;4,00;1,69;1 sortie;");
    }

    @Test
    void theCsvOfADemonstrationStoreSaysSoOnEveryLine() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MonthlyStatementCsv.write(statement(), out, true);

        List<String> lines = List.of(out.toString(StandardCharsets.UTF_8).split("\r\n"));
        assertThat(lines.get(0)).endsWith(";Type de sortie;" + ReportCsv.DEMO_COLUMN);
        assertThat(lines.subList(1, lines.size())).allMatch(l -> l.endsWith(";DÉMONSTRATION — données fictives"));
    }

    private static void person(String id, String first, String last) {
        PEOPLE.add(new Participant(id, W1, first, last, null, null, null, null, null, null));
    }

    private static Enrolment phc(String person, LocalDate entry, LocalDate transition) {
        return new Enrolment(person + "-phc", person, W1, Programme.PHC, ContractType.PHC, entry, null, null, null,
                null, null, transition, null, null);
    }

    private static Enrolment cddi(String person, LocalDate entry, int weekly, LocalDate exit, ExitReason reason) {
        return new Enrolment(person + "-cddi", person, W1, Programme.CVG, ContractType.CDDI, entry,
                entry.plusMonths(6).minusDays(1), weekly, null, null, null, exit,
                reason == null ? null : reason.category(), reason);
    }

    private static LocalDate d(int y, int m, int day) {
        return LocalDate.of(y, m, day);
    }
}
