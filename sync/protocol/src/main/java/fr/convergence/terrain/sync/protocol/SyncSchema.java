package fr.convergence.terrain.sync.protocol;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The synced tables as they travel (protocol version 1): their fields with wire types, the parent each reference
 * points to, and the order in which a page is applied (parents first). Both the hub (to validate operations) and
 * the laptop (to apply pages) read it; the hub's {@code LaptopSchemaTest} checks it against the laptop's SQL schema.
 */
public final class SyncSchema {

    /** Wire types: dates are ISO-8601 text ({@code 2024-03-18}). */
    public enum Type { TEXT, DATE, INT, LONG, BOOL }

    /** One data field: its type, whether a new row must carry it, and the table it references (or null). */
    public record Field(String name, Type type, boolean required, String parent) {
    }

    /** One synced table. */
    public record Table(String name, List<Field> fields) {

        public Optional<Field> field(String name) {
            return fields.stream().filter(f -> f.name().equals(name)).findFirst();
        }

        /** Fields that reference another synced table. */
        public List<Field> references() {
            return fields.stream().filter(f -> f.parent() != null).toList();
        }
    }

    public static final String ID = "id";
    public static final String VERSION = "version";
    public static final String UPDATED_BY = "updated_by";
    public static final String DELETED = "deleted";
    public static final String WORKSITE_ID = "worksite_id";
    public static final String CONFLICT_TABLE = "sync_conflict";
    public static final String AUDIT_TABLE = "audit_event";
    /**
     * Erasure tombstones: one row per erased participant, its id the participant's, never deleted. Last in the apply
     * order, so a page's other rows are in place before the laptop removes the person's file.
     */
    public static final String ERASURE_TABLE = "erasure";

    private static final Map<String, Table> TABLES = new LinkedHashMap<>();

    static {
        table("participant",
                text(WORKSITE_ID, true), text("first_name", true), text("last_name", true),
                text("search_name", true), date("birth_date", false), text("phone", false), text("email", false),
                text("address", false), text("social_security_number", false), text("referent_name", false));
        table("enrolment",
                ref("participant_id", "participant"), text(WORKSITE_ID, true), text("programme", true),
                text("contract_type", true), date("entry_date", true), date("contract_end_date", false),
                integer("weekly_hours", false), text("derogation_kind", false), date("derogation_end_date", false),
                text("extension_reason", false), date("exit_date", false), text("exit_category", false),
                text("exit_reason", false));
        table("phc_step",
                ref("enrolment_id", "enrolment"), text(WORKSITE_ID, true), integer("target_hours", true),
                date("start_date", true));
        table("hours_entry",
                ref("participant_id", "participant"), text(WORKSITE_ID, true), date("work_day", true),
                text("kind", true), integer("minutes", true));
        table("support_note",
                ref("participant_id", "participant"), text(WORKSITE_ID, true), date("note_date", true),
                text("theme", true), text("visibility", true), text("author_id", true));
        table("support_note_revision",
                ref("note_id", "support_note"), text(WORKSITE_ID, true), text("body", true),
                text("author_id", true), new Field("created_at", Type.LONG, true, null));
        table("referral",
                ref("participant_id", "participant"), text(WORKSITE_ID, true), text("partner_code", true),
                text("partner_name", false), text("purpose", true), text("documents", true),
                text("shared_fields", true), text("status", true), date("created_on", true));
        table("referral_status_change",
                ref("referral_id", "referral"), text(WORKSITE_ID, true), text("from_status", false),
                text("to_status", true), date("changed_on", true), text("changed_by", true), text("comment", false));
        table("follow_up",
                ref("enrolment_id", "enrolment"), ref("participant_id", "participant"), text(WORKSITE_ID, true),
                integer("months_after", true), date("due_date", true), date("done_date", false),
                text("outcome", false));
        table(CONFLICT_TABLE,
                text(WORKSITE_ID, true), text("table_name", true), text("row_id", true), text("field_name", true),
                text("base_value", false), text("kept_value", false), text("other_value", false),
                text("kept_version", true), text("other_version", true), text("other_device", false),
                new Field("created_at", Type.LONG, true, null), new Field("resolved", Type.BOOL, true, null),
                text("resolution", false));
        // The audit journal (issue 14): append-only, no parent (an entry outlives its participant's move).
        table(AUDIT_TABLE,
                text(WORKSITE_ID, true), new Field("occurred_at", Type.LONG, true, null), text("actor_id", false),
                text("actor_name", false), text("action", true), text("participant_id", false),
                text("detail", false));
        // No name, nothing about the person: where the file was, when it was erased and why (a reason code).
        table(ERASURE_TABLE,
                text(WORKSITE_ID, true), new Field("erased_at", Type.LONG, true, null), text("reason", true));
    }

    private SyncSchema() {
    }

    /** Every synced table, parents before children. */
    public static List<Table> tables() {
        return List.copyOf(TABLES.values());
    }

    public static Optional<Table> table(String name) {
        return Optional.ofNullable(TABLES.get(name));
    }

    /** Position of the table in the apply order (parents first). */
    public static int order(String table) {
        return new ArrayList<>(TABLES.keySet()).indexOf(table);
    }

    /** The tables in the order rows must be removed (children first). */
    public static List<Table> removalOrder() {
        List<Table> tables = new ArrayList<>(TABLES.values());
        Collections.reverse(tables);
        return tables;
    }

    private static void table(String name, Field... fields) {
        TABLES.put(name, new Table(name, List.of(fields)));
    }

    private static Field text(String name, boolean required) {
        return new Field(name, Type.TEXT, required, null);
    }

    private static Field date(String name, boolean required) {
        return new Field(name, Type.DATE, required, null);
    }

    private static Field integer(String name, boolean required) {
        return new Field(name, Type.INT, required, null);
    }

    private static Field ref(String name, String parent) {
        return new Field(name, Type.TEXT, true, parent);
    }
}
