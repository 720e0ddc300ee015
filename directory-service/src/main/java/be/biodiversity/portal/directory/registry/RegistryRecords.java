package be.biodiversity.portal.directory.registry;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import be.biodiversity.portal.directory.organisation.RegistryData;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.springframework.stereotype.Component;

/** Checks registry records before anything is written: a key, a title and data the directory accepts. */
@Component
class RegistryRecords {

    private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    private final Validator validator;

    RegistryRecords(Validator validator) {
        this.validator = validator;
    }

    /** A record with its data, ready to upsert. */
    record Checked(String key, RegistryData data) {
    }

    /** The checked record, or the first problem of it, its field named relative to the record. */
    Optional<ImportReport.Rejected> problem(RegistryOrganisation organisation) {
        try {
            check(organisation);
            return Optional.empty();
        }
        catch (RegistryOrganisation.InvalidRecord ex) {
            return Optional.of(new ImportReport.Rejected(organisation.key(), ex.field(), ex.getMessage()));
        }
    }

    Checked checked(RegistryOrganisation organisation) {
        return check(organisation);
    }

    private Checked check(RegistryOrganisation organisation) {
        if (organisation.key() == null || !organisation.key().matches(UUID)) {
            throw new RegistryOrganisation.InvalidRecord("key", "must be a UUID in lower case");
        }
        if (organisation.title() == null || organisation.title().isBlank()) {
            throw new RegistryOrganisation.InvalidRecord("title", "must not be blank");
        }
        RegistryData data = organisation.data();
        List<ConstraintViolation<RegistryData>> violations = new ArrayList<>(validator.validate(data));
        if (!violations.isEmpty()) {
            violations.sort(Comparator.comparing(violation -> violation.getPropertyPath().toString()));
            ConstraintViolation<RegistryData> first = violations.get(0);
            throw new RegistryOrganisation.InvalidRecord(first.getPropertyPath().toString(), first.getMessage());
        }
        return new Checked(organisation.key(), data);
    }
}
