package fr.convergence.terrain.app.cli;

import fr.convergence.terrain.core.demo.DemoDataGenerator;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Runs the command line in-process, with a {@link Terminal} the test decides (its variables, what is typed). */
final class Cli {

    /** The demo accounts' password in TERRAIN_PASSWORD, and no console: what a script on a demo store has. */
    static final Terminal DEMO_SCRIPT = terminal(Map.of(PersonOptions.DEFAULT_VARIABLE,
            DemoDataGenerator.DEMO_PASSWORD), null);

    /** No variable and no console: a scheduled job that was given no password. */
    static final Terminal NOTHING = terminal(Map.of(), null);

    private Cli() {
    }

    record Run(int code, String out, String err, List<String> prompts) {
    }

    static Run run(Terminal terminal, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> prompts = new ArrayList<>();
        Terminal recording = new Terminal() {
            @Override
            public String variable(String name) {
                return terminal.variable(name);
            }

            @Override
            public char[] readPassword(String prompt) {
                prompts.add(prompt);
                return terminal.readPassword(prompt);
            }
        };
        int code = TerrainCommand.run(TerrainCommandTest.NO_WINDOW, recording, new PrintWriter(out, true),
                new PrintWriter(err, true), args);
        return new Run(code, out.toString(), err.toString(), prompts);
    }

    /** @param typed what the person types at the password prompt, or null for no console at all */
    static Terminal terminal(Map<String, String> variables, String typed) {
        return new Terminal() {
            @Override
            public String variable(String name) {
                return variables.get(name);
            }

            @Override
            public char[] readPassword(String prompt) {
                return typed == null ? null : typed.toCharArray();
            }
        };
    }
}
