package be.biodiversity.portal.render.compose;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

import be.biodiversity.portal.render.directory.DirectoryClient;
import be.biodiversity.portal.render.directory.Person;
import be.biodiversity.portal.render.site.SafeUrls;

/**
 * A {@code people} block: the node's people from directory-service, by name, each with photo (or initials),
 * roles and short bio in the page's language. {@code filters:} chooses them: {@code category} ({@code NODE_STAFF},
 * the default, or {@code CONTACT}), {@code role} (people one of whose roles contains it, ignoring case) and
 * {@code current} ({@code true}: only current, {@code false}: only former; absent: current first, then former).
 */
@Component
class PeopleBlock {

    static final Set<String> CATEGORIES = Set.of("NODE_STAFF", "CONTACT");
    private static final Logger logger = LoggerFactory.getLogger(PeopleBlock.class);

    private final DirectoryClient directory;
    private final BlockText text;

    PeopleBlock(DirectoryClient directory, BlockText text) {
        this.directory = directory;
        this.text = text;
    }

    Mono<BlockView> block(BlockOptions options, BlockIntro intro, String lang) {
        String category = options.code("category") == null ? "NODE_STAFF" : options.code("category");
        if (!CATEGORIES.contains(category)) {
            logger.warn("People block left out: no category {} (one of {})", category, CATEGORIES);
            return Mono.empty();
        }
        Boolean current = options.flag("current");
        String role = options.filter("role");
        return directory.people(category, current)
            .flatMap((people) -> {
                List<Person> shown = people.stream().filter((person) -> hasRole(person, role)).toList();
                if (shown.isEmpty()) {
                    return Mono.empty();
                }
                List<BlockView.Card> now = cards(shown, true, lang);
                List<BlockView.Card> before = cards(shown, false, lang);
                return Mono.just(new BlockView("people", intro.title(), intro.descriptionHtml(), now, null, null,
                        false, List.of(), before, false));
            })
            .onErrorResume((ex) -> {
                logger.warn("People block without its people: {}", ex.getMessage());
                return Mono.just(BlockView.unavailable("people", intro));
            });
    }

    private static boolean hasRole(Person person, String role) {
        String wanted = role == null ? null : role.strip().toLowerCase(Locale.ROOT);
        return wanted == null
                || person.roleList().stream().anyMatch((r) -> r.toLowerCase(Locale.ROOT).contains(wanted));
    }

    private List<BlockView.Card> cards(List<Person> people, boolean current, String lang) {
        return people.stream()
            .filter((person) -> person.isCurrent() == current && person.name() != null)
            .map((person) -> {
                String photo = SafeUrls.image(person.photoUrl());
                return new BlockView.Card(person.name(), text.prose(person.bio(lang)), photo, null,
                        person.roleList().isEmpty() ? null : String.join(", ", person.roleList()),
                        photo == null ? Initials.of(person.name(), 2, true) : null, null);
            })
            .toList();
    }
}
