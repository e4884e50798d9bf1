package fr.convergence.terrain.app.sync;

/**
 * One conflict as the page shows it: what it is about (participant, day…), the field (its name and its label),
 * the value kept in the data and the other one, both as users read them and as stored (what resolving saves),
 * the value both edits started from, and whether a corrected value may be typed (free text, dates, hours; coded
 * values are only chosen), with the text to start editing from; and which side, if any, this laptop wrote.
 */
public record ConflictRow(String id, String table, String subject, String fieldName, String field, String keptText,
                          String otherText, String baseText, String keptValue, String otherValue, boolean editable,
                          String editText, String when, boolean keptIsMine, boolean otherIsMine) {
}
