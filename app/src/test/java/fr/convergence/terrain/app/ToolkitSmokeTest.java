package fr.convergence.terrain.app;

import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(ApplicationExtension.class)
class ToolkitSmokeTest {
    private Label label;

    @Start
    void start(Stage stage) {
        label = new Label("avant");
        Button button = new Button("Cliquer");
        button.setOnAction(e -> label.setText("après"));
        stage.setScene(new Scene(new VBox(button, label), 200, 100));
        stage.show();
    }

    @Test
    void clickChangesLabel(FxRobot robot) {
        robot.clickOn("Cliquer");
        assertThat(label.getText()).isEqualTo("après");
    }
}
