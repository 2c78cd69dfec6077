// SPDX-License-Identifier: MIT
package org.zhol.server.config;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.ZholException;

/**
 * Reads a server's configuration in three layers: the defaults (a config record built in code), a YAML
 * file ({@code .yaml}/{@code .yml}) or a properties file (dotted keys, e.g. {@code admin.port=4002})
 * over them, and overrides such as {@code database.jdbcUrl=...} last. The result is mapped onto the
 * config record, whose nested records mirror the file's sections. Unknown keys are refused, so that a
 * misspelt option is not silently ignored.
 *
 * <p>The YAML parser is loaded only to read a YAML file: a server started with defaults and overrides
 * does not pay for it.
 */
public final class ConfigLoader {

    /** Maps the merged tree onto the record; the tree does not depend on the file's format. */
    private final ObjectMapper mapper = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    /**
     * @param defaults  the configuration when neither file nor overrides say otherwise
     * @param file      the config file, or null for none
     * @param overrides {@code dotted.key=value} pairs, applied after the file
     * @throws ZholException {@code MalformedServerConf} naming the file and the problem
     */
    @SuppressWarnings("unchecked")
    public <T extends Record> T load(T defaults, Path file, List<String> overrides) {
        Class<T> type = (Class<T>) defaults.getClass();
        ObjectNode tree = mapper.valueToTree(defaults);
        if (file != null) {
            merge(tree, read(file));
        }
        for (String override : overrides) {
            int eq = override.indexOf('=');
            if (eq <= 0) {
                throw malformed("An override must look like key=value, not '" + override + "'", null);
            }
            put(tree, override.substring(0, eq).trim(), override.substring(eq + 1));
        }
        try {
            return mapper.treeToValue(tree, type);
        } catch (IOException | IllegalArgumentException e) {
            throw malformed("Invalid configuration" + (file == null ? "" : " in " + file) + ": "
                    + firstLine(e.getMessage()), e);
        }
    }

    private ObjectNode read(Path file) {
        try {
            String name = file.getFileName().toString();
            if (name.endsWith(".properties")) {
                Properties properties = new Properties();
                try (InputStream in = Files.newInputStream(file)) {
                    properties.load(in);
                }
                ObjectNode tree = mapper.createObjectNode();
                properties.stringPropertyNames().stream().sorted()
                        .forEach(key -> put(tree, key, properties.getProperty(key)));
                return tree;
            }
            JsonNode node = new YAMLMapper().readTree(file.toFile());
            if (node == null || node.isMissingNode() || node.isNull()) {
                return mapper.createObjectNode();
            }
            if (!node.isObject()) {
                throw malformed("The configuration file " + file + " must be a map of options", null);
            }
            return (ObjectNode) node;
        } catch (IOException e) {
            throw malformed("Cannot read the configuration file " + file + ": " + firstLine(e.getMessage()), e);
        }
    }

    private static void merge(ObjectNode into, ObjectNode from) {
        from.properties().forEach(entry -> {
            JsonNode existing = into.get(entry.getKey());
            if (existing instanceof ObjectNode target && entry.getValue() instanceof ObjectNode source) {
                merge(target, source);
            } else {
                into.set(entry.getKey(), entry.getValue());
            }
        });
    }

    private static void put(ObjectNode tree, String dottedKey, String value) {
        String[] path = dottedKey.split("\\.");
        ObjectNode node = tree;
        for (int i = 0; i < path.length - 1; i++) {
            JsonNode child = node.get(path[i]);
            if (!(child instanceof ObjectNode)) {
                child = node.putObject(path[i]);
            }
            node = (ObjectNode) child;
        }
        node.put(path[path.length - 1], value);
    }

    private static ZholException malformed(String detail, Throwable cause) {
        return new ZholException(org.zhol.protocol.error.FaultCode.of(ErrorCode.MALFORMED_SERVER_CONF),
                org.zhol.protocol.error.Origin.THIS_SERVER, detail, cause);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
