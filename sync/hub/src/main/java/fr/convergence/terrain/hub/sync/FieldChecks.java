package fr.convergence.terrain.hub.sync;

import fr.convergence.terrain.sync.protocol.SyncSchema;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * What a device sends, checked against the wire catalogue before any table's rule: row ids, each field's name and
 * type. A refusal quotes at most 40 characters of what was sent (it is stored, logged and shown on the laptop).
 */
final class FieldChecks {

    private static final int MAX_TEXT = 20_000;

    private FieldChecks() {
    }

    /** Why {@code value} cannot be written to the field {@code name} of {@code table}, if it cannot. */
    static Optional<String> refusal(SyncSchema.Table table, String name, Object value) {
        if (name.equals(SyncSchema.DELETED)) {
            return value instanceof Boolean ? Optional.empty() : Optional.of("« deleted » doit valoir vrai ou faux.");
        }
        Optional<SyncSchema.Field> field = table.field(name);
        if (field.isEmpty()) {
            return Optional.of("Champ inconnu pour " + table.name() + " : « " + abbreviate(name) + " ».");
        }
        if (value == null) {
            return field.get().required() ? Optional.of("Le champ « " + name + " » ne peut pas être vide.")
                    : Optional.empty();
        }
        boolean ok = switch (field.get().type()) {
            // NUL: PostgreSQL's text cannot hold it (SQLite can): refused on both, as the same data must fit both.
            case TEXT -> value instanceof String s && s.length() <= MAX_TEXT && s.indexOf('\u0000') < 0;
            case DATE -> value instanceof String s && parseDate(s) != null;
            case INT -> value instanceof Integer;
            case LONG -> value instanceof Integer || value instanceof Long;
            case BOOL -> value instanceof Boolean;
        };
        return ok ? Optional.empty() : Optional.of("Valeur invalide pour « " + name + " » : " + abbreviate(value) + ".");
    }

    /** A checked value as the hub stores it: a long field's small numbers as Long too. */
    static Object normalise(SyncSchema.Table table, String name, Object value) {
        if (value instanceof Integer i && table.field(name).map(f -> f.type() == SyncSchema.Type.LONG).orElse(false)) {
            return i.longValue();
        }
        return value;
    }

    /**
     * A value a device sent, as a refusal may quote it: 40 characters at most, control characters (line breaks, NUL,
     * escape sequences) shown as "?".
     */
    static String abbreviate(Object value) {
        String text = String.valueOf(value);
        text = text.length() > 40 ? text.substring(0, 40) + "…" : text;
        StringBuilder shown = new StringBuilder(text.length());
        text.codePoints().forEach(c -> shown.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return shown.toString();
    }

    /** A row id the hub may look up: 64 characters at most, no control character (PostgreSQL refuses NUL). */
    static boolean validRowId(String rowId) {
        return rowId != null && !rowId.isBlank() && rowId.length() <= 64
                && rowId.codePoints().noneMatch(Character::isISOControl);
    }

    /** A wire date, or null when absent or unreadable. */
    static LocalDate parseDate(Object text) {
        try {
            return text == null ? null : LocalDate.parse(text.toString());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
