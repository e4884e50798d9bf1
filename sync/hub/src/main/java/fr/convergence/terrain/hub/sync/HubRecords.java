package fr.convergence.terrain.hub.sync;

import fr.convergence.terrain.core.domain.ContractType;
import fr.convergence.terrain.core.domain.DerogationKind;
import fr.convergence.terrain.core.domain.Enrolment;
import fr.convergence.terrain.core.domain.ExitCategory;
import fr.convergence.terrain.core.domain.ExitReason;
import fr.convergence.terrain.core.domain.PhcStep;
import fr.convergence.terrain.core.domain.Programme;
import fr.convergence.terrain.hub.sync.HubStore.RowData;
import java.time.LocalDate;
import java.util.Map;

/**
 * The hub's synced rows read as core's domain records, for the rules and the reports that take them (the week's
 * rules on the hub, the yearly table).
 */
public final class HubRecords {

    private HubRecords() {
    }

    /** An enrolment row as core's record. */
    public static Enrolment enrolment(RowData r) {
        Map<String, Object> d = r.data();
        return new Enrolment(r.id(), (String) d.get("participant_id"), r.worksiteId(),
                constant(Programme.class, d.get("programme")), constant(ContractType.class, d.get("contract_type")),
                date(d.get("entry_date")), date(d.get("contract_end_date")),
                d.get("weekly_hours") instanceof Integer hours ? hours : null,
                constant(DerogationKind.class, d.get("derogation_kind")), date(d.get("derogation_end_date")),
                (String) d.get("extension_reason"), date(d.get("exit_date")),
                constant(ExitCategory.class, d.get("exit_category")), constant(ExitReason.class, d.get("exit_reason")));
    }

    /** A PHC step row as core's record. */
    public static PhcStep step(RowData r) {
        Map<String, Object> d = r.data();
        return new PhcStep(r.id(), (String) d.get("enrolment_id"),
                d.get("target_hours") instanceof Integer hours ? hours : 0, date(d.get("start_date")));
    }

    private static LocalDate date(Object value) {
        return value == null ? null : LocalDate.parse(value.toString());
    }

    /** An enum field as the hub stored it; a value this hub does not know (a newer laptop) reads as none. */
    private static <E extends Enum<E>> E constant(Class<E> type, Object value) {
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.toString());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
