package fr.convergence.terrain.hub.console.web;

import fr.convergence.terrain.core.text.ExcelCsv;
import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** A console table as a CSV download that French Excel opens as it is ({@link ExcelCsv}: BOM, {@code ;}, CRLF). */
final class Csv {

    private Csv() {
    }

    static void send(Context ctx, String fileName, List<String> header, List<List<String>> rows) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            ExcelCsv.bom(bytes);
            Writer writer = new OutputStreamWriter(bytes, StandardCharsets.UTF_8);
            ExcelCsv.line(writer, header);
            for (List<String> row : rows) {
                ExcelCsv.line(writer, row);
            }
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ctx.status(200).contentType("text/csv; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"" + fileName + "\"").result(bytes.toByteArray());
    }
}
