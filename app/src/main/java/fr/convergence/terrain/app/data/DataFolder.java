package fr.convergence.terrain.app.data;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where the application keeps its stores: {@code TERRAIN_DATA_DIR} (environment) or {@code terrain.data.dir}
 * (system property) when set — tests and screenshots use temporary folders — otherwise the user's data folder
 * of the operating system. The real store and the demo store are two separate files.
 */
public record DataFolder(Path path) {

    public static final String ENV = "TERRAIN_DATA_DIR";
    public static final String PROPERTY = "terrain.data.dir";
    static final String APP_DIR = "Convergence Terrain";

    public static DataFolder resolve() {
        return resolve(System.getProperties().getProperty(PROPERTY), System.getenv(), System.getProperty("os.name"),
                System.getProperty("user.home"));
    }

    static DataFolder resolve(String property, Map<String, String> env, String osName, String home) {
        if (property != null && !property.isBlank()) {
            return new DataFolder(Path.of(property));
        }
        String override = env.get(ENV);
        if (override != null && !override.isBlank()) {
            return new DataFolder(Path.of(override));
        }
        String os = osName == null ? "" : osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            String appData = env.get("APPDATA");
            Path base = appData != null && !appData.isBlank() ? Path.of(appData) : Path.of(home, "AppData", "Roaming");
            return new DataFolder(base.resolve(APP_DIR));
        }
        if (os.contains("mac")) {
            return new DataFolder(Path.of(home, "Library", "Application Support", APP_DIR));
        }
        String xdg = env.get("XDG_DATA_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(home, ".local", "share");
        return new DataFolder(base.resolve("convergence-terrain"));
    }

    /** The laptop's real store. */
    public Path realStore() {
        return path.resolve("terrain.db");
    }

    /** The demonstration store, never mixed with the real one. */
    public Path demoStore() {
        return path.resolve("terrain-demo.db");
    }
}
