package fr.convergence.terrain.core.store;

import static fr.convergence.terrain.core.store.generated.Tables.AUDIT_EVENT;
import static fr.convergence.terrain.core.store.generated.Tables.ENROLMENT;
import static fr.convergence.terrain.core.store.generated.Tables.FOLLOW_UP;
import static fr.convergence.terrain.core.store.generated.Tables.HOURS_ENTRY;
import static fr.convergence.terrain.core.store.generated.Tables.OUTBOX;
import static fr.convergence.terrain.core.store.generated.Tables.PARTICIPANT;
import static fr.convergence.terrain.core.store.generated.Tables.PHC_STEP;
import static fr.convergence.terrain.core.store.generated.Tables.REFERRAL;
import static fr.convergence.terrain.core.store.generated.Tables.REFERRAL_STATUS_CHANGE;
import static fr.convergence.terrain.core.store.generated.Tables.SUPPORT_NOTE;
import static fr.convergence.terrain.core.store.generated.Tables.SUPPORT_NOTE_REVISION;
import static fr.convergence.terrain.core.store.generated.Tables.SYNC_CONFLICT;
import static fr.convergence.terrain.core.store.generated.Tables.SYNC_PENDING;
import static fr.convergence.terrain.core.store.generated.Tables.SYNC_QUARANTINE;
import static fr.convergence.terrain.core.store.generated.Tables.SYNC_SENT;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;

/**
 * Removes one person's file from the laptop's store, physically: their rows in every synced table, the conflict
 * records about those rows, and every copy of them in the sync queues (outbox, pending, quarantine, sent), whose
 * {@code fields} JSON carries the rows' values. Used by a local erasure and when a pulled tombstone is applied.
 * Writes no tombstone and nothing to the outbox: the caller does, when the erasure is made here.
 */
public final class ParticipantErasure {

    /** The table of erasure tombstones (its rows are never removed here). */
    public static final String TOMBSTONES = "erasure";
    /** What a queued operation becomes when its change is dropped: the hub takes numbers in sequence only. */
    static final String SKIP_TABLE = "-";
    private static final Pattern UUID_TEXT = Pattern.compile(
            "\"([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})\"");

    /**
     * What was removed: rows of the synced tables per table, and queued changes dropped — waiting to be sent
     * (outbox, pending) or refused (quarantine); acknowledged copies kept for a restored hub are removed too but not
     * counted there.
     */
    public record Removed(Map<String, Integer> rowsByTable, int operationsDropped, int sentCopiesRemoved) {

        public int rows() {
            return rowsByTable.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    private ParticipantErasure() {
    }

    /** The person's rows per table, without removing anything (the confirmation dialog says what will go). */
    public static Map<String, Integer> count(DSLContext sql, String participantId) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        file(sql, participantId).forEach((table, ids) -> counts.put(table.getName(), ids.size()));
        return counts;
    }

    /** Removes everything of {@code participantId} held here; children first, so foreign keys hold. */
    public static Removed removeFile(DSLContext sql, String participantId) {
        sql.execute("PRAGMA defer_foreign_keys = ON");
        Map<Table<?>, List<String>> file = file(sql, participantId);
        Set<String> ids = new HashSet<>();
        ids.add(participantId);
        file.values().forEach(ids::addAll);
        Map<String, Integer> removed = new LinkedHashMap<>();
        List<Table<?>> childrenFirst = new ArrayList<>(file.keySet());
        java.util.Collections.reverse(childrenFirst);
        for (Table<?> table : childrenFirst) {
            @SuppressWarnings("unchecked")
            Field<String> id = (Field<String>) table.field("id");
            int n = 0;
            List<String> rows = file.get(table);
            for (int from = 0; from < rows.size(); from += 500) {
                n += sql.deleteFrom(table).where(id.in(rows.subList(from, Math.min(rows.size(), from + 500))))
                        .execute();
            }
            removed.put(table.getName(), n);
        }
        int dropped = dropQueued(sql, ids);
        int sent = removeQueued(sql, SYNC_SENT, SYNC_SENT.OP_NUMBER, SYNC_SENT.TABLE_NAME, SYNC_SENT.ROW_ID,
                SYNC_SENT.FIELDS, ids, false);
        return new Removed(removed, dropped, sent);
    }

    /** The person's rows, table by table, parents first; conflict records about any of them last. */
    private static Map<Table<?>, List<String>> file(DSLContext sql, String participantId) {
        Map<Table<?>, List<String>> file = new LinkedHashMap<>();
        file.put(PARTICIPANT, sql.select(PARTICIPANT.ID).from(PARTICIPANT).where(PARTICIPANT.ID.eq(participantId))
                .fetch(PARTICIPANT.ID));
        List<String> enrolments = sql.select(ENROLMENT.ID).from(ENROLMENT)
                .where(ENROLMENT.PARTICIPANT_ID.eq(participantId)).fetch(ENROLMENT.ID);
        file.put(ENROLMENT, enrolments);
        file.put(PHC_STEP, sql.select(PHC_STEP.ID).from(PHC_STEP).where(PHC_STEP.ENROLMENT_ID.in(enrolments))
                .fetch(PHC_STEP.ID));
        file.put(HOURS_ENTRY, sql.select(HOURS_ENTRY.ID).from(HOURS_ENTRY)
                .where(HOURS_ENTRY.PARTICIPANT_ID.eq(participantId)).fetch(HOURS_ENTRY.ID));
        List<String> notes = sql.select(SUPPORT_NOTE.ID).from(SUPPORT_NOTE)
                .where(SUPPORT_NOTE.PARTICIPANT_ID.eq(participantId)).fetch(SUPPORT_NOTE.ID);
        file.put(SUPPORT_NOTE, notes);
        file.put(SUPPORT_NOTE_REVISION, sql.select(SUPPORT_NOTE_REVISION.ID).from(SUPPORT_NOTE_REVISION)
                .where(SUPPORT_NOTE_REVISION.NOTE_ID.in(notes)).fetch(SUPPORT_NOTE_REVISION.ID));
        List<String> referrals = sql.select(REFERRAL.ID).from(REFERRAL)
                .where(REFERRAL.PARTICIPANT_ID.eq(participantId)).fetch(REFERRAL.ID);
        file.put(REFERRAL, referrals);
        file.put(REFERRAL_STATUS_CHANGE, sql.select(REFERRAL_STATUS_CHANGE.ID).from(REFERRAL_STATUS_CHANGE)
                .where(REFERRAL_STATUS_CHANGE.REFERRAL_ID.in(referrals)).fetch(REFERRAL_STATUS_CHANGE.ID));
        file.put(FOLLOW_UP, sql.select(FOLLOW_UP.ID).from(FOLLOW_UP)
                .where(FOLLOW_UP.PARTICIPANT_ID.eq(participantId).or(FOLLOW_UP.ENROLMENT_ID.in(enrolments)))
                .fetch(FOLLOW_UP.ID));
        Set<String> all = new HashSet<>();
        file.values().forEach(all::addAll);
        all.add(participantId);
        List<String> conflicts = new ArrayList<>();
        List<String> ids = new ArrayList<>(all);
        for (int from = 0; from < ids.size(); from += 500) {
            conflicts.addAll(sql.select(SYNC_CONFLICT.ID).from(SYNC_CONFLICT)
                    .where(SYNC_CONFLICT.ROW_ID.in(ids.subList(from, Math.min(ids.size(), from + 500))))
                    .fetch(SYNC_CONFLICT.ID));
        }
        file.put(SYNC_CONFLICT, conflicts);
        return file;
    }

    /**
     * Drops the queued changes about the person: in the outbox and the quarantine they are deleted; in the numbered
     * queue each becomes a skip, which keeps its number (the hub refuses a gap) and nothing of the change.
     */
    private static int dropQueued(DSLContext sql, Set<String> ids) {
        int dropped = 0;
        // Until nothing more is found: a change may be about a row only an earlier change (now dropped) created.
        for (int found = -1; found != 0; ) {
            found = removeQueued(sql, OUTBOX, OUTBOX.SEQ, OUTBOX.TABLE_NAME, OUTBOX.ROW_ID, OUTBOX.FIELDS, ids, false)
                    + removeQueued(sql, SYNC_PENDING, SYNC_PENDING.OP_NUMBER, SYNC_PENDING.TABLE_NAME,
                    SYNC_PENDING.ROW_ID, SYNC_PENDING.FIELDS, ids, true)
                    + removeQueued(sql, SYNC_QUARANTINE, SYNC_QUARANTINE.OP_NUMBER, SYNC_QUARANTINE.TABLE_NAME,
                    SYNC_QUARANTINE.ROW_ID, SYNC_QUARANTINE.FIELDS, ids, false);
            dropped += found;
        }
        return dropped;
    }

    /**
     * Removes (or turns into skips) the entries of one queue table about a row of {@code ids} or referring to one
     * in their fields; adds the rows they were about to {@code ids}. Returns how many.
     */
    private static <K extends Number> int removeQueued(DSLContext sql, Table<?> queue, Field<K> key,
                                                       Field<String> tableName, Field<String> rowId,
                                                       Field<String> fields, Set<String> ids, boolean skip) {
        List<K> hit = new ArrayList<>();
        for (var r : sql.select(key, tableName, rowId, fields).from(queue).fetch()) {
            // The access journal is append-only: its entries name the person by id only and stay (issue 14).
            if (SKIP_TABLE.equals(r.value2()) || TOMBSTONES.equals(r.value2())
                    || AUDIT_EVENT.getName().equals(r.value2())) {
                continue;
            }
            if (ids.contains(r.value3()) || mentions(r.value4(), ids)) {
                hit.add(r.value1());
                ids.add(r.value3());
            }
        }
        for (int from = 0; from < hit.size(); from += 500) {
            List<K> part = hit.subList(from, Math.min(hit.size(), from + 500));
            if (skip) {
                sql.update(SYNC_PENDING).set(SYNC_PENDING.TABLE_NAME, SKIP_TABLE).set(SYNC_PENDING.ROW_ID, "")
                        .set(SYNC_PENDING.WORKSITE_ID, "").set(SYNC_PENDING.FIELDS, "{}")
                        .set(SYNC_PENDING.VERSION, "").where(SYNC_PENDING.OP_NUMBER.in(
                                part.stream().map(Number::intValue).toList())).execute();
            } else {
                sql.deleteFrom(queue).where(key.in(part)).execute();
            }
        }
        return hit.size();
    }

    /** Whether the JSON names one of the rows (as a reference: participant_id, note_id, a conflict's row_id…). */
    private static boolean mentions(String json, Set<String> ids) {
        Matcher m = UUID_TEXT.matcher(json);
        while (m.find()) {
            if (ids.contains(m.group(1)) || ids.contains(m.group(1).toLowerCase(java.util.Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }
}
