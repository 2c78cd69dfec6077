// SPDX-License-Identifier: MIT
package org.zhol.server.store;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import javax.sql.DataSource;

/**
 * Whether a database's Flyway schema history already records exactly the versioned migration scripts of
 * some {@code classpath:} locations, each applied successfully and with the checksum that Flyway computes
 * for its text. Then a Flyway migration would apply nothing and its validation would pass, so
 * {@link Database#open} leaves Flyway out: setting Flyway up costs a fresh process more than opening the
 * database.
 *
 * <p>Anything else answers "not current" and Flyway runs as usual, migrating or refusing: no history
 * table, a script missing from it, a script it lacks, a failed or changed one, a baseline or any other
 * kind of entry, a file in a location that is not a versioned SQL script ({@code V<version>__<name>.sql}),
 * a location that is not on the class path or cannot be listed.
 *
 * <p>The checksum is Flyway's: CRC-32 over the UTF-8 bytes of each line without its line break, a leading
 * byte-order mark removed. Should Flyway ever compute it differently, the answer is "not current" and
 * only the shortcut is lost.
 */
final class SchemaHistory {

    private static final String CLASSPATH = "classpath:";
    private static final Pattern VERSIONED = Pattern.compile("V[0-9][0-9._]*__[^/]+\\.sql");
    /** Rows that Flyway writes when it creates the history table or a schema; they apply nothing. */
    private static final Set<String> MARKERS = Set.of("TABLE", "SCHEMA");

    private SchemaHistory() {
    }

    /**
     * @param dataSource the database
     * @param loader     where the {@code classpath:} locations are looked up (Flyway's default: the
     *                   thread's context class loader)
     * @param locations  Flyway locations, e.g. {@code classpath:db/support}
     */
    static boolean isCurrent(DataSource dataSource, ClassLoader loader, String... locations) {
        Map<String, Integer> scripts = new HashMap<>();
        try {
            for (String location : locations) {
                if (!location.startsWith(CLASSPATH) || !addScripts(loader, location, scripts)) {
                    return false;
                }
            }
        } catch (IOException | UncheckedIOException | URISyntaxException e) {
            return false;
        }
        return !scripts.isEmpty() && recordsExactly(dataSource, scripts);
    }

    /**
     * Adds each script of {@code location} with its checksum; false when it is absent or has anything
     * else, or a script of a name already added (Flyway's to report).
     */
    private static boolean addScripts(ClassLoader loader, String location, Map<String, Integer> scripts)
            throws IOException, URISyntaxException {
        String path = location.substring(CLASSPATH.length()).replaceAll("^/+|/+$", "");
        List<URL> roots = Collections.list(loader.getResources(path));
        if (path.isEmpty() || roots.isEmpty()) {
            return false;
        }
        for (URL root : roots) {
            Map<String, Integer> found = switch (root.getProtocol()) {
                case "file" -> directory(Path.of(root.toURI()));
                case "jar" -> jar((JarURLConnection) root.openConnection(), path + "/");
                default -> null;
            };
            if (found == null) {
                return false;
            }
            for (Map.Entry<String, Integer> script : found.entrySet()) {
                if (!VERSIONED.matcher(script.getKey()).matches()
                        || scripts.putIfAbsent(script.getKey(), script.getValue()) != null) {
                    return false;
                }
            }
        }
        return true;
    }

    private static Map<String, Integer> directory(Path root) throws IOException {
        Map<String, Integer> found = new HashMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                try (InputStream in = Files.newInputStream(file)) {
                    found.put(root.relativize(file).toString().replace('\\', '/'), checksum(in));
                }
            }
        }
        return found;
    }

    private static Map<String, Integer> jar(JarURLConnection connection, String prefix) throws IOException {
        Map<String, Integer> found = new HashMap<>();
        JarFile jar = connection.getJarFile();
        for (JarEntry entry : Collections.list(jar.entries())) {
            if (entry.getName().startsWith(prefix) && !entry.isDirectory()) {
                try (InputStream in = jar.getInputStream(entry)) {
                    found.put(entry.getName().substring(prefix.length()), checksum(in));
                }
            }
        }
        return found;
    }

    /** Flyway's checksum of a script. */
    static int checksum(InputStream text) throws IOException {
        CRC32 crc = new CRC32();
        BufferedReader lines = new BufferedReader(new InputStreamReader(text, StandardCharsets.UTF_8));
        String line = lines.readLine();
        if (line != null && line.startsWith("\uFEFF")) {
            line = line.substring(1);
        }
        for (; line != null; line = lines.readLine()) {
            crc.update(line.getBytes(StandardCharsets.UTF_8));
        }
        return (int) crc.getValue();
    }

    private static boolean recordsExactly(DataSource dataSource, Map<String, Integer> scripts) {
        Set<String> applied = new HashSet<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        "SELECT \"type\", \"script\", \"checksum\", \"success\" FROM \"flyway_schema_history\"")) {
            while (rows.next()) {
                String type = rows.getString(1);
                if (MARKERS.contains(type) && rows.getBoolean(4)) {
                    continue;
                }
                String script = rows.getString(2);
                int checksum = rows.getInt(3);
                boolean recorded = !rows.wasNull() && "SQL".equals(type) && rows.getBoolean(4);
                if (!recorded || !scripts.containsKey(script) || scripts.get(script) != checksum
                        || !applied.add(script)) {
                    return false;
                }
            }
        } catch (SQLException e) {
            return false;
        }
        return applied.equals(scripts.keySet());
    }
}
