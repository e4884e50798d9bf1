package fr.convergence.terrain.core.store;

import fr.convergence.terrain.core.domain.Enrolment;
import fr.convergence.terrain.core.domain.FollowUp;
import fr.convergence.terrain.core.domain.HoursCell;
import fr.convergence.terrain.core.domain.HoursKind;
import fr.convergence.terrain.core.domain.Participant;
import fr.convergence.terrain.core.domain.PhcStep;
import fr.convergence.terrain.core.domain.Referral;
import fr.convergence.terrain.core.domain.ReferralStatusChange;
import fr.convergence.terrain.core.domain.SupportNote;
import fr.convergence.terrain.core.domain.SupportNoteRevision;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Loads large amounts of rows (demo data, benchmarks) with batched JDBC inserts on the writer thread, in one
 * transaction. Rows get versions like any other, but no outbox entries: they are a starting state, not changes
 * made on this laptop.
 */
public final class BulkLoader {

    private static final int BATCH = 5_000;
    /** Commit every so many rows so the WAL stays small and is checkpointed as the load goes. */
    private static final int ROWS_PER_COMMIT = 100_000;

    private final TerrainStore store;
    private final Map<String, PendingBatch> batches = new LinkedHashMap<>();
    private long rowsSinceCommit;

    private static final class PendingBatch {
        final String sql;
        /** Per value, the label of its encrypted column (ADR 0005), or null for a clear column. */
        final String[] labels;
        final java.util.List<Object[]> rows = new java.util.ArrayList<>();

        PendingBatch(String sql, String[] labels) {
            this.sql = sql;
            this.labels = labels;
        }
    }

    public BulkLoader(TerrainStore store) {
        this.store = store;
    }

    public void participant(Participant p) {
        add("participant", "id, worksite_id, first_name, last_name, search_name, birth_date, phone, email, address, "
                        + "social_security_number, referent_name",
                p.id(), p.worksiteId(), p.firstName(), p.lastName(), ParticipantRepository.searchName(p),
                p.birthDate(), p.phone(), p.email(), p.address(), p.socialSecurityNumber(), p.referentName());
    }

    public void enrolment(Enrolment e) {
        add("enrolment", "id, participant_id, worksite_id, programme, contract_type, entry_date, contract_end_date, "
                        + "weekly_hours, derogation_kind, derogation_end_date, extension_reason, exit_date, exit_category, "
                        + "exit_reason",
                e.id(), e.participantId(), e.worksiteId(), e.programme().name(), e.contractType().name(), e.entryDate(),
                e.contractEndDate(), e.weeklyHours(), EnrolmentRepository.name(e.derogationKind()),
                e.derogationEndDate(), e.extensionReason(), e.exitDate(), EnrolmentRepository.name(e.exitCategory()),
                EnrolmentRepository.name(e.exitReason()));
    }

    public void phcStep(PhcStep s, String worksiteId) {
        add("phc_step", "id, enrolment_id, worksite_id, target_hours, start_date",
                s.id(), s.enrolmentId(), worksiteId, s.targetHours(), s.startDate());
    }

    public void hours(String participantId, String worksiteId, LocalDate day, HoursKind kind, int minutes) {
        add("hours_entry", "id, participant_id, worksite_id, work_day, kind, minutes",
                HoursCell.id(participantId, day, kind), participantId, worksiteId, day, kind.name(), minutes);
    }

    public void note(SupportNote note) {
        add("support_note", "id, participant_id, worksite_id, note_date, theme, visibility, author_id",
                note.id(), note.participantId(), note.worksiteId(), note.date(), note.theme().name(),
                note.visibility().name(), note.authorId());
        for (SupportNoteRevision r : note.revisions()) {
            add("support_note_revision", "id, note_id, worksite_id, body, author_id, created_at",
                    r.id(), r.noteId(), note.worksiteId(), r.text(), r.authorId(), r.createdAt().toEpochMilli());
        }
    }

    public void referral(Referral r) {
        try {
            add("referral", "id, participant_id, worksite_id, partner_code, partner_name, purpose, documents, "
                            + "shared_fields, status, created_on",
                    r.id(), r.participantId(), r.worksiteId(), r.partner().name(), r.partnerName(), r.purpose(),
                    StoreTransaction.JSON.writeValueAsString(r.documents()),
                    StoreTransaction.JSON.writeValueAsString(r.sharedFields()), r.status().name(), r.createdOn());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new StoreException("Orientation impossible à enregistrer", e);
        }
        for (ReferralStatusChange c : r.history()) {
            add("referral_status_change", "id, referral_id, worksite_id, from_status, to_status, changed_on, "
                            + "changed_by, comment",
                    c.id(), c.referralId(), r.worksiteId(), EnrolmentRepository.name(c.from()), c.to().name(),
                    c.changedOn(), c.changedBy(), c.comment());
        }
    }

    public void followUp(FollowUp f, String worksiteId) {
        add("follow_up", "id, enrolment_id, participant_id, worksite_id, months_after, due_date, done_date, outcome",
                f.id(), f.enrolmentId(), f.participantId(), worksiteId, f.monthsAfterExit(), f.dueDate(),
                f.doneDate(), f.outcome());
    }

    private void add(String table, String columns, Object... values) {
        PendingBatch batch = batches.computeIfAbsent(table, t -> {
            int placeholders = values.length + 3;
            String[] names = columns.split(",\\s*");
            String[] labels = new String[names.length];
            for (int i = 0; i < names.length; i++) {
                labels[i] = SealedColumns.label(t, names[i].strip()).orElse(null);
            }
            return new PendingBatch("INSERT INTO " + t + " (" + columns + ", version, updated_by, deleted) VALUES ("
                    + "?, ".repeat(placeholders - 1) + "?)", labels);
        });
        Object[] row = new Object[values.length + 3];
        System.arraycopy(values, 0, row, 0, values.length);
        // Raw JDBC bypasses the jOOQ bindings: the personal columns are sealed here, with the same key and labels.
        fr.convergence.terrain.core.security.DataKey key = store.key().forField();
        if (key != null) {
            for (int i = 0; i < values.length; i++) {
                if (batch.labels[i] != null && values[i] != null) {
                    row[i] = key.seal(values[i].toString(), batch.labels[i]);
                }
            }
        }
        row[values.length] = store.hlc().tick().encode();
        // Written by this laptop, as StoreTransaction stamps it.
        row[values.length + 1] = store.deviceId();
        row[values.length + 2] = 0;
        batch.rows.add(row);
        if (batch.rows.size() >= BATCH) {
            flush(batch);
        }
        if (++rowsSinceCommit >= ROWS_PER_COMMIT) {
            commit();
        }
    }

    private void flush(PendingBatch batch) {
        if (batch.rows.isEmpty()) {
            return;
        }
        java.util.List<Object[]> rows = new java.util.ArrayList<>(batch.rows);
        batch.rows.clear();
        store.writeJdbc(connection -> {
            ensureTransaction(connection);
            try (PreparedStatement statement = connection.prepareStatement(batch.sql)) {
                for (Object[] row : rows) {
                    for (int i = 0; i < row.length; i++) {
                        bind(statement, i + 1, row[i]);
                    }
                    statement.addBatch();
                }
                statement.executeBatch();
            }
            return null;
        });
    }

    /** Writes what is still batched and commits everything loaded. */
    public void commit() {
        rowsSinceCommit = 0;
        for (PendingBatch batch : batches.values()) {
            flush(batch);
        }
        store.writeJdbc(connection -> {
            if (!connection.getAutoCommit()) {
                TerrainStore.putMeta(TerrainStore.context(connection), TerrainStore.META_HLC,
                        store.hlc().tick().encode());
                connection.commit();
                connection.setAutoCommit(true);
                try (var statement = connection.createStatement()) {
                    statement.execute("PRAGMA synchronous = FULL");
                    statement.execute("PRAGMA cache_size = -2000");
                }
            }
            return null;
        });
    }

    private static void ensureTransaction(Connection connection) throws SQLException {
        if (connection.getAutoCommit()) {
            try (var statement = connection.createStatement()) {
                // A bulk load is redone from scratch if it fails, so it need not wait for the disk at each commit.
                statement.execute("PRAGMA synchronous = OFF");
                // Random UUID keys touch index pages all over the file: keep them in memory while loading.
                statement.execute("PRAGMA cache_size = -262144");
            }
            connection.setAutoCommit(false);
            try (var statement = connection.createStatement()) {
                // Batches of different tables flush independently; checking references at commit keeps that legal.
                statement.execute("PRAGMA defer_foreign_keys = ON");
            }
        }
    }

    private static void bind(PreparedStatement statement, int index, Object value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.NULL);
        } else if (value instanceof LocalDate date) {
            statement.setString(index, date.toString());
        } else if (value instanceof Integer number) {
            statement.setInt(index, number);
        } else if (value instanceof Long number) {
            statement.setLong(index, number);
        } else {
            statement.setString(index, value.toString());
        }
    }
}
