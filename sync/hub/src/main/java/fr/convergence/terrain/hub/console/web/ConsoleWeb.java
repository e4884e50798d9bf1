package fr.convergence.terrain.hub.console.web;

import fr.convergence.terrain.core.reference.ReferenceData;
import fr.convergence.terrain.hub.console.AuditEntry;
import fr.convergence.terrain.hub.console.ConsoleAccount;
import fr.convergence.terrain.hub.console.ConsoleAccounts;
import fr.convergence.terrain.hub.console.ConsoleSession;
import fr.convergence.terrain.hub.console.ConsoleStore;
import fr.convergence.terrain.hub.report.HubReportSource;
import fr.convergence.terrain.hub.report.MonthlyStatements;
import fr.convergence.terrain.hub.report.YearlyTables;
import fr.convergence.terrain.hub.sync.Device;
import fr.convergence.terrain.hub.sync.Enrolments;
import fr.convergence.terrain.hub.sync.HubStore;
import fr.convergence.terrain.sync.protocol.EnrolResponse;
import fr.convergence.terrain.sync.protocol.WorksiteInfo;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The hub console under {@code /console}: sign-in (password, then a TOTP code when the account has a second factor),
 * the home page, enrolment codes and revocation; the other pages are classes of their own registered here
 * ({@link DevicePages}, {@link SyncHealthPages}, {@link AuditPages}, {@link PasswordPages}). Server-rendered French HTML, no script. Every page but the sign-in page and the
 * style sheet needs a complete session; every POST carries the session's CSRF token (the sign-in form, before any
 * session, a double-submit cookie); every sign-in, refusal and action goes to the hub's audit journal.
 */
public final class ConsoleWeb {

    public static final String ROOT = "/console";
    public static final String SIGN_IN = ROOT + "/connexion";
    public static final String SECOND_FACTOR = ROOT + "/second-facteur";
    public static final String SIGN_OUT = ROOT + "/deconnexion";
    public static final String DEVICES = ROOT + "/postes";
    public static final String STYLE = ROOT + "/style.css";
    static final String SESSION_COOKIE = "terrain_console";
    static final String SIGN_IN_COOKIE = "terrain_console_connexion";
    /** A session unused this long ends: the next request signs in again. */
    public static final Duration IDLE_EXPIRY = Duration.ofMinutes(30);
    static final Duration MAX_CODE_VALIDITY = Duration.ofDays(90);

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy 'à' HH:mm",
            Locale.FRANCE);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy", Locale.FRANCE);
    private static final Set<String> PUBLIC_PATHS = Set.of(SIGN_IN, STYLE);

    private final ConsoleStore console;
    private final HubStore hub;
    private final ConsoleAccounts accounts;
    private final Enrolments enrolments;
    private final Clock clock;
    private final Function<Context, byte[]> body;
    private final boolean trustForwardedProto;
    private final byte[] style;
    private final ReferenceData reference = ReferenceData.load();
    private final DevicePages devicePages;

    /**
     * {@code body} reads a request's body (the hub reads it before the handler runs); {@code trustForwardedProto}:
     * behind a reverse proxy, its {@code X-Forwarded-Proto: https} makes the cookies Secure.
     */
    public ConsoleWeb(ConsoleStore console, HubStore hub, ConsoleAccounts accounts, Enrolments enrolments, Clock clock,
                      Function<Context, byte[]> body, boolean trustForwardedProto) {
        this.console = console;
        this.hub = hub;
        this.accounts = accounts;
        this.enrolments = enrolments;
        this.clock = clock;
        this.body = body;
        this.trustForwardedProto = trustForwardedProto;
        this.devicePages = new DevicePages(this, console, hub, clock);
        try (InputStream in = ConsoleWeb.class.getResourceAsStream("/fr/convergence/terrain/hub/console/console.css")) {
            this.style = in.readAllBytes();
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("console.css is missing from the hub's jar", e);
        }
    }

    /** A refusal shown as a French page (403, 404, 400), after being written to the audit journal if it says so. */
    static final class Refusal extends RuntimeException {
        final int status;

        Refusal(int status, String message) {
            super(message);
            this.status = status;
        }
    }

    public void register(RoutesConfig routes) {
        routes.before(ROOT, this::guard);
        routes.before(ROOT + "/*", this::guard);
        routes.get(STYLE, ctx -> ctx.contentType("text/css; charset=utf-8").header("Cache-Control", "max-age=3600")
                .result(style));
        routes.get(SIGN_IN, this::signInPage);
        routes.post(SIGN_IN, this::signIn);
        routes.get(SECOND_FACTOR, this::secondFactorPage);
        routes.post(SECOND_FACTOR, this::secondFactor);
        routes.post(SIGN_OUT, this::signOut);
        routes.get(ROOT, this::home);
        devicePages.register(routes);
        new SyncHealthPages(this, console, hub, clock).register(routes);
        new AuditPages(this, console).register(routes);
        new PasswordPages(this, accounts).register(routes);
        routes.get(ROOT + "/chantiers/{id}", this::worksitePage);
        routes.post(ROOT + "/chantiers/{id}/codes", this::issueWorksiteCode);
        routes.get(ROOT + "/territoires/{id}", this::territoryPage);
        routes.post(ROOT + "/territoires/{id}/codes", this::issueTerritoryCode);
        routes.get(ROOT + "/postes/{id}/revocation", this::revokePage);
        routes.post(ROOT + "/postes/{id}/revocation", this::revoke);
        if (hub instanceof HubReportSource reports) {
            new YearlyTablePages(this, console, hub, new YearlyTables(reports, clock), clock).register(routes);
            new MonthlyStatementPages(this, console, new MonthlyStatements(reports), clock).register(routes);
        }
        // A console address that names no page: the French page, not Javalin's English one. Refusals render their
        // own page (with its reason) and mark it.
        routes.error(404, "*", ctx -> {
            if (ctx.path().startsWith(ROOT) && ctx.attribute(REFUSED) == null) {
                throw new Refusal(404, "Cette page n’existe pas (ou pas encore) dans la console.");
            }
        });
        routes.exception(Refusal.class, (e, ctx) -> {
            ctx.attribute(REFUSED, Boolean.TRUE);
            Html html = new Html().element("h1", e.status == 404 ? "Page introuvable" : "Accès refusé")
                    .element("p", e.getMessage(), "class", "error").raw("<p><a href=\"" + ROOT
                            + "\">Retour à l’accueil</a></p>");
            Signed signed = ctx.attribute(SIGNED);
            page(ctx, e.status, e.status == 404 ? "Page introuvable" : "Accès refusé", signed, html);
        });
    }

    // ---------------------------------------------------------------- sessions

    static final String SIGNED = "terrain.console.signed";
    private static final String REFUSED = "terrain.console.refused";

    /** The signed-in person of this request and their session. */
    record Signed(ConsoleAccount account, ConsoleSession session) {
    }

    /**
     * Runs before every console route: the sign-in page and the style sheet are open; the second-factor page needs a
     * session whose password step passed; everything else a complete session, or the browser goes to the sign-in page
     * (a form sent without one is refused: 403).
     */
    private void guard(Context ctx) {
        noStore(ctx);
        String path = ctx.path();
        if (PUBLIC_PATHS.contains(path)) {
            return;
        }
        Optional<Signed> signed = currentSession(ctx);
        boolean secondFactorStep = path.equals(SECOND_FACTOR);
        if (signed.isPresent() && (signed.get().session().complete() || secondFactorStep)) {
            ctx.attribute(SIGNED, signed.get());
            if ("POST".equals(ctx.method().name())) {
                checkCsrf(ctx, signed.get().session().csrfToken(), signed.get().account().login());
            }
            return;
        }
        if ("GET".equals(ctx.method().name())) {
            // Password given, code not yet: back to the code, not to the password.
            ctx.redirect(signed.isPresent() ? SECOND_FACTOR : SIGN_IN, io.javalin.http.HttpStatus.SEE_OTHER);
            ctx.skipRemainingHandlers();
        } else {
            throw new Refusal(403, "Connectez-vous d’abord.");
        }
    }

    private Optional<Signed> currentSession(Context ctx) {
        String cookie = ctx.cookie(SESSION_COOKIE);
        if (cookie == null || cookie.length() > 100) {
            return Optional.empty();
        }
        String idHash = sha256(cookie);
        Optional<ConsoleSession> session = console.session(idHash);
        if (session.isEmpty()) {
            return Optional.empty();
        }
        long now = clock.millis();
        if (session.get().lastSeenAt() + IDLE_EXPIRY.toMillis() < now) {
            console.deleteSession(idHash);
            console.audit(new AuditEntry(now, session.get().login(), "session-expired", "idle"));
            return Optional.empty();
        }
        Optional<ConsoleAccount> account = console.account(session.get().login());
        if (account.isEmpty() || account.get().disabled()) {
            console.deleteSession(idHash);
            return Optional.empty();
        }
        console.touchSession(idHash, now);
        return Optional.of(new Signed(account.get(), session.get()));
    }

    /** A new session (a new id at each step, so an id seen before sign-in is worth nothing after). */
    private void startSession(Context ctx, String login, boolean complete) {
        String old = ctx.cookie(SESSION_COOKIE);
        if (old != null && old.length() <= 100) {
            console.deleteSession(sha256(old));
        }
        String id = randomToken();
        long now = clock.millis();
        console.addSession(new ConsoleSession(sha256(id), login, complete, randomToken(), now, now));
        // Sessions of others left idle are forgotten now and then (each sign-in), not by a timer.
        console.deleteSessionsIdleSince(now - IDLE_EXPIRY.toMillis());
        setCookie(ctx, SESSION_COOKIE, id);
    }

    private void setCookie(Context ctx, String name, String value) {
        boolean secure = "https".equalsIgnoreCase(ctx.scheme())
                || (trustForwardedProto && "https".equalsIgnoreCase(ctx.header("X-Forwarded-Proto")));
        // Set by hand: every attribute written out, as the tests read it.
        ctx.res().addHeader("Set-Cookie", name + "=" + value + "; Path=" + ROOT + "; HttpOnly; SameSite=Strict"
                + (secure ? "; Secure" : "") + (value.isEmpty() ? "; Max-Age=0" : ""));
    }

    private void checkCsrf(Context ctx, String expected, String actor) {
        String sent = form(ctx).get("csrf");
        if (sent == null || expected == null || expected.isEmpty() || !MessageDigest.isEqual(
                sent.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8))) {
            console.audit(new AuditEntry(clock.millis(), actor, "csrf-refused", "path=" + ctx.path()));
            throw new Refusal(403, "Formulaire expiré ou venu d’ailleurs\u00a0: rechargez la page et recommencez.");
        }
    }

    // ---------------------------------------------------------------- sign-in

    private void signInPage(Context ctx) {
        if (currentSession(ctx).filter(s -> s.session().complete()).isPresent()) {
            ctx.redirect(ROOT, io.javalin.http.HttpStatus.SEE_OTHER);
            return;
        }
        signInForm(ctx, 200, null, "");
    }

    private void signInForm(Context ctx, int status, String error, String login) {
        String token = randomToken();
        setCookie(ctx, SIGN_IN_COOKIE, token);
        Html html = new Html().element("h1", "Connexion à la console du hub");
        if (error != null) {
            html.element("p", error, "class", "error", "role", "alert", "id", "erreur");
        }
        html.open("form", "method", "post", "action", SIGN_IN, "class", "stacked")
                .open("input", "type", "hidden", "name", "csrf", "value", token)
                .element("label", "Identifiant", "for", "login")
                .open("input", "type", "text", "id", "login", "name", "login", "value", login,
                        "autocomplete", "username", "required", "required", "autofocus", "autofocus")
                .element("label", "Mot de passe", "for", "password")
                .open("input", "type", "password", "id", "password", "name", "password",
                        "autocomplete", "current-password", "required", "required")
                .element("button", "Se connecter", "type", "submit").close("form")
                .element("p", "Les comptes sont créés par l’administration du hub (terrain-hub users add).");
        page(ctx, status, "Connexion", null, html);
    }

    private void signIn(Context ctx) {
        Map<String, String> form = form(ctx);
        String cookie = ctx.cookie(SIGN_IN_COOKIE);
        String sent = form.get("csrf");
        String login = form.getOrDefault("login", "").strip().toLowerCase(Locale.ROOT);
        if (cookie == null || sent == null || !MessageDigest.isEqual(cookie.getBytes(StandardCharsets.UTF_8),
                sent.getBytes(StandardCharsets.UTF_8))) {
            console.audit(new AuditEntry(clock.millis(), "-", "csrf-refused", "path=" + SIGN_IN));
            signInForm(ctx, 403, "Formulaire expiré\u00a0: recommencez.", login);
            return;
        }
        ConsoleAccounts.Outcome outcome = accounts.checkPassword(login.isEmpty() ? null : login,
                form.getOrDefault("password", "").toCharArray());
        setCookie(ctx, SIGN_IN_COOKIE, "");
        if (outcome instanceof ConsoleAccounts.Outcome.Accepted accepted) {
            boolean complete = !accepted.account().needsSecondFactor();
            startSession(ctx, accepted.account().login(), complete);
            ctx.redirect(complete ? ROOT : SECOND_FACTOR, io.javalin.http.HttpStatus.SEE_OTHER);
        } else if (outcome instanceof ConsoleAccounts.Outcome.Wait wait) {
            signInForm(ctx, 429, "Trop d’essais pour ce compte\u00a0: réessayez dans " + seconds(wait.seconds()) + ".",
                    login);
        } else {
            signInForm(ctx, 401, "Identifiant ou mot de passe incorrect.", login);
        }
    }

    private void secondFactorPage(Context ctx) {
        Signed signed = ctx.attribute(SIGNED);
        if (signed.session().complete()) {
            ctx.redirect(ROOT, io.javalin.http.HttpStatus.SEE_OTHER);
            return;
        }
        secondFactorForm(ctx, 200, null, signed);
    }

    private void secondFactorForm(Context ctx, int status, String error, Signed signed) {
        Html html = new Html().element("h1", "Second facteur");
        if (error != null) {
            html.element("p", error, "class", "error", "role", "alert", "id", "erreur");
        }
        html.open("form", "method", "post", "action", SECOND_FACTOR, "class", "stacked")
                .open("input", "type", "hidden", "name", "csrf", "value", signed.session().csrfToken())
                .element("label", "Code à 6 chiffres de votre application d’authentification", "for", "code")
                .open("input", "type", "text", "id", "code", "name", "code", "inputmode", "numeric",
                        "autocomplete", "one-time-code", "pattern", "[0-9 ]{6,7}", "required", "required",
                        "autofocus", "autofocus")
                .element("button", "Valider", "type", "submit").close("form");
        page(ctx, status, "Second facteur", null, html);
    }

    private void secondFactor(Context ctx) {
        Signed signed = ctx.attribute(SIGNED);
        if (signed.session().complete()) {
            ctx.redirect(ROOT, io.javalin.http.HttpStatus.SEE_OTHER);
            return;
        }
        ConsoleAccounts.Outcome outcome = accounts.checkCode(signed.account().login(), form(ctx).get("code"));
        if (outcome instanceof ConsoleAccounts.Outcome.Accepted accepted) {
            startSession(ctx, accepted.account().login(), true);
            ctx.redirect(ROOT, io.javalin.http.HttpStatus.SEE_OTHER);
        } else if (outcome instanceof ConsoleAccounts.Outcome.Wait wait) {
            secondFactorForm(ctx, 429, "Trop d’essais pour ce compte\u00a0: réessayez dans " + seconds(wait.seconds())
                    + ".", signed);
        } else {
            secondFactorForm(ctx, 401, "Code incorrect ou déjà utilisé\u00a0: attendez le suivant.", signed);
        }
    }

    private void signOut(Context ctx) {
        Signed signed = ctx.attribute(SIGNED);
        console.deleteSession(signed.session().idHash());
        console.audit(new AuditEntry(clock.millis(), signed.account().login(), "sign-out", ""));
        setCookie(ctx, SESSION_COOKIE, "");
        ctx.redirect(SIGN_IN, io.javalin.http.HttpStatus.SEE_OTHER);
    }

    // ---------------------------------------------------------------- pages

    private void home(Context ctx) {
        Signed signed = ctx.attribute(SIGNED);
        ConsoleAccount account = signed.account();
        Html html = new Html().element("h1", "Bonjour " + account.name())
                .element("p", account.role() == ConsoleAccount.Role.NATIONAL
                        ? "Compte national\u00a0: vous voyez tous les territoires."
                        : "Compte de coordination\u00a0: vous voyez le territoire «\u00a0"
                        + territoryName(account.territoryId())
                        + "\u00a0».")
                .element("h2", "Ce que la console permet aujourd’hui")
                .raw("<ul><li><a href=\"" + DEVICES + "\">Postes</a>\u00a0: les ordinateurs portables enrôlés par "
                        + "chantier (personne, version, quarantaine, historique), émettre un code d’enrôlement, "
                        + "révoquer un poste perdu.</li>"
                        + "<li><a href=\"" + YearlyTablePages.PATH + "\">Tableau annuel</a>\u00a0: par territoire, "
                        + "puis par chantier et par mois, avec l’année précédente, l’export CSV et le PDF.</li>"
                        + "<li><a href=\"" + MonthlyStatementPages.PATH + "\">Relevé mensuel des heures</a>\u00a0: "
                        + "par chantier et par mois, une ligne par personne sous contrat (identifiant, contrat, "
                        + "heures par type, absences, ETP, sortie), sans nom, et l’export CSV.</li>"
                        + "<li><a href=\"" + SyncHealthPages.PATH + "\">Santé de la synchronisation</a>\u00a0: "
                        + "conflits et modifications en quarantaine par chantier, version du hub, horizon des "
                        + "suppressions.</li>"
                        + "<li><a href=\"" + AuditPages.PATH + "\">Journal</a>\u00a0: qui a fait quoi dans la "
                        + "console.</li>"
                        + "<li><a href=\"" + PasswordPages.PATH + "\">Mot de passe</a>\u00a0: changer le "
                        + "vôtre.</li></ul>");
        page(ctx, 200, "Accueil", signed, html);
    }

    private void worksitePage(Context ctx) {
        Signed signed = ctx.attribute(SIGNED);
        WorksiteInfo worksite = allowedWorksite(signed, ctx.pathParam("id"));
        scopePage(ctx, signed, EnrolResponse.WORKSITE, worksite.id(), worksiteName(worksite), null);
    }

    private void territoryPage(Context ctx) {
        Signed signed = ctx.attribute(SIGNED);
        String territory = allowedTerritory(signed, ctx.pathParam("id"));
        scopePage(ctx, signed, EnrolResponse.TERRITORY, territory, "Coordination · " + territoryName(territory),
                null);
    }

    /** A worksite's (or a territory's coordination) laptops and the form that issues an enrolment code. */
    private void scopePage(Context ctx, Signed signed, String kind, String id, String title, String error) {
        List<Device> devices = hub.read(r -> r.devices()).stream()
                .filter(d -> d.scopeKind().equals(kind) && d.scopeId().equals(id)).toList();
        String action = ROOT + (kind.equals(EnrolResponse.WORKSITE) ? "/chantiers/" : "/territoires/") + id + "/codes";
        Html html = new Html().element("h1", title).element("h2", "Postes enrôlés");
        devicePages.table(html, devices);
        html.element("h2", "Émettre un code d’enrôlement");
        if (error != null) {
            html.element("p", error, "class", "error", "role", "alert", "id", "erreur");
        }
        html.element("p", "Le code se saisit une seule fois, sur le nouveau poste, dans la page Synchronisation de "
                        + "Convergence Terrain.")
                .open("form", "method", "post", "action", action, "class", "stacked")
                .open("input", "type", "hidden", "name", "csrf", "value", signed.session().csrfToken())
                .element("label", "Destinataire du poste (ex. «\u00a0Sandrine, Lille\u00a0»)", "for", "label")
                .open("input", "type", "text", "id", "label", "name", "label", "maxlength", "120", "required",
                        "required")
                .element("label", "Validité du code, en jours (1 à 90)", "for", "days")
                .open("input", "type", "number", "id", "days", "name", "days", "min", "1", "max", "90", "value", "7",
                        "required", "required")
                .element("button", "Émettre le code", "type", "submit").close("form")
                .raw("<p><a href=\"" + DEVICES + "\">Retour aux postes</a></p>");
        page(ctx, error == null ? 200 : 400, title, signed, html);
    }

    private void issueWorksiteCode(Context ctx) {
        Signed signed = ctx.attribute(SIGNED);
        WorksiteInfo worksite = allowedWorksite(signed, ctx.pathParam("id"));
        issueCode(ctx, signed, EnrolResponse.WORKSITE, worksite.id(), worksiteName(worksite));
    }

    private void issueTerritoryCode(Context ctx) {
        Signed signed = ctx.attribute(SIGNED);
        String territory = allowedTerritory(signed, ctx.pathParam("id"));
        issueCode(ctx, signed, EnrolResponse.TERRITORY, territory, "Coordination · " + territoryName(territory));
    }

    private void issueCode(Context ctx, Signed signed, String kind, String id, String title) {
        Map<String, String> form = form(ctx);
        String label = form.getOrDefault("label", "").strip();
        int days;
        try {
            days = Integer.parseInt(form.getOrDefault("days", "").strip());
        } catch (NumberFormatException e) {
            days = -1;
        }
        if (label.isEmpty() || label.length() > 120 || days < 1 || days > MAX_CODE_VALIDITY.toDays()) {
            scopePage(ctx, signed, kind, id, title, "Indiquez le destinataire (120 caractères au plus) et une "
                    + "validité de 1 à 90 jours.");
            return;
        }
        long expires = clock.millis() + Duration.ofDays(days).toMillis();
        String code = enrolments.issueCode(kind, id, label, Duration.ofDays(days));
        // The recipient's name stays out of the journal: ids and figures only.
        console.audit(new AuditEntry(clock.millis(), signed.account().login(), "enrolment-code-issued",
                kind + "=" + id + " days=" + days));
        Html html = new Html().element("h1", "Code d’enrôlement · " + title)
                .element("p", "À saisir sur le nouveau poste, dans la page Synchronisation de Convergence "
                        + "Terrain\u00a0:")
                .element("p", code, "class", "code", "id", "code")
                .element("p", "Valable jusqu’au " + dateTime(expires) + " (heure de Paris), une seule fois. Il "
                        + "n’est affiché qu’ici\u00a0: notez-le ou transmettez-le maintenant.", "id", "expiration")
                .raw("<p><a href=\"" + DEVICES + "\">Retour aux postes</a></p>");
        page(ctx, 200, "Code d’enrôlement", signed, html);
    }

    private void revokePage(Context ctx) {
        Signed signed = ctx.attribute(SIGNED);
        Device device = allowedDevice(signed, ctx.pathParam("id"));
        Html html = new Html().element("h1", "Révoquer un poste");
        if (device.revoked()) {
            html.element("p", "Ce poste est déjà révoqué depuis le " + date(device.revokedAt()) + ".");
        } else {
            html.open("p").text("Le poste «\u00a0").element("strong", device.label()).text("\u00a0» ne pourra plus se "
                    + "synchroniser\u00a0: sa prochaine demande sera refusée. Ce qu’il n’a pas encore envoyé au hub "
                    + "restera sur lui. Pour le remettre en service, il faudra l’enrôler de nouveau.").close("p")
                    .open("form", "method", "post", "action", ROOT + "/postes/" + device.id() + "/revocation")
                    .open("input", "type", "hidden", "name", "csrf", "value", signed.session().csrfToken())
                    .element("button", "Révoquer définitivement ce poste", "type", "submit", "class", "danger")
                    .close("form");
        }
        html.raw("<p><a href=\"" + DEVICES + "\">Annuler et revenir aux postes</a></p>");
        page(ctx, 200, "Révoquer un poste", signed, html);
    }

    private void revoke(Context ctx) {
        Signed signed = ctx.attribute(SIGNED);
        Device device = allowedDevice(signed, ctx.pathParam("id"));
        if (!device.revoked()) {
            enrolments.revoke(device.id());
            console.audit(new AuditEntry(clock.millis(), signed.account().login(), "device-revoked",
                    "device=" + device.id() + " " + device.scopeKind() + "=" + device.scopeId()));
        }
        Html html = new Html().element("h1", "Poste révoqué")
                .element("p", "Le poste «\u00a0" + device.label() + "\u00a0» est révoqué\u00a0: sa prochaine "
                        + "synchronisation "
                        + "sera refusée.", "id", "confirmation")
                .raw("<p><a href=\"" + DEVICES + "\">Retour aux postes</a></p>");
        page(ctx, 200, "Poste révoqué", signed, html);
    }

    // ---------------------------------------------------------------- scope checks

    WorksiteInfo allowedWorksite(Signed signed, String id) {
        Optional<WorksiteInfo> worksite = hub.read(r -> r.worksite(id));
        if (worksite.isEmpty()) {
            throw new Refusal(404, "Chantier inconnu du hub.");
        }
        if (!signed.account().mayAccess(worksite.get().territoryId())) {
            throw refused(signed, "worksite=" + id);
        }
        return worksite.get();
    }

    String allowedTerritory(Signed signed, String id) {
        boolean known = console.allWorksites().stream().anyMatch(w -> id.equals(w.territoryId()));
        if (!known) {
            throw new Refusal(404, "Territoire inconnu du hub.");
        }
        if (!signed.account().mayAccess(id)) {
            throw refused(signed, "territory=" + id);
        }
        return id;
    }

    Device allowedDevice(Signed signed, String id) {
        Optional<Device> device = hub.read(r -> r.device(id));
        if (device.isEmpty()) {
            throw new Refusal(404, "Poste inconnu du hub.");
        }
        String territory = EnrolResponse.TERRITORY.equals(device.get().scopeKind()) ? device.get().scopeId()
                : hub.read(r -> r.worksite(device.get().scopeId())).map(WorksiteInfo::territoryId).orElse(null);
        if (!signed.account().mayAccess(territory)) {
            throw refused(signed, "device=" + id);
        }
        return device.get();
    }

    Refusal refused(Signed signed, String what) {
        console.audit(new AuditEntry(clock.millis(), signed.account().login(), "access-refused", what));
        return new Refusal(403, "Ce chantier, ce territoire ou ce poste n’est pas dans votre périmètre.");
    }

    /** The worksites this account sees, by territory id ("" for worksites outside any territory), sorted. */
    Map<String, List<WorksiteInfo>> visibleWorksites(ConsoleAccount account) {
        Map<String, List<WorksiteInfo>> byTerritory = new TreeMap<>();
        for (WorksiteInfo w : console.allWorksites()) {
            String territory = w.territoryId() == null ? "" : w.territoryId();
            if (account.mayAccess(w.territoryId())) {
                byTerritory.computeIfAbsent(territory, k -> new ArrayList<>()).add(w);
            }
        }
        byTerritory.values().forEach(list -> list.sort(java.util.Comparator.comparing(ConsoleWeb::worksiteName)));
        return byTerritory;
    }

    // ---------------------------------------------------------------- page frame

    void page(Context ctx, int status, String title, Signed signed, Html content) {
        Html html = new Html().raw("<!DOCTYPE html><html lang=\"fr\"><head><meta charset=\"utf-8\">"
                        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .element("title", title + " · Console du hub · Convergence Terrain")
                .raw("<link rel=\"stylesheet\" href=\"" + STYLE + "\"></head><body><header>")
                .element("span", "Convergence Terrain · console", "class", "brand");
        if (signed != null && signed.session().complete()) {
            // Only what exists: a page not built yet is never linked.
            html.raw("<nav aria-label=\"Menu principal\"><ul><li><a href=\"" + ROOT + "\">Accueil</a></li>"
                            + "<li><a href=\"" + DEVICES + "\">Postes</a></li>"
                            + "<li><a href=\"" + YearlyTablePages.PATH + "\">Tableau annuel</a></li>"
                            + "<li><a href=\"" + MonthlyStatementPages.PATH + "\" title=\"Relevé mensuel des heures\">"
                            + "Relevés</a></li>"
                            + "<li><a href=\"" + SyncHealthPages.PATH + "\">Synchronisation</a></li>"
                            + "<li><a href=\"" + AuditPages.PATH + "\">Journal</a></li>"
                            + "<li><a href=\"" + PasswordPages.PATH + "\">Mot de passe</a></li><li>")
                    .open("form", "method", "post", "action", SIGN_OUT)
                    .open("input", "type", "hidden", "name", "csrf", "value", signed.session().csrfToken())
                    .raw("<button type=\"submit\" class=\"link\">Se déconnecter</button></form></li></ul></nav>")
                    .element("span", signed.account().name() + " (" + (signed.account().role()
                            == ConsoleAccount.Role.NATIONAL ? "national" : "coordination") + ")", "class", "who");
        }
        html.raw("</header><main>").raw(content.toString()).raw("</main></body></html>");
        ctx.status(status).contentType("text/html; charset=utf-8").result(html.toString());
    }

    private static void noStore(Context ctx) {
        ctx.header("Cache-Control", "no-store");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Content-Security-Policy", "default-src 'self'; form-action 'self'; frame-ancestors 'none'");
        ctx.header("Referrer-Policy", "same-origin");
    }

    // ---------------------------------------------------------------- helpers

    private static final String FORM_ATTRIBUTE = "terrain.console.form";

    /** The url-encoded form of a POST (read once, kept for the request). */
    Map<String, String> form(Context ctx) {
        Map<String, String> cached = ctx.attribute(FORM_ATTRIBUTE);
        if (cached != null) {
            return cached;
        }
        Map<String, String> fields = new LinkedHashMap<>();
        byte[] bytes = body.apply(ctx);
        if (bytes != null && bytes.length > 0) {
            for (String pair : new String(bytes, StandardCharsets.UTF_8).split("&")) {
                int equals = pair.indexOf('=');
                if (equals > 0) {
                    try {
                        fields.putIfAbsent(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                                URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
                    } catch (IllegalArgumentException malformed) {
                        // A malformed field is left out: the checks that need it refuse the form.
                    }
                }
            }
        }
        ctx.attribute(FORM_ATTRIBUTE, fields);
        return fields;
    }

    String territoryName(String id) {
        if (id == null || id.isEmpty()) {
            return "Chantiers hors territoire";
        }
        return reference.territories().stream().filter(t -> t.id().equals(id)).findFirst()
                .map(t -> t.name()).orElse(id);
    }

    static String worksiteName(WorksiteInfo w) {
        return w.name() == null ? w.id() : w.name() + (w.city() == null ? "" : " (" + w.city() + ")");
    }

    static String anchor(String territory) {
        return territory.isEmpty() ? "hors-territoire" : territory;
    }

    private static String seconds(long seconds) {
        return seconds == 1 ? "1 seconde" : seconds + " secondes";
    }

    static String date(long millis) {
        return DATE.format(Instant.ofEpochMilli(millis).atZone(PARIS));
    }

    static String dateTime(long millis) {
        return DATE_TIME.format(Instant.ofEpochMilli(millis).atZone(PARIS));
    }

    private static String randomToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
