package fr.convergence.terrain.hub.console.web;

/**
 * A page being written: markup from the console's own constants through {@link #raw}, every other value through
 * {@link #text} or an attribute, escaped. No template engine: a dozen small pages do not need one, and nothing a
 * laptop or a person typed reaches the page unescaped.
 */
final class Html {

    private final StringBuilder out = new StringBuilder(4096);

    /** Markup written in this package's code, never a value. */
    Html raw(String markup) {
        out.append(markup);
        return this;
    }

    Html text(String value) {
        out.append(escape(value));
        return this;
    }

    /** {@code <name a="v" …>} with escaped attribute values, given as name/value pairs. */
    Html open(String name, String... attributes) {
        out.append('<').append(name);
        for (int i = 0; i + 1 < attributes.length; i += 2) {
            out.append(' ').append(attributes[i]).append("=\"").append(escape(attributes[i + 1])).append('"');
        }
        out.append('>');
        return this;
    }

    Html close(String name) {
        out.append("</").append(name).append('>');
        return this;
    }

    /** {@code <name …>text</name>}. */
    Html element(String name, String text, String... attributes) {
        return open(name, attributes).text(text).close(name);
    }

    static String escape(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder escaped = new StringBuilder(value.length() + 16);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '&' -> escaped.append("&amp;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(Character.isISOControl(c) && c != '\n' ? ' ' : c);
            }
        }
        return escaped.toString();
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
