package fr.convergence.terrain.app.cli;

import fr.convergence.terrain.app.print.PdfPrinter;
import fr.convergence.terrain.core.account.AccessPolicies;
import fr.convergence.terrain.core.account.AccessPolicy;
import fr.convergence.terrain.core.domain.User;
import fr.convergence.terrain.core.rights.PersonalData;
import fr.convergence.terrain.core.rights.RightOfAccessService;
import fr.convergence.terrain.core.store.TerrainStore;
import fr.convergence.terrain.core.text.MessagePatterns;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code terrain export-person}: the answer to a person's right-of-access request, a PDF they can read and the same
 * data as JSON, written into a folder. It signs in as a person, as every command that reads personal data.
 */
@Command(name = "export-person", mixinStandardHelpOptions = true,
        description = "Exporte tout ce que le poste garde sur une personne (droit d’accès)\u00a0: un PDF lisible par "
                + "elle et un fichier JSON, dans un dossier. Réservé à la CIP, à la coordination et à l’administration.")
final class ExportPersonCommand implements Callable<Integer> {

    @Option(names = "--store", paramLabel = "FICHIER", required = true, description = "Fichier de données (existant).")
    Path store;

    @Option(names = "--participant", paramLabel = "ID",
            required = true, description = "Identifiant du ou de la salarié·e.")
    String participant;

    @Option(names = "--out", paramLabel = "DOSSIER",
            required = true, description = "Dossier où écrire les deux fichiers (créé s’il manque).")
    Path out;

    /** Who exports: named in the document; their rights decide the access (advisers, coordination, admin). */
    @Mixin
    PersonOptions person;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        StoreFile.requireExisting(store, spec);
        PrintWriter console = spec.commandLine().getOut();
        try (TerrainStore terrainStore = TerrainStore.open(store)) {
            AccessPolicy access = AccessPolicies.of(terrainStore);
            User acting = person.signIn(terrainStore, spec);
            RightOfAccessService rights = new RightOfAccessService(terrainStore, access);
            PersonalData data = rights.export(acting, participant);
            byte[] pdf = new PdfPrinter(acting, Clock.systemDefaultZone(), false, data.demo()).personalData(data);
            RightOfAccessService.ExportFiles files = rights.writeFiles(data, pdf, out.toAbsolutePath());
            console.println(files.pdf() + " écrit (PDF à remettre à la personne).");
            console.println(files.json() + " écrit (les mêmes données en JSON).");
            if (!data.file().notes().isEmpty()) {
                // The notes are about the person but may name others: whoever hands the file over reads it first.
                console.println(MessagePatterns.french("{0, plural, one {# note d’accompagnement incluse\u00a0: "
                        + "relisez-la} other {# notes d’accompagnement incluses\u00a0: relisez-les}} avant de remettre "
                        + "les fichiers, et masquez ce qui concerne d’autres personnes.", data.file().notes().size()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Impossible d’écrire dans " + out + "\u00a0: vérifiez le dossier et les droits.",
                    e);
        }
        return 0;
    }
}
