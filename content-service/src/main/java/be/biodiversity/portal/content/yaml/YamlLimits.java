package be.biodiversity.portal.content.yaml;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param maxExpandedSize the largest a YAML text (data file, {@code _config.yml}, front matter) may be once its
 *                        aliases are expanded: characters of its values plus one per value, list and mapping
 */
@ConfigurationProperties("portal.content.yaml")
record YamlLimits(Long maxExpandedSize) {

    YamlLimits {
        maxExpandedSize = maxExpandedSize == null ? Yaml.DEFAULT_MAX_EXPANDED_SIZE : maxExpandedSize;
        // YAML is read by static helpers everywhere (front matter, data files, the site context): set once here
        Yaml.maxExpandedSize(maxExpandedSize);
    }
}
