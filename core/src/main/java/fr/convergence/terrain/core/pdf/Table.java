package fr.convergence.terrain.core.pdf;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.font.PDFont;

/**
 * A table written row by row into a {@link PageFlow}: cells wrap, a row never splits across pages, and the
 * header is drawn again at the top of each page the table continues on.
 */
public final class Table {

    /** A column: its header, its share of the width (weights), and whether numbers align right. */
    public record Column(String header, float weight, boolean alignRight) {
        public static Column left(String header, float weight) {
            return new Column(header, weight, false);
        }

        public static Column right(String header, float weight) {
            return new Column(header, weight, true);
        }
    }

    private final PageFlow flow;
    private final List<Column> columns;
    private final float[] widths;
    private final float size;
    private final float minRowHeight;
    private final float padding = 3.5f;
    private int rowCount;

    public Table(PageFlow flow, List<Column> columns, float size, float minRowHeight) {
        this.flow = flow;
        this.columns = columns;
        this.size = size;
        this.minRowHeight = minRowHeight;
        float total = (float) columns.stream().mapToDouble(Column::weight).sum();
        this.widths = new float[columns.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = flow.width() * columns.get(i).weight() / total;
        }
    }

    public float columnX(int index) {
        float x = flow.left();
        for (int i = 0; i < index; i++) {
            x += widths[i];
        }
        return x;
    }

    public float columnWidth(int index) {
        return widths[index];
    }

    /** Draws the header and keeps it for the next pages, until {@link #end()}. */
    public Table begin() {
        flow.ensure(headerHeight() + minRowHeight + 2 * padding);
        drawHeader();
        flow.setContinuation(this::drawHeader);
        return this;
    }

    public void end() {
        flow.setContinuation(null);
        flow.moveDown(4);
    }

    private float headerHeight() {
        int lines = 1;
        for (int i = 0; i < columns.size(); i++) {
            lines = Math.max(lines, flow.wrap(columns.get(i).header(), flow.fonts.bold, size - 0.5f,
                    widths[i] - 2 * padding).size());
        }
        return lines * (size + 2) + 2 * padding;
    }

    private void drawHeader() {
        float height = headerHeight();
        float top = flow.y();
        flow.fillRect(flow.left(), top - height, flow.width(), height, PageFlow.SHADE);
        for (int i = 0; i < columns.size(); i++) {
            drawCell(columns.get(i).header(), i, top, flow.fonts.bold, size - 0.5f, PageFlow.INK,
                    columns.get(i).alignRight());
        }
        flow.line(flow.left(), top - height, flow.right(), top - height, PageFlow.RULE, 0.8f);
        flow.moveDown(height);
    }

    /** A row of plain cells. */
    public void row(String... cells) {
        row(null, cells);
    }

    /**
     * A row; {@code decorate}, if given, draws extra content over the row once it is placed (it receives the
     * row's top y and height).
     */
    public void row(RowDecoration decorate, String... cells) {
        row(decorate, flow.fonts.regular, null, cells);
    }

    /** A row of totals: bold, on the header's shade, closed by a heavier rule. */
    public void totalRow(String... cells) {
        row(null, flow.fonts.bold, PageFlow.SHADE, cells);
    }

    private void row(RowDecoration decorate, PDFont font, Color shade, String... cells) {
        List<List<String>> wrapped = new ArrayList<>();
        int lines = 1;
        for (int i = 0; i < columns.size(); i++) {
            List<String> cellLines = flow.wrap(i < cells.length ? cells[i] : "", font, size,
                    widths[i] - 2 * padding);
            wrapped.add(cellLines);
            lines = Math.max(lines, cellLines.size());
        }
        float height = Math.max(minRowHeight, lines * (size + 2.5f) + 2 * padding);
        flow.ensure(height);
        float top = flow.y();
        if (shade != null) {
            flow.fillRect(flow.left(), top - height, flow.width(), height, shade);
        } else if (rowCount % 2 == 1) {
            flow.fillRect(flow.left(), top - height, flow.width(), height, new Color(0xF6, 0xF8, 0xFA));
        }
        for (int i = 0; i < columns.size(); i++) {
            float baseline = top - padding - size;
            for (String line : wrapped.get(i)) {
                float x = columns.get(i).alignRight()
                        ? columnX(i) + widths[i] - padding - flow.width(line, font, size)
                        : columnX(i) + padding;
                flow.text(line, x, baseline, font, size, PageFlow.INK);
                baseline -= size + 2.5f;
            }
        }
        if (decorate != null) {
            decorate.draw(top, height);
        }
        flow.line(flow.left(), top - height, flow.right(), top - height, PageFlow.RULE, shade != null ? 0.8f : 0.3f);
        flow.moveDown(height);
        rowCount++;
    }

    /** Vertical separators between the columns, from {@code top} down {@code height}. */
    public void verticalRules(float top, float height) {
        for (int i = 1; i < columns.size(); i++) {
            float x = columnX(i);
            flow.line(x, top, x, top - height, PageFlow.RULE, 0.3f);
        }
    }

    private void drawCell(String text, int column, float top, PDFont font, float fontSize, Color color,
                          boolean alignRight) {
        float baseline = top - padding - fontSize;
        for (String line : flow.wrap(text, font, fontSize, widths[column] - 2 * padding)) {
            float x = alignRight
                    ? columnX(column) + widths[column] - padding - flow.width(line, font, fontSize)
                    : columnX(column) + padding;
            flow.text(line, x, baseline, font, fontSize, color);
            baseline -= fontSize + 2;
        }
    }

    /** Extra drawing over a placed row. */
    @FunctionalInterface
    public interface RowDecoration {
        void draw(float top, float height);
    }
}
