package fr.convergence.terrain.core.store;

import fr.convergence.terrain.core.domain.Enrolment;
import fr.convergence.terrain.core.domain.HoursKind;
import fr.convergence.terrain.core.domain.PhcStep;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jooq.Field;
import org.jooq.impl.DSL;

import static fr.convergence.terrain.core.store.generated.Tables.ENROLMENT;
import static fr.convergence.terrain.core.store.generated.Tables.HOURS_ENTRY;
import static fr.convergence.terrain.core.store.generated.Tables.PHC_STEP;

/**
 * The reads behind the reports, over many worksites at once. Hours are summed by the database (a territory holds
 * hundreds of thousands of cells, the country millions), enrolments and steps are small enough to load.
 */
public final class ReportRepository {

    /** Minutes of one kind of hours in one month. */
    public record MonthKindMinutes(YearMonth month, HoursKind kind, long minutes) {
    }

    /** Minutes of one kind of hours of one person. */
    public record PersonKindMinutes(String participantId, HoursKind kind, long minutes) {
    }

    private static final int IN_CHUNK = 500;

    private final TerrainStore store;

    public ReportRepository(TerrainStore store) {
        this.store = store;
    }

    /** Every enrolment of the worksites, oldest entry first. */
    public List<Enrolment> enrolments(Collection<String> worksiteIds) {
        return store.read(sql -> {
            List<Enrolment> all = new ArrayList<>();
            for (List<String> chunk : chunks(worksiteIds)) {
                all.addAll(sql.selectFrom(ENROLMENT)
                        .where(ENROLMENT.WORKSITE_ID.in(chunk), ENROLMENT.DELETED.isFalse())
                        .orderBy(ENROLMENT.ENTRY_DATE, ENROLMENT.ID).fetch(EnrolmentRepository::toDomain));
            }
            return all;
        });
    }

    /** Every PHC step of the worksites, by enrolment id, oldest first. */
    public Map<String, List<PhcStep>> phcSteps(Collection<String> worksiteIds) {
        return store.read(sql -> {
            List<PhcStep> all = new ArrayList<>();
            for (List<String> chunk : chunks(worksiteIds)) {
                all.addAll(sql.selectFrom(PHC_STEP)
                        .where(PHC_STEP.WORKSITE_ID.in(chunk), PHC_STEP.DELETED.isFalse())
                        .orderBy(PHC_STEP.START_DATE, PHC_STEP.VERSION).fetch(EnrolmentRepository::toDomain));
            }
            return all.stream().collect(Collectors.groupingBy(PhcStep::enrolmentId));
        });
    }

    /** Minutes by month and kind of the worksites' hours between two days, inclusive, summed in SQL. */
    public List<MonthKindMinutes> minutesByMonth(Collection<String> worksiteIds, LocalDate from, LocalDate to) {
        // Days are stored as ISO text (yyyy-MM-dd): the first seven characters are the month.
        Field<String> month = DSL.field("substr({0}, 1, 7)", String.class, HOURS_ENTRY.WORK_DAY);
        Field<java.math.BigDecimal> minutes = DSL.sum(HOURS_ENTRY.MINUTES);
        return store.read(sql -> {
            List<MonthKindMinutes> rows = new ArrayList<>();
            for (List<String> chunk : chunks(worksiteIds)) {
                sql.select(month, HOURS_ENTRY.KIND, minutes).from(HOURS_ENTRY)
                        .where(HOURS_ENTRY.WORKSITE_ID.in(chunk), HOURS_ENTRY.WORK_DAY.between(from, to),
                                HOURS_ENTRY.DELETED.isFalse())
                        .groupBy(month, HOURS_ENTRY.KIND)
                        .forEach(r -> rows.add(new MonthKindMinutes(YearMonth.parse(r.value1()),
                                HoursKind.valueOf(r.value2()), r.value3() == null ? 0 : r.value3().longValue())));
            }
            return rows;
        });
    }

    /** Minutes by person and kind of one worksite's hours between two days, inclusive, summed in SQL. */
    public List<PersonKindMinutes> minutesByPerson(String worksiteId, LocalDate from, LocalDate to) {
        Field<java.math.BigDecimal> minutes = DSL.sum(HOURS_ENTRY.MINUTES);
        return store.read(sql -> sql.select(HOURS_ENTRY.PARTICIPANT_ID, HOURS_ENTRY.KIND, minutes).from(HOURS_ENTRY)
                .where(HOURS_ENTRY.WORKSITE_ID.eq(worksiteId), HOURS_ENTRY.WORK_DAY.between(from, to),
                        HOURS_ENTRY.DELETED.isFalse())
                .groupBy(HOURS_ENTRY.PARTICIPANT_ID, HOURS_ENTRY.KIND)
                .fetch(r -> new PersonKindMinutes(r.value1(), HoursKind.valueOf(r.value2()),
                        r.value3() == null ? 0 : r.value3().longValue())));
    }

    private static List<List<String>> chunks(Collection<String> ids) {
        List<String> list = List.copyOf(ids);
        List<List<String>> chunks = new ArrayList<>();
        for (int from = 0; from < list.size(); from += IN_CHUNK) {
            chunks.add(list.subList(from, Math.min(list.size(), from + IN_CHUNK)));
        }
        return chunks;
    }
}
