package be.biodiversity.portal.content.web;

/** Bad input in one named field: answered with 400 and the field's name. */
public class InvalidFieldException extends RuntimeException {

    private final String field;

    public InvalidFieldException(String field, String message) {
        super(field + ": " + message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
