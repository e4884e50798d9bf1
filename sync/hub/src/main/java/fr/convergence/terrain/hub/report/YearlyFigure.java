package fr.convergence.terrain.hub.report;

import com.ibm.icu.text.NumberFormat;
import fr.convergence.terrain.core.domain.ExitCategory;
import fr.convergence.terrain.core.domain.Programme;
import fr.convergence.terrain.core.report.Report;
import fr.convergence.terrain.core.report.ReportCsv;
import fr.convergence.terrain.core.text.Texts;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.function.Function;

/**
 * The columns of the yearly table, in order: each reads one figure of a {@link Report} computed by core's
 * {@code ReportCalculator} (nothing is counted here), and writes it for a page, a CSV for French Excel or JSON.
 * Definitions: docs/indicators.md.
 */
public enum YearlyFigure {
    WORKSITES("worksites", "Chantiers", Unit.COUNT, r -> r.worksiteIds().size()),
    ACTIVE_CASELOAD("activeCaseload", "File active", Unit.COUNT, r -> r.activeCaseload().total()),
    CVG("cvg", "dont CVG", Unit.COUNT, r -> r.activeCaseload().byProgramme().getOrDefault(Programme.CVG, 0)),
    PHC("phc", "dont PHC", Unit.COUNT, r -> r.activeCaseload().byProgramme().getOrDefault(Programme.PHC, 0)),
    PHC_ENTRIES("phcEntries", "Entrées en PHC", Unit.COUNT,
            r -> r.entriesAndExits().entriesByProgramme().getOrDefault(Programme.PHC, 0)),
    EXITS_LASTING_JOB("exitsLastingJob", ExitCategory.EMPLOI_DURABLE.label(), Unit.COUNT,
            r -> exits(r, ExitCategory.EMPLOI_DURABLE)),
    EXITS_TRANSITION_JOB("exitsTransitionJob", ExitCategory.EMPLOI_TRANSITION.label(), Unit.COUNT,
            r -> exits(r, ExitCategory.EMPLOI_TRANSITION)),
    EXITS_POSITIVE("exitsPositive", ExitCategory.SORTIE_POSITIVE.label(), Unit.COUNT,
            r -> exits(r, ExitCategory.SORTIE_POSITIVE)),
    EXITS_OTHER("exitsOther", ExitCategory.AUTRE_SORTIE.label(), Unit.COUNT, r -> exits(r, ExitCategory.AUTRE_SORTIE)),
    EXITS("exits", "Total des sorties", Unit.COUNT, r -> r.exitsByCategory().total()),
    DYNAMIC_EXIT_SHARE("dynamicExitShare", "Part des sorties dynamiques", Unit.PERCENT,
            r -> r.exitsByCategory().dynamicRate()),
    PHC_TO_CDDI("phcToCddi", "Passages PHC → CDDI", Unit.COUNT, r -> r.phcToCddi().transitions()),
    HOURS("hoursWorked", "Heures réalisées", Unit.MINUTES, r -> r.hours().totalMinutes()),
    FULL_TIME_EQUIVALENTS("fullTimeEquivalents", "ETP", Unit.FTE, r -> r.hours().fullTimeEquivalents());

    /** How a figure is counted, hence written. */
    public enum Unit {
        COUNT, PERCENT, MINUTES, FTE
    }

    private final String key;
    private final String label;
    private final Unit unit;
    private final Function<Report, Number> reader;

    YearlyFigure(String key, String label, Unit unit, Function<Report, Number> reader) {
        this.key = key;
        this.label = label;
        this.unit = unit;
        this.reader = reader;
    }

    /** The JSON name. */
    public String key() {
        return key;
    }

    /** The French column header. */
    public String label() {
        return label;
    }

    public Unit unit() {
        return unit;
    }

    /** The figure as the calculator gave it: null for a share with nothing to divide by. */
    public Number value(Report report) {
        return reader.apply(report);
    }

    /** For a page: "1 234", "42,9 %", hours rounded to the hour, FTE with two decimals; "—" when there is none. */
    public String text(Report report) {
        Number value = value(report);
        if (value == null) {
            return "—";
        }
        return switch (unit) {
            case COUNT -> Texts.number(value.longValue());
            case PERCENT -> decimal(value.doubleValue(), 1) + "\u00a0%";
            case MINUTES -> Texts.number(Math.round(value.longValue() / 60.0));
            case FTE -> decimal(value.doubleValue(), 2);
        };
    }

    /** The change from {@code before} to {@code now} for a page: "+3", "−2,5 points", "0"; "—" without a share. */
    public String change(Report now, Report before) {
        Number a = value(now);
        Number b = value(before);
        if (a == null || b == null) {
            return "—";
        }
        double difference = unit == Unit.MINUTES ? Math.round(a.longValue() / 60.0) - Math.round(b.longValue() / 60.0)
                : a.doubleValue() - b.doubleValue();
        int decimals = switch (unit) {
            case COUNT, MINUTES -> 0;
            case PERCENT -> 1;
            case FTE -> 2;
        };
        String magnitude = decimal(Math.abs(difference), decimals);
        boolean zero = magnitude.matches("[0,]+");
        String sign = zero ? "" : difference > 0 ? "+" : "\u2212";
        // French: below two, "point" stays singular.
        return sign + magnitude + (unit == Unit.PERCENT ? (Math.abs(difference) < 2 ? "\u00a0point" : "\u00a0points")
                : "");
    }

    /** For French Excel, as core's report CSV writes figures: "12", "42,9", "1820,50" (hours), "1,00" (FTE). */
    public String csv(Report report) {
        Number value = value(report);
        return switch (unit) {
            case COUNT -> value.toString();
            case PERCENT -> ReportCsv.percent((Double) value);
            case MINUTES -> ReportCsv.hours(value.longValue());
            case FTE -> rounded(value.doubleValue(), 2).toPlainString().replace('.', ',');
        };
    }

    /** For JSON: counts as integers, the share with one decimal (null without exits), hours and FTE with two. */
    public Object json(Report report) {
        Number value = value(report);
        return switch (unit) {
            case COUNT -> value;
            case PERCENT -> value == null ? null : rounded(value.doubleValue(), 1);
            case MINUTES -> BigDecimal.valueOf(value.longValue()).divide(BigDecimal.valueOf(60), 2,
                    RoundingMode.HALF_UP);
            case FTE -> rounded(value.doubleValue(), 2);
        };
    }

    private static int exits(Report report, ExitCategory category) {
        return report.exitsByCategory().counts().getOrDefault(category, 0);
    }

    private static BigDecimal rounded(double value, int decimals) {
        return BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP);
    }

    private static String decimal(double value, int decimals) {
        NumberFormat format = NumberFormat.getNumberInstance(Locale.FRENCH);
        format.setMinimumFractionDigits(decimals);
        format.setMaximumFractionDigits(decimals);
        return format.format(rounded(value, decimals));
    }
}
