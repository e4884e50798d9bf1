package fr.convergence.terrain.core.store;

import fr.convergence.terrain.core.security.DataKey;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Types;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.Binding;
import org.jooq.BindingGetResultSetContext;
import org.jooq.BindingGetSQLInputContext;
import org.jooq.BindingGetStatementContext;
import org.jooq.BindingRegisterContext;
import org.jooq.BindingSQLContext;
import org.jooq.BindingSetSQLOutputContext;
import org.jooq.BindingSetStatementContext;
import org.jooq.Configuration;
import org.jooq.Converter;
import org.jooq.conf.ParamType;
import org.jooq.impl.DSL;

/**
 * The personal columns encrypted at rest (ADR 0005) and the one place they are encrypted and decrypted: a jOOQ
 * binding on each (declared in core/pom.xml's forcedTypes), which takes the data key from the store's
 * {@link StoreKey} in the jOOQ configuration. Every jOOQ read and write of these columns goes through it; the raw
 * JDBC paths ({@link BulkLoader}, the in-place encryption of an older store) use {@link #label} and the same key.
 *
 * <p>The associated data of a value is its label: table and column, so a value moved to another column does not
 * decrypt. The four queue columns share one label ({@code sync.fields}) because the queue moves the same JSON
 * from {@code outbox} to {@code sync_pending}, {@code sync_sent} and back with INSERT … SELECT, unchanged.
 */
public final class SealedColumns {

    static final String QUEUE_FIELDS = "sync.fields";
    /** The hub token's label in {@code sync_state} (sealed by the sync client, not by a binding). */
    public static final String HUB_TOKEN = "sync_state.token";

    /** Table → its encrypted columns. */
    static final Map<String, List<String>> COLUMNS = columns();

    private SealedColumns() {
    }

    private static Map<String, List<String>> columns() {
        Map<String, List<String>> columns = new LinkedHashMap<>();
        columns.put("participant", List.of("phone", "email", "address", "social_security_number", "referent_name"));
        columns.put("support_note_revision", List.of("body"));
        // shared_fields: the values copied for the partner (social-security number, address…) when it was prepared.
        columns.put("referral", List.of("purpose", "documents", "shared_fields"));
        columns.put("referral_status_change", List.of("comment"));
        columns.put("enrolment", List.of("extension_reason"));
        columns.put("follow_up", List.of("outcome"));
        columns.put("sync_conflict", List.of("base_value", "kept_value", "other_value", "resolution"));
        for (String queue : List.of("outbox", "sync_pending", "sync_sent", "sync_quarantine")) {
            columns.put(queue, List.of("fields"));
        }
        return Map.copyOf(columns);
    }

    /** The label (associated data) of an encrypted column, or empty when the column is stored in clear. */
    public static Optional<String> label(String table, String column) {
        List<String> sealed = COLUMNS.get(table);
        if (sealed == null || !sealed.contains(column)) {
            return Optional.empty();
        }
        return Optional.of("fields".equals(column) ? QUEUE_FIELDS : table + "." + column);
    }

    /**
     * Encrypts {@code clear} with the key of the store {@code configuration} belongs to; clear in a store that has
     * no key yet (a new or older store: see {@link StoreKey}); refused while the store is locked.
     */
    public static String seal(Configuration configuration, String label, String clear) {
        if (clear == null) {
            return null;
        }
        DataKey key = StoreKey.of(configuration).forField();
        return key == null ? clear : key.seal(clear, label);
    }

    /** The clear value of {@code stored}; refused while the store is locked or when the value was altered. */
    public static String open(Configuration configuration, String label, String stored) {
        if (stored == null) {
            return null;
        }
        return open(StoreKey.of(configuration).forField(), label, stored);
    }

    /** {@link #open(Configuration, String, String)} with the store's field key (null: the store has none yet). */
    static String open(DataKey key, String label, String stored) {
        if (stored == null || key == null) {
            return stored;
        }
        try {
            return key.open(stored, label);
        } catch (DataKey.SealedValueException e) {
            throw new StoreException("Une donnée chiffrée du fichier est illisible\u00a0: " + e.getMessage()
                    + ". Le fichier a peut-être été modifié hors de l’application.", e);
        }
    }

    /** The binding of one encrypted column; the nested classes below name each column for the code generator. */
    public abstract static class Sealed implements Binding<String, String> {
        private static final Converter<String, String> IDENTITY =
                Converter.ofNullable(String.class, String.class, s -> s, s -> s);
        private final String label;

        protected Sealed(String label) {
            this.label = label;
        }

        @Override
        public Converter<String, String> converter() {
            return IDENTITY;
        }

        @Override
        public void sql(BindingSQLContext<String> ctx) throws SQLException {
            if (ctx.render().paramType() == ParamType.INLINED) {
                ctx.render().visit(DSL.inline(seal(ctx.configuration(), label, ctx.value())));
            } else {
                ctx.render().sql(ctx.variable());
            }
        }

        @Override
        public void register(BindingRegisterContext<String> ctx) throws SQLException {
            ctx.statement().registerOutParameter(ctx.index(), Types.VARCHAR);
        }

        @Override
        public void set(BindingSetStatementContext<String> ctx) throws SQLException {
            String stored = seal(ctx.configuration(), label, ctx.value());
            if (stored == null) {
                ctx.statement().setNull(ctx.index(), Types.VARCHAR);
            } else {
                ctx.statement().setString(ctx.index(), stored);
            }
        }

        @Override
        public void set(BindingSetSQLOutputContext<String> ctx) throws SQLException {
            throw new SQLFeatureNotSupportedException();
        }

        @Override
        public void get(BindingGetResultSetContext<String> ctx) throws SQLException {
            ctx.value(open(ctx.configuration(), label, ctx.resultSet().getString(ctx.index())));
        }

        @Override
        public void get(BindingGetStatementContext<String> ctx) throws SQLException {
            ctx.value(open(ctx.configuration(), label, ctx.statement().getString(ctx.index())));
        }

        @Override
        public void get(BindingGetSQLInputContext<String> ctx) throws SQLException {
            throw new SQLFeatureNotSupportedException();
        }
    }

    // One class per label, as jOOQ's generated code instantiates a binding without arguments.
    public static final class ParticipantPhone extends Sealed {
        public ParticipantPhone() {
            super("participant.phone");
        }
    }

    public static final class ParticipantEmail extends Sealed {
        public ParticipantEmail() {
            super("participant.email");
        }
    }

    public static final class ParticipantAddress extends Sealed {
        public ParticipantAddress() {
            super("participant.address");
        }
    }

    public static final class ParticipantSocialSecurityNumber extends Sealed {
        public ParticipantSocialSecurityNumber() {
            super("participant.social_security_number");
        }
    }

    public static final class ParticipantReferentName extends Sealed {
        public ParticipantReferentName() {
            super("participant.referent_name");
        }
    }

    public static final class SupportNoteRevisionBody extends Sealed {
        public SupportNoteRevisionBody() {
            super("support_note_revision.body");
        }
    }

    public static final class ReferralPurpose extends Sealed {
        public ReferralPurpose() {
            super("referral.purpose");
        }
    }

    public static final class ReferralDocuments extends Sealed {
        public ReferralDocuments() {
            super("referral.documents");
        }
    }

    public static final class ReferralSharedFields extends Sealed {
        public ReferralSharedFields() {
            super("referral.shared_fields");
        }
    }

    public static final class ReferralStatusChangeComment extends Sealed {
        public ReferralStatusChangeComment() {
            super("referral_status_change.comment");
        }
    }

    public static final class EnrolmentExtensionReason extends Sealed {
        public EnrolmentExtensionReason() {
            super("enrolment.extension_reason");
        }
    }

    public static final class FollowUpOutcome extends Sealed {
        public FollowUpOutcome() {
            super("follow_up.outcome");
        }
    }

    public static final class SyncConflictBaseValue extends Sealed {
        public SyncConflictBaseValue() {
            super("sync_conflict.base_value");
        }
    }

    public static final class SyncConflictKeptValue extends Sealed {
        public SyncConflictKeptValue() {
            super("sync_conflict.kept_value");
        }
    }

    public static final class SyncConflictOtherValue extends Sealed {
        public SyncConflictOtherValue() {
            super("sync_conflict.other_value");
        }
    }

    public static final class SyncConflictResolution extends Sealed {
        public SyncConflictResolution() {
            super("sync_conflict.resolution");
        }
    }

    public static final class QueueFields extends Sealed {
        public QueueFields() {
            super(QUEUE_FIELDS);
        }
    }
}
