package fr.convergence.terrain.hub.log;

/**
 * The one place where a value that may come from outside (a device's table name, label or path, an exception's
 * message) is made safe to write on a line: line breaks, tabs, escape sequences and other control or invisible
 * formatting characters become visible escapes ({@code \n}, {@code \t}, {@code \u001b}…), so a value can neither
 * start a line of its own nor add a column, nor move the terminal's cursor. Used by the hub's log layout (every
 * message, every stack trace) and by what {@code terrain-hub} prints.
 */
public final class SafeText {

    private SafeText() {
    }

    /** For a log message written between double quotes: quotes and backslashes are escaped too. */
    public static String quoted(Object value) {
        return escape(String.valueOf(value), true);
    }

    /** For a column of the administration commands' output (tab-separated). */
    public static String column(Object value) {
        return value == null ? "-" : escape(String.valueOf(value), false);
    }

    static String escape(String text, boolean quotes) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String replacement = replacement(c, quotes);
            if (replacement != null && out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (out != null) {
                if (replacement != null) {
                    out.append(replacement);
                } else {
                    out.append(c);
                }
            }
        }
        return out == null ? text : out.toString();
    }

    private static String replacement(char c, boolean quotes) {
        switch (c) {
            case '\n':
                return "\\n";
            case '\r':
                return "\\r";
            case '\t':
                return "\\t";
            case '\\':
                return quotes ? "\\\\" : null;
            case '"':
                return quotes ? "\\\"" : null;
            default:
                break;
        }
        int type = Character.getType(c);
        if (Character.isISOControl(c) || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR
                || type == Character.FORMAT) {
            return String.format("\\u%04x", (int) c);
        }
        return null;
    }
}
