package fr.convergence.terrain.app.common;

import fr.convergence.terrain.core.account.Workstation;
import fr.convergence.terrain.core.domain.User;
import fr.convergence.terrain.core.domain.Worksite;
import java.util.List;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Which worksite a page shows, for the people who see several (a coordinator: every worksite of the territory;
 * an administrator: the laptop's territory). Starts on the laptop's own worksite; the chooser is only worth
 * showing when there is more than one. The services still check access for the worksite chosen.
 */
public final class WorksiteChoice {

    private record Loaded(List<Worksite> worksites, Worksite home) {
    }

    private final Workstation workstation;
    private final ObservableList<Worksite> worksites = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Worksite> chosen = new ReadOnlyObjectWrapper<>(this, "chosen");
    private final BooleanBinding several = Bindings.size(worksites).greaterThan(1);
    private Runnable onChange = () -> { };

    /** @param workstation the laptop; null gives a page without a chooser, on the laptop's worksite */
    public WorksiteChoice(Workstation workstation) {
        this.workstation = workstation;
    }

    /** A choice that stays on the laptop's worksite (pages built without the workstation, benchmarks). */
    public static WorksiteChoice homeOnly() {
        return new WorksiteChoice(null);
    }

    /** Reads the worksites {@code user} sees on this laptop, chooses the laptop's own, then runs {@code then}. */
    public void load(TaskExecutor executor, User user, Runnable then) {
        if (workstation == null || user == null) {
            then.run();
            return;
        }
        executor.run(() -> new Loaded(workstation.worksitesFor(user), workstation.worksite().orElse(null)), loaded -> {
            worksites.setAll(loaded.worksites());
            Worksite home = loaded.home();
            chosen.set(home != null && loaded.worksites().contains(home) ? home
                    : loaded.worksites().isEmpty() ? null : loaded.worksites().get(0));
            then.run();
        }, e -> then.run());
    }

    /** Chooses another worksite (the chooser, or a test); the page reloads through {@link #onChange}. */
    public void choose(Worksite worksite) {
        if (worksite == null || worksite.equals(chosen.get()) || !worksites.contains(worksite)) {
            return;
        }
        chosen.set(worksite);
        onChange.run();
    }

    /** What the page does when the user picks another worksite. */
    public void onChange(Runnable action) {
        this.onChange = action == null ? () -> { } : action;
    }

    /** The chosen worksite's id, or empty for the laptop's own worksite (before loading, or without a chooser). */
    public Optional<String> chosenId() {
        return Optional.ofNullable(chosen.get()).map(Worksite::id);
    }

    public ObservableList<Worksite> worksites() {
        return worksites;
    }

    public ReadOnlyObjectProperty<Worksite> chosenProperty() {
        return chosen.getReadOnlyProperty();
    }

    /** Whether the user sees more than one worksite, so the chooser is shown. */
    public BooleanBinding severalProperty() {
        return several;
    }
}
