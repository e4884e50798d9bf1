package fr.convergence.terrain.app.session;

import java.time.Duration;
import javafx.animation.PauseTransition;
import javafx.event.Event;
import javafx.event.EventHandler;
import javafx.scene.Scene;
import javafx.scene.input.InputEvent;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;

/** Locks the session after a period without keyboard or mouse activity in the window (10 minutes by default). */
public final class IdleLock {

    private final PauseTransition timer;
    private final EventHandler<InputEvent> activity;
    private Scene scene;

    public IdleLock(Session session, Duration idle) {
        timer = new PauseTransition(javafx.util.Duration.millis(idle.toMillis()));
        timer.setOnFinished(e -> session.lock());
        activity = this::onActivity;
        session.lockedProperty().addListener((obs, was, locked) -> {
            if (locked) {
                timer.stop();
            } else if (session.user() != null) {
                timer.playFromStart();
            }
        });
        session.userProperty().addListener((obs, was, user) -> {
            if (user == null) {
                timer.stop();
            } else {
                timer.playFromStart();
            }
        });
    }

    public void watch(Scene watched) {
        this.scene = watched;
        watched.addEventFilter(KeyEvent.ANY, activity);
        watched.addEventFilter(MouseEvent.MOUSE_PRESSED, activity);
        watched.addEventFilter(MouseEvent.MOUSE_MOVED, activity);
        watched.addEventFilter(ScrollEvent.ANY, activity);
    }

    private void onActivity(Event event) {
        if (timer.getStatus() == javafx.animation.Animation.Status.RUNNING) {
            timer.playFromStart();
        }
    }

    public void stop() {
        timer.stop();
        if (scene != null) {
            scene.removeEventFilter(KeyEvent.ANY, activity);
        }
    }
}
