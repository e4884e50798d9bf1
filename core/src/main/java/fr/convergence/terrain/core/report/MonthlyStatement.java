package fr.convergence.terrain.core.report;

import fr.convergence.terrain.core.domain.ContractType;
import fr.convergence.terrain.core.domain.ExitCategory;
import fr.convergence.terrain.core.domain.HoursKind;
import fr.convergence.terrain.core.domain.Programme;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

/**
 * The relevé mensuel des heures of one worksite for one calendar month, computed by
 * {@link ReportCalculator#monthlyStatement}: a row per person under contract that month, and the totals. Every
 * column is defined in docs/indicators.md (« Relevé mensuel des heures »).
 */
public record MonthlyStatement(String worksiteId, String worksiteName, YearMonth month, List<Row> rows,
                               Totals totals) {

    /** One full-time equivalent: 1,820 hours a year, i.e. 151.67 hours (9,100 minutes) a month. */
    public static final long FTE_MINUTES_A_MONTH = 1820L * 60 / 12;

    /**
     * One person under contract in the month: the contract in force at the end of their time in the month (the
     * latest enrolment of the worksite active on a day of the month), with its real dates (not clipped to the
     * month), and the person's hours of the month on the worksite by kind. {@code previousContract} is the type
     * of an earlier contract of the same month (PHC before a CDDI), else null. {@code lastName} and
     * {@code firstName} are null when the reader may not see the person's name (an archived file for an ESP or a
     * CIP); the figures are there all the same.
     */
    public record Row(String participantId, String lastName, String firstName, Programme programme,
                      ContractType contract, ContractType previousContract, LocalDate entryDate,
                      LocalDate contractEndDate, Integer weeklyHours, Integer phcStepHours, LocalDate exitDate,
                      ExitCategory exitCategory, Map<HoursKind, Long> minutes) {

        public boolean named() {
            return lastName != null || firstName != null;
        }

        public long minutes(HoursKind kind) {
            return minutes.getOrDefault(kind, 0L);
        }

        public long workedMinutes() {
            return MonthlyStatement.worked(minutes);
        }

        public BigDecimal fte() {
            return MonthlyStatement.fte(workedMinutes());
        }
    }

    /**
     * The month's totals: people under contract (by type of the contract in their row), entries and exits of the
     * month, minutes by kind, full-time equivalents of the worked hours.
     */
    public record Totals(int people, Map<ContractType, Integer> peopleByContract, int entries, int exits,
                         Map<HoursKind, Long> minutes) {

        public long minutes(HoursKind kind) {
            return minutes.getOrDefault(kind, 0L);
        }

        public long workedMinutes() {
            return MonthlyStatement.worked(minutes);
        }

        /** Of the total worked minutes, not the sum of the rows' rounded figures. */
        public BigDecimal fte() {
            return MonthlyStatement.fte(workedMinutes());
        }
    }

    /** Worked minutes as full-time equivalents of a month, two decimals (half up). */
    public static BigDecimal fte(long workedMinutes) {
        return BigDecimal.valueOf(workedMinutes).divide(BigDecimal.valueOf(FTE_MINUTES_A_MONTH), 2,
                RoundingMode.HALF_UP);
    }

    /** The kinds of a statement's columns, in order: the worked kinds, then the absences. */
    public static List<HoursKind> kinds() {
        return List.of(HoursKind.values());
    }

    private static long worked(Map<HoursKind, Long> minutes) {
        return minutes.entrySet().stream().filter(e -> e.getKey().worked()).mapToLong(Map.Entry::getValue).sum();
    }
}
