package be.biodiversity.portal.directory.registry;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

import be.biodiversity.portal.directory.people.NodePeople;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A GBIF node as the registry answers {@code GET /node/{key}}, with just its contacts (public fields only). */
@JsonIgnoreProperties(ignoreUnknown = true)
record RegistryNode(String key, String title, List<Contact> contacts) {

    /** Contact types of people who work for the node; the others represent the participant (delegates…). */
    private static final Set<String> STAFF = Set.of("NODE_MANAGER", "NODE_STAFF");

    List<Contact> people() {
        return contacts == null ? List.of() : contacts;
    }

    /** A contact of the node: no phone, address or user ids are kept. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Contact(String type, String firstName, String lastName, List<String> position, List<String> email) {

        String name() {
            return String.join(" ", Stream.of(firstName, lastName).filter(part -> part != null && !part.isBlank())
                    .map(String::strip).toList());
        }

        /** As a person of the directory: roles are the positions, else the contact type ("Node manager"). */
        NodePeople.NodeContact asPerson() {
            List<String> positions = position == null ? List.of() : position.stream()
                    .filter(text -> text != null && !text.isBlank()).map(String::strip).toList();
            List<String> roles = !positions.isEmpty() ? positions : type == null ? List.of()
                    : List.of(label(type));
            String address = email == null ? null : email.stream().filter(text -> text != null && !text.isBlank())
                    .map(String::strip).findFirst().orElse(null);
            return new NodePeople.NodeContact(name(), address, roles, type != null && STAFF.contains(type));
        }

        private static String label(String type) {
            String words = type.toLowerCase(Locale.ROOT).replace('_', ' ');
            return Character.toUpperCase(words.charAt(0)) + words.substring(1);
        }
    }
}
