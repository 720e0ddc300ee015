package be.biodiversity.portal.directory.people;

import java.net.URI;
import java.util.Locale;

import be.biodiversity.portal.directory.web.FieldProblem;
import be.biodiversity.portal.editor.Editor;
import be.biodiversity.portal.directory.web.PagingResponse;
import be.biodiversity.portal.directory.web.RequestParams;
import jakarta.validation.Valid;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The people API, version 1: node staff and contacts. Writes need an editor; reads are public, but anonymously a
 * person is only what the portal's pages show ({@link PublicPerson}), an editor sees everything ({@link PersonResponse}).
 */
@RestController
@RequestMapping(PersonController.PATH)
class PersonController {

    static final String PATH = "/api/directory/v1/people";

    private final PersonService people;

    PersonController(PersonService people) {
        this.people = people;
    }

    @GetMapping
    Mono<PagingResponse<PersonView>> list(@RequestParam(required = false) String category,
            @RequestParam(required = false) String current, @RequestParam(required = false) String organisation,
            @RequestParam(defaultValue = "0") int offset, @RequestParam(defaultValue = "20") int limit,
            @AuthenticationPrincipal Editor editor) {
        return Mono.fromCallable(() -> {
            RequestParams.offset(offset);
            RequestParams.limit(limit);
            RequestParams.text("category", category, 50);
            RequestParams.text("current", current, 50);
            return offset;
        }).then(Mono.defer(() -> people.list(category(category), bool(current), organisation(organisation), offset,
                limit))).map(page -> page.map(person -> view(person, editor)));
    }

    @GetMapping("/{key}")
    Mono<PersonView> byKey(@PathVariable String key, @AuthenticationPrincipal Editor editor) {
        RequestParams.key("key", key);
        return people.byKey(key).map(person -> view(person, editor));
    }

    @GetMapping("/slug/{slug}")
    Mono<PersonView> bySlug(@PathVariable String slug, @AuthenticationPrincipal Editor editor) {
        RequestParams.slug(slug);
        return people.bySlug(slug).map(person -> view(person, editor));
    }

    /** Everything for an editor; for anyone else only what the portal's pages show (no e-mail, no bookkeeping). */
    private static PersonView view(Person person, Editor editor) {
        return editor != null ? PersonResponse.of(person) : PublicPerson.of(person);
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<PersonResponse>> create(@Valid @RequestBody PersonRequest request) {
        return people.create(request).map(created -> ResponseEntity.created(URI.create(PATH + "/" + created.key()))
                .body(PersonResponse.of(created)));
    }

    @PutMapping(path = "/{key}", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<PersonResponse> update(@PathVariable String key, @Valid @RequestBody PersonRequest request) {
        RequestParams.update(key, request.key(), request.version());
        return people.update(key, request).map(PersonResponse::of);
    }

    @DeleteMapping("/{key}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> delete(@PathVariable String key) {
        RequestParams.key("key", key);
        return people.delete(key);
    }

    private static PersonCategory category(String value) {
        String name = blankToNull(value);
        if (name == null) {
            return null;
        }
        try {
            return PersonCategory.valueOf(name.toUpperCase(Locale.ROOT));
        }
        catch (IllegalArgumentException ex) {
            throw FieldProblem.badRequest("category",
                    "Unknown category '" + value + "'; expected one of NODE_STAFF, CONTACT");
        }
    }

    private static Boolean bool(String value) {
        String text = blankToNull(value);
        if (text == null) {
            return null;
        }
        if (!text.equalsIgnoreCase("true") && !text.equalsIgnoreCase("false")) {
            throw FieldProblem.badRequest("current", "current must be true or false, not '" + value + "'");
        }
        return Boolean.parseBoolean(text);
    }

    /** An organisation's key, or none. */
    private static String organisation(String value) {
        String key = blankToNull(value);
        return key == null ? null : RequestParams.key("organisation", key);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
