package fr.convergence.terrain.app.sync;

import fr.convergence.terrain.core.text.TypedDate;
import fr.convergence.terrain.app.common.Formats;
import fr.convergence.terrain.app.common.I18n;
import fr.convergence.terrain.core.domain.HoursFormat;
import fr.convergence.terrain.core.domain.HoursKind;
import fr.convergence.terrain.core.domain.HoursVerdict;
import fr.convergence.terrain.core.domain.Programme;
import fr.convergence.terrain.core.domain.ReferralStatus;
import fr.convergence.terrain.core.text.Texts;
import fr.convergence.terrain.sync.client.store.SyncRepository;
import fr.convergence.terrain.sync.protocol.SyncSchema;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns the sync client's conflicts and refused changes into sentences: which participant and which day or
 * record, the field's French label, values as users type them (hours "6 h 30", dates dd/MM/yyyy), and reads a
 * corrected value back into what the store keeps.
 */
final class SyncDescriptions {

    /** Free-text fields a user may correct by typing; dates and whole numbers are always typed. */
    private static final Set<String> TYPED_TEXT = Set.of("first_name", "last_name", "phone", "email", "address",
            "social_security_number", "referent_name", "extension_reason", "outcome", "comment", "purpose",
            "partner_name", "body");
    /** Technical columns never shown as a change. */
    private static final Set<String> HIDDEN = Set.of(SyncSchema.ID, SyncSchema.VERSION, SyncSchema.UPDATED_BY,
            SyncSchema.WORKSITE_ID, "search_name", "participant_id", "enrolment_id", "note_id", "referral_id",
            "author_id", "created_at", "changed_by");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    private static final int MAX_PARENT_HOPS = 4;

    private final SyncRepository repository;
    private final ZoneId zone;
    private final String deviceId;

    SyncDescriptions(SyncRepository repository, ZoneId zone, String deviceId) {
        this.repository = repository;
        this.zone = zone;
        this.deviceId = deviceId;
    }

    /** Whether an edit's version (millis-counter-device) was made on this laptop. */
    private boolean madeHere(String version) {
        if (version == null) {
            return false;
        }
        String[] parts = version.split("-", 3);
        return parts.length == 3 && parts[2].equals(deviceId);
    }

    ConflictRow conflict(SyncRepository.Conflict c) {
        Map<String, Object> row = repository.row(c.table(), c.rowId()).orElse(Map.of());
        String field = c.field();
        boolean editable = editable(c.table(), field);
        return new ConflictRow(c.id(), c.table(), subject(c.table(), row), field, fieldLabel(field),
                display(c.table(), field, c.keptValue()), display(c.table(), field, c.otherValue()),
                display(c.table(), field, c.baseValue()), c.keptValue(), c.otherValue(), editable,
                editable ? editText(c.table(), field, c.keptValue()) : "", when(c.createdAt()),
                madeHere(c.keptVersion()), madeHere(c.otherVersion()));
    }

    QuarantineRow quarantined(SyncRepository.Quarantined q) {
        Map<String, Object> row = new java.util.LinkedHashMap<>(q.fields());
        repository.row(q.table(), q.rowId()).ifPresent(stored -> stored.forEach(row::putIfAbsent));
        List<String> changes = new ArrayList<>();
        for (Map.Entry<String, Object> entry : q.fields().entrySet()) {
            if (HIDDEN.contains(entry.getKey())) {
                continue;
            }
            Object value = entry.getValue();
            changes.add(I18n.t("sync.change", fieldLabel(entry.getKey()),
                    display(q.table(), entry.getKey(), value == null ? null : value.toString())));
        }
        return new QuarantineRow(q.number(), subject(q.table(), row), String.join("\u00a0; ", changes), q.reason(),
                when(q.quarantinedAt()));
    }

    /** "Aubert Hélène — heures du 18/03/2026 (Formation)", "Aubert Hélène — orientation", … */
    String subject(String table, Map<String, Object> row) {
        Optional<String> person = participantName(table, row, 0);
        String what = switch (table) {
            case "participant" -> null;
            case "hours_entry" -> I18n.t("sync.subject.hours", display(table, "work_day", text(row.get("work_day"))),
                    display(table, "kind", text(row.get("kind"))));
            default -> tableKey(table) == null ? table : I18n.t(tableKey(table));
        };
        if (what == null) {
            return person.orElse(I18n.t("sync.subject.unknownPerson"));
        }
        return person.map(p -> I18n.t("sync.subject", p, what)).orElse(what);
    }

    private Optional<String> participantName(String table, Map<String, Object> row, int hops) {
        if (row.isEmpty() || hops > MAX_PARENT_HOPS) {
            return Optional.empty();
        }
        if (table.equals("participant")) {
            Object last = row.get("last_name");
            Object first = row.get("first_name");
            if (last == null && first == null) {
                return Optional.empty();
            }
            return Optional.of((text(last) + " " + text(first)).strip());
        }
        Optional<SyncSchema.Table> schema = SyncSchema.table(table);
        if (schema.isEmpty()) {
            return Optional.empty();
        }
        for (SyncSchema.Field ref : schema.get().references()) {
            Object parentId = row.get(ref.name());
            if (parentId != null) {
                Map<String, Object> parent = repository.row(ref.parent(), parentId.toString()).orElse(Map.of());
                Optional<String> name = participantName(ref.parent(), parent, hops + 1);
                if (name.isPresent()) {
                    return name;
                }
            }
        }
        return Optional.empty();
    }

    static String fieldLabel(String field) {
        String key = fieldKey(field);
        return key == null ? field : I18n.t(key);
    }

    /** The bundle key of a field's label (spelled out so that the bundle's consistency test sees each one). */
    static String fieldKey(String field) {
        return switch (field) {
            case "first_name" -> "sync.field.first_name";
            case "last_name" -> "sync.field.last_name";
            case "birth_date" -> "sync.field.birth_date";
            case "phone" -> "sync.field.phone";
            case "email" -> "sync.field.email";
            case "address" -> "sync.field.address";
            case "social_security_number" -> "sync.field.social_security_number";
            case "referent_name" -> "sync.field.referent_name";
            case "programme" -> "sync.field.programme";
            case "contract_type" -> "sync.field.contract_type";
            case "entry_date" -> "sync.field.entry_date";
            case "contract_end_date" -> "sync.field.contract_end_date";
            case "weekly_hours" -> "sync.field.weekly_hours";
            case "derogation_kind" -> "sync.field.derogation_kind";
            case "derogation_end_date" -> "sync.field.derogation_end_date";
            case "extension_reason" -> "sync.field.extension_reason";
            case "exit_date" -> "sync.field.exit_date";
            case "exit_category" -> "sync.field.exit_category";
            case "exit_reason" -> "sync.field.exit_reason";
            case "target_hours" -> "sync.field.target_hours";
            case "start_date" -> "sync.field.start_date";
            case "work_day" -> "sync.field.work_day";
            case "kind" -> "sync.field.kind";
            case "minutes" -> "sync.field.minutes";
            case "note_date" -> "sync.field.note_date";
            case "theme" -> "sync.field.theme";
            case "visibility" -> "sync.field.visibility";
            case "body" -> "sync.field.body";
            case "partner_code" -> "sync.field.partner_code";
            case "partner_name" -> "sync.field.partner_name";
            case "purpose" -> "sync.field.purpose";
            case "documents" -> "sync.field.documents";
            case "shared_fields" -> "sync.field.shared_fields";
            case "status" -> "sync.field.status";
            case "created_on" -> "sync.field.created_on";
            case "from_status" -> "sync.field.from_status";
            case "to_status" -> "sync.field.to_status";
            case "changed_on" -> "sync.field.changed_on";
            case "comment" -> "sync.field.comment";
            case "months_after" -> "sync.field.months_after";
            case "due_date" -> "sync.field.due_date";
            case "done_date" -> "sync.field.done_date";
            case "outcome" -> "sync.field.outcome";
            case "deleted" -> "sync.field.deleted";
            case "occurred_at" -> "sync.field.occurred_at";
            case "actor_id" -> "sync.field.actor_id";
            case "actor_name" -> "sync.field.actor_name";
            case "action" -> "sync.field.action";
            case "detail" -> "sync.field.detail";
            case "erased_at" -> "sync.field.erased_at";
            case "reason" -> "sync.field.reason";
            default -> null;
        };
    }

    /** The bundle key of what a row of a table is, in a sentence ("orientation", "palier PHC"…). */
    static String tableKey(String table) {
        return switch (table) {
            case "participant" -> "sync.table.participant";
            case "enrolment" -> "sync.table.enrolment";
            case "phc_step" -> "sync.table.phc_step";
            case "hours_entry" -> "sync.table.hours_entry";
            case "support_note" -> "sync.table.support_note";
            case "support_note_revision" -> "sync.table.support_note_revision";
            case "referral" -> "sync.table.referral";
            case "referral_status_change" -> "sync.table.referral_status_change";
            case "follow_up" -> "sync.table.follow_up";
            case "sync_conflict" -> "sync.table.sync_conflict";
            case "audit_event" -> "sync.table.audit_event";
            case "erasure" -> "sync.table.erasure";
            default -> null;
        };
    }

    static boolean editable(String table, String field) {
        Optional<SyncSchema.Field> f = SyncSchema.table(table).flatMap(t -> t.field(field));
        if (f.isEmpty()) {
            return false;
        }
        return switch (f.get().type()) {
            case DATE, INT -> true;
            case TEXT -> TYPED_TEXT.contains(field);
            default -> false;
        };
    }

    /** A stored value as users read it. */
    static String display(String table, String field, String value) {
        if (value == null || value.isEmpty()) {
            return I18n.t("sync.value.empty");
        }
        try {
            if (field.equals(SyncSchema.DELETED)) {
                return I18n.t(Boolean.parseBoolean(value) ? "sync.value.deleted" : "sync.value.kept");
            }
            if (field.equals("minutes")) {
                return Texts.hours(Integer.parseInt(value));
            }
            if (field.equals("weekly_hours") || field.equals("target_hours")) {
                return I18n.t("sync.value.hours", Integer.parseInt(value));
            }
            if (field.equals("kind")) {
                return I18n.label(HoursKind.valueOf(value));
            }
            if (field.equals("programme")) {
                return I18n.label(Programme.valueOf(value));
            }
            if (field.equals("status") || field.equals("to_status") || field.equals("from_status")) {
                return I18n.label(ReferralStatus.valueOf(value));
            }
            boolean date = SyncSchema.table(table).flatMap(t -> t.field(field))
                    .map(f -> f.type() == SyncSchema.Type.DATE).orElse(false);
            if (date) {
                return Formats.date(LocalDate.parse(value));
            }
        } catch (RuntimeException e) {
            return value;
        }
        return value;
    }

    /** The text the correction field starts from: like {@link #display} but empty for no value. */
    static String editText(String table, String field, String value) {
        return value == null || value.isEmpty() ? "" : display(table, field, value);
    }

    /** A typed correction read back into the stored form, or the French reason it is refused. */
    static Parsed parse(String table, String field, String typed) {
        String text = typed == null ? "" : typed.strip();
        Optional<SyncSchema.Field> f = SyncSchema.table(table).flatMap(t -> t.field(field));
        boolean required = f.map(SyncSchema.Field::required).orElse(false);
        if (field.equals("minutes")) {
            HoursVerdict verdict = HoursFormat.parse(text);
            if (!verdict.saveAllowed()) {
                return Parsed.refused(String.join(" ", verdict.verdict().messages()));
            }
            return Parsed.of(Integer.toString(verdict.minutes()));
        }
        if (text.isEmpty()) {
            return required ? Parsed.refused(I18n.t("sync.edit.required", fieldLabel(field))) : Parsed.of(null);
        }
        SyncSchema.Type type = f.map(SyncSchema.Field::type).orElse(SyncSchema.Type.TEXT);
        if (type == SyncSchema.Type.DATE) {
            TypedDate date = Formats.parseDate(text);
            if (!date.valid() || date.value().isEmpty()) {
                return Parsed.refused(Formats.dateProblem(date, fieldLabel(field), text));
            }
            return Parsed.of(date.value().get().toString());
        }
        if (type == SyncSchema.Type.INT) {
            String digits = text.replaceAll("\\s*h$", "");
            try {
                int value = Integer.parseInt(digits);
                if (value < 0 || value > 48) {
                    throw new NumberFormatException();
                }
                return Parsed.of(Integer.toString(value));
            } catch (NumberFormatException e) {
                return Parsed.refused(I18n.t("sync.edit.badNumber", fieldLabel(field), text));
            }
        }
        return Parsed.of(text);
    }

    /** A corrected value: the stored form, or the reason it cannot be saved. */
    record Parsed(String value, String error) {
        static Parsed of(String value) {
            return new Parsed(value, null);
        }

        static Parsed refused(String error) {
            return new Parsed(null, error);
        }

        boolean ok() {
            return error == null;
        }
    }

    private String when(long millis) {
        var time = Instant.ofEpochMilli(millis).atZone(zone);
        return I18n.t("sync.when", Formats.date(time.toLocalDate()), time.format(TIME));
    }

    private static String text(Object value) {
        if (value == null) {
            return "";
        }
        return value instanceof LocalDate date ? date.toString() : value.toString();
    }
}
