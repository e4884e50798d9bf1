package fr.convergence.terrain.hub.report;

import fr.convergence.terrain.core.report.MonthlyStatement;
import fr.convergence.terrain.core.report.ReportCalculator;
import fr.convergence.terrain.core.report.ReportPeriod;
import fr.convergence.terrain.core.week.PhcStepLadder;
import fr.convergence.terrain.sync.protocol.WorksiteInfo;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A worksite's monthly hours statement from the hub's store: core's {@link ReportCalculator#monthlyStatement}, the
 * calculator of the laptops' Rapports page, fed with the hub's copy of the worksite's synced rows — and no names:
 * rows carry the participant's id only, and come in the calculator's order for people without a name (date of
 * entry, then id). A statement is kept until the hub's data change ({@link HubReportSource#dataVersion}), so that
 * its CSV after its page, and the next views, cost no read. Who may see which worksite is the caller's business (the
 * console, the command line).
 */
public final class MonthlyStatements {

    private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");

    private final HubReportSource source;
    private final PhcStepLadder ladder = PhcStepLadder.DEFAULT;
    /** The last statements computed, by worksite and month, with the data version they were read at. */
    private final Map<String, Cached> cache = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Cached> eldest) {
            return size() > 64;
        }
    };

    public MonthlyStatements(HubReportSource source) {
        this.source = source;
    }

    /** The statement of {@code worksite} for {@code month}: read from the store unless the hub's data are unchanged. */
    public MonthlyStatement statement(WorksiteInfo worksite, YearMonth month) {
        long version = source.dataVersion();
        String key = worksite.id() + "\u0000" + month;
        synchronized (cache) {
            Cached cached = cache.get(key);
            if (cached != null && cached.version() == version) {
                return cached.statement();
            }
        }
        ReportPeriod days = ReportPeriod.month(month);
        HubMonthlyData data = source.monthlyData(worksite.id(), days.from(), days.to());
        MonthlyStatement statement = ReportCalculator.monthlyStatement(worksite.id(),
                YearlyTables.worksiteName(worksite), month, data.enrolments(), data.phcSteps(), List.of(),
                data.minutes(), ladder);
        synchronized (cache) {
            cache.put(key, new Cached(version, statement));
        }
        return statement;
    }

    private record Cached(long version, MonthlyStatement statement) {
    }

    /** "2026-11" as a month of a plausible year ({@link YearlyTables#plausibleYear}); empty for anything else. */
    public static Optional<YearMonth> month(String text) {
        if (text == null || !MONTH.matcher(text.strip()).matches()) {
            return Optional.empty();
        }
        try {
            YearMonth month = YearMonth.parse(text.strip());
            return YearlyTables.plausibleYear(month.getYear()) ? Optional.of(month) : Optional.empty();
        } catch (java.time.format.DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
