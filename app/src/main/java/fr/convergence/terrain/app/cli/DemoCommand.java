package fr.convergence.terrain.app.cli;

import fr.convergence.terrain.core.demo.DemoDataGenerator;
import fr.convergence.terrain.core.demo.DemoSize;
import fr.convergence.terrain.core.demo.DemoStores;
import fr.convergence.terrain.core.security.PasswordHasher;
import fr.convergence.terrain.core.text.MessagePatterns;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code terrain demo}: fills a new store with fictitious demonstration data. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Crée un fichier de données de démonstration (entièrement fictives).")
final class DemoCommand implements Callable<Integer> {

    @Option(names = "--store", paramLabel = "FICHIER",
            required = true, description = "Fichier de données à créer (il ne doit pas exister).")
    Path store;

    @Option(names = "--size", paramLabel = "TAILLE", defaultValue = "site",
            description = "Taille\u00a0: site (1 chantier), territory (7 chantiers), national (12 territoires). "
                    + "Par défaut\u00a0: ${DEFAULT-VALUE}.")
    String size;

    @Option(names = "--seed", paramLabel = "NOMBRE",
            defaultValue = "2023", description = "Graine du générateur (mêmes données pour la même "
            + "graine et le même jour). Par défaut\u00a0: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--scale", paramLabel = "N", defaultValue = "1",
            description = "Multiplie les données par N (essais de charge) : N fois plus de chantiers par territoire, "
                    + "autant de salarié·es par chantier. Par défaut : ${DEFAULT-VALUE}.")
    int scale;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        DemoSize demoSize;
        try {
            demoSize = DemoSize.valueOf(size.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("Taille inconnue\u00a0: " + size + ". Choisissez site, territory ou national.");
            return 2;
        }
        if (scale < 1) {
            spec.commandLine().getErr().println("Échelle invalide : " + scale + ". Donnez un nombre entier de 1 "
                    + "ou plus à --scale.");
            return 2;
        }
        if (Files.exists(store)) {
            spec.commandLine().getErr().println("Le fichier " + store + " existe déjà\u00a0: choisissez un autre nom, "
                    + "les données existantes ne sont jamais écrasées.");
            return 2;
        }
        long start = System.nanoTime();
        // Built beside its place and moved there whole: a generation cut short leaves no half store.
        var summary = DemoStores.create(store, Clock.systemDefaultZone(), terrainStore ->
                new DemoDataGenerator(seed, LocalDate.now()).generate(terrainStore, demoSize, scale,
                        new PasswordHasher()));
        var out = spec.commandLine().getOut();
        out.printf(Locale.FRANCE, "Données de démonstration «\u00a0%s\u00a0» créées dans %s en %.1f\u00a0s%n",
                size, store, (System.nanoTime() - start) / 1e9);
        out.println(MessagePatterns.french("  {0, plural, one {# chantier} other {# chantiers}}, "
                + "{1, plural, one {# salarié·e} other {# salarié·es}}, {2} parcours, "
                + "{3, plural, one {# cellule} other {# cellules}} d’heures, {4, plural, one {# note} other {# notes}}, "
                + "{5, plural, one {# orientation} other {# orientations}}", summary.worksiteIds().size(),
                summary.participants(), summary.enrolments(), summary.hoursCells(), summary.notes(),
                summary.referrals()));
        out.printf("  Comptes\u00a0: %s (mot de passe\u00a0: %s)%n", String.join(", ", summary.logins()),
                DemoDataGenerator.DEMO_PASSWORD);
        return 0;
    }
}
