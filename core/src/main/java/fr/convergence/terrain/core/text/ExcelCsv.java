package fr.convergence.terrain.core.text;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.util.List;

/**
 * CSV that French Excel opens with a double click: UTF-8 with a byte order mark, {@code ;} between fields, CRLF line
 * ends; a field that Excel would take for a formula is prefixed with an apostrophe (CSV injection).
 */
public final class ExcelCsv {

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private ExcelCsv() {
    }

    /** The byte order mark that makes Excel read the file as UTF-8. */
    public static void bom(OutputStream out) throws IOException {
        out.write(BOM);
    }

    public static void line(Writer writer, List<String> fields) throws IOException {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                writer.write(';');
            }
            writer.write(escape(fields.get(i)));
        }
        writer.write("\r\n");
    }

    public static String escape(String field) {
        String value = field == null ? "" : field;
        if (!value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0) {
            value = "'" + value;
        }
        if (value.contains(";") || value.contains("\"") || value.contains("\n") || value.contains("\r")
                || !value.equals(value.strip())) {
            value = "\"" + value.replace("\"", "\"\"") + "\"";
        }
        return value;
    }
}
