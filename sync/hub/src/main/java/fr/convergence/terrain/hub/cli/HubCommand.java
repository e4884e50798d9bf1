package fr.convergence.terrain.hub.cli;

import com.fasterxml.jackson.databind.JsonNode;
import fr.convergence.terrain.core.cli.FrenchCommandLine;
import fr.convergence.terrain.core.reference.ReferenceData;
import fr.convergence.terrain.core.store.TerrainStore;
import fr.convergence.terrain.core.text.MessagePatterns;
import fr.convergence.terrain.hub.Hub;
import fr.convergence.terrain.hub.HubConfig;
import fr.convergence.terrain.hub.RequestLimits;
import fr.convergence.terrain.core.security.PasswordHasher;
import fr.convergence.terrain.hub.console.ConsoleAccount;
import fr.convergence.terrain.hub.console.ConsoleAccounts;
import fr.convergence.terrain.hub.console.Totp;
import fr.convergence.terrain.hub.log.SafeText;
import fr.convergence.terrain.hub.store.JooqHubStore;
import fr.convergence.terrain.hub.store.StoreImporter;
import fr.convergence.terrain.hub.sync.Device;
import fr.convergence.terrain.hub.sync.Enrolments;
import fr.convergence.terrain.hub.sync.HubStore;
import fr.convergence.terrain.hub.sync.ScopeCheck;
import fr.convergence.terrain.sync.protocol.SyncCodec;
import fr.convergence.terrain.sync.protocol.SyncSchema;
import fr.convergence.terrain.sync.protocol.TableChecksum;
import fr.convergence.terrain.sync.protocol.WorksiteInfo;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import fr.convergence.terrain.hub.report.YearlyTable;
import fr.convergence.terrain.hub.report.YearlyTableCsv;
import fr.convergence.terrain.hub.report.YearlyTableDocument;
import fr.convergence.terrain.hub.report.YearlyTableJson;
import fr.convergence.terrain.hub.report.YearlyTables;
import java.util.Optional;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

/** {@code terrain-hub}: runs the national hub and administers its devices. */
@Command(name = "terrain-hub", mixinStandardHelpOptions = true,
        description = "Hub national de synchronisation de Convergence Terrain.",
        subcommands = {HubCommand.Serve.class, HubCommand.Enrol.class, HubCommand.Revoke.class,
                HubCommand.Devices.class, HubCommand.Holders.class,
                HubCommand.Users.class, HubCommand.Worksites.class, HubCommand.Worksite.class,
                HubCommand.Import.class, HubCommand.Check.class,
                HubCommand.Purge.class, HubCommand.Report.class})
public final class HubCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    public static int run(PrintWriter out, PrintWriter err, String... args) {
        return run(out, err, System::getenv, args);
    }

    /** Runs with {@code environment} as the source of the TERRAIN_HUB_* defaults (see {@link EnvironmentDefaults}). */
    public static int run(PrintWriter out, PrintWriter err, java.util.function.UnaryOperator<String> environment,
                          String... args) {
        CommandLine commandLine = commandLine(environment);
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println(failure(e));
            return 1;
        });
        return commandLine.execute(args);
    }

    /**
     * What a failed command says: its own French sentence; for the database (whose driver speaks English), which
     * one could not be used and what to check.
     */
    static String failure(Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException) {
                return "La base du hub ne peut pas être utilisée (" + t.getMessage() + ")\u00a0: vérifiez --db (ou "
                        + "TERRAIN_HUB_DB_URL), l’utilisateur et le mot de passe de la base, et que le serveur "
                        + "PostgreSQL est démarré\u00a0; un fichier SQLite doit être une base du hub.";
            }
        }
        return "Erreur\u00a0: " + e.getMessage();
    }

    static CommandLine commandLine(java.util.function.UnaryOperator<String> environment) {
        CommandLine commandLine = FrenchCommandLine.speakFrench(new CommandLine(new HubCommand()));
        commandLine.setDefaultValueProvider(new EnvironmentDefaults(environment));
        return commandLine;
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return 2;
    }

    /** Options shared by every subcommand: where the hub's database is. */
    static class Database {
        @Option(names = "--db", paramLabel = "URL_JDBC",
                description = "Base du hub\u00a0: jdbc:postgresql://hôte/base ou jdbc:sqlite:fichier "
                + "(ou TERRAIN_HUB_DB_URL). Par défaut\u00a0: un fichier SQLite à côté du hub (terrain-hub.db).")
        String url;

        @Option(names = "--db-user", paramLabel = "UTILISATEUR",
                description = "Utilisateur PostgreSQL (ou TERRAIN_HUB_DB_USER, ou PGUSER).")
        String user;

        @Option(names = "--db-password-env", paramLabel = "VARIABLE", defaultValue = "TERRAIN_HUB_DB_PASSWORD",
                description = "Variable d’environnement qui contient le mot de passe. Par défaut\u00a0: ${DEFAULT-VALUE}.")
        String passwordVariable;

        JooqHubStore open() {
            String jdbc = url;
            if (jdbc == null) {
                Path home = Path.of(System.getProperty("terrain.hub.home", "."));
                jdbc = "jdbc:sqlite:" + home.resolve("terrain-hub.db").toAbsolutePath();
            }
            String login = user != null ? user : System.getenv("PGUSER");
            JooqHubStore store = JooqHubStore.open(jdbc, login, System.getenv(passwordVariable));
            store.write(tx -> {
                // Fills what the hub lacks from the shipped list, without undoing a description given by an admin.
                ReferenceData.load().worksites().forEach(w -> {
                    if (tx.worksite(w.id()).map(k -> k.name() == null).orElse(true)) {
                        tx.putWorksite(new WorksiteInfo(w.id(), w.name(), w.city(), w.region(), w.territoryId(),
                                w.runsPhc(), w.runsCvg()));
                    }
                });
                return null;
            });
            return store;
        }
    }

    @Command(name = "serve", mixinStandardHelpOptions = true, description = "Démarre le hub.")
    static final class Serve implements Callable<Integer> {
        @CommandLine.Mixin
        Database database = new Database();

        @Option(names = "--port", paramLabel = "PORT",
                defaultValue = "8443", description = "Port d’écoute (ou TERRAIN_HUB_PORT\u00a0; 0\u00a0: un port libre). "
                + "Par défaut\u00a0: ${DEFAULT-VALUE}.")
        int port;

        @Option(names = "--host", paramLabel = "ADRESSE",
                defaultValue = "0.0.0.0", description = "Adresse d’écoute (ou TERRAIN_HUB_HOST\u00a0; 127.0.0.1 derrière un "
                + "proxy inverse). Par défaut\u00a0: ${DEFAULT-VALUE}.")
        String host;

        @Option(names = "--keystore", paramLabel = "FICHIER",
                description = "Certificat TLS (PKCS#12)\u00a0: active HTTPS (ou TERRAIN_HUB_KEYSTORE).")
        Path keystore;

        @Option(names = "--idle-timeout", paramLabel = "SECONDES",
                defaultValue = "300", description = "Secondes pendant lesquelles une "
                + "connexion inactive reste ouverte (les postes vérifient le hub chaque minute et gardent ainsi leur "
                + "connexion). Par défaut\u00a0: ${DEFAULT-VALUE}.")
        long idleTimeoutSeconds;

        @Option(names = "--body-timeout", paramLabel = "SECONDES",
                defaultValue = "30", description = "Secondes accordées pour envoyer le "
                + "corps d’une requête, plus une seconde par Kio annoncé (voir --min-body-rate). Par défaut\u00a0: "
                + "${DEFAULT-VALUE}.")
        long bodyTimeoutSeconds;

        @Option(names = "--min-body-rate", paramLabel = "OCTETS",
                defaultValue = "1024", description = "Débit minimal, en octets par "
                + "seconde, attendu d’un poste qui envoie une requête. Par défaut\u00a0: ${DEFAULT-VALUE}.")
        int minBodyRate;

        @Option(names = "--enrol-per-minute", paramLabel = "NOMBRE",
                defaultValue = "10", description = "Tentatives d’enrôlement par "
                + "minute et par adresse IP (0\u00a0: sans limite). Par défaut\u00a0: ${DEFAULT-VALUE}.")
        int enrolPerMinute;

        @Option(names = "--auth-failures-per-minute", paramLabel = "NOMBRE",
                defaultValue = "20", description = "Jetons refusés par minute "
                + "et par adresse IP avant de refuser cette adresse (0\u00a0: sans limite). Par défaut\u00a0: "
                + "${DEFAULT-VALUE}.")
        int authFailuresPerMinute;

        @Option(names = "--sync-per-minute", paramLabel = "NOMBRE",
                defaultValue = "600", description = "Requêtes de synchronisation par "
                + "minute et par poste (0\u00a0: sans limite). Par défaut\u00a0: ${DEFAULT-VALUE}.")
        int syncPerMinute;

        @Option(names = "--behind-proxy", description = "Le hub est derrière un proxy inverse (nginx) qui ajoute "
                + "l’adresse du poste à X-Forwarded-For\u00a0: les limites par adresse comptent cette adresse-là.")
        boolean behindProxy;

        @Option(names = "--keystore-password-env", paramLabel = "VARIABLE",
                defaultValue = "TERRAIN_HUB_KEYSTORE_PASSWORD",
                description = "Variable d’environnement du mot de passe du certificat. "
                        + "Par défaut\u00a0: ${DEFAULT-VALUE}.")
        String keystorePasswordVariable;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws InterruptedException {
            if (idleTimeoutSeconds < 1) {
                // Jetty reads 0 as "never close": idle laptops would hold connections for ever.
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "--idle-timeout\u00a0: au moins 1 seconde (" + idleTimeoutSeconds + " donné).");
            }
            if (bodyTimeoutSeconds < 1 || bodyTimeoutSeconds > 3600 || minBodyRate < 1) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--body-timeout\u00a0: de 1 à 3600 "
                        + "secondes\u00a0; --min-body-rate\u00a0: au moins 1 octet par seconde.");
            }
            if (enrolPerMinute < 0 || authFailuresPerMinute < 0 || syncPerMinute < 0) {
                throw new CommandLine.ParameterException(spec.commandLine(), "Les limites par minute valent 0 (sans "
                        + "limite) ou plus.");
            }
            JooqHubStore store = database.open();
            RequestLimits limits = RequestLimits.defaults().withBodyRead(bodyTimeoutSeconds * 1000, minBodyRate)
                    .withEnrolPerMinutePerAddress(enrolPerMinute)
                    .withFailedAuthPerMinutePerAddress(authFailuresPerMinute)
                    .withSyncPerMinutePerDevice(syncPerMinute).withForwardedFor(behindProxy);
            HubConfig config = HubConfig.defaults(port).withHost(host).withIdleTimeout(idleTimeoutSeconds * 1000)
                    .withRequestLimits(limits);
            if (keystore != null) {
                config = config.withTls(keystore, System.getenv(keystorePasswordVariable));
            }
            Hub hub = Hub.create(config, store, Clock.systemUTC());
            // Kept as it was (straight apostrophe): scratch-hub.sh and operators' scripts read the port from it.
            spec.commandLine().getOut().printf("Hub %s à l'écoute sur le port %d (%s)%n", store.hubId(), hub.port(),
                    keystore != null ? "HTTPS" : "HTTP");
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                hub.close();
                store.close();
                stopped.countDown();
            }));
            stopped.await();
            return 0;
        }
    }

    @Command(name = "enrol", mixinStandardHelpOptions = true,
            description = "Émet un code d’enrôlement à usage unique pour un poste de chantier ou de coordination.")
    static final class Enrol implements Callable<Integer> {
        @CommandLine.Mixin
        Database database = new Database();

        @Option(names = "--worksite", paramLabel = "CHANTIER", description = "Chantier du poste.")
        String worksite;

        @Option(names = "--territory", paramLabel = "TERRITOIRE", description = "Territoire (poste de coordination).")
        String territory;

        @Option(names = "--label", paramLabel = "NOM",
                required = true, description = "Qui reçoit le code (ex. «\u00a0Sandrine, Lille\u00a0»).")
        String label;

        @Option(names = "--days", paramLabel = "JOURS",
                defaultValue = "7", description = "Validité du code en jours (1 à "
                + MAX_CODE_DAYS + "). Par défaut\u00a0: ${DEFAULT-VALUE}.")
        int days;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            if ((worksite == null) == (territory == null)) {
                spec.commandLine().getErr().println("Indiquez soit --worksite, soit --territory.");
                return 2;
            }
            if (days < 1 || days > MAX_CODE_DAYS) {
                // A code valid for ever (or already expired) is never what was meant.
                spec.commandLine().getErr().println("--days\u00a0: la validité d’un code va de 1 à " + MAX_CODE_DAYS
                        + " jours (entre 1 et " + MAX_CODE_DAYS + " jours\u00a0; " + days + " donné).");
                return 2;
            }
            try (JooqHubStore store = database.open()) {
                // A typo would otherwise create an empty worksite, and the laptop would sync nothing.
                boolean known = store.read(r -> worksite != null ? r.worksiteKnown(worksite)
                        : !r.worksitesOf("territory", territory).isEmpty());
                if (!known) {
                    spec.commandLine().getErr().println((worksite != null ? "Chantier inconnu\u00a0: " + worksite
                            : "Territoire inconnu\u00a0: " + territory) + ". Les identifiants\u00a0: terrain-hub worksites.");
                    return 2;
                }
                String code = new Enrolments(store, Clock.systemUTC()).issueCode(
                        worksite != null ? "worksite" : "territory", worksite != null ? worksite : territory, label,
                        Duration.ofDays(days));
                spec.commandLine().getOut().println(code);
            }
            return 0;
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true, description = "Révoque un poste (perdu, volé, remplacé).")
    static final class Revoke implements Callable<Integer> {
        @CommandLine.Mixin
        Database database = new Database();

        @Parameters(paramLabel = "DEVICE", description = "Identifiant du poste (voir devices).")
        String device;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            try (JooqHubStore store = database.open()) {
                if (!new Enrolments(store, Clock.systemUTC()).revoke(device)) {
                    spec.commandLine().getErr().println("Poste inconnu\u00a0: " + device + ". Les identifiants des postes "
                            + ": terrain-hub devices.");
                    return 2;
                }
                spec.commandLine().getOut().println("Poste " + device + " révoqué.");
            }
            return 0;
        }
    }

    @Command(name = "devices", mixinStandardHelpOptions = true, description = "Liste les postes enrôlés.")
    static final class Devices implements Callable<Integer> {
        @CommandLine.Mixin
        Database database = new Database();

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            try (JooqHubStore store = database.open()) {
                PrintWriter out = spec.commandLine().getOut();
                for (Device d : new Enrolments(store, Clock.systemUTC()).devices()) {
                    // Every value escaped: a label cannot add a column, a line, or move the terminal's cursor.
                    out.printf("%s\t%s:%s\t%s\tdernière synchro %s\t%s%n", SafeText.column(d.id()),
                            SafeText.column(d.scopeKind()), SafeText.column(d.scopeId()), SafeText.column(d.label()),
                            d.lastSeen() == null ? "jamais" : time(d.lastSeen()),
                            d.revoked() ? "RÉVOQUÉ" : "actif");
                }
            }
            return 0;
        }
    }

    @Command(name = "holders", mixinStandardHelpOptions = true,
            description = "Liste les personnes à qui des postes ont été remis, par périmètre.")
    static final class Holders implements Callable<Integer> {
        @CommandLine.Mixin
        Database database = new Database();

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            try (JooqHubStore store = database.open()) {
                Map<String, List<Device>> byLabel = new TreeMap<>();
                for (Device d : new Enrolments(store, Clock.systemUTC()).devices()) {
                    byLabel.computeIfAbsent(d.label(), k -> new java.util.ArrayList<>()).add(d);
                }
                PrintWriter out = spec.commandLine().getOut();
                byLabel.forEach((label, devices) -> out.printf("%s\t%s\t%s%n",
                        SafeText.column(label),
                        SafeText.column(devices.get(0).scopeKind() + ":" + devices.get(0).scopeId()),
                        MessagePatterns.french("{0, plural, one {# poste actif} other {# postes actifs}}",
                                devices.stream().filter(d -> !d.revoked()).count())));
            }
            return 0;
        }
    }

    @Command(name = "users", mixinStandardHelpOptions = true,
            description = "Comptes de la console du hub (des personnes, pas des postes).",
            subcommands = {UsersAdd.class, UsersList.class, UsersDisable.class})
    static final class Users implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            spec.commandLine().usage(spec.commandLine().getErr());
            return 2;
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Crée un compte de la console\u00a0: national (tous les territoires, second facteur TOTP "
                    + "obligatoire) ou coordinator (son territoire).")
    static final class UsersAdd implements Callable<Integer> {
        @CommandLine.Mixin
        Database database = new Database();

        @Option(names = "--login", required = true, description = "Identifiant de connexion (a-z, 0-9, . _ -).")
        String login;

        @Option(names = "--name", required = true, description = "Nom de la personne.")
        String name;

        @Option(names = "--role", required = true, description = "national ou coordinator.")
        String role;

        @Option(names = "--territory", description = "Territoire d’un compte coordinator.")
        String territory;

        @Option(names = "--second-factor", description = "Demande aussi un code TOTP à un compte coordinator "
                + "(toujours demandé aux comptes national).")
        boolean secondFactor;

        @Option(names = "--password-file", paramLabel = "FICHIER", description = "Fichier dont la première ligne "
                + "est le mot de passe\u00a0; sinon la variable TERRAIN_HUB_USER_PASSWORD\u00a0; sinon il est "
                + "demandé.")
        Path passwordFile;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws java.io.IOException {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            ConsoleAccount.Role chosen;
            try {
                chosen = ConsoleAccount.Role.of(role);
            } catch (IllegalArgumentException e) {
                err.println(e.getMessage());
                return 2;
            }
            char[] password = password(err);
            if (password == null) {
                return 2;
            }
            try (JooqHubStore store = database.open()) {
                if (territory != null && store.allWorksites().stream()
                        .noneMatch(w -> territory.equals(w.territoryId()))) {
                    err.println("Territoire inconnu\u00a0: " + territory + ". Les identifiants\u00a0: "
                            + "terrain-hub worksites.");
                    return 1;
                }
                ConsoleAccounts.Created created;
                try {
                    created = new ConsoleAccounts(store, Clock.systemUTC(), new PasswordHasher())
                            .add(login, name, chosen, territory, password, secondFactor);
                } catch (IllegalArgumentException e) {
                    err.println(e.getMessage());
                    return 1;
                } finally {
                    java.util.Arrays.fill(password, ' ');
                }
                out.println("Compte créé\u00a0: " + login + " (" + chosen.code()
                        + (territory != null ? ", territoire " + territory : "") + ").");
                if (created.totpSecret() != null) {
                    out.println("Second facteur (affiché une seule fois\u00a0: ajoutez-le maintenant à l’application "
                            + "d’authentification de la personne)\u00a0:");
                    out.println("  Clé secrète\u00a0: " + created.totpSecret());
                    out.println("  URI\u00a0: " + Totp.uri("Convergence Terrain", login, created.totpSecret()));
                }
            }
            return 0;
        }

        private char[] password(PrintWriter err) throws java.io.IOException {
            if (passwordFile != null) {
                if (!Files.isRegularFile(passwordFile)) {
                    err.println("Fichier introuvable\u00a0: " + passwordFile);
                    return null;
                }
                return Files.readString(passwordFile).lines().findFirst().orElse("").toCharArray();
            }
            String fromEnvironment = System.getenv("TERRAIN_HUB_USER_PASSWORD");
            if (fromEnvironment != null) {
                return fromEnvironment.toCharArray();
            }
            java.io.Console console = System.console();
            if (console == null) {
                err.println("Donnez le mot de passe\u00a0: --password-file, TERRAIN_HUB_USER_PASSWORD, ou lancez la "
                        + "commande dans un terminal.");
                return null;
            }
            char[] first = console.readPassword("Mot de passe de %s\u00a0: ", login);
            char[] second = console.readPassword("Le même, encore\u00a0: ");
            if (first == null || !java.util.Arrays.equals(first, second)) {
                err.println("Les deux saisies diffèrent\u00a0: rien n’a été créé.");
                return null;
            }
            return first;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Liste les comptes de la console.")
    static final class UsersList implements Callable<Integer> {
        @CommandLine.Mixin
        Database database = new Database();

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            try (JooqHubStore store = database.open()) {
                PrintWriter out = spec.commandLine().getOut();
                for (ConsoleAccount a : store.accounts()) {
                    out.printf("%s\t%s\t%s\t%s\t%s\t%s%n", SafeText.column(a.login()), SafeText.column(a.name()),
                            a.role().code(), a.territoryId() == null ? "-" : SafeText.column(a.territoryId()),
                            a.needsSecondFactor() ? "TOTP" : "mot de passe seul",
                            a.disabled() ? "DÉSACTIVÉ" : "actif");
                }
            }
            return 0;
        }
    }

    @Command(name = "disable", mixinStandardHelpOptions = true,
            description = "Désactive un compte de la console (ses sessions se terminent aussitôt).")
    static final class UsersDisable implements Callable<Integer> {
        @CommandLine.Mixin
        Database database = new Database();

        @Parameters(paramLabel = "LOGIN", description = "Identifiant du compte.")
        String login;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            try (JooqHubStore store = database.open()) {
                if (!new ConsoleAccounts(store, Clock.systemUTC(), new PasswordHasher()).disable(login)) {
                    spec.commandLine().getErr().println("Compte inconnu\u00a0: " + login + ". Les comptes\u00a0: "
                            + "terrain-hub users list.");
                    return 2;
                }
                spec.commandLine().getOut().println("Compte " + login + " désactivé.");
            }
            return 0;
        }
    }

    @Command(name = "worksites", mixinStandardHelpOptions = true,
            description = "Liste les territoires et les chantiers du référentiel (identifiants pour enrol).")
    static final class Worksites implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            ReferenceData reference = ReferenceData.load();
            out.println("# Territoires\u00a0: enrol --territory ID");
            reference.territories().forEach(t -> out.printf("%s\t%s\t%s%n", t.id(), t.name(), t.region()));
            out.println("# Chantiers\u00a0: enrol --worksite ID (territoire, s’il y en a un)");
            reference.worksites().forEach(w -> out.printf("%s\t%s\t%s\t%s%n", w.id(), w.name(), w.city(),
                    w.territoryId() == null || w.territoryId().isBlank() ? "-" : w.territoryId()));
            return 0;
        }
    }

    @Command(name = "worksite", mixinStandardHelpOptions = true, description = "Chantiers connus du hub.",
            subcommands = WorksiteAdd.class)
    static final class Worksite implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            spec.commandLine().usage(spec.commandLine().getErr());
            return 2;
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Ajoute un chantier absent du référentiel (ou met à jour sa description)\u00a0: les postes de son"
                    + " périmètre le reçoivent à leur prochaine synchronisation.")
    static final class WorksiteAdd implements Callable<Integer> {
        @CommandLine.Mixin
        Database database = new Database();

        @Option(names = "--id", paramLabel = "ID", required = true, description = "Identifiant du chantier.")
        String id;

        @Option(names = "--name", paramLabel = "NOM", required = true, description = "Nom du chantier.")
        String name;

        @Option(names = "--city", paramLabel = "VILLE", required = true, description = "Commune.")
        String city;

        @Option(names = "--region", paramLabel = "RÉGION", required = true, description = "Région.")
        String region;

        @Option(names = "--territory", paramLabel = "TERRITOIRE",
                description = "Territoire Convergence (absent\u00a0: chantier hors territoire).")
        String territory;

        @Option(names = "--phc", defaultValue = "true", negatable = true, description = "Le chantier porte le PHC.")
        boolean runsPhc;

        @Option(names = "--cvg", defaultValue = "true", negatable = true,
                description = "Le chantier porte Convergence.")
        boolean runsCvg;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            try (JooqHubStore store = database.open()) {
                boolean changed = store.write(tx -> tx.putWorksite(new WorksiteInfo(id, name, city, region,
                        territory, runsPhc, runsCvg)));
                spec.commandLine().getOut().println(changed ? "Chantier enregistré\u00a0: " + id
                        : "Chantier déjà à jour\u00a0: " + id);
            }
            return 0;
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Importe dans le hub les données d’un fichier de poste (mise en service, démonstration).")
    static final class Import implements Callable<Integer> {
        @CommandLine.Mixin
        Database database = new Database();

        @Option(names = "--store", paramLabel = "FICHIER",
                required = true, description = "Fichier de données d’un poste.")
        Path file;

        @Option(names = "--user", paramLabel = "IDENTIFIANT",
                defaultValue = "admin", description = "Compte du poste dont le mot de passe ouvre "
                + "ses données chiffrées (par défaut\u00a0: admin, comme dans les fichiers de démonstration).")
        String login;

        @Option(names = "--password-file", paramLabel = "FICHIER", description = "Fichier dont la première ligne "
                + "est ce mot de passe\u00a0; sinon la variable d’environnement TERRAIN_PASSWORD.")
        Path passwordFile;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws java.io.IOException {
            if (!Files.exists(file)) {
                spec.commandLine().getErr().println("Fichier introuvable\u00a0: " + file + ". Vérifiez le chemin donné à "
                        + "--store (le fichier de données du poste).");
                return 2;
            }
            try (JooqHubStore store = database.open(); TerrainStore source = TerrainStore.open(file)) {
                // The laptop's personal fields are encrypted (ADR 0005): reading them takes one of its accounts.
                if (source.isEncrypted()) {
                    String password = passwordFile != null
                            ? Files.readString(passwordFile).lines().findFirst().orElse("")
                            : System.getenv("TERRAIN_PASSWORD");
                    if (password == null || new fr.convergence.terrain.core.account.AuthService(source,
                            new fr.convergence.terrain.core.security.PasswordHasher())
                            .signIn(login, password.toCharArray()).isEmpty()) {
                        spec.commandLine().getErr().println("Les données de " + file + " sont chiffrées\u00a0: donnez le "
                                + "mot de passe du compte «\u00a0" + login + "\u00a0» (--password-file ou TERRAIN_PASSWORD).");
                        return 2;
                    }
                }
                // A national store takes minutes: a line every 100,000 rows read.
                java.io.PrintWriter err = spec.commandLine().getErr();
                Map<String, Integer> counts = StoreImporter.importStore(source, store, (table, read) -> {
                    if (read >= 100_000 && read % 100_000 < 5_000) {
                        err.printf(java.util.Locale.FRANCE, "%s\u00a0: %,d lignes lues…%n", table, read);
                        err.flush();
                    }
                });
                spec.commandLine().getOut().println("Importé\u00a0: " + counts);
            }
            return 0;
        }
    }

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = "Nombre de lignes et empreinte de chaque table synchronisée pour le périmètre d’un poste "
                    + "(les mêmes que terrain check sur ce poste), sans rien afficher de personnel\u00a0; avec --compare, "
                    + "dit quelles tables d’un poste diffèrent du hub.")
    static final class Check implements Callable<Integer> {
        @CommandLine.Mixin
        Database database = new Database();

        @Option(names = "--scope", paramLabel = "worksite:ID|territory:ID",
                description = "Périmètre (par défaut\u00a0: celui du fichier donné à --compare).")
        String scope;

        @Option(names = "--compare", paramLabel = "FICHIER",
                description = "Sortie de «\u00a0terrain check --json\u00a0» d’un poste, à comparer avec le hub.")
        Path laptopCheck;

        @Option(names = "--json", description = "Sortie JSON.")
        boolean json;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws java.io.IOException {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            JsonNode laptop = null;
            if (laptopCheck != null) {
                if (!Files.isRegularFile(laptopCheck)) {
                    err.println("Fichier introuvable\u00a0: " + laptopCheck);
                    return 2;
                }
                laptop = SyncCodec.json().readTree(laptopCheck.toFile());
            }
            String chosen = scope != null ? scope : laptop == null ? null : laptop.path("scope").asText(null);
            if (chosen == null || !chosen.matches("(worksite|territory):.+")) {
                err.println("Indiquez le périmètre\u00a0: --scope worksite:ID ou --scope territory:ID.");
                return 2;
            }
            String kind = chosen.substring(0, chosen.indexOf(':'));
            String id = chosen.substring(chosen.indexOf(':') + 1);
            List<TableChecksum.Result> tables;
            try (JooqHubStore store = database.open()) {
                if (store.read(r -> r.worksitesOf(kind, id)).isEmpty()) {
                    err.println("Périmètre inconnu du hub\u00a0: " + chosen + ". Les identifiants\u00a0: terrain-hub worksites.");
                    return 1;
                }
                tables = ScopeCheck.of(store, kind, id);
            }
            if (json) {
                Map<String, Object> document = new java.util.LinkedHashMap<>();
                document.put("scope", chosen);
                document.put("tables", tables);
                out.println(SyncCodec.json().writeValueAsString(document));
            } else {
                out.println("Périmètre\u00a0: " + chosen);
                out.println("Tables synchronisées (table, lignes, empreinte SHA-256)\u00a0:");
                tables.forEach(t -> out.println("  " + t.line()));
            }
            if (laptop == null) {
                return 0;
            }
            List<String> differences = differences(tables, laptop.path("tables"));
            if (differences.isEmpty()) {
                out.println("Le poste et le hub ont les mêmes données pour " + chosen + " (" + (tables.size() - 1)
                        + " tables\u00a0; le journal d’accès, qui s’allonge à chaque connexion, n’est pas comparé).");
                return 0;
            }
            err.println("Le poste diffère du hub pour " + chosen + "\u00a0:");
            differences.forEach(d -> err.println("  " + d));
            return 1;
        }

        /** The tables whose count or checksum differ, one French line each (hub first, then the laptop). */
        private static List<String> differences(List<TableChecksum.Result> hub,
                                                JsonNode laptopTables) {
            Map<String, JsonNode> laptop = new TreeMap<>();
            laptopTables.forEach(t -> laptop.put(t.path("table").asText(), t));
            List<String> differences = new java.util.ArrayList<>();
            for (TableChecksum.Result table : hub) {
                if (table.table().equals(SyncSchema.AUDIT_TABLE)) {
                    // The access journal grows at every sign-in, the laptop's check included: a laptop never holds
                    // the hub's journal at the instant of a check. Its delivery is proven by AuditJournalSyncTest.
                    continue;
                }
                JsonNode other = laptop.get(table.table());
                if (other == null) {
                    differences.add(table.table() + "\u00a0: absente de la vérification du poste");
                } else if (other.path("rows").asLong() != table.rows()
                        || !other.path("sha256").asText().equals(table.sha256())) {
                    differences.add(MessagePatterns.french("{0}\u00a0: hub {1, plural, one {# ligne} other {# lignes}} "
                            + "{2}, poste {3, plural, one {# ligne} other {# lignes}} {4}", table.table(),
                            table.rows(), table.sha256().substring(0, 12), other.path("rows").asLong(),
                            other.path("sha256").asText().substring(0, Math.min(12,
                                    other.path("sha256").asText().length()))));
                }
            }
            return differences;
        }
    }

    @Command(name = "purge-tombstones", mixinStandardHelpOptions = true,
            description = "Efface les suppressions plus anciennes que l’horizon (les postes plus anciens "
                    + "resynchronisent leur périmètre).")
    static final class Purge implements Callable<Integer> {
        @CommandLine.Mixin
        Database database = new Database();

        @Option(names = "--older-than-days", paramLabel = "JOURS",
                defaultValue = "400", description = "Horizon en jours.")
        int days;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            try (HubStore store = database.open()) {
                long before = Clock.systemUTC().millis() - Duration.ofDays(days).toMillis();
                int purged = store.write(tx -> tx.purgeTombstones(before));
                spec.commandLine().getOut().println(MessagePatterns.french(
                        "{0, plural, one {# suppression effacée} other {# suppressions effacées}}.", purged));
            }
            return 0;
        }
    }

    @Command(name = "report", mixinStandardHelpOptions = true,
            description = "Le tableau annuel de la console (chiffres seulement : aucun nom, aucune note) : "
                    + "la France par territoire avec le total national, ou un territoire par chantier "
                    + "(--territory), ou un chantier par mois (--worksite) ; chaque ligne avec l’année "
                    + "précédente. Les mêmes chiffres que la console et que la page Rapports des postes. "
                    + "Relevé mensuel des heures d’un chantier\u00a0: terrain-hub report monthly (détails\u00a0: "
                    + "terrain-hub report monthly --help).",
            subcommands = MonthlyReportCommand.class)
    static final class Report implements Callable<Integer> {
        @CommandLine.Mixin
        Database database = new Database();

        // Required, but checked in call(): picocli would ask it of `report monthly` too (remkop/picocli#1350).
        @Option(names = "--year", paramLabel = "ANNÉE", description = "Année civile, ex. 2026. Obligatoire.")
        Integer year;

        @Option(names = "--format", paramLabel = "csv|json|pdf", defaultValue = "csv",
                description = "csv (Excel en français : point-virgule, virgule décimale), json ou pdf (A4 "
                        + "paysage, avec --output). Par défaut : ${DEFAULT-VALUE}.")
        String format;

        @Option(names = "--territory", paramLabel = "TERRITOIRE", description = "Un territoire, par chantier.")
        String territory;

        @Option(names = "--worksite", paramLabel = "CHANTIER", description = "Un chantier, par mois.")
        String worksite;

        @Option(names = "--output", paramLabel = "FICHIER",
                description = "Fichier à écrire (remplacé une fois complet). Par défaut : la sortie standard.")
        Path output;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws java.io.IOException {
            PrintWriter err = spec.commandLine().getErr();
            if (year == null) {
                err.println("Indiquez l’année du tableau\u00a0: --year, ex. --year 2026 (le relevé mensuel d’un "
                        + "chantier\u00a0: terrain-hub report monthly).");
                return 2;
            }
            if (!List.of("csv", "json", "pdf").contains(format)) {
                err.println("Format inconnu : " + format + ". Choisissez --format csv, json ou pdf.");
                return 2;
            }
            if (format.equals("pdf") && output == null) {
                err.println("Le PDF s’écrit dans un fichier : ajoutez --output FICHIER (ex. --output "
                        + "tableau-annuel-" + year + ".pdf).");
                return 2;
            }
            if (!YearlyTables.plausibleYear(year)) {
                err.println("Année invalide : " + year + ". Indiquez-la en quatre chiffres, ex. --year 2026.");
                return 2;
            }
            if (territory != null && worksite != null) {
                err.println("Choisissez --territory ou --worksite, pas les deux.");
                return 2;
            }
            YearlyTable table;
            try (JooqHubStore store = database.open()) {
                YearlyTables tables = new YearlyTables(store, Clock.systemUTC());
                Optional<YearlyTable> chosen = territory != null ? tables.territory(year, territory)
                        : worksite != null ? tables.worksite(year, worksite)
                        : Optional.of(tables.national(year, t -> true, true));
                if (chosen.isEmpty()) {
                    err.println((territory != null ? "Territoire inconnu du hub : " + territory
                            : "Chantier inconnu du hub : " + worksite) + ". Les identifiants : terrain-hub "
                            + "worksites.");
                    return 2;
                }
                table = chosen.get();
                store.audit(new fr.convergence.terrain.hub.console.AuditEntry(Clock.systemUTC().millis(), "cli",
                        "yearly-table-exported", (territory != null ? "territory=" + territory : worksite != null
                        ? "worksite=" + worksite : "pays") + " year=" + year + " format=" + format));
            }
            if (output == null) {
                java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
                write(table, bytes);
                // The standard output gets the text without Excel's byte order mark.
                String text = bytes.toString(java.nio.charset.StandardCharsets.UTF_8);
                spec.commandLine().getOut().print(text.startsWith("\uFEFF") ? text.substring(1) : text);
                spec.commandLine().getOut().flush();
            } else {
                fr.convergence.terrain.core.security.PrivateFiles.write(output, out -> write(table, out));
                err.println("Tableau annuel " + year + " écrit dans " + output + ".");
            }
            return 0;
        }

        private void write(YearlyTable table, java.io.OutputStream out) throws java.io.IOException {
            if (format.equals("json")) {
                YearlyTableJson.write(table, out);
            } else if (format.equals("pdf")) {
                out.write(YearlyTableDocument.pdf(table, ZonedDateTime.now(ZoneId.systemDefault())));
            } else {
                YearlyTableCsv.write(table, out);
            }
        }
    }

    /** The longest validity of an enrolment code, in days. */
    static final int MAX_CODE_DAYS = 90;

    private static String time(long millis) {
        return DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").format(Instant.ofEpochMilli(millis)
                .atZone(ZoneId.systemDefault()));
    }
}
