package fr.convergence.terrain.app.week;

/**
 * What one day cell of the week shows: its text, the text to start editing from, how it looks and the rule's
 * message (tooltip and message bar). Immutable; a change replaces the cell.
 */
public record DayCell(String text, String editText, State state, String message, boolean outside,
                      boolean absence, boolean otherKind) {

    /** OK (saved), WARNING (saved, orange), REFUSED (not saved, red), PENDING (being saved). */
    public enum State { OK, WARNING, REFUSED, PENDING }

    public DayCell with(State newState, String newText, String newMessage) {
        return new DayCell(newText, editText, newState, newMessage, outside, absence, otherKind);
    }

    /** The cell red, showing what the user typed, and editing starts again from it (nothing typed is lost). */
    public DayCell refused(String typed, String why) {
        return new DayCell(typed, typed, State.REFUSED, why, outside, absence, otherKind);
    }
}
