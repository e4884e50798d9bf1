package fr.convergence.terrain.core.report;

import fr.convergence.terrain.core.domain.ContractType;
import fr.convergence.terrain.core.domain.Enrolment;
import fr.convergence.terrain.core.domain.ExitCategory;
import fr.convergence.terrain.core.domain.HoursKind;
import fr.convergence.terrain.core.domain.Participant;
import fr.convergence.terrain.core.domain.PhcStep;
import fr.convergence.terrain.core.domain.Programme;
import fr.convergence.terrain.core.text.NameOrder;
import fr.convergence.terrain.core.week.PhcRules;
import fr.convergence.terrain.core.week.PhcStepLadder;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The one place where the report figures are computed, from plain domain records, so the laptop, the command
 * line and the hub (which reads its own store) give the same numbers. Every definition is written in
 * docs/indicators.md; a change here changes that page too.
 */
public final class ReportCalculator {

    private ReportCalculator() {
    }

    /**
     * The report of {@code period} over the worksites {@code worksiteIds}, from their enrolments, PHC steps (by
     * enrolment id) and summed hours. {@code today} caps the day of the "on a given day" figures.
     */
    public static Report compute(ReportScope scope, Collection<String> worksiteIds, ReportPeriod period,
                                 LocalDate today, List<Enrolment> enrolments, Map<String, List<PhcStep>> steps,
                                 List<MonthlyMinutes> hours, PhcStepLadder ladder) {
        Set<String> inScope = Set.copyOf(worksiteIds);
        List<Enrolment> scoped = enrolments.stream().filter(e -> inScope.contains(e.worksiteId())).toList();
        LocalDate onDay = period.to().isAfter(today) ? (today.isBefore(period.from()) ? period.from() : today)
                : period.to();
        Set<String> continuations = continuations(scoped);
        return new Report(scope, List.copyOf(worksiteIds), period, today,
                activeCaseload(scoped, period, onDay),
                entriesAndExits(scoped, continuations, period),
                exitsByCategory(scoped, period),
                phcSteps(scoped, steps, onDay, ladder),
                phcToCddi(scoped, period),
                monthlyHours(hours, period));
    }

    /**
     * The monthly hours statement of {@code worksiteId} for {@code month}: one row per person with an enrolment of
     * the worksite active on at least one day of the month, from the enrolments, PHC steps (by enrolment id), the
     * people (names; a person missing from {@code people} gets a row without a name) and each person's minutes of
     * the month by kind. Minutes of people without such an enrolment are not counted (the week's rules refuse hours
     * outside a contract). Definitions: docs/indicators.md, « Relevé mensuel des heures ».
     */
    public static MonthlyStatement monthlyStatement(String worksiteId, String worksiteName, YearMonth month,
                                                    List<Enrolment> enrolments, Map<String, List<PhcStep>> steps,
                                                    Collection<Participant> people, List<PersonMinutes> minutes,
                                                    PhcStepLadder ladder) {
        ReportPeriod days = ReportPeriod.month(month);
        List<Enrolment> inMonth = enrolments.stream()
                .filter(e -> worksiteId.equals(e.worksiteId()) && days.overlaps(e.entryDate(), e.exitDate()))
                .sorted(Comparator.comparing(Enrolment::entryDate).thenComparing(Enrolment::id)).toList();
        Map<String, List<Enrolment>> byPerson = inMonth.stream().collect(Collectors.groupingBy(
                Enrolment::participantId, java.util.LinkedHashMap::new, Collectors.toList()));
        Map<String, Participant> names = new HashMap<>();
        people.forEach(p -> names.put(p.id(), p));
        Map<String, Map<HoursKind, Long>> hours = new HashMap<>();
        for (PersonMinutes row : minutes) {
            hours.computeIfAbsent(row.participantId(), id -> new EnumMap<>(HoursKind.class))
                    .merge(row.kind(), row.minutes(), Long::sum);
        }
        Set<String> continuations = continuations(enrolments.stream()
                .filter(e -> worksiteId.equals(e.worksiteId())).toList());
        List<MonthlyStatement.Row> rows = new ArrayList<>();
        Map<ContractType, Integer> byContract = new EnumMap<>(ContractType.class);
        for (ContractType type : ContractType.values()) {
            byContract.put(type, 0);
        }
        Map<HoursKind, Long> totals = new EnumMap<>(HoursKind.class);
        for (HoursKind kind : HoursKind.values()) {
            totals.put(kind, 0L);
        }
        int entries = 0;
        int exits = 0;
        for (Map.Entry<String, List<Enrolment>> person : byPerson.entrySet()) {
            List<Enrolment> list = person.getValue();
            Enrolment current = list.get(list.size() - 1);
            ContractType previous = list.size() > 1 ? list.get(list.size() - 2).contractType() : null;
            Integer step = null;
            if (current.contractType() == ContractType.PHC) {
                LocalDate lastDay = current.exitDate() != null && current.exitDate().isBefore(days.to())
                        ? current.exitDate() : days.to();
                step = PhcRules.stepOn(steps.getOrDefault(current.id(), List.of()), lastDay)
                        .map(PhcStep::targetHours).orElse(ladder.first());
            }
            boolean exitInMonth = current.exitDate() != null && days.contains(current.exitDate());
            Map<HoursKind, Long> own = new EnumMap<>(HoursKind.class);
            for (HoursKind kind : HoursKind.values()) {
                own.put(kind, hours.getOrDefault(person.getKey(), Map.of()).getOrDefault(kind, 0L));
                totals.merge(kind, own.get(kind), Long::sum);
            }
            Participant named = names.get(person.getKey());
            rows.add(new MonthlyStatement.Row(person.getKey(), named == null ? null : named.lastName(),
                    named == null ? null : named.firstName(), current.programme(), current.contractType(), previous,
                    current.entryDate(), current.contractEndDate(),
                    current.contractType() == ContractType.PHC ? null : current.weeklyHours(), step,
                    exitInMonth ? current.exitDate() : null, exitInMonth ? current.exitCategory() : null,
                    Collections.unmodifiableMap(own)));
            byContract.merge(current.contractType(), 1, Integer::sum);
            for (Enrolment e : list) {
                if (days.contains(e.entryDate()) && !continuations.contains(e.id())) {
                    entries++;
                }
                if (isExit(e) && days.contains(e.exitDate())) {
                    exits++;
                }
            }
        }
        // Named people in French order; the few without a name shown after them, by date of entry.
        rows.sort(Comparator.comparing((MonthlyStatement.Row r) -> !r.named())
                .thenComparing(NameOrder.byPerson(MonthlyStatement.Row::lastName, MonthlyStatement.Row::firstName))
                .thenComparing(MonthlyStatement.Row::entryDate).thenComparing(MonthlyStatement.Row::participantId));
        return new MonthlyStatement(worksiteId, worksiteName, month, List.copyOf(rows),
                new MonthlyStatement.Totals(rows.size(), Collections.unmodifiableMap(byContract), entries, exits,
                        Collections.unmodifiableMap(totals)));
    }

    /** Whether the enrolment's end is a PHC → CDDI transition rather than an exit: a date but no category. */
    public static boolean isTransition(Enrolment enrolment) {
        return enrolment.exitDate() != null && enrolment.exitCategory() == null;
    }

    /** Whether the enrolment's end is an exit from the worksite (it has an exit category). */
    public static boolean isExit(Enrolment enrolment) {
        return enrolment.exitDate() != null && enrolment.exitCategory() != null;
    }

    static ActiveCaseload activeCaseload(List<Enrolment> enrolments, ReportPeriod period, LocalDate onDay) {
        Set<String> all = new HashSet<>();
        Map<Programme, Set<String>> byProgramme = new EnumMap<>(Programme.class);
        Set<String> present = new HashSet<>();
        for (Programme programme : Programme.values()) {
            byProgramme.put(programme, new HashSet<>());
        }
        List<YearMonth> months = period.months();
        List<Set<String>> inMonth = months.stream().map(m -> (Set<String>) new HashSet<String>()).toList();
        // One pass over the enrolments (a national table has tens of thousands), each month's people gathered in it:
        // an enrolment within the period covers the months from its entry's (or the first) to its exit's (or the
        // last), the period's months being whole but for its first and last days.
        for (Enrolment e : enrolments) {
            if (period.overlaps(e.entryDate(), e.exitDate())) {
                all.add(e.participantId());
                byProgramme.get(e.programme()).add(e.participantId());
                // Dates outside the period taken as its ends: a typed year 99999 would overflow the index.
                int first = e.entryDate().isBefore(period.from()) ? 0 : monthIndex(months, e.entryDate());
                int last = e.exitDate() == null || e.exitDate().isAfter(period.to()) ? months.size() - 1
                        : monthIndex(months, e.exitDate());
                for (int m = first; m <= last; m++) {
                    inMonth.get(m).add(e.participantId());
                }
            }
            if (e.activeOn(onDay)) {
                present.add(e.participantId());
            }
        }
        Map<YearMonth, Integer> byMonth = new TreeMap<>();
        for (int m = 0; m < months.size(); m++) {
            byMonth.put(months.get(m), inMonth.get(m).size());
        }
        Map<Programme, Integer> counts = new EnumMap<>(Programme.class);
        byProgramme.forEach((programme, people) -> counts.put(programme, people.size()));
        return new ActiveCaseload(all.size(), Collections.unmodifiableMap(counts), onDay, present.size(),
                Collections.unmodifiableMap(byMonth));
    }

    /** The place of {@code day}'s month among {@code months} (consecutive), below 0 or past the end if outside. */
    private static int monthIndex(List<YearMonth> months, LocalDate day) {
        YearMonth first = months.get(0);
        return (day.getYear() - first.getYear()) * 12 + day.getMonthValue() - first.getMonthValue();
    }

    static EntriesAndExits entriesAndExits(List<Enrolment> enrolments, Set<String> continuations,
                                           ReportPeriod period) {
        Map<Programme, Integer> entries = zeroByProgramme();
        Map<Programme, Integer> exits = zeroByProgramme();
        Map<YearMonth, int[]> months = new TreeMap<>();
        period.months().forEach(m -> months.put(m, new int[2]));
        for (Enrolment e : enrolments) {
            if (period.contains(e.entryDate()) && !continuations.contains(e.id())) {
                entries.merge(e.programme(), 1, Integer::sum);
                months.get(YearMonth.from(e.entryDate()))[0]++;
            }
            if (isExit(e) && period.contains(e.exitDate())) {
                exits.merge(e.programme(), 1, Integer::sum);
                months.get(YearMonth.from(e.exitDate()))[1]++;
            }
        }
        Map<YearMonth, EntriesAndExits.Flow> byMonth = new TreeMap<>();
        months.forEach((m, c) -> byMonth.put(m, new EntriesAndExits.Flow(c[0], c[1])));
        return new EntriesAndExits(sum(entries), sum(exits), Collections.unmodifiableMap(entries),
                Collections.unmodifiableMap(exits), Collections.unmodifiableMap(byMonth));
    }

    static ExitsByCategory exitsByCategory(List<Enrolment> enrolments, ReportPeriod period) {
        Map<ExitCategory, Integer> counts = new EnumMap<>(ExitCategory.class);
        for (ExitCategory category : ExitCategory.values()) {
            counts.put(category, 0);
        }
        enrolments.stream().filter(e -> isExit(e) && period.contains(e.exitDate()))
                .forEach(e -> counts.merge(e.exitCategory(), 1, Integer::sum));
        return new ExitsByCategory(Collections.unmodifiableMap(counts));
    }

    static PhcStepDistribution phcSteps(List<Enrolment> enrolments, Map<String, List<PhcStep>> steps,
                                        LocalDate onDay, PhcStepLadder ladder) {
        Map<Integer, Integer> byTarget = new TreeMap<>();
        ladder.targets().forEach(t -> byTarget.put(t, 0));
        for (Enrolment e : enrolments) {
            if (e.programme() == Programme.PHC && e.activeOn(onDay)) {
                int target = PhcRules.stepOn(steps.getOrDefault(e.id(), List.of()), onDay)
                        .map(PhcStep::targetHours).orElse(ladder.first());
                byTarget.merge(target, 1, Integer::sum);
            }
        }
        return new PhcStepDistribution(onDay, Collections.unmodifiableMap(byTarget));
    }

    static PhcToCddiTransitions phcToCddi(List<Enrolment> enrolments, ReportPeriod period) {
        int transitions = 0;
        int ends = 0;
        Map<YearMonth, Integer> byMonth = new TreeMap<>();
        period.months().forEach(m -> byMonth.put(m, 0));
        for (Enrolment e : enrolments) {
            if (e.programme() == Programme.PHC && e.exitDate() != null && period.contains(e.exitDate())) {
                ends++;
                if (isTransition(e)) {
                    transitions++;
                    byMonth.merge(YearMonth.from(e.exitDate()), 1, Integer::sum);
                }
            }
        }
        return new PhcToCddiTransitions(transitions, ends, Collections.unmodifiableMap(byMonth));
    }

    static MonthlyHours monthlyHours(List<MonthlyMinutes> rows, ReportPeriod period) {
        Map<YearMonth, Map<HoursKind, Long>> months = new TreeMap<>();
        for (YearMonth month : period.months()) {
            Map<HoursKind, Long> kinds = new EnumMap<>(HoursKind.class);
            for (HoursKind kind : HoursKind.values()) {
                if (kind.worked()) {
                    kinds.put(kind, 0L);
                }
            }
            months.put(month, kinds);
        }
        for (MonthlyMinutes row : rows) {
            Map<HoursKind, Long> kinds = months.get(row.month());
            if (kinds != null && row.kind().worked()) {
                kinds.merge(row.kind(), row.minutes(), Long::sum);
            }
        }
        months.replaceAll((month, kinds) -> Collections.unmodifiableMap(kinds));
        return new MonthlyHours(Collections.unmodifiableMap(months));
    }

    /**
     * Ids of the enrolments that continue a PHC → CDDI transition on the same worksite: the participant's
     * previous enrolment there ended with a date but no exit category, on or before this one's entry.
     */
    static Set<String> continuations(List<Enrolment> enrolments) {
        // Only a transition can be continued: the people with one, then their enrolments (most people have one).
        Set<String> transitioned = new HashSet<>();
        for (Enrolment e : enrolments) {
            if (isTransition(e)) {
                transitioned.add(e.participantId());
            }
        }
        Map<String, List<Enrolment>> byPerson = new HashMap<>();
        for (Enrolment e : enrolments) {
            if (transitioned.contains(e.participantId())) {
                byPerson.computeIfAbsent(e.participantId() + "\u0000" + e.worksiteId(), k -> new ArrayList<>()).add(e);
            }
        }
        Set<String> ids = new HashSet<>();
        for (List<Enrolment> list : byPerson.values()) {
            list.sort(Comparator.comparing(Enrolment::entryDate).thenComparing(Enrolment::id));
            for (int i = 1; i < list.size(); i++) {
                Enrolment previous = list.get(i - 1);
                Enrolment current = list.get(i);
                if (isTransition(previous) && !previous.exitDate().isAfter(current.entryDate())) {
                    ids.add(current.id());
                }
            }
        }
        return ids;
    }

    private static Map<Programme, Integer> zeroByProgramme() {
        Map<Programme, Integer> map = new EnumMap<>(Programme.class);
        for (Programme programme : Programme.values()) {
            map.put(programme, 0);
        }
        return map;
    }

    private static int sum(Map<?, Integer> counts) {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }
}
