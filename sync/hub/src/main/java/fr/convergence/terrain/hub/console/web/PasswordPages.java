package fr.convergence.terrain.hub.console.web;

import fr.convergence.terrain.hub.console.ConsoleAccounts;
import fr.convergence.terrain.hub.console.web.ConsoleWeb.Signed;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Map;

/**
 * The signed-in person changes their own password: the current one, then the new one twice (CSRF-checked form); their
 * other sessions end, this one stays.
 */
final class PasswordPages {

    static final String PATH = ConsoleWeb.ROOT + "/mot-de-passe";

    private final ConsoleWeb web;
    private final ConsoleAccounts accounts;

    PasswordPages(ConsoleWeb web, ConsoleAccounts accounts) {
        this.web = web;
        this.accounts = accounts;
    }

    void register(RoutesConfig routes) {
        routes.get(PATH, ctx -> form(ctx, 200, null));
        routes.post(PATH, this::change);
    }

    private void form(Context ctx, int status, String error) {
        Signed signed = ctx.attribute(ConsoleWeb.SIGNED);
        Html html = new Html().element("h1", "Changer de mot de passe");
        if (error != null) {
            html.element("p", error, "class", "error", "role", "alert", "id", "erreur");
        }
        html.open("form", "method", "post", "action", PATH, "class", "stacked")
                .open("input", "type", "hidden", "name", "csrf", "value", signed.session().csrfToken())
                .element("label", "Mot de passe actuel", "for", "current")
                .open("input", "type", "password", "id", "current", "name", "current",
                        "autocomplete", "current-password", "required", "required")
                .element("label", "Nouveau mot de passe (" + ConsoleAccounts.MIN_PASSWORD_LENGTH
                        + " caractères au moins)", "for", "new")
                .open("input", "type", "password", "id", "new", "name", "new", "autocomplete", "new-password",
                        "minlength", Integer.toString(ConsoleAccounts.MIN_PASSWORD_LENGTH), "required", "required")
                .element("label", "Nouveau mot de passe, encore une fois", "for", "confirm")
                .open("input", "type", "password", "id", "confirm", "name", "confirm", "autocomplete",
                        "new-password", "required", "required")
                .element("button", "Changer le mot de passe", "type", "submit").close("form");
        web.page(ctx, status, "Mot de passe", signed, html);
    }

    private void change(Context ctx) {
        Signed signed = ctx.attribute(ConsoleWeb.SIGNED);
        Map<String, String> form = web.form(ctx);
        String error = accounts.changePassword(signed.account().login(),
                form.getOrDefault("current", "").toCharArray(), form.getOrDefault("new", "").toCharArray(),
                form.getOrDefault("confirm", "").toCharArray(), signed.session().idHash());
        if (error != null) {
            form(ctx, 400, error);
            return;
        }
        Html html = new Html().element("h1", "Mot de passe changé")
                .element("p", "Votre nouveau mot de passe servira à votre prochaine connexion. Vos autres sessions "
                        + "(un autre navigateur, un autre poste) sont fermées\u00a0; celle-ci reste ouverte.", "id", "confirmation")
                .raw("<p><a href=\"" + ConsoleWeb.ROOT + "\">Retour à l’accueil</a></p>");
        web.page(ctx, 200, "Mot de passe changé", signed, html);
    }
}
