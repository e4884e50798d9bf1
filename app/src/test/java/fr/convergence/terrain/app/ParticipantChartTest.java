package fr.convergence.terrain.app;

import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.control.TableView;
import javafx.scene.paint.Color;
import javafx.scene.shape.Path;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

import static org.assertj.core.api.Assertions.assertThat;

/** The participant file's chart: whole hours on the axis, hours worked and target told apart without colour. */
class ParticipantChartTest extends FeatureTestSupport {

    @Test
    void hoursAndTargetAreToldApartByColourAndByLineAndTheAxisCountsWholeHours() {
        startDemoAs("Yanis");
        clickOn("#nav-participants");
        TableView<?> participants = lookup("#participants-table").queryAs(TableView.class);
        interact(() -> participants.getSelectionModel().select(0));
        clickOn("#participants-open");
        WaitForAsyncUtils.waitForFxEvents();

        LineChart<?, ?> chart = lookup("#file-chart").queryAs(LineChart.class);
        NumberAxis hours = (NumberAxis) chart.getYAxis();
        assertThat(hours.isAutoRanging()).isFalse();
        assertThat(hours.getLowerBound()).isZero();
        assertThat(hours.getTickUnit()).as("whole hours").isGreaterThanOrEqualTo(1).satisfies(unit ->
                assertThat(unit % 1).isZero());
        assertThat(hours.getUpperBound()).isGreaterThanOrEqualTo(4);

        Path worked = lookup("#file-chart .chart-series-line.default-color0").queryAs(Path.class);
        Path target = lookup("#file-chart .chart-series-line.default-color1").queryAs(Path.class);
        assertThat(worked.getStroke()).as("Okabe-Ito blue").isEqualTo(Color.web("#0072B2"));
        assertThat(target.getStroke()).as("Okabe-Ito orange").isEqualTo(Color.web("#E69F00"));
        assertThat(worked.getStrokeDashArray()).as("hours worked: solid").isEmpty();
        assertThat(target.getStrokeDashArray()).as("target: dashed").isNotEmpty();
    }
}
