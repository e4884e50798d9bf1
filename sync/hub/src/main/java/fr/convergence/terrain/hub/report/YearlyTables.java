package fr.convergence.terrain.hub.report;

import fr.convergence.terrain.core.domain.Enrolment;
import fr.convergence.terrain.core.domain.Territory;
import fr.convergence.terrain.core.reference.ReferenceData;
import fr.convergence.terrain.core.report.MonthlyMinutes;
import fr.convergence.terrain.core.report.Report;
import fr.convergence.terrain.core.report.ReportCalculator;
import fr.convergence.terrain.core.report.ReportPeriod;
import fr.convergence.terrain.core.report.ReportScope;
import fr.convergence.terrain.core.text.NameOrder;
import fr.convergence.terrain.core.week.PhcStepLadder;
import fr.convergence.terrain.sync.protocol.WorksiteInfo;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The national team's yearly table, from the hub's store: every figure comes from core's {@link ReportCalculator},
 * the calculator of the laptops' Rapports page, fed with the hub's copy of the synced rows; nothing is counted
 * here. Territory → worksite → month. Who may see which territory is the caller's business (the console, the
 * command line on the server).
 */
public final class YearlyTables {

    /** Worksites the hub knows outside any territory: a line of the country's table, for national accounts. */
    public static final String NO_TERRITORY = "";
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private final HubReportSource source;
    private final Clock clock;
    private final ReferenceData reference = ReferenceData.load();
    private final PhcStepLadder ladder = PhcStepLadder.DEFAULT;
    /** The last reads, by year: a few years at most. */
    private final Map<Integer, Cached> cache = new java.util.LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, Cached> eldest) {
            return size() > 4;
        }
    };

    public YearlyTables(HubReportSource source, Clock clock) {
        this.source = source;
        this.clock = clock;
    }

    /** The first year a table may be asked for, and the last (next year: plans are made ahead). */
    public static boolean plausibleYear(int year) {
        return year >= 2000 && year <= 2100;
    }

    /** The country by territory, limited to the territories {@code visible} lets through; with the national total. */
    public YearlyTable national(int year, Predicate<String> visible, boolean withNationalTotal) {
        Data data = read(year);
        Map<String, List<WorksiteInfo>> byTerritory = new TreeMap<>(NameOrder.by(this::territoryName));
        for (WorksiteInfo w : data.hub().worksites()) {
            String territory = w.territoryId() == null ? NO_TERRITORY : w.territoryId();
            byTerritory.computeIfAbsent(territory, k -> new ArrayList<>()).add(w);
        }
        // At national × 10 a line is a tenth of a second, the country's total as much as all the territories: the
        // total is computed beside the territories' lines, which share the other cores, in order.
        java.util.concurrent.CompletableFuture<YearlyTable.Line> total = withNationalTotal
                ? java.util.concurrent.CompletableFuture.supplyAsync(() -> data.line(ReportScope.national(),
                ids(data.hub().worksites()), ReportPeriod.year(year)))
                : java.util.concurrent.CompletableFuture.completedFuture(null);
        List<YearlyTable.Line> lines = byTerritory.entrySet().stream().filter(t -> visible.test(t.getKey()))
                .toList().parallelStream()
                .map(t -> data.line(ReportScope.territory(t.getKey(), territoryName(t.getKey())), ids(t.getValue()),
                        ReportPeriod.year(year)))
                .toList();
        return new YearlyTable(year, YearlyTable.Level.NATIONAL, "national", "France entière", List.copyOf(lines),
                total.join());
    }

    /** A territory by worksite, with its total; empty if the hub knows no worksite in it. */
    public Optional<YearlyTable> territory(int year, String territoryId) {
        Data data = read(year);
        List<WorksiteInfo> worksites = data.hub().worksites().stream()
                .filter(w -> territoryId.equals(w.territoryId() == null ? NO_TERRITORY : w.territoryId()))
                .sorted(NameOrder.by(YearlyTables::worksiteName)).toList();
        if (worksites.isEmpty()) {
            return Optional.empty();
        }
        List<YearlyTable.Line> lines = worksites.stream().map(w -> data.line(
                ReportScope.worksite(w.id(), worksiteName(w)), List.of(w.id()), ReportPeriod.year(year))).toList();
        YearlyTable.Line total = data.line(ReportScope.territory(territoryId, territoryName(territoryId)),
                ids(worksites), ReportPeriod.year(year));
        return Optional.of(new YearlyTable(year, YearlyTable.Level.TERRITORY, territoryId, territoryName(territoryId),
                lines, total));
    }

    /** A worksite by month, with its year; empty if the hub does not know it. */
    public Optional<YearlyTable> worksite(int year, String worksiteId) {
        Data data = read(year);
        Optional<WorksiteInfo> worksite = data.hub().worksites().stream().filter(w -> w.id().equals(worksiteId))
                .findFirst();
        if (worksite.isEmpty()) {
            return Optional.empty();
        }
        ReportScope scope = ReportScope.worksite(worksiteId, worksiteName(worksite.get()));
        List<YearlyTable.Line> lines = new ArrayList<>();
        for (int month = 1; month <= 12; month++) {
            YearMonth m = YearMonth.of(year, month);
            lines.add(data.line(scope, List.of(worksiteId), ReportPeriod.month(m), m.toString(), monthName(m)));
        }
        return Optional.of(new YearlyTable(year, YearlyTable.Level.WORKSITE, worksiteId, scope.name(), lines,
                data.line(scope, List.of(worksiteId), ReportPeriod.year(year))));
    }

    public String territoryName(String id) {
        if (id == null || id.isEmpty()) {
            return "Chantiers hors territoire";
        }
        return reference.territory(id).map(Territory::name).orElse(id);
    }

    public static String worksiteName(WorksiteInfo w) {
        return w.name() == null ? w.id() : w.name() + (w.city() == null ? "" : " (" + w.city() + ")");
    }

    /** "janvier 2026". */
    public static String monthName(YearMonth month) {
        return month.getMonth().getDisplayName(TextStyle.FULL_STANDALONE, Locale.FRENCH) + " " + month.getYear();
    }

    /**
     * The store's data for {@code year} and the year before, read again only when the hub's data changed since the
     * last read of that year (national data take seconds to read; the drill-down pages of a year, and the next
     * person's view, then cost only the calculator).
     */
    private Data read(int year) {
        long version = source.dataVersion();
        Cached cached;
        synchronized (cache) {
            cached = cache.get(year);
        }
        if (cached == null || cached.version() != version) {
            HubReportData read = source.reportData(LocalDate.of(year - 1, 1, 1), LocalDate.of(year, 12, 31));
            cached = new Cached(version, read, read.enrolments().stream().collect(
                    java.util.stream.Collectors.groupingBy(Enrolment::worksiteId)));
            synchronized (cache) {
                cache.put(year, cached);
            }
        }
        return new Data(cached, LocalDate.now(clock.withZone(PARIS)));
    }

    /**
     * What was read for a year, and the hub's data version it was read at (or after); its enrolments by worksite,
     * so that a line's calculation goes through its own worksites' enrolments, not the country's.
     */
    private record Cached(long version, HubReportData data, Map<String, List<Enrolment>> enrolmentsByWorksite) {
    }

    private static List<String> ids(List<WorksiteInfo> worksites) {
        return worksites.stream().map(WorksiteInfo::id).toList();
    }

    /** One read of the store, and the calculator run on it for a scope over a period and the same one a year before. */
    private final class Data {
        private final Cached read;
        private final LocalDate today;

        Data(Cached read, LocalDate today) {
            this.read = read;
            this.today = today;
        }

        HubReportData hub() {
            return read.data();
        }

        YearlyTable.Line line(ReportScope scope, List<String> worksiteIds, ReportPeriod period) {
            return line(scope, worksiteIds, period, scope.id(), scope.name());
        }

        YearlyTable.Line line(ReportScope scope, List<String> worksiteIds, ReportPeriod period, String id,
                              String label) {
            ReportPeriod before = new ReportPeriod(period.from().minusYears(1), period.to().minusYears(1));
            return new YearlyTable.Line(id, label, report(scope, worksiteIds, period),
                    report(scope, worksiteIds, before));
        }

        Report report(ReportScope scope, List<String> worksiteIds, ReportPeriod period) {
            List<MonthlyMinutes> minutes = new ArrayList<>();
            List<Enrolment> enrolments = new ArrayList<>();
            for (String worksite : new java.util.LinkedHashSet<>(worksiteIds)) {
                minutes.addAll(hub().minutesByWorksite().getOrDefault(worksite, List.of()));
                enrolments.addAll(read.enrolmentsByWorksite().getOrDefault(worksite, List.of()));
            }
            return ReportCalculator.compute(scope, worksiteIds, period, today, enrolments, hub().phcSteps(),
                    minutes, ladder);
        }
    }
}
