package be.biodiversity.portal.content.jekyll;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/** Safe YAML (no custom types, bounded aliases and size) with errors that give the line in the file. */
public final class Yaml {

    private Yaml() {
    }

    /**
     * @param firstLine the file line the text starts on (2 for front matter after the opening {@code ---})
     * @throws YamlException with the file line of the problem
     */
    public static Object load(String text, int firstLine) {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(50);
        options.setAllowDuplicateKeys(false);
        options.setCodePointLimit(5_000_000);
        try {
            return normalise(new org.yaml.snakeyaml.Yaml(new SafeConstructor(options)).load(text));
        }
        catch (MarkedYAMLException ex) {
            Mark mark = ex.getProblemMark() != null ? ex.getProblemMark() : ex.getContextMark();
            int line = mark == null ? firstLine : firstLine + mark.getLine();
            String problem = ex.getProblem() == null ? ex.getMessage() : ex.getProblem();
            String context = ex.getContext() == null ? "" : " (" + ex.getContext() + ")";
            throw new YamlException(line, "malformed YAML: " + problem + context);
        }
        catch (YAMLException ex) {
            throw new YamlException(firstLine, "malformed YAML: " + ex.getMessage());
        }
    }

    /** Map keys as strings, as Jekyll sees them once it hands them to Liquid. */
    private static Object normalise(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(String.valueOf(k), normalise(v)));
            return copy;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(Yaml::normalise).toList();
        }
        return value;
    }

    public static class YamlException extends RuntimeException {

        private final int line;

        YamlException(int line, String message) {
            super(message);
            this.line = line;
        }

        public int line() {
            return line;
        }
    }
}
