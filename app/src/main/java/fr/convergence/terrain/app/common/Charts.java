package fr.convergence.terrain.app.common;

import java.text.NumberFormat;
import javafx.scene.chart.NumberAxis;
import javafx.util.StringConverter;

/**
 * The value axis of the application's charts: counts and hours on whole-number ticks written the French way
 * ("1 250"), from 0 to a round value above the largest one, never an empty 0..0 axis when there is nothing yet.
 * The colours (Okabe-Ito, told apart by colour-blind readers) are in the stylesheet, {@code terrain.css}.
 */
public final class Charts {

    /** Style class of a chart of hours worked against a target: the target dashed, with square markers. */
    public static final String HOURS_AGAINST_TARGET = "hours-against-target";

    private static final double[] STEPS = {1, 2, 5};
    private static final int MAX_TICKS = 10;

    private Charts() {
    }

    /** From 0 to {@code upper}, one tick every {@code tickUnit} (both whole numbers). */
    public record Scale(long upper, long tickUnit) {
    }

    /**
     * The scale for values up to {@code largest}, at least up to {@code atLeast} (a participant with no hours yet
     * still gets an axis from 0 to their target, or to {@code atLeast}): ticks every 1, 2, 5, 10, 20, 50… so that
     * there are at most ten.
     */
    public static Scale scale(double largest, long atLeast) {
        double top = Math.max(Math.max(largest, atLeast), 1);
        long unit = 1;
        for (long magnitude = 1; ; magnitude *= 10) {
            boolean found = false;
            for (double step : STEPS) {
                unit = (long) (step * magnitude);
                if (Math.ceil(top / unit) <= MAX_TICKS) {
                    found = true;
                    break;
                }
            }
            if (found) {
                break;
            }
        }
        return new Scale((long) Math.ceil(top / unit) * unit, unit);
    }

    /** A value axis from 0, on whole-number ticks in French ("1 250"), for values up to {@code largest}. */
    public static NumberAxis wholeNumberAxis(String label, double largest, long atLeast) {
        Scale scale = scale(largest, atLeast);
        NumberAxis axis = new NumberAxis(0, scale.upper(), scale.tickUnit());
        axis.setAutoRanging(false);
        axis.setMinorTickVisible(false);
        axis.setLabel(label);
        axis.setTickLabelFormatter(frenchWholeNumbers());
        return axis;
    }

    /** Follows new values: the axis keeps its whole-number ticks when a chart's data change. */
    public static void rescale(NumberAxis axis, double largest, long atLeast) {
        Scale scale = scale(largest, atLeast);
        axis.setUpperBound(scale.upper());
        axis.setTickUnit(scale.tickUnit());
    }

    /** Whole numbers as the interface's language writes them ("1 250" in French). */
    public static StringConverter<Number> frenchWholeNumbers() {
        NumberFormat format = NumberFormat.getIntegerInstance(I18n.locale());
        return new StringConverter<>() {
            @Override
            public String toString(Number value) {
                return value == null ? "" : format.format(Math.round(value.doubleValue()));
            }

            @Override
            public Number fromString(String text) {
                throw new UnsupportedOperationException("Axis labels are never read back");
            }
        };
    }
}
